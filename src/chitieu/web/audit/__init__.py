"""The audit trail: who changed the catalogue, the users or the departments, when, and what."""

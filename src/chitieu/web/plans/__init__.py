"""Plans, their indicators and targets, tasks, localities and departments."""

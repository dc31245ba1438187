"""Background jobs: one row per job (state, stage, done/total, result), run by a worker."""

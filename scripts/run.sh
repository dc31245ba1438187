#!/usr/bin/env bash
# The main job: install chitieu, load the Hưng Yên plan and its history into SQLite,
# create one demo user per role and serve the dashboard at http://127.0.0.1:8000.
# Options go to `chitieu demo` (e.g. `scripts/run.sh --port 8080`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/chitieu demo "$@"

#!/usr/bin/env bash
# The whole test suite: every test on SQLite, then the database tests again on PostgreSQL.
# With arguments, runs pytest once with them (e.g. `scripts/test.sh -m "not slow"`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
bash scripts/system-packages.sh
if [ "$#" -gt 0 ]; then
  exec .venv/bin/python -m pytest "$@"
fi

# The RQ queue's test needs the Redis server this machine runs (CI too): fail, never skip.
export CHITIEU_TEST_REDIS_REQUIRED=1
.venv/bin/python -m pytest

postgres_url=${CHITIEU_TEST_POSTGRES_URL:-postgres://root@127.0.0.1:5432/test}
if ! .venv/bin/python - "$postgres_url" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1], connect_timeout=5).close()
except psycopg.OperationalError as error:
    sys.exit(f"PostgreSQL is not reachable at {sys.argv[1]}: {error}")
PY
then
  echo "Start PostgreSQL (or set CHITIEU_TEST_POSTGRES_URL) and run again." >&2
  exit 1
fi
DATABASE_URL=$postgres_url .venv/bin/python -m pytest tests/web tests/cli

#!/usr/bin/env bash
# The quick test subset on every supported Python (3.11, 3.12, 3.13) that is installed.
#
#   bash scripts/test-pythons.sh            # every version found
#   bash scripts/test-pythons.sh 3.12 3.13  # only these
#
# An interpreter is taken from PYTHON311 / PYTHON312 / PYTHON313 when set, else the newest
# pyenv build of that version (under `pyenv root`), else python3.X on the PATH. Each
# version gets its own venv, .venv-3.X (git-ignored; .venv stays the 3.11 working venv),
# with chitieu installed editable with its dev extras. A version not found is skipped;
# the script fails when one run fails or when no version at all is found.
set -euo pipefail
cd "$(dirname "$0")/.."

versions=("$@")
[ "${#versions[@]}" -gt 0 ] || versions=(3.11 3.12 3.13)

find_python() {
  local version=$1 var="PYTHON${1/./}" root candidate
  if [ -n "${!var:-}" ]; then
    echo "${!var}"
    return
  fi
  if command -v pyenv >/dev/null 2>&1; then
    root=$(pyenv root)
    # The newest patch release: 3.12.10 sorts after 3.12.9.
    candidate=$(ls -d "$root/versions/$version".[0-9]* 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$candidate" ] && [ -x "$candidate/bin/python" ]; then
      echo "$candidate/bin/python"
      return
    fi
  fi
  command -v "python$version" 2>/dev/null || true
}

results=()
failed=0
for version in "${versions[@]}"; do
  python=$(find_python "$version")
  if [ -z "$python" ]; then
    results+=("$version: skipped (no interpreter found)")
    continue
  fi
  venv=".venv-$version"
  echo "== Python $version ($python) → $venv"
  start=$SECONDS
  if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
  fi
  "$venv/bin/python" -m pip install --quiet -e ".[dev]"
  installed=$((SECONDS - start))
  start=$SECONDS
  if "$venv/bin/python" -m pytest -m "not slow" -q -p no:cacheprovider; then
    outcome="passed"
  else
    outcome="FAILED"
    failed=1
  fi
  results+=("$version: $outcome (install ${installed}s, tests $((SECONDS - start))s)")
done

echo
echo "== Results"
printf '%s\n' "${results[@]}"
if ! printf '%s\n' "${results[@]}" | grep -q -e ': passed' -e ': FAILED'; then
  echo "No Python ${versions[*]} found; set PYTHON311, PYTHON312 or PYTHON313." >&2
  exit 1
fi
exit "$failed"

#!/usr/bin/env bash
# The README's test command: what the tests need from the system (PostgreSQL's server binaries
# and Chromium, Debian's postgresql and chromium packages, installed with apt-get only when
# missing), the test extras, then the linters and the tests. .ci/run runs exactly this in a
# fresh virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null; then
    missing+=(postgresql)  # the store tests start a real server
fi
if ! command -v chromium >/dev/null; then
    missing+=(chromium)  # the evaluation report is loaded in a real headless browser
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "tools/test.sh: installing Debian's ${missing[*]} for the tests" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python -m pip install --quiet ".[test]"
ruff check
mypy
lint-imports  # the layers and rooms of ave_cli (pyproject.toml: [tool.importlinter])
pytest "$@"

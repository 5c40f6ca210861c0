#!/usr/bin/env bash
# The README's test command: what the tests need from the system (PostgreSQL's server binaries,
# from Debian's postgresql package, installed with apt-get only when missing), the test extras,
# then the linters and the tests. .ci/run runs exactly this in a fresh virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null; then
    echo "tools/test.sh: installing Debian's postgresql (the store tests start a real server)" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
python -m pip install --quiet ".[test]"
ruff check
mypy
pytest "$@"

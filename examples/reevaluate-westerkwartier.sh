#!/usr/bin/env bash
# Re-evaluate the sample log under the Westerkwartier kapstok: first see what would change,
# then record it, then check that a second run finds nothing left to change.
# Works on a copy, so examples/sample-log.toml stays as it is.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
install -m 600 "$here/sample-log.toml" "$work/caselog.toml"
export AVE_LOG="$work/caselog.toml"

ave reevaluate --kapstok westerkwartier              # what would change (writes nothing)
ave reevaluate --kapstok westerkwartier --apply      # one 'reevaluation' decision per change
ave reevaluate --kapstok westerkwartier              # nothing left to change
ave report

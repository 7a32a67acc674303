#!/usr/bin/env bash
# Runs cargo in the workspace with the build directory every script shares
# ($CARGO_TARGET_DIR, by default ~/.cache/medchain/target), so that a command typed by hand
# reuses what scripts/start.sh and scripts/test.sh built instead of starting a second build.
#
#   scripts/cargo.sh build --release -p medchain-node
#   scripts/cargo.sh test -p pallet-consent
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$MEDCHAIN_ROOT"
exec cargo "$@"

#!/usr/bin/env bash
# Measures how many clinical extrinsics (record submissions, approvals, history views) a
# release development node includes per second, beside plain balance transfers, in one run.
#
#   scripts/bench.sh                       10,000 of each kind on a fresh node
#   scripts/bench.sh --count 2000          fewer of each kind
#   scripts/bench.sh --url ws://127.0.0.1:9944   a node already running on this machine
#
# Every argument goes to medchain-bench (--help lists them). The table is printed; the same
# figures go to bench-results/bench.json and a chart of extrinsics per block to
# bench-results/bench.svg (--out DIR elsewhere).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$MEDCHAIN_ROOT"

step "set-up"
scripts/setup.sh

step "build: the release node and medchain-bench"
cargo build --release --locked -p medchain-node -p medchain-bench

step "bench"
"$CARGO_TARGET_DIR/release/medchain-bench" "$@"

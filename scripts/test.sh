#!/usr/bin/env bash
# Runs every test tier: formatting, clippy, unit and runtime tests, benchmark tests of the
# pallets, and end-to-end tests against real medchain-node processes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$MEDCHAIN_ROOT"

step "set-up"
scripts/setup.sh

step "formatting (cargo fmt --check)"
cargo fmt --all --check

step "build: node and runtime"
build_workspace

step "clippy, warnings denied"
cargo clippy --workspace --all-targets --locked "${MEDCHAIN_FEATURES[@]}" -- -D warnings

step "unit and runtime tests"
cargo test --workspace --locked "${MEDCHAIN_FEATURES[@]}" --exclude medchain-e2e

step "benchmarks of the pallets, run as tests"
benchmarked=(pallet-registry pallet-consent pallet-records pallet-dpos)
features=$(printf '%s/runtime-benchmarks,' "${benchmarked[@]}")
cargo test --locked "${benchmarked[@]/#/-p=}" --features "${features%,}"

step "end-to-end tests (real nodes on loopback)"
MEDCHAIN_NODE="$MEDCHAIN_NODE" cargo test -p medchain-e2e --locked

step "all tests passed"

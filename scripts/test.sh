#!/usr/bin/env bash
# Runs every test tier: formatting, the portal's build and unit tests, clippy, unit and runtime
# tests, the pallets' benchmarks as tests, and end-to-end tests against real medchain-node
# processes, the portal's browser tests in a headless Chromium among them.
#
# MEDCHAIN_E2E_THREADS (default 3) is how many end-to-end tests run at once: they spend most
# of their time waiting for blocks, so more run than there are cores.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$MEDCHAIN_ROOT"

step "set-up"
scripts/setup.sh

step "formatting (cargo fmt --check)"
cargo fmt --all --check

step "build: node, runtime, vault, client and CLI"
build_workspace

step "portal: build (type-checked against the committed metadata) and its unit tests"
build_portal
(cd portal && node --test tests/unit.test.mjs)

step "clippy, warnings denied"
cargo clippy --workspace --all-targets --locked "${MEDCHAIN_FEATURES[@]}" -- -D warnings

# The same crates and features as the build, so that the unit tests reuse it: the end-to-end
# tests are left out by their manifest (test = false), not by --exclude, which would change
# the features cargo unifies and rebuild much of the tree.
step "unit and runtime tests"
cargo test --workspace --locked "${MEDCHAIN_FEATURES[@]}" --tests

step "benchmarks, run as tests: each pallet's on its mock, all through the runtime's API"
benchmarked=(pallet-registry pallet-consent pallet-records pallet-dpos pallet-governance medchain-runtime)
features=$(printf '%s/runtime-benchmarks,' "${benchmarked[@]}")
# The runtime's test runs natively; its WebAssembly blob is not needed here.
SKIP_WASM_BUILD=1 cargo test --locked "${benchmarked[@]/#/-p=}" --features "${features%,}" \
	--lib benchmark

step "end-to-end tests (real nodes on loopback)"
# The record custody test exports the state its dev chain reached; no stale export is checked.
export MEDCHAIN_LIVE_STATE="$CARGO_TARGET_DIR/live-state.json"
rm -f "$MEDCHAIN_LIVE_STATE"
MEDCHAIN_NODE="$MEDCHAIN_NODE" cargo test -p medchain-e2e --test e2e --locked -- \
	--test-threads "${MEDCHAIN_E2E_THREADS:-3}"

step "every pallet's try_state on that live chain's state"
cargo test --workspace --locked "${MEDCHAIN_FEATURES[@]}" --test live_state

step "all tests passed"

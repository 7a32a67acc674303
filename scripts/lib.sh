# Shared by the scripts: the target directory and the one build every script uses, so that
# start.sh reuses what test.sh built and the other way round.

MEDCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/medchain/target}"
# Sessions of a minute: the dev chain and the tests elect delegates without long waits.
MEDCHAIN_FEATURES=(--features medchain-runtime/fast-runtime)
MEDCHAIN_NODE="$CARGO_TARGET_DIR/debug/medchain-node"

step() { printf '\n==> %s\n' "$*"; }

# Builds every crate of the workspace, the node and its runtime (native and WebAssembly).
build_workspace() {
	(cd "$MEDCHAIN_ROOT" && cargo build --workspace --locked "${MEDCHAIN_FEATURES[@]}")
}

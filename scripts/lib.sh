# Shared by the scripts: the target directory and the one build every script uses, so that
# start.sh reuses what test.sh built and the other way round.

MEDCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/medchain/target}"
# Sessions of ten 2-second blocks: the dev chain and the tests elect delegates without long waits;
# and, beside the runtime, the blob of its next version, which the upgrade test proposes.
MEDCHAIN_FEATURES=(--features medchain-runtime/fast-runtime,medchain-runtime/next-version-blob)
# A node binary given from outside is run as it is; otherwise the scripts build their own.
MEDCHAIN_PREBUILT_NODE="${MEDCHAIN_NODE:-}"
MEDCHAIN_NODE="${MEDCHAIN_NODE:-$CARGO_TARGET_DIR/debug/medchain-node}"
# Where every node started by the scripts keeps the runtime as wasmtime compiled it.
MEDCHAIN_WASM_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/medchain/wasm-cache"

# A step's title, with the seconds since the script started.
step() { printf '\n==> %s (at %d s)\n' "$*" "$SECONDS"; }

# Builds every crate of the workspace, the node and its runtime (native and WebAssembly),
# unless $MEDCHAIN_NODE names a node binary to run instead.
build_workspace() {
	if [ -n "$MEDCHAIN_PREBUILT_NODE" ]; then
		echo "using the node binary $MEDCHAIN_PREBUILT_NODE (\$MEDCHAIN_NODE); not building"
		return
	fi
	(cd "$MEDCHAIN_ROOT" && cargo build --workspace --locked "${MEDCHAIN_FEATURES[@]}")
}

# Builds the portal into portal/dist: typed against the committed metadata, so that a drift
# between the chain and the portal fails here.
build_portal() {
	(cd "$MEDCHAIN_ROOT/portal" && node build.mjs)
}

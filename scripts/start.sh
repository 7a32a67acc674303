#!/usr/bin/env bash
# The main job: a MedChain development chain, ready for the medchain CLI and Polkadot.js apps.
#
#   scripts/start.sh            keeps the chain under ${XDG_DATA_HOME:-~/.local/share}/medchain/dev
#   scripts/start.sh --tmp      starts from genesis in a temporary directory, removed at exit
#   scripts/start.sh --purge    removes the kept chain first, then starts from genesis
#
# Any other argument goes to medchain-node (e.g. --rpc-port 9955). The node's log goes to the
# terminal and to ${XDG_DATA_HOME:-~/.local/share}/medchain/logs/dev-node.log. Ctrl-C stops it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

data_root="${XDG_DATA_HOME:-$HOME/.local/share}/medchain"
data_dir="$data_root/dev"
log="$data_root/logs/dev-node.log"
rpc_port=9944
storage=(--base-path "$data_dir")
node_args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--tmp) storage=(--tmp) ;;
		--purge) rm -rf "$data_dir" && echo "removed $data_dir" ;;
		--rpc-port) rpc_port="$2"; node_args+=("$1" "$2"); shift ;;
		--rpc-port=*) rpc_port="${1#--rpc-port=}"; node_args+=("$1") ;;
		*) node_args+=("$1") ;;
	esac
	shift
done

step "set-up"
"$MEDCHAIN_ROOT/scripts/setup.sh"
step "build (debug; the first build takes about 25 minutes on two cores)"
build_workspace

endpoint="ws://127.0.0.1:${rpc_port}"
mkdir -p "$(dirname "$log")"
step "starting the development chain"
if [ "${storage[0]}" = "--tmp" ]; then
	echo "chain data:       temporary (removed when the node stops)"
else
	echo "chain data:       $data_dir (kept; scripts/start.sh --purge starts afresh)"
fi
echo "node log:         $log (appended to; also shown here)"
echo "RPC endpoint:     $endpoint"
echo "Polkadot.js apps: https://polkadot.js.org/apps/?rpc=$(printf '%s' "$endpoint" | sed 's/:/%3A/g; s#/#%2F#g')#/explorer"
echo "Blocks every 2 s; Alice authors and finalizes. Ctrl-C stops the node."
echo
# The node's output goes to the terminal and the log; the script ends with the node, with
# the node's exit status.
"$MEDCHAIN_NODE" --dev "${storage[@]}" --wasm-cache "$MEDCHAIN_WASM_CACHE" "${node_args[@]}" 2>&1 |
	tee -a "$log"
exit "${PIPESTATUS[0]}"

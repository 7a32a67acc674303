#!/usr/bin/env bash
# The main job: a MedChain development chain, ready for the medchain CLI and Polkadot.js apps.
#
#   scripts/start.sh            keeps the chain under ${XDG_DATA_HOME:-~/.local/share}/medchain/dev
#   scripts/start.sh --tmp      starts from genesis in a temporary directory, removed at exit
#   scripts/start.sh --purge    removes the kept chain first, then starts from genesis
#
# Any other argument goes to medchain-node (e.g. --rpc-port 9955). Ctrl-C stops the node.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/medchain/dev"
rpc_port=9944
storage=(--base-path "$data_dir")
node_args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--tmp) storage=(--tmp) ;;
		--purge) rm -rf "$data_dir" && echo "removed $data_dir" ;;
		--rpc-port) rpc_port="$2"; node_args+=("$1" "$2"); shift ;;
		*) node_args+=("$1") ;;
	esac
	shift
done

step "set-up"
"$MEDCHAIN_ROOT/scripts/setup.sh"
step "build (debug; the first build takes about 20 minutes on two cores)"
build_workspace

endpoint="ws://127.0.0.1:${rpc_port}"
step "starting the development chain"
if [ "${storage[0]}" = "--tmp" ]; then
	echo "chain data:       temporary (removed when the node stops)"
else
	echo "chain data:       $data_dir (kept; scripts/start.sh --purge starts afresh)"
fi
echo "RPC endpoint:     $endpoint"
echo "Polkadot.js apps: https://polkadot.js.org/apps/?rpc=$(printf '%s' "$endpoint" | sed 's/:/%3A/g; s#/#%2F#g')#/explorer"
echo "Blocks every 6 s; Alice authors and finalizes. Ctrl-C stops the node."
echo
exec "$MEDCHAIN_NODE" --dev "${storage[@]}" "${node_args[@]}"

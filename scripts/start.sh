#!/usr/bin/env bash
# The main job: a MedChain development chain and its hospital vault, which serves the portal,
# ready for the medchain CLI, a browser and Polkadot.js apps.
#
#   scripts/start.sh            keeps the chain and the vault's documents under
#                               ${XDG_DATA_HOME:-~/.local/share}/medchain/{dev,vault}
#   scripts/start.sh --tmp      starts from genesis in temporary directories, removed at exit
#   scripts/start.sh --purge    removes the kept chain and documents first, then starts afresh
#   scripts/start.sh --vault-port N   the vault listens on N (default 8700)
#
# Any other argument goes to medchain-node (e.g. --rpc-port 9955). The node's log goes to the
# terminal and to ${XDG_DATA_HOME:-~/.local/share}/medchain/logs/dev-node.log, the vault's to
# dev-vault.log next to it. Ctrl-C stops both.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

data_root="${XDG_DATA_HOME:-$HOME/.local/share}/medchain"
data_dir="$data_root/dev"
vault_dir="$data_root/vault"
log="$data_root/logs/dev-node.log"
vault_log="$data_root/logs/dev-vault.log"
rpc_port=9944
vault_port=8700
storage=(--base-path "$data_dir")
node_args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--tmp) storage=(--tmp) ;;
		--purge) rm -rf "$data_dir" "$vault_dir" && echo "removed $data_dir and $vault_dir" ;;
		--vault-port) vault_port="$2"; shift ;;
		--vault-port=*) vault_port="${1#--vault-port=}" ;;
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
step "build: the portal"
build_portal

endpoint="ws://127.0.0.1:${rpc_port}"
vault_url="http://127.0.0.1:${vault_port}"
mkdir -p "$(dirname "$log")"
step "starting the development chain and its vault"
if [ "${storage[0]}" = "--tmp" ]; then
	vault_dir=$(mktemp -d)
	echo "chain data:       temporary (removed when the node stops)"
	echo "vault documents:  temporary ($vault_dir, removed when the vault stops)"
else
	echo "chain data:       $data_dir (kept; scripts/start.sh --purge starts afresh)"
	echo "vault documents:  $vault_dir (encrypted; its master key is $vault_dir/master.key)"
fi
echo "node log:         $log (appended to; also shown here)"
echo "vault log:        $vault_log (appended to)"
echo "RPC endpoint:     $endpoint"
echo "vault:            $vault_url (account //Alice//vault; medchain record put/get use it)"
echo "portal:           $vault_url/?node=$(printf '%s' "$endpoint" | sed 's/:/%3A/g; s#/#%2F#g') (patients: sign in as a dev account or with a secret)"
echo "Polkadot.js apps: https://polkadot.js.org/apps/?rpc=$(printf '%s' "$endpoint" | sed 's/:/%3A/g; s#/#%2F#g')#/explorer"
echo "Blocks every 2 s; Alice authors and finalizes. Ctrl-C stops the node and the vault."
echo
# The vault waits for the node to answer, then serves; it stops with this script.
MEDCHAIN_VAULT_SURI=//Alice//vault "$(dirname "$MEDCHAIN_NODE")/medchain-vault" \
	--url "$endpoint" --listen "127.0.0.1:$vault_port" --data "$vault_dir" \
	--portal "$MEDCHAIN_ROOT/portal/dist" >>"$vault_log" 2>&1 &
vault_pid=$!
cleanup() {
	kill "$vault_pid" 2>/dev/null && wait "$vault_pid" 2>/dev/null
	[ "${storage[0]}" = "--tmp" ] && rm -rf "$vault_dir"
	return 0
}
trap cleanup EXIT
# The node's output goes to the terminal and the log; the script ends with the node, with
# the node's exit status.
"$MEDCHAIN_NODE" --dev "${storage[@]}" --wasm-cache "$MEDCHAIN_WASM_CACHE" "${node_args[@]}" 2>&1 |
	tee -a "$log"
exit "${PIPESTATUS[0]}"

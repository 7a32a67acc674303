#!/usr/bin/env bash
# A four-hospital MedChain network on this machine, from the `local` chain: Alice, Bob, Charlie
# and Dave are the delegates, each hospital runs a vault next to its node, and one full node
# follows them. Each node and vault has its own directory and ports; every log is in one folder.
#
#   scripts/local-network.sh start [--purge]   build, then start five nodes and four vaults
#   scripts/local-network.sh status            each node's process, best and finalized block
#   scripts/local-network.sh stop              stop them all
#
# Node n (0 = alice ... 4 = full) listens for RPC on 9944+n and for peers on 30333+n; hospital
# n's vault (account //Name//vault) listens on 8700+n; set MEDCHAIN_RPC_BASE, MEDCHAIN_P2P_BASE
# and MEDCHAIN_VAULT_BASE to move them. Data and logs are kept under
# ${MEDCHAIN_NETWORK_DIR:-${XDG_DATA_HOME:-~/.local/share}/medchain/local}.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

dir="${MEDCHAIN_NETWORK_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/medchain/local}"
rpc_base="${MEDCHAIN_RPC_BASE:-9944}"
p2p_base="${MEDCHAIN_P2P_BASE:-30333}"
vault_base="${MEDCHAIN_VAULT_BASE:-8700}"
names=(alice bob charlie dave full)
hospitals=(alice bob charlie dave)
vault_bin="$(dirname "$MEDCHAIN_NODE")/medchain-vault"
# Node n has the fixed network key n+1, so that the others can name Alice's node (key 1) as
# their bootnode, and so that the authorities keep their identity across restarts.
node_key() { printf '%064x' $(($1 + 1)); }
boot_peer=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp

pid_of() { cat "$dir/$1.pid" 2>/dev/null || true; }
running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# Prints `best finalized` of the node on RPC port $1, or `- -` when it does not answer.
heights() {
	local rpc="http://127.0.0.1:$1" best finalized_hash finalized
	best=$(curl -s -m 3 -H 'Content-Type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":[]}' "$rpc" |
		sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p' || true)
	finalized_hash=$(curl -s -m 3 -H 'Content-Type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"chain_getFinalizedHead","params":[]}' "$rpc" |
		sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p' || true)
	finalized=$(curl -s -m 3 -H 'Content-Type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"chain_getHeader\",\"params\":[\"$finalized_hash\"]}" \
		"$rpc" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p' || true)
	if [ -n "$best" ] && [ -n "$finalized" ]; then
		echo "$((best)) $((finalized))"
	else
		echo "- -"
	fi
}

start() {
	if [ "${1:-}" = "--purge" ]; then
		stop
		rm -rf "$dir"
		echo "removed $dir"
	fi
	"$MEDCHAIN_ROOT/scripts/setup.sh"
	build_workspace
	mkdir -p "$dir/logs"
	for n in "${!names[@]}"; do
		local name=${names[$n]}
		if running "$name"; then
			echo "$name: already running (pid $(pid_of "$name"))"
			continue
		fi
		local args=(--chain local --base-path "$dir/$name" --name "$name"
			--rpc-port $((rpc_base + n)) --port $((p2p_base + n)) --node-key "$(node_key "$n")"
			--no-mdns --no-telemetry --no-prometheus --wasm-cache "$MEDCHAIN_WASM_CACHE")
		if [ "$name" = alice ]; then
			args+=(--alice)
		else
			args+=(--bootnodes "/ip4/127.0.0.1/tcp/$p2p_base/p2p/$boot_peer")
			[ "$name" = full ] || args+=("--$name")
		fi
		nohup "$MEDCHAIN_NODE" "${args[@]}" >"$dir/logs/$name.log" 2>&1 &
		echo $! >"$dir/$name.pid"
		echo "$name: started (pid $!), RPC ws://127.0.0.1:$((rpc_base + n)), log $dir/logs/$name.log"
	done
	for n in "${!hospitals[@]}"; do
		local name=${hospitals[$n]}-vault
		if running "$name"; then
			echo "$name: already running (pid $(pid_of "$name"))"
			continue
		fi
		local suri="//${hospitals[$n]^}//vault"
		MEDCHAIN_VAULT_SURI=$suri nohup "$vault_bin" --url "ws://127.0.0.1:$((rpc_base + n))" \
			--listen "127.0.0.1:$((vault_base + n))" --data "$dir/$name" >"$dir/logs/$name.log" 2>&1 &
		echo $! >"$dir/$name.pid"
		echo "$name: started (pid $!), http://127.0.0.1:$((vault_base + n)), log $dir/logs/$name.log"
	done
}

status() {
	printf '%-8s %-8s %-22s %8s %10s\n' node pid rpc best finalized
	for n in "${!names[@]}"; do
		local name=${names[$n]} pid=-
		running "$name" && pid=$(pid_of "$name")
		read -r best finalized < <(heights $((rpc_base + n)))
		printf '%-8s %-8s %-22s %8s %10s\n' "$name" "$pid" "ws://127.0.0.1:$((rpc_base + n))" \
			"$best" "$finalized"
	done
	printf '\n%-14s %-8s %-24s %s\n' vault pid url answers
	for n in "${!hospitals[@]}"; do
		local name=${hospitals[$n]}-vault pid=- url="http://127.0.0.1:$((vault_base + n))" answers=no
		running "$name" && pid=$(pid_of "$name")
		curl -s -m 3 "$url/v1/health" | grep -q account && answers=yes
		printf '%-14s %-8s %-24s %s\n' "$name" "$pid" "$url" "$answers"
	done
}

stop() {
	local all=("${names[@]}" "${hospitals[@]/%/-vault}")
	for name in "${all[@]}"; do
		if running "$name"; then
			kill "$(pid_of "$name")"
			echo "$name: stopping"
		fi
	done
	for name in "${all[@]}"; do
		for _ in $(seq 50); do running "$name" || break; sleep 0.2; done
		if running "$name"; then
			kill -9 "$(pid_of "$name")"
			echo "$name: killed after 10 s"
		fi
		rm -f "$dir/$name.pid"
	done
}

case "${1:-}" in
	start) shift; start "$@" ;;
	status) status ;;
	stop) stop ;;
	*) echo "usage: scripts/local-network.sh start [--purge] | status | stop" >&2; exit 2 ;;
esac

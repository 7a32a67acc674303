#!/usr/bin/env bash
# Measures the weights of every call of MedChain's pallets and the base weights of a block and
# an extrinsic on this machine, and writes them into the repository:
#
#   pallets/<pallet>/src/weights.rs     MedChain's pallets, from scripts/weights.hbs
#   runtime/src/weights/<pallet>.rs     balances, transaction payment and the transaction
#                                       extensions of frame_system, from the same template
#   runtime/src/weights/base.rs         BlockExecutionWeight and ExtrinsicBaseWeight
#
#   scripts/weights.sh                  every pallet, 50 steps and 20 repeats
#   scripts/weights.sh consent dpos     only these pallets (and the base weights)
#   scripts/weights.sh pallet_balances  a runtime pallet is named as the runtime names it
#
# STEPS and REPEAT override the counts. It builds the release node with `runtime-benchmarks`
# (a build of its own: the default node has no benchmark command), prints the machine it ran
# on and what each step measured; review the diff and commit the files with the machine named.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$MEDCHAIN_ROOT"

steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
runtime_pallets=(pallet_balances pallet_transaction_payment frame_system_extensions)
pallets=("$@")
[ "${#pallets[@]}" -gt 0 ] ||
	pallets=(registry consent records dpos governance "${runtime_pallets[@]}")
# Where a pallet's weights go, and the name the runtime's benchmarks know it by.
output_of() {
	if [ -f "pallets/$1/src/weights.rs" ]; then
		echo "pallets/$1/src/weights.rs pallet_$1"
	elif [[ " ${runtime_pallets[*]} " == *" $1 "* ]]; then
		echo "runtime/src/weights/$1.rs $1"
	else
		echo "no pallet named $1: neither pallets/$1 nor one of ${runtime_pallets[*]}" >&2
		return 1
	fi
}
for pallet in "${pallets[@]}"; do output_of "$pallet" >/dev/null; done
node="$CARGO_TARGET_DIR/release/medchain-node"

step "set-up"
scripts/setup.sh

step "build: the release node with the benchmark command"
# The benchmark command's own test runtime (for `benchmark storage --validate-block`, a
# parachain's measure) is left out: its build script cannot find it in this workspace.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
	cargo build --release --locked -p medchain-node --features runtime-benchmarks

step "the machine"
printf 'host %s; %s; %s cores; %s of memory\n' "$(hostname)" \
	"$(lscpu | sed -n 's/^Model name: *//p')" "$(nproc)" "$(free -h | awk '/^Mem:/ {print $2}')"
machine_dir=$(mktemp -d)
trap 'rm -rf "$machine_dir"' EXIT
# Compares the CPU, memory and disk with the reference hardware the upstream weights assume;
# a slower machine measures heavier weights, which is the safe side.
"$node" benchmark machine --chain dev --base-path "$machine_dir" --allow-fail 2>&1 |
	grep -E 'Blake2|SR25519|Copy|Seq Write|Rnd Write|Function' || true

for pallet in "${pallets[@]}"; do
	read -r output name < <(output_of "$pallet")
	step "benchmark $name ($steps steps, $repeat repeats) -> $output"
	"$node" benchmark pallet --chain dev --pallet "$name" --extrinsic '*' \
		--steps "$steps" --repeat "$repeat" --wasm-execution compiled \
		--template scripts/weights.hbs --output "$output"
	rustfmt --edition 2021 "$output"
done

step "benchmark overhead: an empty block and one extrinsic -> runtime/src/weights/base.rs"
overhead_repeat=100
"$node" benchmark overhead --chain dev --weight-path "$machine_dir" --warmup 10 --repeat "$overhead_repeat"
# The overhead command writes its own files; the two figures (nanoseconds) go into ours.
nanos() { sed -n 's/.*WEIGHT_REF_TIME_PER_NANOS.saturating_mul(\([0-9_]*\)).*/\1/p' "$1" | tr -d _; }
block_ns=$(nanos "$machine_dir/block_weights.rs")
extrinsic_ns=$(nanos "$machine_dir/extrinsic_weights.rs")
[ -n "$block_ns" ] && [ -n "$extrinsic_ns" ] || { echo "overhead figures not found" >&2; exit 1; }
cat >runtime/src/weights/base.rs <<RUST
//! The base weights of a block and of an extrinsic, measured by \`scripts/weights.sh\`
//! (\`medchain-node benchmark overhead\`, average of $overhead_repeat runs) on $(date -u +%Y-%m-%d), host
//! \`$(hostname)\`, CPU \`$(lscpu | sed -n 's/^Model name: *//p')\`; run it again rather than edit this file.

use frame_support::{
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_NANOS, Weight},
};

parameter_types! {
	/// Executing an empty block: its hooks and inherents, $block_ns ns.
	pub const BlockExecutionWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul($block_ns), 0);
	/// What every extrinsic costs besides its call (decoding, signature, nonce, fee), measured
	/// on a block of \`System::remark\`s: $extrinsic_ns ns.
	pub const ExtrinsicBaseWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul($extrinsic_ns), 0);
}
RUST
rustfmt --edition 2021 runtime/src/weights/base.rs
printf 'block execution %s ns, extrinsic base %s ns\n' "$block_ns" "$extrinsic_ns"

step "done: review git diff and commit the weights with this machine named"
git status --short -- pallets/*/src/weights.rs runtime/src/weights

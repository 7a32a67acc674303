//! Every MedChain pallet's benchmarks run through the runtime's `Benchmark` API as the node's
//! `benchmark pallet` subcommand runs them, on the same state backend (sc-client-db's
//! `BenchmarkingState`, which commits and wipes between runs and counts reads and writes):
//! against this runtime's own pallets (its access log, balances, council and sessions, not the
//! pallets' mocks), each at the highest value of each component, with the benchmark's checks.

use alloc::collections::BTreeSet;
use frame_benchmarking::{runtime_decl_for_benchmark::BenchmarkV2, BenchmarkConfig};
use frame_support::traits::GetCallName;
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{traits::BlakeTwo256, BuildStorage};

use crate::{genesis, Runtime};

/// The MedChain pallets, each with the names of its calls.
fn medchain_pallets() -> [(&'static str, &'static [&'static str]); 5] {
	[
		("pallet_registry", pallet_registry::Call::<Runtime>::get_call_names()),
		("pallet_consent", pallet_consent::Call::<Runtime>::get_call_names()),
		("pallet_records", pallet_records::Call::<Runtime>::get_call_names()),
		("pallet_dpos", pallet_dpos::Call::<Runtime>::get_call_names()),
		("pallet_governance", pallet_governance::Call::<Runtime>::get_call_names()),
	]
}

#[test]
fn every_medchain_benchmark_runs_in_the_runtime_at_its_worst_case() {
	let storage = genesis::development().build_storage().expect("the preset builds");
	let state = sc_client_db::BenchmarkingState::<BlakeTwo256>::new(storage, None, false, true)
		.expect("a benchmarking state over the dev chain's genesis");
	let mut overlay = sp_state_machine::OverlayedChanges::default();
	let mut extensions = sp_externalities::Extensions::default();
	// GRANDPA votes are signed with keys the benchmarks generate, as in a node's keystore.
	extensions.register(KeystoreExt::new(MemoryKeystore::new()));
	let mut ext = sp_state_machine::Ext::new(&mut overlay, &state, Some(&mut extensions));
	sp_externalities::set_and_run_with_externalities(&mut ext, || {
		let (lists, storage) = Runtime::benchmark_metadata(false);
		assert!(!storage.is_empty(), "the API describes the runtime's storage");
		let listed: BTreeSet<_> =
			lists.iter().map(|l| String::from_utf8_lossy(&l.pallet).into_owned()).collect();
		assert!(listed.contains("pallet_balances"), "transfers are benchmarked: {listed:?}");
		for (pallet, calls) in medchain_pallets() {
			let list = lists
				.iter()
				.find(|l| l.pallet == pallet.as_bytes())
				.unwrap_or_else(|| panic!("{pallet} is benchmarked: {listed:?}"));
			let benchmarks: BTreeSet<_> =
				list.benchmarks.iter().map(|b| String::from_utf8_lossy(&b.name)).collect();
			for call in calls {
				assert!(benchmarks.contains(*call), "{pallet}::{call} has no benchmark");
			}
			for benchmark in &list.benchmarks {
				let name = format!("{pallet}::{}", String::from_utf8_lossy(&benchmark.name));
				let config = BenchmarkConfig {
					pallet: list.pallet.clone(),
					instance: list.instance.clone(),
					benchmark: benchmark.name.clone(),
					selected_components: benchmark
						.components
						.iter()
						.map(|(parameter, _, highest)| (*parameter, *highest))
						.collect(),
					verify: true,
					internal_repeats: 1,
				};
				let batches = Runtime::dispatch_benchmark(config)
					.unwrap_or_else(|e| panic!("{name} fails in the runtime: {e}"));
				let results: Vec<_> = batches.iter().flat_map(|b| &b.results).collect();
				assert!(!results.is_empty(), "{name} measured nothing");
				// What the call touches, for comparison with its weight (`--nocapture`).
				for result in results {
					println!(
						"{name} {:?}: {} reads ({} repeated), {} writes ({} repeated), proof {} B",
						result.components,
						result.reads,
						result.repeat_reads,
						result.writes,
						result.repeat_writes,
						result.proof_size
					);
				}
			}
		}
	});
}

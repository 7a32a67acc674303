//! Weights of `frame_system_extensions`, measured by `scripts/weights.sh`; run it again rather than edit
//! this file.
//!
//! Measured with `medchain-node benchmark pallet` (frame-benchmarking-cli 64.0.0) on 2026-11-27:
//! machine `vm`, CPU `AMD EPYC`; 50 steps and 20 repeats of each
//! benchmark, WebAssembly execution `Compiled`, development chain.
//!
//! A weight is the time measured at the benchmark's worst case, plus its storage reads and
//! writes at the runtime's database weights (`T::DbWeight`), plus the largest proof of the
//! storage it touches.

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// The measured weights, at the database weights of the runtime `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> frame_system::ExtensionsWeightInfo for SubstrateWeight<T> {
	/// Least time measured: 2_916 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn check_genesis() -> Weight {
		Weight::from_parts(3_947_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 5_942 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn check_mortality_mortal_transaction() -> Weight {
		Weight::from_parts(7_845_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 5_960 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn check_mortality_immortal_transaction() -> Weight {
		Weight::from_parts(8_146_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 751 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn check_non_zero_sender() -> Weight {
		Weight::from_parts(962_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 11_742 ns.
	/// Proof size: 102 bytes measured, 3593 bytes at most.
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn check_nonce() -> Weight {
		Weight::from_parts(13_396_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Least time measured: 601 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn check_spec_version() -> Weight {
		Weight::from_parts(731_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 581 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn check_tx_version() -> Weight {
		Weight::from_parts(972_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 6_873 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn check_weight() -> Weight {
		Weight::from_parts(12_283_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 3_877 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn weight_reclaim() -> Weight {
		Weight::from_parts(9_218_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
}

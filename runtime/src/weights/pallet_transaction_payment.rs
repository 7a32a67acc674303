//! Weights of `pallet_transaction_payment`, measured by `scripts/weights.sh`; run it again rather than edit
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

impl<T: frame_system::Config> pallet_transaction_payment::WeightInfo for SubstrateWeight<T> {
	/// Least time measured: 66_134 ns.
	/// Proof size: 102 bytes measured, 3593 bytes at most.
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn charge_transaction_payment() -> Weight {
		Weight::from_parts(69_870_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

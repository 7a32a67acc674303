//! Weights of `pallet_balances`, measured by `scripts/weights.sh`; run it again rather than edit
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

impl<T: frame_system::Config> pallet_balances::WeightInfo for SubstrateWeight<T> {
	/// Least time measured: 78_687 ns.
	/// Proof size: 0 bytes measured, 3593 bytes at most.
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn transfer_allow_death() -> Weight {
		Weight::from_parts(118_431_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Least time measured: 62_256 ns.
	/// Proof size: 0 bytes measured, 3593 bytes at most.
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn transfer_keep_alive() -> Weight {
		Weight::from_parts(100_818_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Least time measured: 33_894 ns.
	/// Proof size: 39 bytes measured, 3593 bytes at most.
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn force_set_balance_creating() -> Weight {
		Weight::from_parts(58_470_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Least time measured: 34_896 ns.
	/// Proof size: 174 bytes measured, 3593 bytes at most.
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn force_set_balance_killing() -> Weight {
		Weight::from_parts(52_679_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Least time measured: 81_342 ns.
	/// Proof size: 103 bytes measured, 6196 bytes at most.
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn force_transfer() -> Weight {
		Weight::from_parts(119_453_000, 6_196)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Least time measured: 76_132 ns.
	/// Proof size: 0 bytes measured, 3593 bytes at most.
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn transfer_all() -> Weight {
		Weight::from_parts(116_928_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Least time measured: 28_433 ns.
	/// Proof size: 174 bytes measured, 3593 bytes at most.
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn force_unreserve() -> Weight {
		Weight::from_parts(48_892_000, 3_593)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Least time measured: 28_473 ns.
	/// Proof size: 0 bytes measured, 990 bytes at most.
	/// Storage: `System::Account` (r:999 w:999)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn upgrade_accounts(u: u32) -> Weight {
		Weight::from_parts(521_423_971, 990)
			.saturating_add(Weight::from_parts(29_692_605, 0).saturating_mul(u.into()))
			.saturating_add(Weight::from_parts(0, 2_603).saturating_mul(u.into()))
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().reads(1u64.saturating_mul(u.into())))
			.saturating_add(T::DbWeight::get().writes(0))
			.saturating_add(T::DbWeight::get().writes(1u64.saturating_mul(u.into())))
	}
	/// Least time measured: 11_211 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn force_adjust_total_issuance() -> Weight {
		Weight::from_parts(12_804_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 50_124 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn burn_allow_death() -> Weight {
		Weight::from_parts(53_890_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 33_763 ns.
	/// Proof size: 0 bytes measured, 0 bytes at most.
	fn burn_keep_alive() -> Weight {
		Weight::from_parts(36_338_000, 0)
			.saturating_add(T::DbWeight::get().reads(0))
			.saturating_add(T::DbWeight::get().writes(0))
	}
}

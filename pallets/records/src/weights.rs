//! Weights of `pallet_records`, measured by `scripts/weights.sh`; run it again rather than edit
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

/// The weight of each call of `pallet_records`.
pub trait WeightInfo {
	/// `view_history`.
	fn view_history() -> Weight;
	/// `release`.
	fn release() -> Weight;
	/// `erase`.
	fn erase() -> Weight;
}

/// The measured weights, at the database weights of the runtime `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Least time measured: 71_643 ns.
	/// Proof size: 1578 bytes measured, 5766 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(2301), added: 4776, mode: `MaxEncodedLen`)
	/// Storage: `Consent::EmergencyAccesses` (r:1 w:0)
	/// Proof: `Consent::EmergencyAccesses` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntryCount` (r:1 w:1)
	/// Proof: `Audit::PatientEntryCount` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntries` (r:0 w:1)
	/// Proof: `Audit::PatientEntries` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn view_history() -> Weight {
		Weight::from_parts(123_250_000, 5_766)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Least time measured: 82_674 ns.
	/// Proof size: 1924 bytes measured, 5766 bytes at most.
	/// Storage: `Records::Records` (r:1 w:0)
	/// Proof: `Records::Records` (`max_values`: None, `max_size`: Some(264), added: 2739, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:1 w:0)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(2301), added: 4776, mode: `MaxEncodedLen`)
	/// Storage: `Consent::EmergencyAccesses` (r:1 w:0)
	/// Proof: `Consent::EmergencyAccesses` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntryCount` (r:1 w:1)
	/// Proof: `Audit::PatientEntryCount` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Vaults` (r:0 w:1)
	/// Proof: `Registry::Vaults` (`max_values`: None, `max_size`: Some(183), added: 2658, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntries` (r:0 w:1)
	/// Proof: `Audit::PatientEntries` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn release() -> Weight {
		Weight::from_parts(132_668_000, 5_766)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Least time measured: 48_701 ns.
	/// Proof size: 530 bytes measured, 3729 bytes at most.
	/// Storage: `Records::Records` (r:1 w:1)
	/// Proof: `Records::Records` (`max_values`: None, `max_size`: Some(264), added: 2739, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntryCount` (r:1 w:1)
	/// Proof: `Audit::PatientEntryCount` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Vaults` (r:0 w:1)
	/// Proof: `Registry::Vaults` (`max_values`: None, `max_size`: Some(183), added: 2658, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntries` (r:0 w:1)
	/// Proof: `Audit::PatientEntries` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn erase() -> Weight {
		Weight::from_parts(60_533_000, 3_729)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(6))
	}
}

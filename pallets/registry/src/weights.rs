//! Weights of `pallet_registry`, measured by `scripts/weights.sh`; run it again rather than edit
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

/// The weight of each call of `pallet_registry`.
pub trait WeightInfo {
	/// `register_patient`, with `m` in `0..=256`.
	fn register_patient(m: u32) -> Weight;
	/// `register_doctor`, with `l` in `1..=64`.
	fn register_doctor(l: u32) -> Weight;
	/// `register_admin`.
	fn register_admin() -> Weight;
	/// `remove_admin`.
	fn remove_admin() -> Weight;
	/// `suspend`.
	fn suspend() -> Weight;
	/// `reinstate`.
	fn reinstate() -> Weight;
	/// `rotate_encryption_key`.
	fn rotate_encryption_key() -> Weight;
	/// `register_vault`, with `e` in `1..=128`.
	fn register_vault(e: u32) -> Weight;
	/// `set_vault_endpoint`, with `e` in `1..=128`.
	fn set_vault_endpoint(e: u32) -> Weight;
	/// `retire_vault`.
	fn retire_vault() -> Weight;
}

/// The measured weights, at the database weights of the runtime `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Least time measured: 44_223 ns.
	/// Proof size: 437 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
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
	fn register_patient(m: u32) -> Weight {
		Weight::from_parts(76_703_515, 3_876)
			.saturating_add(Weight::from_parts(18_164, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Least time measured: 37_530 ns.
	/// Proof size: 437 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn register_doctor(_l: u32) -> Weight {
		Weight::from_parts(67_251_003, 3_876)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Least time measured: 35_236 ns.
	/// Proof size: 385 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn register_admin() -> Weight {
		Weight::from_parts(53_620_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Least time measured: 35_617 ns.
	/// Proof size: 447 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn remove_admin() -> Weight {
		Weight::from_parts(53_079_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Least time measured: 43_812 ns.
	/// Proof size: 481 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
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
	fn suspend() -> Weight {
		Weight::from_parts(67_276_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Least time measured: 43_541 ns.
	/// Proof size: 481 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
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
	fn reinstate() -> Weight {
		Weight::from_parts(78_627_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Least time measured: 46_808 ns.
	/// Proof size: 485 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
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
	fn rotate_encryption_key() -> Weight {
		Weight::from_parts(80_410_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Least time measured: 36_277 ns.
	/// Proof size: 361 bytes measured, 3648 bytes at most.
	/// Storage: `Registry::Vaults` (r:1 w:1)
	/// Proof: `Registry::Vaults` (`max_values`: None, `max_size`: Some(183), added: 2658, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn register_vault(_e: u32) -> Weight {
		Weight::from_parts(52_136_969, 3_648)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Least time measured: 20_518 ns.
	/// Proof size: 206 bytes measured, 3648 bytes at most.
	/// Storage: `Registry::Vaults` (r:1 w:1)
	/// Proof: `Registry::Vaults` (`max_values`: None, `max_size`: Some(183), added: 2658, mode: `MaxEncodedLen`)
	fn set_vault_endpoint(_e: u32) -> Weight {
		Weight::from_parts(34_789_226, 3_648)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Least time measured: 34_945 ns.
	/// Proof size: 390 bytes measured, 3648 bytes at most.
	/// Storage: `Registry::Vaults` (r:1 w:1)
	/// Proof: `Registry::Vaults` (`max_values`: None, `max_size`: Some(183), added: 2658, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn retire_vault() -> Weight {
		Weight::from_parts(56_265_000, 3_648)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
}

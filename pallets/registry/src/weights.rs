//! Weights of the `pallet_registry` calls, measured by `scripts/weights.sh`; run it again rather
//! than edit this file.
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
	/// Least time measured: 44_362 ns.
	/// Proof size: 454 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::EntryCount` (r:1 w:1)
	/// Proof: `Audit::EntryCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntryCount` (r:1 w:1)
	/// Proof: `Audit::PatientEntryCount` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntries` (r:0 w:1)
	/// Proof: `Audit::PatientEntries` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn register_patient(m: u32) -> Weight {
		Weight::from_parts(47_746_456, 3_876)
			.saturating_add(Weight::from_parts(1_387, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Least time measured: 37_721 ns.
	/// Proof size: 454 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::EntryCount` (r:1 w:1)
	/// Proof: `Audit::EntryCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn register_doctor(l: u32) -> Weight {
		Weight::from_parts(49_423_716, 3_876)
			.saturating_add(Weight::from_parts(31_468, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Least time measured: 35_205 ns.
	/// Proof size: 402 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::EntryCount` (r:1 w:1)
	/// Proof: `Audit::EntryCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn register_admin() -> Weight {
		Weight::from_parts(39_684_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Least time measured: 35_847 ns.
	/// Proof size: 464 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::EntryCount` (r:1 w:1)
	/// Proof: `Audit::EntryCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn remove_admin() -> Weight {
		Weight::from_parts(40_575_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Least time measured: 44_143 ns.
	/// Proof size: 498 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::EntryCount` (r:1 w:1)
	/// Proof: `Audit::EntryCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntryCount` (r:1 w:1)
	/// Proof: `Audit::PatientEntryCount` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntries` (r:0 w:1)
	/// Proof: `Audit::PatientEntries` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn suspend() -> Weight {
		Weight::from_parts(47_789_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Least time measured: 44_062 ns.
	/// Proof size: 498 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::EntryCount` (r:1 w:1)
	/// Proof: `Audit::EntryCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntryCount` (r:1 w:1)
	/// Proof: `Audit::PatientEntryCount` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntries` (r:0 w:1)
	/// Proof: `Audit::PatientEntries` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn reinstate() -> Weight {
		Weight::from_parts(47_680_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Least time measured: 45_134 ns.
	/// Proof size: 502 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:1)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Audit::EntryCount` (r:1 w:1)
	/// Proof: `Audit::EntryCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntryCount` (r:1 w:1)
	/// Proof: `Audit::PatientEntryCount` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntries` (r:0 w:1)
	/// Proof: `Audit::PatientEntries` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn rotate_encryption_key() -> Weight {
		Weight::from_parts(51_296_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Least time measured: 36_659 ns.
	/// Proof size: 378 bytes measured, 3648 bytes at most.
	/// Storage: `Registry::Vaults` (r:1 w:1)
	/// Proof: `Registry::Vaults` (`max_values`: None, `max_size`: Some(183), added: 2658, mode: `MaxEncodedLen`)
	/// Storage: `Audit::EntryCount` (r:1 w:1)
	/// Proof: `Audit::EntryCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn register_vault(e: u32) -> Weight {
		Weight::from_parts(40_875_283, 3_648)
			.saturating_add(Weight::from_parts(2_084, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Least time measured: 19_666 ns.
	/// Proof size: 206 bytes measured, 3648 bytes at most.
	/// Storage: `Registry::Vaults` (r:1 w:1)
	/// Proof: `Registry::Vaults` (`max_values`: None, `max_size`: Some(183), added: 2658, mode: `MaxEncodedLen`)
	fn set_vault_endpoint(e: u32) -> Weight {
		Weight::from_parts(24_920_534, 3_648)
			.saturating_add(Weight::from_parts(3_444, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Least time measured: 34_805 ns.
	/// Proof size: 407 bytes measured, 3648 bytes at most.
	/// Storage: `Registry::Vaults` (r:1 w:1)
	/// Proof: `Registry::Vaults` (`max_values`: None, `max_size`: Some(183), added: 2658, mode: `MaxEncodedLen`)
	/// Storage: `Audit::EntryCount` (r:1 w:1)
	/// Proof: `Audit::EntryCount` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn retire_vault() -> Weight {
		Weight::from_parts(50_364_000, 3_648)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
}

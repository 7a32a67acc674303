//! Weights of `pallet_consent`, measured by `scripts/weights.sh`; run it again rather than edit
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

/// The weight of each call of `pallet_consent`.
pub trait WeightInfo {
	/// `submit`.
	fn submit() -> Weight;
	/// `approve`.
	fn approve() -> Weight;
	/// `deny`.
	fn deny() -> Weight;
	/// `withdraw`.
	fn withdraw() -> Weight;
	/// `expire`.
	fn expire() -> Weight;
	/// `grant_access`.
	fn grant_access() -> Weight;
	/// `grant_scoped`, with `k` in `0..=8`.
	fn grant_scoped(k: u32) -> Weight;
	/// `revoke_access`.
	fn revoke_access() -> Weight;
	/// `emergency_access`.
	fn emergency_access() -> Weight;
	/// `block_doctor`.
	fn block_doctor() -> Weight;
	/// `unblock_doctor`.
	fn unblock_doctor() -> Weight;
}

/// The measured weights, at the database weights of the runtime `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Least time measured: 165_308 ns.
	/// Proof size: 2180 bytes measured, 6762 bytes at most.
	/// Storage: `Registry::Members` (r:2 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Blocked` (r:1 w:0)
	/// Proof: `Consent::Blocked` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Vaults` (r:1 w:0)
	/// Proof: `Registry::Vaults` (`max_values`: None, `max_size`: Some(183), added: 2658, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingPool` (r:1 w:1)
	/// Proof: `Consent::PendingPool` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingFromDoctor` (r:1 w:1)
	/// Proof: `Consent::PendingFromDoctor` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Consent::NextSubmissionId` (r:1 w:1)
	/// Proof: `Consent::NextSubmissionId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
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
	/// Storage: `Consent::Submissions` (r:0 w:1)
	/// Proof: `Consent::Submissions` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	fn submit() -> Weight {
		Weight::from_parts(275_744_000, 6_762)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(10))
	}
	/// Least time measured: 164_207 ns.
	/// Proof size: 2803 bytes measured, 6762 bytes at most.
	/// Storage: `Consent::Submissions` (r:1 w:1)
	/// Proof: `Consent::Submissions` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	/// Storage: `Registry::Members` (r:2 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingPool` (r:1 w:1)
	/// Proof: `Consent::PendingPool` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingFromDoctor` (r:1 w:1)
	/// Proof: `Consent::PendingFromDoctor` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Records::NextRecordId` (r:1 w:1)
	/// Proof: `Records::NextRecordId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Records::HistoryLength` (r:1 w:1)
	/// Proof: `Records::HistoryLength` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntryCount` (r:1 w:1)
	/// Proof: `Audit::PatientEntryCount` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Audit::PatientEntries` (r:0 w:1)
	/// Proof: `Audit::PatientEntries` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	/// Storage: `Records::History` (r:0 w:1)
	/// Proof: `Records::History` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Records::Records` (r:0 w:1)
	/// Proof: `Records::Records` (`max_values`: None, `max_size`: Some(264), added: 2739, mode: `MaxEncodedLen`)
	fn approve() -> Weight {
		Weight::from_parts(248_023_000, 6_762)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(13))
	}
	/// Least time measured: 127_458 ns.
	/// Proof size: 2234 bytes measured, 3770 bytes at most.
	/// Storage: `Consent::Submissions` (r:1 w:1)
	/// Proof: `Consent::Submissions` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingPool` (r:1 w:1)
	/// Proof: `Consent::PendingPool` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingFromDoctor` (r:1 w:1)
	/// Proof: `Consent::PendingFromDoctor` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
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
	fn deny() -> Weight {
		Weight::from_parts(200_344_000, 3_770)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(9))
	}
	/// Least time measured: 128_720 ns.
	/// Proof size: 2234 bytes measured, 3770 bytes at most.
	/// Storage: `Consent::Submissions` (r:1 w:1)
	/// Proof: `Consent::Submissions` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingPool` (r:1 w:1)
	/// Proof: `Consent::PendingPool` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingFromDoctor` (r:1 w:1)
	/// Proof: `Consent::PendingFromDoctor` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
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
	fn withdraw() -> Weight {
		Weight::from_parts(205_854_000, 3_770)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(9))
	}
	/// Least time measured: 128_710 ns.
	/// Proof size: 2234 bytes measured, 3770 bytes at most.
	/// Storage: `Consent::Submissions` (r:1 w:1)
	/// Proof: `Consent::Submissions` (`max_values`: None, `max_size`: Some(259), added: 2734, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingPool` (r:1 w:1)
	/// Proof: `Consent::PendingPool` (`max_values`: None, `max_size`: Some(305), added: 2780, mode: `MaxEncodedLen`)
	/// Storage: `Consent::PendingFromDoctor` (r:1 w:1)
	/// Proof: `Consent::PendingFromDoctor` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
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
	fn expire() -> Weight {
		Weight::from_parts(204_903_000, 3_770)
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(9))
	}
	/// Least time measured: 664_020 ns.
	/// Proof size: 6094 bytes measured, 316206 bytes at most.
	/// Storage: `Registry::Members` (r:2 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:66 w:65)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(2301), added: 4776, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
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
	fn grant_access() -> Weight {
		Weight::from_parts(1_100_493_000, 316_206)
			.saturating_add(T::DbWeight::get().reads(72))
			.saturating_add(T::DbWeight::get().writes(70))
	}
	/// Least time measured: 652_328 ns.
	/// Proof size: 6094 bytes measured, 316206 bytes at most.
	/// Storage: `Registry::Members` (r:2 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Grants` (r:66 w:65)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(2301), added: 4776, mode: `MaxEncodedLen`)
	/// Storage: `Consent::GrantCount` (r:1 w:1)
	/// Proof: `Consent::GrantCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
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
	fn grant_scoped(k: u32) -> Weight {
		Weight::from_parts(1_016_740_808, 316_206)
			.saturating_add(Weight::from_parts(13_262_573, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(72))
			.saturating_add(T::DbWeight::get().writes(70))
	}
	/// Least time measured: 67_346 ns.
	/// Proof size: 1535 bytes measured, 5766 bytes at most.
	/// Storage: `Consent::Grants` (r:1 w:1)
	/// Proof: `Consent::Grants` (`max_values`: None, `max_size`: Some(2301), added: 4776, mode: `MaxEncodedLen`)
	/// Storage: `Consent::EmergencyAccesses` (r:1 w:1)
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
	fn revoke_access() -> Weight {
		Weight::from_parts(95_629_000, 5_766)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Least time measured: 52_087 ns.
	/// Proof size: 585 bytes measured, 6762 bytes at most.
	/// Storage: `Registry::Members` (r:2 w:0)
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
	/// Storage: `Consent::EmergencyAccesses` (r:0 w:1)
	/// Proof: `Consent::EmergencyAccesses` (`max_values`: None, `max_size`: Some(105), added: 2580, mode: `MaxEncodedLen`)
	fn emergency_access() -> Weight {
		Weight::from_parts(56_035_000, 6_762)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Least time measured: 57_487 ns.
	/// Proof size: 485 bytes measured, 3876 bytes at most.
	/// Storage: `Registry::Members` (r:1 w:0)
	/// Proof: `Registry::Members` (`max_values`: None, `max_size`: Some(411), added: 2886, mode: `MaxEncodedLen`)
	/// Storage: `Consent::Blocked` (r:1 w:1)
	/// Proof: `Consent::Blocked` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BlockedCount` (r:1 w:1)
	/// Proof: `Consent::BlockedCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
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
	fn block_doctor() -> Weight {
		Weight::from_parts(67_236_000, 3_876)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Least time measured: 47_910 ns.
	/// Proof size: 499 bytes measured, 3565 bytes at most.
	/// Storage: `Consent::Blocked` (r:1 w:1)
	/// Proof: `Consent::Blocked` (`max_values`: None, `max_size`: Some(100), added: 2575, mode: `MaxEncodedLen`)
	/// Storage: `Consent::BlockedCount` (r:1 w:1)
	/// Proof: `Consent::BlockedCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
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
	fn unblock_doctor() -> Weight {
		Weight::from_parts(71_845_000, 3_565)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(6))
	}
}

//! Weights of `pallet_dpos`, measured by `scripts/weights.sh`; run it again rather than edit
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

/// The weight of each call of `pallet_dpos`.
pub trait WeightInfo {
	/// `bond`.
	fn bond() -> Weight;
	/// `unbond`.
	fn unbond() -> Weight;
	/// `withdraw_unbonded`.
	fn withdraw_unbonded() -> Weight;
	/// `register_candidate`.
	fn register_candidate() -> Weight;
	/// `unregister_candidate`.
	fn unregister_candidate() -> Weight;
	/// `vote`, with `v` in `1..=16`.
	fn vote(v: u32) -> Weight;
	/// `remove_vote`.
	fn remove_vote() -> Weight;
	/// `set_desired_delegates`.
	fn set_desired_delegates() -> Weight;
	/// `elect`, with `c` in `1..=100`.
	fn elect(c: u32) -> Weight;
	/// `note_finality_votes`, with `v` in `1..=32`.
	fn note_finality_votes(v: u32) -> Weight;
	/// `punish`.
	fn punish() -> Weight;
}

/// The measured weights, at the database weights of the runtime `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Least time measured: 242_813 ns.
	/// Proof size: 3672 bytes measured, 44493 bytes at most.
	/// Storage: `Dpos::Ledger` (r:1 w:1)
	/// Proof: `Dpos::Ledger` (`max_values`: None, `max_size`: Some(385), added: 2860, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Candidates` (r:17 w:17)
	/// Proof: `Dpos::Candidates` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Votes` (r:1 w:0)
	/// Proof: `Dpos::Votes` (`max_values`: None, `max_size`: Some(625), added: 3100, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn bond() -> Weight {
		Weight::from_parts(361_265_000, 44_493)
			.saturating_add(T::DbWeight::get().reads(23))
			.saturating_add(T::DbWeight::get().writes(22))
	}
	/// Least time measured: 167_893 ns.
	/// Proof size: 3410 bytes measured, 44493 bytes at most.
	/// Storage: `Dpos::Ledger` (r:1 w:1)
	/// Proof: `Dpos::Ledger` (`max_values`: None, `max_size`: Some(385), added: 2860, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Candidates` (r:17 w:17)
	/// Proof: `Dpos::Candidates` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Votes` (r:1 w:0)
	/// Proof: `Dpos::Votes` (`max_values`: None, `max_size`: Some(625), added: 3100, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn unbond() -> Weight {
		Weight::from_parts(277_417_000, 44_493)
			.saturating_add(T::DbWeight::get().reads(21))
			.saturating_add(T::DbWeight::get().writes(20))
	}
	/// Least time measured: 109_074 ns.
	/// Proof size: 1803 bytes measured, 3850 bytes at most.
	/// Storage: `Dpos::Ledger` (r:1 w:1)
	/// Proof: `Dpos::Ledger` (`max_values`: None, `max_size`: Some(385), added: 2860, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn withdraw_unbonded() -> Weight {
		Weight::from_parts(196_356_000, 3_850)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Least time measured: 863_772 ns.
	/// Proof size: 12306 bytes measured, 262008 bytes at most.
	/// Storage: `Dpos::Candidates` (r:102 w:2)
	/// Proof: `Dpos::Candidates` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::CandidateCount` (r:1 w:1)
	/// Proof: `Dpos::CandidateCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::ActiveDelegates` (r:1 w:0)
	/// Proof: `Dpos::ActiveDelegates` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Delegates` (r:1 w:0)
	/// Proof: `Dpos::Delegates` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Ledger` (r:2 w:1)
	/// Proof: `Dpos::Ledger` (`max_values`: None, `max_size`: Some(385), added: 2860, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::NextCandidacyIndex` (r:1 w:1)
	/// Proof: `Dpos::NextCandidacyIndex` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:2)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn register_candidate() -> Weight {
		Weight::from_parts(1_384_423_000, 262_008)
			.saturating_add(T::DbWeight::get().reads(114))
			.saturating_add(T::DbWeight::get().writes(12))
	}
	/// Least time measured: 157_093 ns.
	/// Proof size: 979 bytes measured, 3850 bytes at most.
	/// Storage: `Dpos::Candidates` (r:1 w:1)
	/// Proof: `Dpos::Candidates` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Ledger` (r:1 w:1)
	/// Proof: `Dpos::Ledger` (`max_values`: None, `max_size`: Some(385), added: 2860, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::CandidateCount` (r:1 w:1)
	/// Proof: `Dpos::CandidateCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn unregister_candidate() -> Weight {
		Weight::from_parts(267_228_000, 3_850)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Least time measured: 179_465 ns.
	/// Proof size: 3108 bytes measured, 41934 bytes at most.
	/// Storage: `Dpos::Ledger` (r:1 w:0)
	/// Proof: `Dpos::Ledger` (`max_values`: None, `max_size`: Some(385), added: 2860, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Candidates` (r:16 w:16)
	/// Proof: `Dpos::Candidates` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Votes` (r:1 w:1)
	/// Proof: `Dpos::Votes` (`max_values`: None, `max_size`: Some(625), added: 3100, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn vote(v: u32) -> Weight {
		Weight::from_parts(239_115_522, 41_934)
			.saturating_add(Weight::from_parts(5_815_314, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(20))
			.saturating_add(T::DbWeight::get().writes(19))
	}
	/// Least time measured: 165_228 ns.
	/// Proof size: 3108 bytes measured, 41934 bytes at most.
	/// Storage: `Dpos::Votes` (r:1 w:1)
	/// Proof: `Dpos::Votes` (`max_values`: None, `max_size`: Some(625), added: 3100, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Ledger` (r:1 w:0)
	/// Proof: `Dpos::Ledger` (`max_values`: None, `max_size`: Some(385), added: 2860, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Candidates` (r:16 w:16)
	/// Proof: `Dpos::Candidates` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn remove_vote() -> Weight {
		Weight::from_parts(274_042_000, 41_934)
			.saturating_add(T::DbWeight::get().reads(20))
			.saturating_add(T::DbWeight::get().writes(19))
	}
	/// Least time measured: 24_656 ns.
	/// Proof size: 184 bytes measured, 1525 bytes at most.
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::DesiredDelegates` (r:0 w:1)
	/// Proof: `Dpos::DesiredDelegates` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_desired_delegates() -> Weight {
		Weight::from_parts(30_206_000, 1_525)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Least time measured: 22_021 ns.
	/// Proof size: 418 bytes measured, 3549 bytes at most.
	/// Storage: `Dpos::Candidates` (r:101 w:0)
	/// Proof: `Dpos::Candidates` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Session::NextKeys` (r:100 w:0)
	/// Proof: `Session::NextKeys` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `Dpos::DesiredDelegates` (r:1 w:0)
	/// Proof: `Dpos::DesiredDelegates` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn elect(c: u32) -> Weight {
		Weight::from_parts(22_351_000, 3_549)
			.saturating_add(Weight::from_parts(14_471_855, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 2_644).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().reads(2u64.saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(0))
	}
	/// Least time measured: 112_530 ns.
	/// Proof size: 620 bytes measured, 3509 bytes at most.
	/// Storage: `Dpos::CurrentSession` (r:1 w:0)
	/// Proof: `Dpos::CurrentSession` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::ActiveDelegates` (r:1 w:0)
	/// Proof: `Dpos::ActiveDelegates` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::CurrentSetId` (r:1 w:0)
	/// Proof: `Grandpa::CurrentSetId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Session::KeyOwner` (r:32 w:0)
	/// Proof: `Session::KeyOwner` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `Dpos::FinalityVoted` (r:32 w:32)
	/// Proof: `Dpos::FinalityVoted` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn note_finality_votes(v: u32) -> Weight {
		Weight::from_parts(127_509_000, 3_509)
			.saturating_add(Weight::from_parts(83_564_029, 0).saturating_mul(v.into()))
			.saturating_add(Weight::from_parts(0, 2_591).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads(2u64.saturating_mul(v.into())))
			.saturating_add(T::DbWeight::get().writes(0))
			.saturating_add(T::DbWeight::get().writes(1u64.saturating_mul(v.into())))
	}
	/// Least time measured: 249_155 ns.
	/// Proof size: 2566 bytes measured, 4090 bytes at most.
	/// Storage: `Dpos::SlashedFor` (r:1 w:1)
	/// Proof: `Dpos::SlashedFor` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Candidates` (r:1 w:1)
	/// Proof: `Dpos::Candidates` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Ledger` (r:1 w:1)
	/// Proof: `Dpos::Ledger` (`max_values`: None, `max_size`: Some(385), added: 2860, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::Votes` (r:1 w:0)
	/// Proof: `Dpos::Votes` (`max_values`: None, `max_size`: Some(625), added: 3100, mode: `MaxEncodedLen`)
	/// Storage: `Dpos::CandidateCount` (r:1 w:1)
	/// Proof: `Dpos::CandidateCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Session::QueuedKeys` (r:1 w:0)
	/// Proof: `Session::QueuedKeys` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
	/// Storage: `Audit::Head` (r:1 w:1)
	/// Proof: `Audit::Head` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Audit::Entries` (r:0 w:1)
	/// Proof: `Audit::Entries` (`max_values`: None, `max_size`: Some(158), added: 2633, mode: `MaxEncodedLen`)
	fn punish() -> Weight {
		Weight::from_parts(427_127_000, 4_090)
			.saturating_add(T::DbWeight::get().reads(10))
			.saturating_add(T::DbWeight::get().writes(8))
	}
}

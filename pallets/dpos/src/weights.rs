//! Weights of the DPoS pallet's calls and of its election.
//!
//! Estimates: each call's storage reads and writes, at least as many as its benchmark counts
//! in the runtime (`runtime/src/tests/benchmarks.rs` prints them), at the runtime's database
//! weights, plus a compute allowance (see [`estimated_weight`]). Stake changes touch
//! the ledger, the hold, and the backing of up to `MaxVotes` candidates; each call also appends
//! one access-log entry (2 reads, up to 5 writes). The benchmarks in `benchmarking.rs` exercise
//! every call at its worst case; weights generated from them replace these.

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};
use medchain_primitives::estimated_weight;

/// The runtime's `MaxCandidates`, which a full candidate list holds.
const MAX_CANDIDATES: u64 = 100;

/// The most candidates a stake change touches, for the estimates (the runtime's `MaxVotes`).
const MAX_VOTES: u64 = 16;

/// Weight functions of the DPoS pallet.
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
	/// `vote` for `v` candidates.
	fn vote(v: u32) -> Weight;
	/// `remove_vote`.
	fn remove_vote() -> Weight;
	/// `set_desired_delegates`.
	fn set_desired_delegates() -> Weight;
	/// The election at a session change, over `c` candidates.
	fn elect(c: u32) -> Weight;
	/// Punishing one offender: slash, end of candidacy, removal from the coming delegates.
	fn punish() -> Weight;
	/// Counting `v` GRANDPA votes, each with its signature checked (twice, for a vote of the
	/// previous authority set).
	fn note_finality_votes(v: u32) -> Weight;
}

/// Estimated weights for a runtime with the database weights of `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn bond() -> Weight {
		estimated_weight(T::DbWeight::get(), 60, 0, 8 + MAX_VOTES, 7 + MAX_VOTES)
	}
	fn unbond() -> Weight {
		estimated_weight(T::DbWeight::get(), 60, 0, 6 + MAX_VOTES, 6 + MAX_VOTES)
	}
	fn withdraw_unbonded() -> Weight {
		estimated_weight(T::DbWeight::get(), 50, 0, 6, 7)
	}
	fn register_candidate() -> Weight {
		// A full list: every candidate is read to find the weakest, which is evicted.
		estimated_weight(T::DbWeight::get(), 50 + 2 * MAX_CANDIDATES, 0, 15 + MAX_CANDIDATES, 14)
	}
	fn unregister_candidate() -> Weight {
		estimated_weight(T::DbWeight::get(), 60, 0, 8, 9)
	}
	fn vote(v: u32) -> Weight {
		let touched = 2 * u64::from(v).max(MAX_VOTES);
		estimated_weight(T::DbWeight::get(), 40 + 5 * u64::from(v), 0, 5 + touched, 5 + touched)
	}
	fn remove_vote() -> Weight {
		estimated_weight(T::DbWeight::get(), 40, 0, 5 + MAX_VOTES, 5 + MAX_VOTES)
	}
	fn set_desired_delegates() -> Weight {
		estimated_weight(T::DbWeight::get(), 10, 0, 3, 4)
	}
	fn elect(c: u32) -> Weight {
		let c = u64::from(c);
		estimated_weight(T::DbWeight::get(), 20 + 2 * c, 0, 4 + 2 * c, 4 + c)
	}
	fn punish() -> Weight {
		// The backing of up to `MaxVotes` candidates, the planned sets and the queued keys.
		estimated_weight(T::DbWeight::get(), 120, 0, 16 + MAX_VOTES, 16 + MAX_VOTES)
	}
	fn note_finality_votes(v: u32) -> Weight {
		// Per vote: the key's owner, whether it was counted, the voted block's hash; two
		// ed25519 verifications at most.
		let v = u64::from(v);
		estimated_weight(T::DbWeight::get(), 10 + 120 * v, 0, 3 + 3 * v, 2 * v)
	}
}

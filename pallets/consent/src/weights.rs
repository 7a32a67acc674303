//! Weights of the consent pallet's calls.
//!
//! Estimates: each call's storage reads and writes, at least as many as its benchmark counts
//! in the runtime (`runtime/src/tests/benchmarks.rs` prints them), at the runtime's database
//! weights, plus a compute allowance (see [`estimated_weight`]). The benchmarks in
//! `benchmarking.rs` exercise every call at its worst case; weights generated from them on
//! reference hardware replace these. Each call also appends one access-log entry (2 reads, up
//! to 5 writes) and asks the registry for roles (1 read each).

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};
use medchain_primitives::estimated_weight;

/// The runtime's `MaxGrantsPerPatient`: a full set of grants.
const MAX_GRANTS: u64 = 64;

/// Weight functions of the consent pallet's calls.
pub trait WeightInfo {
	/// `submit` with a `b`-byte kind.
	fn submit(b: u32) -> Weight;
	/// `approve`, which also writes the record and its history index.
	fn approve() -> Weight;
	/// `deny`.
	fn deny() -> Weight;
	/// `withdraw`.
	fn withdraw() -> Weight;
	/// `expire`.
	fn expire() -> Weight;
	/// `grant_access`.
	fn grant_access() -> Weight;
	/// `revoke_access`.
	fn revoke_access() -> Weight;
	/// `emergency_access`.
	fn emergency_access() -> Weight;
	/// `block_doctor`.
	fn block_doctor() -> Weight;
	/// `unblock_doctor`.
	fn unblock_doctor() -> Weight;
}

/// Estimated weights for a runtime with the database weights of `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn submit(b: u32) -> Weight {
		// The pool and the doctor's count of places in it; no submission is read.
		estimated_weight(T::DbWeight::get(), 60, b, 13, 11)
	}
	fn approve() -> Weight {
		estimated_weight(T::DbWeight::get(), 80, medchain_primitives::MAX_KIND_LEN, 13, 14)
	}
	fn deny() -> Weight {
		estimated_weight(T::DbWeight::get(), 50, medchain_primitives::MAX_KIND_LEN, 9, 10)
	}
	fn withdraw() -> Weight {
		estimated_weight(T::DbWeight::get(), 50, medchain_primitives::MAX_KIND_LEN, 9, 10)
	}
	fn expire() -> Weight {
		estimated_weight(T::DbWeight::get(), 50, medchain_primitives::MAX_KIND_LEN, 9, 10)
	}
	fn grant_access() -> Weight {
		// A full set of grants is read, and those that ran out removed.
		estimated_weight(T::DbWeight::get(), 40 + MAX_GRANTS, 0, 9 + MAX_GRANTS, 7 + MAX_GRANTS)
	}
	fn revoke_access() -> Weight {
		estimated_weight(T::DbWeight::get(), 40, 0, 7, 8)
	}
	fn emergency_access() -> Weight {
		estimated_weight(T::DbWeight::get(), 40, 0, 6, 6)
	}
	fn block_doctor() -> Weight {
		estimated_weight(T::DbWeight::get(), 30, 0, 7, 7)
	}
	fn unblock_doctor() -> Weight {
		estimated_weight(T::DbWeight::get(), 30, 0, 6, 7)
	}
}

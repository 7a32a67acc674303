//! Weights of the records pallet's calls.
//!
//! Estimates: each call's storage reads and writes, at least as many as its benchmark counts
//! in the runtime (`runtime/src/tests/benchmarks.rs` prints them), at the runtime's database
//! weights, plus a compute allowance (see [`estimated_weight`]). A release or an
//! erasure reads the vault and the record, asks the access policy (roles, grant and emergency
//! access: up to 4 reads) and appends one access-log entry (2 reads, up to 5 writes).

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};
use medchain_primitives::{estimated_weight, MAX_KIND_LEN};

/// Weight functions of the records pallet's calls.
pub trait WeightInfo {
	/// `view_history`.
	fn view_history() -> Weight;
	/// `release`.
	fn release() -> Weight;
	/// `erase`.
	fn erase() -> Weight;
}

/// Estimated weights for a runtime with the database weights of `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn view_history() -> Weight {
		estimated_weight(T::DbWeight::get(), 40, 0, 8, 6)
	}
	fn release() -> Weight {
		estimated_weight(T::DbWeight::get(), 40, MAX_KIND_LEN, 9, 6)
	}
	fn erase() -> Weight {
		estimated_weight(T::DbWeight::get(), 40, MAX_KIND_LEN, 9, 7)
	}
}

//! Weights of the records pallet's calls.
//!
//! Honest estimates, not yet measured: each call's storage reads and writes at the runtime's
//! database weights, plus a compute allowance (see [`estimated_weight`]). Viewing reads the
//! record (up to `MAX_PAYLOAD_LEN` bytes), asks the access policy (roles, grant and emergency
//! access: up to 4 reads) and appends one access-log entry (2 reads, up to 5 writes).

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};
use medchain_primitives::{estimated_weight, MAX_PAYLOAD_LEN};

/// Weight functions of the records pallet's calls.
pub trait WeightInfo {
	/// `view_record`.
	fn view_record() -> Weight;
	/// `view_history`.
	fn view_history() -> Weight;
}

/// Estimated weights for a runtime with the database weights of `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn view_record() -> Weight {
		estimated_weight(T::DbWeight::get(), 40, MAX_PAYLOAD_LEN, 8, 6)
	}
	fn view_history() -> Weight {
		estimated_weight(T::DbWeight::get(), 40, 0, 8, 6)
	}
}

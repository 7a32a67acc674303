//! Weights of the governance pallet's calls.
//!
//! An honest estimate, not yet measured: one storage write (the authorised hash) and an event;
//! the benchmark in `benchmarking.rs` exercises the call.

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions of the governance pallet.
pub trait WeightInfo {
	/// `authorize_upgrade`.
	fn authorize_upgrade() -> Weight;
}

/// Estimated weights for a runtime with the database weights of `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn authorize_upgrade() -> Weight {
		Weight::from_parts(15_000_000, 1_024).saturating_add(T::DbWeight::get().writes(2))
	}
}

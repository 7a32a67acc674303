//! Weights of the registry's calls.
//!
//! Estimates: each call's storage reads and writes, at least as many as its benchmark counts
//! in the runtime (`runtime/src/tests/benchmarks.rs` prints them), at the runtime's database
//! weights, plus a compute allowance (see [`estimated_weight`]). The benchmarks in
//! `benchmarking.rs` exercise every call; weights generated from them on reference hardware
//! replace these. Every call appends one access-log entry: 2 reads and up to 5 writes (count,
//! entry, head, and the patient's index and count).

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};
use medchain_primitives::estimated_weight;

/// Weight functions of the registry's calls.
pub trait WeightInfo {
	/// `register_patient` with `m` bytes of metadata.
	fn register_patient(m: u32) -> Weight;
	/// `register_doctor` with an `l`-byte licence.
	fn register_doctor(l: u32) -> Weight;
	/// `register_admin`.
	fn register_admin() -> Weight;
	/// `suspend`.
	fn suspend() -> Weight;
	/// `reinstate`.
	fn reinstate() -> Weight;
	/// `rotate_encryption_key`.
	fn rotate_encryption_key() -> Weight;
	/// `register_vault` with an `e`-byte endpoint.
	fn register_vault(e: u32) -> Weight;
	/// `set_vault_endpoint` with an `e`-byte endpoint.
	fn set_vault_endpoint(e: u32) -> Weight;
	/// `retire_vault`.
	fn retire_vault() -> Weight;
	/// `remove_admin`.
	fn remove_admin() -> Weight;
}

/// Estimated weights for a runtime with the database weights of `T`.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_patient(m: u32) -> Weight {
		estimated_weight(T::DbWeight::get(), 25, m, 5, 6)
	}
	fn register_doctor(l: u32) -> Weight {
		estimated_weight(T::DbWeight::get(), 25, l, 4, 4)
	}
	fn register_admin() -> Weight {
		estimated_weight(T::DbWeight::get(), 20, 0, 4, 4)
	}
	fn suspend() -> Weight {
		estimated_weight(T::DbWeight::get(), 25, 0, 5, 6)
	}
	fn reinstate() -> Weight {
		estimated_weight(T::DbWeight::get(), 25, 0, 5, 6)
	}
	fn rotate_encryption_key() -> Weight {
		estimated_weight(T::DbWeight::get(), 20, 0, 5, 6)
	}
	fn register_vault(e: u32) -> Weight {
		estimated_weight(T::DbWeight::get(), 20, e, 4, 4)
	}
	fn set_vault_endpoint(e: u32) -> Weight {
		estimated_weight(T::DbWeight::get(), 15, e, 1, 1)
	}
	fn retire_vault() -> Weight {
		estimated_weight(T::DbWeight::get(), 20, 0, 4, 4)
	}
	fn remove_admin() -> Weight {
		estimated_weight(T::DbWeight::get(), 20, 0, 4, 4)
	}
}

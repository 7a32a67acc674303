//! Benchmarks of the records pallet's calls at their worst case: the largest record, and a
//! doctor holding as many grants as the policy allows, none covering the record, whom it
//! checks all the way through before refusing.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use medchain_primitives::{Locator, Role, LONGEST_FHIR_RESOURCE_TYPE};

/// The vault that keeps the benchmarks' records, registered.
fn vault<T: Config>() -> T::AccountId {
	let vault: T::AccountId = account("vault", 0, 0);
	T::Roles::register_vault_for_benchmark(&vault);
	vault
}

fn largest_record<T: Config>(patient: &T::AccountId) -> RecordId {
	let record = NewRecord {
		patient: patient.clone(),
		author: account("author", 0, 0),
		kind: RecordKind::truncate_from(LONGEST_FHIR_RESOURCE_TYPE.as_bytes().to_vec()),
		locator: Locator { vault: vault::<T>(), content: [1; 16] },
		commitment: [1; 32],
		supersedes: None,
	};
	<Pallet<T> as RecordStore<T::AccountId>>::insert(record).unwrap_or_default()
}

/// A doctor holding every grant `patient` can give, none of which covers the largest record.
fn widely_granted_doctor<T: Config>(name: &'static str, patient: &T::AccountId) -> T::AccountId {
	let viewer: T::AccountId = account(name, 0, 0);
	T::Roles::register_for_benchmark(&viewer, Role::Doctor);
	T::AccessPolicy::fill_grants_for_benchmark(
		&viewer,
		patient,
		LONGEST_FHIR_RESOURCE_TYPE.as_bytes(),
	);
	viewer
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn view_history() {
		let patient: T::AccountId = account("patient", 0, 0);
		let viewer = widely_granted_doctor::<T>("viewer", &patient);
		largest_record::<T>(&patient);
		#[extrinsic_call]
		_(RawOrigin::Signed(viewer), patient.clone(), PurposeOfUse::Research);
		assert_eq!(HistoryLength::<T>::get(&patient), 1);
	}

	#[benchmark]
	fn release() {
		let patient: T::AccountId = account("patient", 0, 0);
		let viewer = widely_granted_doctor::<T>("viewer", &patient);
		let id = largest_record::<T>(&patient);
		#[extrinsic_call]
		_(RawOrigin::Signed(vault::<T>()), id, viewer, PurposeOfUse::Treatment);
		assert!(Records::<T>::contains_key(id));
	}

	#[benchmark]
	fn erase() {
		let patient: T::AccountId = account("patient", 0, 0);
		let id = largest_record::<T>(&patient);
		#[extrinsic_call]
		_(RawOrigin::Signed(vault::<T>()), id, patient);
		assert!(Records::<T>::get(id).is_some_and(|r| r.erased_at.is_some()));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

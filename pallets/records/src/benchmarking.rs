//! Benchmarks of the records pallet's calls at their worst case: the largest record, and a
//! viewer the policy checks all the way through before refusing.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use medchain_primitives::{MAX_KIND_LEN, MAX_PAYLOAD_LEN};

fn largest_record<T: Config>(patient: &T::AccountId) -> RecordId {
	let record = NewRecord {
		patient: patient.clone(),
		author: account("author", 0, 0),
		kind: RecordKind::truncate_from(alloc::vec![b'K'; MAX_KIND_LEN as usize]),
		content_hash: [1; 32],
		payload: Payload::truncate_from(alloc::vec![b'P'; MAX_PAYLOAD_LEN as usize]),
		supersedes: None,
	};
	<Pallet<T> as RecordStore<T::AccountId>>::insert(record).unwrap_or_default()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn view_record() {
		let patient: T::AccountId = account("patient", 0, 0);
		let viewer: T::AccountId = whitelisted_caller();
		let id = largest_record::<T>(&patient);
		#[extrinsic_call]
		_(RawOrigin::Signed(viewer), id);
		assert!(Records::<T>::contains_key(id));
	}

	#[benchmark]
	fn view_history() {
		let patient: T::AccountId = account("patient", 0, 0);
		let viewer: T::AccountId = whitelisted_caller();
		largest_record::<T>(&patient);
		#[extrinsic_call]
		_(RawOrigin::Signed(viewer), patient.clone());
		assert_eq!(HistoryLength::<T>::get(&patient), 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

//! Benchmarks of every consent call, each at its worst case: the longest FHIR resource type,
//! a full consent pool, a patient's every place taken by grants that ended, a doctor's every
//! grant naming the most kinds.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use medchain_primitives::{EmergencyReason, Locator, LONGEST_FHIR_RESOURCE_TYPE, MAX_KIND_LEN};

/// The longest kind a submission can carry.
fn longest_kind() -> Vec<u8> {
	LONGEST_FHIR_RESOURCE_TYPE.as_bytes().to_vec()
}

fn member<T: Config>(name: &'static str, role: Role) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::Roles::register_for_benchmark(&who, role);
	let funds = Pallet::<T>::deposit_for(MAX_KIND_LEN as usize).expect("the deposit fits");
	let funds = funds.saturating_mul((T::MaxPendingPerPatient::get() + 1).into());
	T::Currency::set_balance(&who, funds.saturating_add(T::Currency::minimum_balance()));
	who
}

/// A locator in a registered vault.
fn locator<T: Config>() -> Locator<T::AccountId> {
	let vault: T::AccountId = account("vault", 0, 0);
	T::Roles::register_vault_for_benchmark(&vault);
	Locator { vault, content: [7; 16] }
}

/// Fills `patient`'s pool with the largest submissions of as many doctors as the per-doctor
/// cap needs, leaving room for `free` more; returns the last submission and its doctor.
fn fill_pool<T: Config>(patient: &T::AccountId, free: u32) -> (SubmissionId, T::AccountId) {
	let (mut last, mut doctor) = (0, member::<T>("doctor", Role::Doctor));
	for n in free..T::MaxPendingPerPatient::get() {
		doctor = account("filler", n / T::MaxPendingPerDoctor::get(), 0);
		T::Roles::register_for_benchmark(&doctor, Role::Doctor);
		let funds = Pallet::<T>::deposit_for(MAX_KIND_LEN as usize)
			.expect("the deposit fits")
			.saturating_mul((T::MaxPendingPerDoctor::get() + 1).into());
		if T::Currency::balance(&doctor) < funds {
			T::Currency::set_balance(&doctor, funds.saturating_add(T::Currency::minimum_balance()));
		}
		last = NextSubmissionId::<T>::get();
		Pallet::<T>::submit(
			RawOrigin::Signed(doctor.clone()).into(),
			patient.clone(),
			longest_kind(),
			locator::<T>(),
			[1; 32],
			None,
		)
		.expect("the benchmark's submission is valid");
	}
	(last, doctor)
}

/// A patient whose every place for doctors' grants is taken by a grant that has run out, so
/// that a new doctor's grant reads and removes them all; and that doctor.
fn patient_with_ended_grants<T: Config>() -> Result<(T::AccountId, T::AccountId), BenchmarkError> {
	let patient = member::<T>("patient", Role::Patient);
	let now = frame_system::Pallet::<T>::block_number();
	for n in 0..T::MaxGrantsPerPatient::get() {
		let granted: T::AccountId = account("granted", n, 0);
		T::Roles::register_for_benchmark(&granted, Role::Doctor);
		Pallet::<T>::grant_access(RawOrigin::Signed(patient.clone()).into(), granted, Some(now))?;
	}
	frame_system::Pallet::<T>::set_block_number(now + 1u32.into());
	Ok((patient, member::<T>("doctor", Role::Doctor)))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn submit() {
		let doctor = member::<T>("doctor", Role::Doctor);
		let patient = member::<T>("patient", Role::Patient);
		fill_pool::<T>(&patient, 1);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(doctor),
			patient.clone(),
			longest_kind(),
			locator::<T>(),
			[1; 32],
			None,
		);
		assert_eq!(PendingPool::<T>::get(&patient).len() as u32, T::MaxPendingPerPatient::get());
	}

	#[benchmark]
	fn approve() {
		let patient = member::<T>("patient", Role::Patient);
		let (id, _) = fill_pool::<T>(&patient, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(patient), id);
		assert!(Submissions::<T>::get(id).is_none());
	}

	#[benchmark]
	fn deny() {
		let patient = member::<T>("patient", Role::Patient);
		let (id, _) = fill_pool::<T>(&patient, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(patient), id);
		assert!(Submissions::<T>::get(id).is_none());
	}

	#[benchmark]
	fn withdraw() {
		let patient = member::<T>("patient", Role::Patient);
		let (id, doctor) = fill_pool::<T>(&patient, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(doctor), id);
		assert!(Submissions::<T>::get(id).is_none());
	}

	#[benchmark]
	fn expire() {
		let patient = member::<T>("patient", Role::Patient);
		let (id, doctor) = fill_pool::<T>(&patient, 0);
		let later =
			frame_system::Pallet::<T>::block_number() + T::ConsentWindow::get() + 1u32.into();
		frame_system::Pallet::<T>::set_block_number(later);
		#[extrinsic_call]
		_(RawOrigin::Signed(doctor), id);
		assert!(Submissions::<T>::get(id).is_none());
	}

	#[benchmark]
	fn grant_access() -> Result<(), BenchmarkError> {
		let (patient, doctor) = patient_with_ended_grants::<T>()?;
		#[extrinsic_call]
		_(RawOrigin::Signed(patient.clone()), doctor.clone(), None);
		assert!(Grants::<T>::contains_key(&patient, &doctor));
		assert_eq!(GrantCount::<T>::get(&patient), 1);
		Ok(())
	}

	#[benchmark]
	fn grant_scoped(k: Linear<0, MAX_GRANT_KINDS>) -> Result<(), BenchmarkError> {
		let (patient, doctor) = patient_with_ended_grants::<T>()?;
		let kinds: Vec<Vec<u8>> = Pallet::<T>::benchmark_kinds(k as usize, 0, &[])
			.into_iter()
			.map(|kind| kind.into_inner())
			.collect();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(patient.clone()),
			doctor.clone(),
			kinds,
			PurposeOfUse::ALL.to_vec(),
			None,
		);
		let grants = Grants::<T>::get(&patient, &doctor).unwrap_or_default();
		assert_eq!(grants.first().map(|grant| grant.kinds.len() as u32), Some(k));
		assert_eq!(GrantCount::<T>::get(&patient), 1);
		Ok(())
	}

	#[benchmark]
	fn revoke_access() -> Result<(), BenchmarkError> {
		let doctor = member::<T>("doctor", Role::Doctor);
		let patient = member::<T>("patient", Role::Patient);
		<Pallet<T> as AccessPolicy<T::AccountId>>::fill_grants_for_benchmark(
			&doctor,
			&patient,
			&[],
		);
		Pallet::<T>::emergency_access(
			RawOrigin::Signed(doctor.clone()).into(),
			patient.clone(),
			EmergencyReason::Unconscious,
		)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(patient.clone()), doctor.clone());
		let grants = Grants::<T>::get(&patient, &doctor).unwrap_or_default();
		assert_eq!(grants.len() as u32, T::MaxGrantsPerDoctor::get());
		assert!(grants.iter().all(|grant| grant.revoked_at.is_some()));
		Ok(())
	}

	#[benchmark]
	fn emergency_access() {
		let doctor = member::<T>("doctor", Role::Doctor);
		let patient = member::<T>("patient", Role::Patient);
		#[extrinsic_call]
		_(RawOrigin::Signed(doctor.clone()), patient.clone(), EmergencyReason::LifeThreatening);
		assert!(EmergencyAccesses::<T>::contains_key(&patient, &doctor));
	}

	#[benchmark]
	fn block_doctor() {
		let doctor = member::<T>("doctor", Role::Doctor);
		let patient = member::<T>("patient", Role::Patient);
		#[extrinsic_call]
		_(RawOrigin::Signed(patient.clone()), doctor.clone());
		assert!(Blocked::<T>::contains_key(&patient, &doctor));
	}

	#[benchmark]
	fn unblock_doctor() -> Result<(), BenchmarkError> {
		let doctor = member::<T>("doctor", Role::Doctor);
		let patient = member::<T>("patient", Role::Patient);
		Pallet::<T>::block_doctor(RawOrigin::Signed(patient.clone()).into(), doctor.clone())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(patient.clone()), doctor.clone());
		assert!(!Blocked::<T>::contains_key(&patient, &doctor));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

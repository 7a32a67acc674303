//! Benchmarks of every registry call, each at its worst case.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use medchain_primitives::Roles;

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_patient(m: Linear<0, { T::MaxMetadataLen::get() }>) {
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), [7; 32], alloc::vec![1u8; m as usize]);
		assert!(Pallet::<T>::is_active(&caller, Role::Patient));
	}

	#[benchmark]
	fn register_doctor(l: Linear<1, { T::MaxLicenceLen::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let doctor: T::AccountId = account("doctor", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, doctor.clone(), alloc::vec![b'L'; l as usize], [7; 32]);
		assert!(Pallet::<T>::is_active(&doctor, Role::Doctor));
		Ok(())
	}

	#[benchmark]
	fn register_admin() -> Result<(), BenchmarkError> {
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let admin: T::AccountId = account("admin", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, admin.clone());
		assert!(Pallet::<T>::is_active(&admin, Role::Admin));
		Ok(())
	}

	#[benchmark]
	fn remove_admin() -> Result<(), BenchmarkError> {
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let admin: T::AccountId = account("admin", 0, 0);
		Pallet::<T>::register_for_benchmark(&admin, Role::Admin);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, admin.clone());
		assert!(Pallet::<T>::role_of(&admin).is_none());
		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let patient: T::AccountId = account("patient", 0, 0);
		Pallet::<T>::register_for_benchmark(&patient, Role::Patient);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, patient.clone());
		assert_eq!(Pallet::<T>::role_of(&patient), Some((Role::Patient, MemberStatus::Suspended)));
		Ok(())
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let patient: T::AccountId = account("patient", 0, 0);
		Pallet::<T>::register_for_benchmark(&patient, Role::Patient);
		Pallet::<T>::set_status(&patient, MemberStatus::Suspended, Error::<T>::AlreadySuspended)
			.map_err(sp_runtime::DispatchError::from)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, patient.clone());
		assert!(Pallet::<T>::is_active(&patient, Role::Patient));
		Ok(())
	}

	#[benchmark]
	fn rotate_encryption_key() {
		let patient: T::AccountId = whitelisted_caller();
		Pallet::<T>::register_for_benchmark(&patient, Role::Patient);
		#[extrinsic_call]
		_(RawOrigin::Signed(patient.clone()), [9; 32]);
		assert_eq!(Members::<T>::get(&patient).map(|m| m.encryption_key), Some(Some([9; 32])));
	}

	#[benchmark]
	fn register_vault(e: Linear<1, { T::MaxEndpointLen::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let vault: T::AccountId = account("vault", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, vault.clone(), alloc::vec![b'u'; e as usize]);
		assert!(Pallet::<T>::is_active_vault(&vault));
		Ok(())
	}

	#[benchmark]
	fn set_vault_endpoint(e: Linear<1, { T::MaxEndpointLen::get() }>) {
		let vault: T::AccountId = whitelisted_caller();
		Pallet::<T>::register_vault_for_benchmark(&vault);
		#[extrinsic_call]
		_(RawOrigin::Signed(vault.clone()), alloc::vec![b'u'; e as usize]);
		assert_eq!(Vaults::<T>::get(&vault).map(|v| v.endpoint.len() as u32), Some(e));
	}

	#[benchmark]
	fn retire_vault() -> Result<(), BenchmarkError> {
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let vault: T::AccountId = account("vault", 0, 0);
		Pallet::<T>::register_vault_for_benchmark(&vault);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, vault.clone());
		assert!(!Pallet::<T>::is_active_vault(&vault));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

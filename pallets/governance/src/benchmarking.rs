//! Benchmark of the governance pallet's call.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn authorize_upgrade() -> Result<(), BenchmarkError> {
		let origin =
			T::UpgradeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let hash = T::Hash::default();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash);
		// An upgrade is now authorised: other code is refused as unauthorised, not as nothing
		// authorised.
		let applied = frame_system::Pallet::<T>::apply_authorized_upgrade(
			frame_system::RawOrigin::None.into(),
			alloc::vec![1],
		);
		assert_eq!(
			applied.map_err(|e| e.error),
			Err(frame_system::Error::<T>::Unauthorized.into())
		);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

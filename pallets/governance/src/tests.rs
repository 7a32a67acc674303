//! Tests of the upgrade authorisation: who may give it, and what it leaves.

use crate::{mock::*, Event};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{traits::Hash, DispatchError};

#[test]
fn the_council_authorises_an_upgrade_by_its_hash() {
	new_test_ext().execute_with(|| {
		let code_hash = <Test as frame_system::Config>::Hashing::hash(b"a new runtime");
		let apply = |code: &[u8]| {
			System::apply_authorized_upgrade(RuntimeOrigin::signed(2), code.to_vec())
				.map_err(|e| e.error)
		};
		assert_noop!(
			Governance::authorize_upgrade(RuntimeOrigin::signed(1), code_hash),
			DispatchError::BadOrigin
		);
		assert_eq!(apply(b"other"), Err(frame_system::Error::<Test>::NothingAuthorized.into()));
		assert_ok!(Governance::authorize_upgrade(RuntimeOrigin::root(), code_hash));
		System::assert_has_event(
			frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
		);
		System::assert_last_event(Event::UpgradeAuthorized { code_hash }.into());
		// Code that does not match the hash is refused.
		assert_eq!(apply(b"other"), Err(frame_system::Error::<Test>::Unauthorized.into()));
	});
}

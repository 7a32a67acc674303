//! Tests of every registry call: success, each error, events, storage and the access log.

use crate::{mock::*, Error, Event, Members, Vaults};
use frame_support::{assert_noop, assert_ok};
use medchain_primitives::{
	testing::RecordingAudit, AuditAction, AuditEvent, MemberStatus, Role, Roles,
};
use sp_runtime::DispatchError;

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The council's origin, which the mock runtime takes to be Root.
fn council() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event was deposited").event
}

#[test]
fn genesis_registers_every_role() {
	run_test(|| {
		assert_eq!(Registry::role_of(&ADMIN), Some((Role::Admin, MemberStatus::Active)));
		assert_eq!(Registry::role_of(&DOCTOR), Some((Role::Doctor, MemberStatus::Active)));
		assert_eq!(Registry::role_of(&PATIENT), Some((Role::Patient, MemberStatus::Active)));
		assert_eq!(Registry::role_of(&NOBODY), None);
		let doctor = Members::<Test>::get(DOCTOR).unwrap();
		assert_eq!(doctor.licence.to_vec(), b"GMC-7".to_vec());
		assert_eq!(doctor.encryption_key, Some([2; 32]));
	});
}

#[test]
fn register_patient_works() {
	run_test(|| {
		assert_ok!(Registry::register_patient(signed(NOBODY), [9; 32], b"hash:abc".to_vec()));
		let member = Members::<Test>::get(NOBODY).unwrap();
		assert_eq!(member.role, Role::Patient);
		assert_eq!(member.status, MemberStatus::Active);
		assert_eq!(member.encryption_key, Some([9; 32]));
		assert_eq!(member.metadata.to_vec(), b"hash:abc".to_vec());
		assert_eq!(member.registered_at, 1);
		assert_eq!(last_event(), Event::PatientRegistered { who: NOBODY }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(NOBODY), AuditAction::Registered(Role::Patient))
					.patient(NOBODY)
			)
		);
	});
}

#[test]
fn register_patient_fails_when_already_registered() {
	run_test(|| {
		assert_noop!(
			Registry::register_patient(signed(DOCTOR), [9; 32], vec![]),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn register_patient_fails_on_long_metadata() {
	run_test(|| {
		assert_noop!(
			Registry::register_patient(signed(NOBODY), [9; 32], vec![0; 65]),
			Error::<Test>::MetadataTooLong
		);
	});
}

#[test]
fn register_patient_needs_a_signed_origin() {
	run_test(|| {
		assert_noop!(
			Registry::register_patient(RuntimeOrigin::root(), [9; 32], vec![]),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn admin_and_root_register_doctors() {
	run_test(|| {
		assert_ok!(Registry::register_doctor(signed(ADMIN), NOBODY, b"GMC-9".to_vec(), [4; 32]));
		assert_eq!(last_event(), Event::DoctorRegistered { who: NOBODY, by: Some(ADMIN) }.into());
		assert_eq!(Registry::role_of(&NOBODY), Some((Role::Doctor, MemberStatus::Active)));
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(ADMIN), AuditAction::Registered(Role::Doctor)).subject(NOBODY)
			)
		);

		assert_ok!(Registry::register_doctor(
			RuntimeOrigin::root(),
			10,
			b"GMC-10".to_vec(),
			[5; 32]
		));
		assert_eq!(last_event(), Event::DoctorRegistered { who: 10, by: None }.into());
	});
}

#[test]
fn register_doctor_errors() {
	run_test(|| {
		assert_noop!(
			Registry::register_doctor(signed(DOCTOR), NOBODY, b"X".to_vec(), [4; 32]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Registry::register_doctor(signed(ADMIN), PATIENT, b"X".to_vec(), [4; 32]),
			Error::<Test>::AlreadyRegistered
		);
		assert_noop!(
			Registry::register_doctor(signed(ADMIN), NOBODY, vec![], [4; 32]),
			Error::<Test>::EmptyLicence
		);
		assert_noop!(
			Registry::register_doctor(signed(ADMIN), NOBODY, vec![b'x'; 33], [4; 32]),
			Error::<Test>::LicenceTooLong
		);
	});
}

#[test]
fn a_suspended_admin_cannot_register_doctors() {
	run_test(|| {
		assert_ok!(Registry::register_admin(RuntimeOrigin::root(), 10));
		assert_ok!(Registry::suspend(signed(10), ADMIN));
		assert_noop!(
			Registry::register_doctor(signed(ADMIN), NOBODY, b"X".to_vec(), [4; 32]),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_admin_works_for_the_council_only() {
	run_test(|| {
		assert_noop!(Registry::register_admin(signed(ADMIN), NOBODY), DispatchError::BadOrigin);
		assert_ok!(Registry::register_admin(council(), NOBODY));
		assert_eq!(last_event(), Event::AdminRegistered { who: NOBODY }.into());
		let member = Members::<Test>::get(NOBODY).unwrap();
		assert_eq!((member.role, member.encryption_key), (Role::Admin, None));
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(None, AuditAction::Registered(Role::Admin)).subject(NOBODY))
		);
		assert_noop!(
			Registry::register_admin(RuntimeOrigin::root(), PATIENT),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn suspend_and_reinstate_work() {
	run_test(|| {
		assert_ok!(Registry::suspend(signed(ADMIN), PATIENT));
		assert_eq!(last_event(), Event::MemberSuspended { who: PATIENT, by: Some(ADMIN) }.into());
		assert_eq!(Registry::role_of(&PATIENT), Some((Role::Patient, MemberStatus::Suspended)));
		assert!(!Registry::is_active(&PATIENT, Role::Patient));
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(ADMIN), AuditAction::Suspended)
					.subject(PATIENT)
					.patient(PATIENT)
			)
		);

		assert_ok!(Registry::reinstate(RuntimeOrigin::root(), PATIENT));
		assert_eq!(last_event(), Event::MemberReinstated { who: PATIENT, by: None }.into());
		assert!(Registry::is_active(&PATIENT, Role::Patient));
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(None, AuditAction::Reinstated).subject(PATIENT).patient(PATIENT))
		);
	});
}

#[test]
fn suspending_a_doctor_logs_no_patient() {
	run_test(|| {
		assert_ok!(Registry::suspend(signed(ADMIN), DOCTOR));
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(Some(ADMIN), AuditAction::Suspended).subject(DOCTOR))
		);
	});
}

#[test]
fn suspend_errors() {
	run_test(|| {
		assert_noop!(Registry::suspend(signed(PATIENT), DOCTOR), DispatchError::BadOrigin);
		assert_noop!(Registry::suspend(signed(ADMIN), NOBODY), Error::<Test>::NotRegistered);
		assert_noop!(Registry::suspend(signed(ADMIN), ADMIN), Error::<Test>::CannotSuspendSelf);
		assert_ok!(Registry::suspend(signed(ADMIN), DOCTOR));
		assert_noop!(Registry::suspend(signed(ADMIN), DOCTOR), Error::<Test>::AlreadySuspended);
	});
}

#[test]
fn reinstate_errors() {
	run_test(|| {
		assert_noop!(Registry::reinstate(signed(DOCTOR), PATIENT), DispatchError::BadOrigin);
		assert_noop!(Registry::reinstate(signed(ADMIN), NOBODY), Error::<Test>::NotRegistered);
		assert_noop!(Registry::reinstate(signed(ADMIN), PATIENT), Error::<Test>::NotSuspended);
	});
}

#[test]
fn rotate_encryption_key_works() {
	run_test(|| {
		assert_ok!(Registry::rotate_encryption_key(signed(PATIENT), [8; 32]));
		assert_eq!(Members::<Test>::get(PATIENT).unwrap().encryption_key, Some([8; 32]));
		assert_eq!(last_event(), Event::EncryptionKeyRotated { who: PATIENT }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(Some(PATIENT), AuditAction::KeyRotated).patient(PATIENT))
		);
	});
}

#[test]
fn rotate_encryption_key_errors() {
	run_test(|| {
		assert_noop!(
			Registry::rotate_encryption_key(signed(NOBODY), [8; 32]),
			Error::<Test>::NotRegistered
		);
		assert_ok!(Registry::suspend(signed(ADMIN), DOCTOR));
		assert_noop!(
			Registry::rotate_encryption_key(signed(DOCTOR), [8; 32]),
			Error::<Test>::MemberSuspended
		);
	});
}

#[test]
fn try_state_catches_a_doctor_without_licence() {
	new_test_ext().execute_with(|| {
		Members::<Test>::mutate(DOCTOR, |m| m.as_mut().unwrap().licence = Default::default());
		assert!(Registry::do_try_state().is_err());
	});
}

#[test]
fn genesis_registers_vaults() {
	run_test(|| {
		assert!(Registry::is_active_vault(&VAULT));
		assert!(!Registry::is_active_vault(&NOBODY));
		let vault = Vaults::<Test>::get(VAULT).unwrap();
		assert_eq!(vault.endpoint.to_vec(), b"http://127.0.0.1:8700".to_vec());
	});
}

#[test]
fn register_vault_works() {
	run_test(|| {
		assert_ok!(Registry::register_vault(council(), NOBODY, b"http://v:1".to_vec()));
		let vault = Vaults::<Test>::get(NOBODY).unwrap();
		assert_eq!(vault.endpoint.to_vec(), b"http://v:1".to_vec());
		assert!(vault.active);
		assert_eq!(vault.registered_at, 1);
		assert!(Registry::is_active_vault(&NOBODY));
		assert_eq!(last_event(), Event::VaultRegistered { vault: NOBODY }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(None, AuditAction::VaultRegistered).subject(NOBODY))
		);
	});
}

#[test]
fn register_vault_fails_for_non_admins_and_bad_input() {
	run_test(|| {
		for not_council in [signed(DOCTOR), signed(ADMIN)] {
			assert_noop!(
				Registry::register_vault(not_council, NOBODY, b"http://v".to_vec()),
				DispatchError::BadOrigin
			);
		}
		assert_noop!(
			Registry::register_vault(council(), VAULT, b"http://v".to_vec()),
			Error::<Test>::VaultAlreadyRegistered
		);
		assert_noop!(
			Registry::register_vault(council(), NOBODY, vec![]),
			Error::<Test>::EmptyEndpoint
		);
		assert_noop!(
			Registry::register_vault(council(), NOBODY, vec![b'u'; 25]),
			Error::<Test>::EndpointTooLong
		);
	});
}

#[test]
fn a_vault_moves_its_own_endpoint() {
	run_test(|| {
		assert_ok!(Registry::set_vault_endpoint(signed(VAULT), b"http://10.0.0.2:80".to_vec()));
		assert_eq!(Vaults::<Test>::get(VAULT).unwrap().endpoint.to_vec(), b"http://10.0.0.2:80");
		assert_eq!(last_event(), Event::VaultEndpointChanged { vault: VAULT }.into());
		assert_noop!(
			Registry::set_vault_endpoint(signed(NOBODY), b"http://x".to_vec()),
			Error::<Test>::UnknownVault
		);
		assert_noop!(
			Registry::set_vault_endpoint(signed(VAULT), vec![]),
			Error::<Test>::EmptyEndpoint
		);
		assert_noop!(
			Registry::set_vault_endpoint(signed(VAULT), vec![b'u'; 25]),
			Error::<Test>::EndpointTooLong
		);
	});
}

#[test]
fn retire_vault_works_once() {
	run_test(|| {
		assert_noop!(Registry::retire_vault(signed(PATIENT), VAULT), DispatchError::BadOrigin);
		assert_noop!(Registry::retire_vault(signed(ADMIN), VAULT), DispatchError::BadOrigin);
		assert_noop!(Registry::retire_vault(council(), NOBODY), Error::<Test>::UnknownVault);
		assert_ok!(Registry::retire_vault(council(), VAULT));
		assert!(!Registry::is_active_vault(&VAULT));
		assert_eq!(last_event(), Event::VaultRetired { vault: VAULT }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(None, AuditAction::VaultRetired).subject(VAULT))
		);
		assert_noop!(Registry::retire_vault(council(), VAULT), Error::<Test>::VaultRetired);
		assert_noop!(
			Registry::set_vault_endpoint(signed(VAULT), b"http://x".to_vec()),
			Error::<Test>::VaultRetired
		);
	});
}

#[test]
fn the_council_removes_an_admin() {
	run_test(|| {
		assert_noop!(Registry::remove_admin(signed(ADMIN), ADMIN), DispatchError::BadOrigin);
		assert_noop!(Registry::remove_admin(council(), DOCTOR), Error::<Test>::NotAdmin);
		assert_noop!(Registry::remove_admin(council(), NOBODY), Error::<Test>::NotAdmin);
		assert_ok!(Registry::remove_admin(council(), ADMIN));
		assert_eq!(Registry::role_of(&ADMIN), None);
		assert_eq!(last_event(), Event::AdminRemoved { who: ADMIN }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(None, AuditAction::AdminRemoved).subject(ADMIN))
		);
		// A removed admin admits nobody.
		assert_noop!(
			Registry::register_doctor(signed(ADMIN), NOBODY, b"L".to_vec(), [1; 32]),
			DispatchError::BadOrigin
		);
	});
}

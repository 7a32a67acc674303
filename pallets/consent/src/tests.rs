//! Tests of every consent call: success, each error, events, storage, deposits and the log.

use crate::{
	mock::*, Blocked, BlockedCount, EmergencyAccesses, Error, Event, Grant, GrantCount, Grants,
	HoldReason, PendingFromDoctor, PendingPool, Submissions,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use medchain_primitives::{
	testing::{MockRecords, MockRoles, RecordingAudit},
	AccessBasis, AccessPolicy, AccessRequest, AuditAction, AuditEvent, EmergencyReason, Locator,
	MemberStatus, NewRecord,
	PurposeOfUse::{self, *},
	Refusal, Role,
};

const COMMITMENT: [u8; 32] = [7; 32];

/// Content kept in the registered vault.
fn locator() -> Locator<u64> {
	Locator { vault: VAULT, content: [5; 16] }
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event was deposited").event
}

fn held(doctor: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::SubmissionDeposit.into(), &doctor)
}

/// `DOCTOR` submits an observation for `PATIENT`; returns its id.
fn submit(supersedes: Option<u64>) -> u64 {
	let id = crate::NextSubmissionId::<Test>::get();
	assert_ok!(Consent::submit(
		signed(DOCTOR),
		PATIENT,
		b"Observation".to_vec(),
		locator(),
		COMMITMENT,
		supersedes
	));
	id
}

/// `doctor` submits a note for `patient`, kept in the registered vault.
fn submit_to(doctor: u64, patient: u64) -> sp_runtime::DispatchResult {
	Consent::submit(signed(doctor), patient, b"Condition".to_vec(), locator(), COMMITMENT, None)
}

fn run_to(block: u64) {
	System::set_block_number(block);
}

#[test]
fn submit_enters_the_pool_and_holds_a_deposit() {
	run_test(|| {
		let id = submit(None);
		// Base 10 plus 1 per byte of kind (11).
		let deposit = 10 + 11;
		assert_eq!(held(DOCTOR), deposit);
		assert_eq!(Balances::balance(&DOCTOR), FUNDS - deposit);
		assert_eq!(PendingPool::<Test>::get(PATIENT).to_vec(), vec![id]);
		let submission = Submissions::<Test>::get(id).unwrap();
		assert_eq!((submission.patient, submission.doctor), (PATIENT, DOCTOR));
		assert_eq!(submission.kind.to_vec(), b"Observation".to_vec());
		assert_eq!((submission.locator.clone(), submission.commitment), (locator(), COMMITMENT));
		assert_eq!((submission.submitted_at, submission.expires_at), (1, 21));
		assert_eq!(
			last_event(),
			Event::Submitted { id, patient: PATIENT, doctor: DOCTOR, deposit, expires_at: 21 }
				.into()
		);
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(DOCTOR), AuditAction::Submitted)
					.patient(PATIENT)
					.submission(id)
			)
		);
		assert_eq!(Consent::pending(PATIENT), vec![(id, submission)]);
	});
}

#[test]
fn submit_checks_roles() {
	run_test(|| {
		assert_noop!(submit_to(NOBODY, PATIENT), Error::<Test>::NotActiveDoctor);
		assert_noop!(submit_to(PATIENT, PATIENT), Error::<Test>::NotActiveDoctor);
		assert_noop!(submit_to(SUSPENDED_DOCTOR, PATIENT), Error::<Test>::NotActiveDoctor);
		assert_noop!(submit_to(DOCTOR, NOBODY), Error::<Test>::NotActivePatient);
		MockRoles::set(PATIENT, Role::Patient, MemberStatus::Suspended);
		assert_noop!(submit_to(DOCTOR, PATIENT), Error::<Test>::NotActivePatient);
	});
}

#[test]
fn submit_checks_its_input() {
	run_test(|| {
		let submit_with = |kind: Vec<u8>, vault: u64, supersedes| {
			let locator = Locator { vault, content: [5; 16] };
			Consent::submit(signed(DOCTOR), PATIENT, kind, locator, COMMITMENT, supersedes)
		};
		for kind in [&b""[..], b"Obs", b"observation", b"lab-result", &[b'K'; 65]] {
			assert_noop!(
				submit_with(kind.to_vec(), VAULT, None),
				Error::<Test>::NotFhirResourceType
			);
		}
		let observation = || b"Observation".to_vec();
		assert_noop!(submit_with(observation(), NOBODY, None), Error::<Test>::UnknownVault);
		assert_noop!(submit_with(observation(), VAULT, Some(0)), Error::<Test>::CannotSupersede);
	});
}

#[test]
fn submit_fails_when_the_pool_is_full() {
	run_test(|| {
		submit(None);
		submit(None);
		assert_ok!(submit_to(DOCTOR_2, PATIENT));
		assert_noop!(submit_to(DOCTOR_2, PATIENT), Error::<Test>::PendingPoolFull);
		// Another patient's pool is separate.
		assert_ok!(submit_to(DOCTOR, PATIENT_2));
	});
}

#[test]
fn submit_fails_without_funds_for_the_deposit() {
	run_test(|| {
		assert_noop!(submit_to(POOR_DOCTOR, PATIENT), Error::<Test>::InsufficientBalance);
	});
}

#[test]
fn approve_moves_the_record_into_the_history_and_returns_the_deposit() {
	run_test(|| {
		let id = submit(None);
		assert_ok!(Consent::approve(signed(PATIENT), id));
		assert_eq!(held(DOCTOR), 0);
		assert_eq!(Balances::balance(&DOCTOR), FUNDS);
		assert!(Submissions::<Test>::get(id).is_none());
		assert!(PendingPool::<Test>::get(PATIENT).is_empty());
		assert_eq!(
			MockRecords::records(),
			vec![NewRecord {
				patient: PATIENT,
				author: DOCTOR,
				kind: b"Observation".to_vec().try_into().unwrap(),
				locator: locator(),
				commitment: COMMITMENT,
				supersedes: None,
			}]
		);
		assert_eq!(last_event(), Event::Approved { id, patient: PATIENT, record: 0 }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(PATIENT), AuditAction::Approved)
					.patient(PATIENT)
					.submission(id)
					.record(0)
			)
		);
	});
}

#[test]
fn an_amendment_supersedes_the_latest_version_only() {
	run_test(|| {
		let first = submit(None);
		assert_ok!(Consent::approve(signed(PATIENT), first));
		let amendment = submit(Some(0));
		let rival = submit(Some(0));
		assert_ok!(Consent::approve(signed(PATIENT), amendment));
		assert_eq!(MockRecords::records()[1].supersedes, Some(0));
		// Record 0 was amended meanwhile: the rival can no longer be approved or submitted.
		assert_noop!(Consent::approve(signed(PATIENT), rival), Error::<Test>::CannotSupersede);
		assert_noop!(
			Consent::submit(
				signed(DOCTOR),
				PATIENT,
				b"Condition".to_vec(),
				locator(),
				COMMITMENT,
				Some(0)
			),
			Error::<Test>::CannotSupersede
		);
		// Another patient cannot amend it either.
		assert_noop!(
			Consent::submit(
				signed(DOCTOR),
				PATIENT_2,
				b"Condition".to_vec(),
				locator(),
				COMMITMENT,
				Some(1)
			),
			Error::<Test>::CannotSupersede
		);
	});
}

#[test]
fn approve_errors() {
	run_test(|| {
		assert_noop!(Consent::approve(signed(PATIENT), 99), Error::<Test>::UnknownSubmission);
		let id = submit(None);
		assert_noop!(Consent::approve(signed(PATIENT_2), id), Error::<Test>::NotSubmissionPatient);
		assert_noop!(Consent::approve(signed(DOCTOR), id), Error::<Test>::NotSubmissionPatient);
		MockRoles::set(PATIENT, Role::Patient, MemberStatus::Suspended);
		assert_noop!(Consent::approve(signed(PATIENT), id), Error::<Test>::NotActivePatient);
		MockRoles::set(PATIENT, Role::Patient, MemberStatus::Active);
		run_to(22);
		assert_noop!(Consent::approve(signed(PATIENT), id), Error::<Test>::SubmissionExpired);
	});
}

#[test]
fn approve_works_on_the_last_block_of_the_window() {
	run_test(|| {
		let id = submit(None);
		run_to(21);
		assert_ok!(Consent::approve(signed(PATIENT), id));
	});
}

#[test]
fn deny_discards_and_returns_the_deposit() {
	run_test(|| {
		let id = submit(None);
		assert_ok!(Consent::deny(signed(PATIENT), id));
		assert_eq!(held(DOCTOR), 0);
		assert_eq!(Balances::balance(&DOCTOR), FUNDS);
		assert!(Submissions::<Test>::get(id).is_none());
		assert!(PendingPool::<Test>::get(PATIENT).is_empty());
		assert!(MockRecords::records().is_empty());
		assert_eq!(last_event(), Event::Denied { id, patient: PATIENT }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(PATIENT), AuditAction::Denied).patient(PATIENT).submission(id)
			)
		);
	});
}

#[test]
fn deny_errors() {
	run_test(|| {
		assert_noop!(Consent::deny(signed(PATIENT), 99), Error::<Test>::UnknownSubmission);
		let id = submit(None);
		assert_noop!(Consent::deny(signed(DOCTOR), id), Error::<Test>::NotSubmissionPatient);
	});
}

#[test]
fn withdraw_returns_the_deposit() {
	run_test(|| {
		let kept = submit(None);
		let id = submit(None);
		assert_ok!(Consent::withdraw(signed(DOCTOR), id));
		assert_eq!(held(DOCTOR), Submissions::<Test>::get(kept).unwrap().deposit);
		assert_eq!(PendingPool::<Test>::get(PATIENT).to_vec(), vec![kept]);
		assert_eq!(last_event(), Event::Withdrawn { id, doctor: DOCTOR }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(DOCTOR), AuditAction::Withdrawn)
					.patient(PATIENT)
					.submission(id)
			)
		);
	});
}

#[test]
fn withdraw_errors() {
	run_test(|| {
		assert_noop!(Consent::withdraw(signed(DOCTOR), 99), Error::<Test>::UnknownSubmission);
		let id = submit(None);
		assert_noop!(Consent::withdraw(signed(DOCTOR_2), id), Error::<Test>::NotSubmissionDoctor);
		assert_noop!(Consent::withdraw(signed(PATIENT), id), Error::<Test>::NotSubmissionDoctor);
	});
}

#[test]
fn anyone_expires_a_submission_after_its_window() {
	run_test(|| {
		let id = submit(None);
		run_to(21);
		assert_noop!(Consent::expire(signed(NOBODY), id), Error::<Test>::NotExpired);
		run_to(22);
		assert_ok!(Consent::expire(signed(NOBODY), id));
		assert_eq!(held(DOCTOR), 0);
		assert!(PendingPool::<Test>::get(PATIENT).is_empty());
		assert_eq!(last_event(), Event::Expired { id, patient: PATIENT }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(NOBODY), AuditAction::Expired).patient(PATIENT).submission(id)
			)
		);
		assert_noop!(Consent::expire(signed(NOBODY), id), Error::<Test>::UnknownSubmission);
	});
}

/// A grant of `kinds` for `purposes` from `PATIENT` to `doctor`, until `until`.
fn grant(
	doctor: u64,
	kinds: &[&str],
	purposes: &[PurposeOfUse],
	until: Option<u64>,
) -> frame_support::dispatch::DispatchResult {
	let kinds = kinds.iter().map(|kind| kind.as_bytes().to_vec()).collect();
	Consent::grant_scoped(signed(PATIENT), doctor, kinds, purposes.to_vec(), until)
}

/// The grant stored for `kinds` and `purposes`, given at `granted_at`.
fn stored(
	granted_at: u64,
	until: Option<u64>,
	kinds: &[&str],
	purposes: &[PurposeOfUse],
	revoked_at: Option<u64>,
) -> Grant<u64> {
	Grant {
		granted_at,
		until,
		kinds: kinds
			.iter()
			.map(|kind| kind.as_bytes().to_vec().try_into().unwrap())
			.collect::<Vec<_>>()
			.try_into()
			.unwrap(),
		purposes: purposes.to_vec().try_into().unwrap(),
		revoked_at,
	}
}

fn grants_of(doctor: u64) -> Vec<Grant<u64>> {
	Grants::<Test>::get(PATIENT, doctor).map(|grants| grants.into_inner()).unwrap_or_default()
}

#[test]
fn grant_access_gives_every_kind_for_treatment_and_replaces_an_earlier_one() {
	run_test(|| {
		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR, Some(10)));
		assert_eq!(grants_of(DOCTOR), vec![stored(1, Some(10), &[], &[Treatment], None)]);
		assert_eq!(GrantCount::<Test>::get(PATIENT), 1);
		assert_eq!(
			last_event(),
			Event::AccessGranted {
				patient: PATIENT,
				doctor: DOCTOR,
				until: Some(10),
				kinds: Default::default(),
				purposes: vec![Treatment].try_into().unwrap(),
			}
			.into()
		);
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::by_patient(PATIENT, AuditAction::AccessGranted, DOCTOR))
		);
		run_to(2);
		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR, None));
		assert_eq!(GrantCount::<Test>::get(PATIENT), 1);
		assert_eq!(
			Consent::grants(PATIENT),
			vec![(DOCTOR, vec![stored(2, None, &[], &[Treatment], None)])]
		);
	});
}

#[test]
fn a_patient_holds_several_scoped_grants_for_one_doctor() {
	run_test(|| {
		// Observation and DiagnosticReport for treatment until block 10, everything for
		// emergency treatment; kinds and purposes are kept sorted and once each.
		assert_ok!(grant(
			DOCTOR,
			&["Observation", "DiagnosticReport", "Observation"],
			&[Treatment, Treatment],
			Some(10)
		));
		assert_eq!(
			last_event(),
			Event::AccessGranted {
				patient: PATIENT,
				doctor: DOCTOR,
				until: Some(10),
				kinds: stored(1, None, &["DiagnosticReport", "Observation"], &[Treatment], None)
					.kinds,
				purposes: vec![Treatment].try_into().unwrap(),
			}
			.into()
		);
		assert_ok!(grant(DOCTOR, &[], &[EmergencyTreatment], None));
		assert_eq!(
			grants_of(DOCTOR),
			vec![
				stored(1, Some(10), &["DiagnosticReport", "Observation"], &[Treatment], None),
				stored(1, None, &[], &[EmergencyTreatment], None),
			]
		);
		assert_eq!(GrantCount::<Test>::get(PATIENT), 1, "one doctor");
		// The same scope again replaces the first grant (a new end), not a third place.
		run_to(3);
		assert_ok!(grant(DOCTOR, &["DiagnosticReport", "Observation"], &[Treatment], Some(20)));
		assert_eq!(
			grants_of(DOCTOR),
			vec![
				stored(1, None, &[], &[EmergencyTreatment], None),
				stored(3, Some(20), &["DiagnosticReport", "Observation"], &[Treatment], None),
			]
		);
		assert_eq!(RecordingAudit::events().len(), 3, "each grant is logged");
	});
}

#[test]
fn grant_errors() {
	run_test(|| {
		assert_noop!(
			Consent::grant_access(signed(NOBODY), DOCTOR, None),
			Error::<Test>::NotActivePatient
		);
		assert_noop!(grant(NOBODY, &[], &[Treatment], None), Error::<Test>::NotActiveDoctor);
		assert_noop!(
			grant(SUSPENDED_DOCTOR, &[], &[Treatment], None),
			Error::<Test>::NotActiveDoctor
		);
		assert_noop!(grant(DOCTOR, &["Observation"], &[], None), Error::<Test>::NoPurpose);
		assert_noop!(
			grant(DOCTOR, &["Observation", "observation"], &[Treatment], None),
			Error::<Test>::NotFhirResourceType
		);
		let nine = ["Observation"; 9];
		assert_noop!(grant(DOCTOR, &nine, &[Treatment], None), Error::<Test>::TooManyKinds);
		run_to(5);
		assert_noop!(grant(DOCTOR, &[], &[Treatment], Some(4)), Error::<Test>::GrantEndsInPast);
		// Two doctors fill the patient's places (MaxGrantsPerPatient is 2).
		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR, None));
		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR_2, None));
		assert_noop!(
			Consent::grant_access(signed(PATIENT), POOR_DOCTOR, None),
			Error::<Test>::TooManyGrants
		);
		// Two running grants fill one doctor's places (MaxGrantsPerDoctor is 2).
		assert_ok!(grant(DOCTOR, &["Observation"], &[Research], None));
		assert_noop!(
			grant(DOCTOR, &["Observation"], &[Payment], None),
			Error::<Test>::TooManyGrantsForDoctor
		);
		assert!(RecordingAudit::events().len() == 3, "refused grants are not logged");
	});
}

#[test]
fn revoke_access_ends_every_grant_and_the_emergency_and_keeps_them_listed() {
	run_test(|| {
		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR, None));
		assert_ok!(grant(DOCTOR, &["Observation"], &[Research], Some(3)));
		assert_ok!(Consent::emergency_access(
			signed(DOCTOR),
			PATIENT,
			EmergencyReason::Unconscious
		));
		run_to(2);
		assert_ok!(Consent::revoke_access(signed(PATIENT), DOCTOR));
		assert_eq!(
			grants_of(DOCTOR),
			vec![
				stored(1, None, &[], &[Treatment], Some(2)),
				stored(1, Some(3), &["Observation"], &[Research], Some(2)),
			]
		);
		assert!(EmergencyAccesses::<Test>::get(PATIENT, DOCTOR).is_none());
		assert_eq!(GrantCount::<Test>::get(PATIENT), 1, "the ended grants stay listed");
		assert_eq!(last_event(), Event::AccessRevoked { patient: PATIENT, doctor: DOCTOR }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::by_patient(PATIENT, AuditAction::AccessRevoked, DOCTOR))
		);
		assert_eq!(Consent::viewer_basis(DOCTOR, PATIENT, Treatment), Err(Refusal::GrantEnded));
		assert_noop!(
			Consent::revoke_access(signed(PATIENT), DOCTOR),
			Error::<Test>::NoAccessToRevoke
		);
		// A new grant takes the place of an ended one once the doctor's list is full.
		assert_ok!(grant(DOCTOR, &["Condition"], &[Payment], None));
		assert_eq!(grants_of(DOCTOR), vec![stored(2, None, &["Condition"], &[Payment], None)]);
	});
}

#[test]
fn emergency_access_is_recorded_and_runs_out() {
	run_test(|| {
		let reason = EmergencyReason::Unconscious;
		assert_ok!(Consent::emergency_access(signed(DOCTOR_2), PATIENT, reason));
		let emergency = EmergencyAccesses::<Test>::get(PATIENT, DOCTOR_2).unwrap();
		assert_eq!((emergency.invoked_at, emergency.until), (1, 6));
		assert_eq!(emergency.reason, reason);
		assert_eq!(
			last_event(),
			Event::EmergencyAccessInvoked { patient: PATIENT, doctor: DOCTOR_2, until: 6, reason }
				.into()
		);
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(DOCTOR_2), AuditAction::EmergencyAccess(reason))
					.patient(PATIENT)
			)
		);
		assert_eq!(Consent::viewer_basis(DOCTOR_2, PATIENT, Research), Ok(AccessBasis::Emergency));
		run_to(7);
		assert_eq!(Consent::viewer_basis(DOCTOR_2, PATIENT, Treatment), Err(Refusal::NoAccess));
	});
}

#[test]
fn emergency_access_errors() {
	run_test(|| {
		let invoke = |doctor, patient| {
			Consent::emergency_access(signed(doctor), patient, EmergencyReason::Other)
		};
		assert_noop!(invoke(NOBODY, PATIENT), Error::<Test>::NotActiveDoctor);
		assert_noop!(invoke(SUSPENDED_DOCTOR, PATIENT), Error::<Test>::NotActiveDoctor);
		assert_noop!(invoke(DOCTOR, NOBODY), Error::<Test>::NotActivePatient);
	});
}

fn basis(
	viewer: u64,
	author: Option<&u64>,
	kind: Option<&str>,
	purpose: PurposeOfUse,
) -> Result<AccessBasis, Refusal> {
	let request = AccessRequest { author, kind: kind.map(str::as_bytes), purpose };
	<Consent as AccessPolicy<u64>>::access_basis(&viewer, &PATIENT, request)
}

#[test]
fn access_policy_names_the_basis() {
	run_test(|| {
		let obs = Some("Observation");
		assert_eq!(basis(PATIENT, None, obs, PatientRequested), Ok(AccessBasis::Patient));
		assert_eq!(basis(ADMIN, None, obs, Operations), Ok(AccessBasis::Admin));
		assert_eq!(basis(DOCTOR, Some(&DOCTOR), obs, Research), Ok(AccessBasis::Author));
		assert_eq!(basis(DOCTOR, None, obs, Treatment), Err(Refusal::NoAccess));
		assert_eq!(
			basis(NOBODY, Some(&NOBODY), None, Treatment),
			Err(Refusal::NoAccess),
			"only active doctors author records"
		);
		assert_eq!(basis(PATIENT_2, None, None, Treatment), Err(Refusal::NoAccess));

		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR, Some(3)));
		assert_eq!(basis(DOCTOR, None, obs, Treatment), Ok(AccessBasis::Grant));
		run_to(4);
		assert_eq!(
			basis(DOCTOR, None, obs, Treatment),
			Err(Refusal::GrantEnded),
			"the grant ran out after block 3"
		);

		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR, None));
		MockRoles::set(DOCTOR, Role::Doctor, MemberStatus::Suspended);
		assert_eq!(
			basis(DOCTOR, None, obs, Treatment),
			Err(Refusal::NoAccess),
			"a suspended doctor sees nothing"
		);
	});
}

#[test]
fn a_scoped_grant_covers_its_kinds_and_purposes_until_its_end() {
	run_test(|| {
		assert_ok!(grant(DOCTOR, &["Observation"], &[Treatment, Payment], Some(10)));
		let obs = Some("Observation");
		assert_eq!(basis(DOCTOR, None, obs, Treatment), Ok(AccessBasis::Grant));
		assert_eq!(basis(DOCTOR, None, obs, Payment), Ok(AccessBasis::Grant));
		assert_eq!(basis(DOCTOR, None, None, Treatment), Ok(AccessBasis::Grant), "the history");
		assert_eq!(basis(DOCTOR, None, obs, Research), Err(Refusal::PurposeNotGranted));
		assert_eq!(
			basis(DOCTOR, None, Some("DiagnosticReport"), Treatment),
			Err(Refusal::KindNotGranted)
		);
		// A second grant for emergency treatment covers every kind for that purpose only.
		assert_ok!(grant(DOCTOR, &[], &[EmergencyTreatment], None));
		assert_eq!(
			basis(DOCTOR, None, Some("DiagnosticReport"), EmergencyTreatment),
			Ok(AccessBasis::Grant)
		);
		assert_eq!(
			basis(DOCTOR, None, Some("DiagnosticReport"), Treatment),
			Err(Refusal::KindNotGranted)
		);
		run_to(11);
		assert_eq!(basis(DOCTOR, None, obs, Treatment), Err(Refusal::PurposeNotGranted));
		assert_eq!(
			basis(DOCTOR, None, obs, EmergencyTreatment),
			Ok(AccessBasis::Grant),
			"the grant until revoked still runs"
		);
		// An emergency access covers every kind and purpose.
		assert_ok!(Consent::emergency_access(signed(DOCTOR), PATIENT, EmergencyReason::Other));
		assert_eq!(basis(DOCTOR, None, obs, Research), Ok(AccessBasis::Emergency));
	});
}

#[test]
fn try_state_catches_a_deposit_that_is_not_held() {
	new_test_ext().execute_with(|| {
		let id = submit(None);
		Submissions::<Test>::mutate(id, |s| s.as_mut().unwrap().deposit += 1);
		assert!(Consent::do_try_state().is_err());
	});
}

#[test]
fn one_doctor_cannot_fill_a_patients_pool() {
	run_test(|| {
		submit(None);
		submit(None);
		assert_eq!(PendingFromDoctor::<Test>::get(PATIENT, DOCTOR), 2);
		assert_noop!(submit_to(DOCTOR, PATIENT), Error::<Test>::TooManyFromDoctor);
		// Another doctor still has room, and a decision frees a place.
		assert_ok!(submit_to(DOCTOR_2, PATIENT));
		assert_eq!(PendingFromDoctor::<Test>::get(PATIENT, DOCTOR_2), 1);
		assert_ok!(Consent::deny(signed(PATIENT), 0));
		assert_eq!(PendingFromDoctor::<Test>::get(PATIENT, DOCTOR), 1);
		assert_ok!(submit_to(DOCTOR, PATIENT));
		// Every way out of the pool frees the place; no count is kept for none.
		assert_ok!(Consent::deny(signed(PATIENT), 1));
		assert_ok!(Consent::deny(signed(PATIENT), 3));
		assert_ok!(Consent::deny(signed(PATIENT), 2));
		assert!(!PendingFromDoctor::<Test>::contains_key(PATIENT, DOCTOR));
		assert!(!PendingFromDoctor::<Test>::contains_key(PATIENT, DOCTOR_2));
	});
}

#[test]
fn try_state_catches_a_wrong_pending_count() {
	new_test_ext().execute_with(|| {
		submit(None);
		PendingFromDoctor::<Test>::insert(PATIENT, DOCTOR, 2);
		assert!(Consent::do_try_state().is_err());
	});
}

#[test]
fn a_patient_blocks_and_unblocks_a_doctor() {
	run_test(|| {
		assert_ok!(Consent::block_doctor(signed(PATIENT), DOCTOR));
		assert_eq!(Blocked::<Test>::get(PATIENT, DOCTOR), Some(1));
		assert_eq!(BlockedCount::<Test>::get(PATIENT), 1);
		assert_eq!(last_event(), Event::DoctorBlocked { patient: PATIENT, doctor: DOCTOR }.into());
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::by_patient(PATIENT, AuditAction::DoctorBlocked, DOCTOR))
		);
		assert_noop!(submit_to(DOCTOR, PATIENT), Error::<Test>::BlockedByPatient);
		// Another patient's pool is open to the doctor.
		assert_ok!(submit_to(DOCTOR, PATIENT_2));
		assert_noop!(Consent::block_doctor(signed(PATIENT), DOCTOR), Error::<Test>::AlreadyBlocked);
		assert_noop!(
			Consent::block_doctor(signed(PATIENT), DOCTOR_2),
			Error::<Test>::TooManyBlocked
		);
		assert_noop!(
			Consent::block_doctor(signed(NOBODY), DOCTOR),
			Error::<Test>::NotActivePatient
		);

		assert_ok!(Consent::unblock_doctor(signed(PATIENT), DOCTOR));
		assert!(!Blocked::<Test>::contains_key(PATIENT, DOCTOR));
		assert_eq!(BlockedCount::<Test>::get(PATIENT), 0);
		assert_eq!(
			last_event(),
			Event::DoctorUnblocked { patient: PATIENT, doctor: DOCTOR }.into()
		);
		assert_eq!(RecordingAudit::last().map(|e| e.action), Some(AuditAction::DoctorUnblocked));
		assert_noop!(Consent::unblock_doctor(signed(PATIENT), DOCTOR), Error::<Test>::NotBlocked);
		submit(None);
	});
}

#[test]
fn a_suspended_doctors_submission_cannot_be_approved() {
	run_test(|| {
		let id = submit(None);
		MockRoles::set(DOCTOR, Role::Doctor, MemberStatus::Suspended);
		assert_noop!(Consent::approve(signed(PATIENT), id), Error::<Test>::AuthorNotActive);
		// The patient may still deny it; the deposit returns.
		assert_ok!(Consent::deny(signed(PATIENT), id));
		assert_eq!(held(DOCTOR), 0);
	});
}

#[test]
fn doctors_whose_grants_all_ended_free_their_places() {
	run_test(|| {
		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR, Some(2)));
		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR_2, None));
		assert_noop!(
			Consent::grant_access(signed(PATIENT), POOR_DOCTOR, None),
			Error::<Test>::TooManyGrants
		);
		run_to(3);
		assert_ok!(Consent::grant_access(signed(PATIENT), POOR_DOCTOR, None));
		assert!(!Grants::<Test>::contains_key(PATIENT, DOCTOR), "the spent grant is gone");
		assert!(Grants::<Test>::contains_key(PATIENT, DOCTOR_2), "a live grant stays");
		assert_eq!(GrantCount::<Test>::get(PATIENT), 2);
	});
}

#[test]
fn try_state_catches_a_grant_without_purpose() {
	new_test_ext().execute_with(|| {
		assert_ok!(Consent::grant_access(signed(PATIENT), DOCTOR, None));
		Grants::<Test>::mutate(PATIENT, DOCTOR, |grants| {
			grants.as_mut().unwrap()[0].purposes = Default::default();
		});
		assert!(Consent::do_try_state().is_err());
	});
}

#[test]
fn submission_ids_never_wrap() {
	run_test(|| {
		crate::NextSubmissionId::<Test>::put(u64::MAX);
		assert_noop!(submit_to(DOCTOR, PATIENT), Error::<Test>::SubmissionIdsExhausted);
	});
}

#[test]
fn a_deposit_is_the_base_plus_each_byte_of_the_kind() {
	run_test(|| {
		assert_eq!(Consent::deposit_for(11), Some(10 + 11));
		assert_eq!(Consent::deposit_for(usize::MAX), Some(10 + u64::from(u32::MAX)));
	});
}

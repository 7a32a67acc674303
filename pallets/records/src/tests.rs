//! Tests of the record history, releases and erasure: allowed, refused, events, storage and
//! the log.

use crate::{
	mock::*, Error, Event, History, HistoryLength, Record, Records as RecordsMap, SupersededBy,
};
use frame_support::{assert_noop, assert_ok};
use medchain_primitives::{
	testing::RecordingAudit,
	AccessBasis, AuditAction, AuditEvent, Locator, NewRecord,
	PurposeOfUse::{self, *},
	RecordStore, Refusal,
};
use sp_runtime::DispatchError;

fn new_record(patient: u64, supersedes: Option<u64>) -> NewRecord<u64> {
	NewRecord {
		patient,
		author: AUTHOR,
		kind: b"Observation".to_vec().try_into().unwrap(),
		locator: Locator { vault: VAULT, content: [3; 16] },
		commitment: [9; 32],
		supersedes,
	}
}

fn add(patient: u64, supersedes: Option<u64>) -> u64 {
	<Records as RecordStore<u64>>::insert(new_record(patient, supersedes)).unwrap()
}

/// A record of `patient` of another kind than `Observation`.
fn add_kind(patient: u64, kind: &[u8]) -> u64 {
	let record = NewRecord { kind: kind.to_vec().try_into().unwrap(), ..new_record(patient, None) };
	<Records as RecordStore<u64>>::insert(record).unwrap()
}

fn release(viewer: u64, id: u64, purpose: PurposeOfUse) -> frame_support::dispatch::DispatchResult {
	Records::release(RuntimeOrigin::signed(VAULT), id, viewer, purpose)
}

/// Checks that the last event and log entry are the refusal of `record` (or the history) to
/// `viewer` for `purpose`, for lacking `refusal`.
fn assert_refused(viewer: u64, record: Option<u64>, purpose: PurposeOfUse, refusal: Refusal) {
	assert_eq!(
		last_event(),
		Event::AccessDenied { viewer, patient: PATIENT, record, purpose, refusal }.into()
	);
	let entry = AuditEvent::new(Some(viewer), AuditAction::AccessDenied { purpose, refusal })
		.patient(PATIENT);
	let entry = match record {
		Some(id) => entry.subject(VAULT).record(id),
		None => entry,
	};
	assert_eq!(RecordingAudit::last(), Some(entry));
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event was deposited").event
}

#[test]
fn insert_appends_to_the_patients_history() {
	run_test(|| {
		System::set_block_number(4);
		let id = add(PATIENT, None);
		assert_eq!(
			RecordsMap::<Test>::get(id),
			Some(Record {
				id,
				patient: PATIENT,
				author: AUTHOR,
				kind: b"Observation".to_vec().try_into().unwrap(),
				locator: Locator { vault: VAULT, content: [3; 16] },
				commitment: [9; 32],
				supersedes: None,
				version: 1,
				block: 4,
				timestamp: 6_000,
				erased_at: None,
			})
		);
		assert_eq!(HistoryLength::<Test>::get(PATIENT), 1);
		assert_eq!(History::<Test>::get(PATIENT, 0), Some(id));
		assert_eq!(last_event(), Event::RecordAdded { id, patient: PATIENT, version: 1 }.into());
	});
}

#[test]
fn an_amendment_links_and_never_overwrites() {
	run_test(|| {
		let original = add(PATIENT, None);
		assert!(<Records as RecordStore<u64>>::can_supersede(&PATIENT, original));
		assert!(!<Records as RecordStore<u64>>::can_supersede(&OTHER_PATIENT, original));
		let amendment = add(PATIENT, Some(original));
		assert_eq!(RecordsMap::<Test>::get(amendment).unwrap().version, 2);
		assert_eq!(RecordsMap::<Test>::get(original).unwrap().version, 1, "the original stays");
		assert_eq!(SupersededBy::<Test>::get(original), Some(amendment));
		assert!(!<Records as RecordStore<u64>>::can_supersede(&PATIENT, original));
		assert_eq!(
			<Records as RecordStore<u64>>::insert(new_record(PATIENT, Some(original))),
			Err(DispatchError::Other("the record to amend cannot be amended"))
		);
		let history: Vec<_> = Records::history(PATIENT, 0, 10).into_iter().map(|r| r.id).collect();
		assert_eq!(history, vec![original, amendment]);
	});
}

#[test]
fn history_pages_in_order() {
	run_test(|| {
		let ids: Vec<_> = (0..5).map(|_| add(PATIENT, None)).collect();
		add(OTHER_PATIENT, None);
		// Pages are capped at MaxPageSize (2).
		let page = |start| {
			Records::history(PATIENT, start, 10).into_iter().map(|r| r.id).collect::<Vec<_>>()
		};
		assert_eq!(page(0), ids[0..2].to_vec());
		assert_eq!(page(4), ids[4..5].to_vec());
		assert!(page(5).is_empty());
		assert_eq!(Records::history_length(PATIENT), 5);
		assert_eq!(Records::record(ids[3]).map(|r| r.patient), Some(PATIENT));
	});
}

#[test]
fn an_authorised_release_is_logged_with_its_basis() {
	run_test(|| {
		let id = add(PATIENT, None);
		for (viewer, basis, asked, logged) in [
			(PATIENT, AccessBasis::Patient, PatientRequested, PatientRequested),
			(AUTHOR, AccessBasis::Author, Treatment, Treatment),
			(GRANTED, AccessBasis::Grant, Treatment, Treatment),
			(ADMIN, AccessBasis::Admin, Operations, Operations),
			(EMERGENCY, AccessBasis::Emergency, Treatment, EmergencyTreatment),
		] {
			assert_ok!(release(viewer, id, asked));
			assert_eq!(
				last_event(),
				Event::RecordReleased { record: id, viewer, vault: VAULT, basis, purpose: logged }
					.into()
			);
			assert_eq!(
				RecordingAudit::last(),
				Some(
					AuditEvent::new(Some(viewer), AuditAction::Released { basis, purpose: logged })
						.subject(VAULT)
						.patient(PATIENT)
						.record(id)
				)
			);
		}
	});
}

#[test]
fn a_refused_release_succeeds_and_is_logged() {
	run_test(|| {
		let id = add(PATIENT, None);
		let before = RecordsMap::<Test>::get(id);
		assert_ok!(release(STRANGER, id, Treatment));
		assert_refused(STRANGER, Some(id), Treatment, Refusal::NoAccess);
		assert_eq!(RecordsMap::<Test>::get(id), before, "the record is unchanged");
	});
}

#[test]
fn a_release_is_checked_against_the_purpose_and_the_records_kind() {
	run_test(|| {
		let observation = add(PATIENT, None);
		let report = add_kind(PATIENT, b"DiagnosticReport");
		assert_ok!(release(GRANTED, observation, Research));
		assert_refused(GRANTED, Some(observation), Research, Refusal::PurposeNotGranted);
		assert_ok!(release(GRANTED, report, Treatment));
		assert_refused(GRANTED, Some(report), Treatment, Refusal::KindNotGranted);
		assert_ok!(release(GRANTED, observation, Treatment));
		assert!(matches!(
			RecordingAudit::last().map(|e| e.action),
			Some(AuditAction::Released { basis: AccessBasis::Grant, purpose: Treatment })
		));
	});
}

#[test]
fn only_the_records_active_vault_releases_it() {
	run_test(|| {
		let release = |vault, record| {
			Records::release(RuntimeOrigin::signed(vault), record, PATIENT, PatientRequested)
		};
		assert_noop!(release(VAULT, 7), Error::<Test>::UnknownRecord);
		let id = add(PATIENT, None);
		assert_noop!(release(STRANGER, id), Error::<Test>::NotActiveVault);
		assert_noop!(release(OTHER_VAULT, id), Error::<Test>::NotCustodian);
		assert_noop!(
			Records::release(RuntimeOrigin::root(), id, PATIENT, PatientRequested),
			DispatchError::BadOrigin
		);
		assert!(RecordingAudit::events().is_empty(), "nothing was logged");
	});
}

#[test]
fn erase_keeps_the_commitment_and_stops_releases() {
	run_test(|| {
		let id = add(PATIENT, None);
		System::set_block_number(9);
		assert_ok!(Records::erase(RuntimeOrigin::signed(VAULT), id, PATIENT));
		let record = RecordsMap::<Test>::get(id).unwrap();
		assert_eq!(record.erased_at, Some(9));
		assert_eq!(record.commitment, [9; 32], "the commitment stays");
		assert_eq!(
			last_event(),
			Event::RecordErased { record: id, by: PATIENT, vault: VAULT }.into()
		);
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(PATIENT), AuditAction::Erased)
					.subject(VAULT)
					.patient(PATIENT)
					.record(id)
			)
		);
		assert_noop!(release(PATIENT, id, PatientRequested), Error::<Test>::RecordErased);
		assert_noop!(
			Records::erase(RuntimeOrigin::signed(VAULT), id, PATIENT),
			Error::<Test>::RecordErased
		);
	});
}

#[test]
fn an_admin_may_have_content_erased_and_nobody_else() {
	run_test(|| {
		let id = add(PATIENT, None);
		let erase = |vault, by| Records::erase(RuntimeOrigin::signed(vault), id, by);
		assert_noop!(erase(VAULT, AUTHOR), Error::<Test>::NotPatientOrAdmin);
		assert_noop!(erase(VAULT, GRANTED), Error::<Test>::NotPatientOrAdmin);
		assert_noop!(erase(VAULT, STRANGER), Error::<Test>::NotPatientOrAdmin);
		assert_noop!(erase(STRANGER, PATIENT), Error::<Test>::NotActiveVault);
		assert_noop!(erase(OTHER_VAULT, PATIENT), Error::<Test>::NotCustodian);
		assert_noop!(
			Records::erase(RuntimeOrigin::signed(VAULT), 42, PATIENT),
			Error::<Test>::UnknownRecord
		);
		assert_ok!(erase(VAULT, ADMIN));
		assert_eq!(RecordsMap::<Test>::get(id).unwrap().erased_at, Some(1));
	});
}

#[test]
fn view_history_allowed_and_refused() {
	run_test(|| {
		add(PATIENT, None);
		add(PATIENT, None);
		let view = |viewer, purpose| {
			Records::view_history(RuntimeOrigin::signed(viewer), PATIENT, purpose)
		};
		for (viewer, basis, asked, logged) in [
			(GRANTED, AccessBasis::Grant, Treatment, Treatment),
			(EMERGENCY, AccessBasis::Emergency, Payment, EmergencyTreatment),
		] {
			assert_ok!(view(viewer, asked));
			assert_eq!(
				last_event(),
				Event::HistoryViewed {
					viewer,
					patient: PATIENT,
					records: 2,
					basis,
					purpose: logged
				}
				.into()
			);
			assert_eq!(
				RecordingAudit::last(),
				Some(
					AuditEvent::new(Some(viewer), AuditAction::Viewed { basis, purpose: logged })
						.patient(PATIENT)
				)
			);
		}

		assert_ok!(view(STRANGER, Treatment));
		assert_refused(STRANGER, None, Treatment, Refusal::NoAccess);
		assert_ok!(view(GRANTED, PublicHealth));
		assert_refused(GRANTED, None, PublicHealth, Refusal::PurposeNotGranted);
		assert_noop!(
			Records::view_history(RuntimeOrigin::root(), PATIENT, Treatment),
			DispatchError::BadOrigin
		);
		// Only members may write views to a patient's log.
		let logged = RecordingAudit::events().len();
		assert_noop!(view(NOBODY, Treatment), Error::<Test>::NotRegistered);
		assert_eq!(RecordingAudit::events().len(), logged);
	});
}

#[test]
fn try_state_catches_a_misfiled_record() {
	new_test_ext().execute_with(|| {
		let id = add(PATIENT, None);
		History::<Test>::insert(OTHER_PATIENT, 0, id);
		HistoryLength::<Test>::insert(OTHER_PATIENT, 1);
		assert!(Records::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_an_erasure_before_approval() {
	new_test_ext().execute_with(|| {
		System::set_block_number(5);
		let id = add(PATIENT, None);
		RecordsMap::<Test>::mutate(id, |r| r.as_mut().unwrap().erased_at = Some(4));
		assert!(Records::do_try_state().is_err());
	});
}

#[test]
fn record_ids_and_history_positions_never_wrap() {
	run_test(|| {
		crate::NextRecordId::<Test>::put(u64::MAX);
		assert_eq!(
			<Records as RecordStore<u64>>::insert(new_record(PATIENT, None)),
			Err(DispatchError::Other("record ids are exhausted"))
		);
		crate::NextRecordId::<Test>::put(0);
		HistoryLength::<Test>::insert(PATIENT, u32::MAX);
		assert_eq!(
			<Records as RecordStore<u64>>::insert(new_record(PATIENT, None)),
			Err(DispatchError::Other("the patient's history is full"))
		);
		HistoryLength::<Test>::remove(PATIENT);
	});
}

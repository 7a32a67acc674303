//! Tests of the record history, releases and erasure: allowed, refused, events, storage and
//! the log.

use crate::{
	mock::*, Error, Event, History, HistoryLength, Record, Records as RecordsMap, SupersededBy,
};
use frame_support::{assert_noop, assert_ok};
use medchain_primitives::{
	testing::RecordingAudit, AccessBasis, AuditAction, AuditEvent, Locator, NewRecord, RecordStore,
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
		for (viewer, basis) in [
			(PATIENT, AccessBasis::Patient),
			(AUTHOR, AccessBasis::Author),
			(GRANTED, AccessBasis::Grant),
			(ADMIN, AccessBasis::Admin),
		] {
			assert_ok!(Records::release(RuntimeOrigin::signed(VAULT), id, viewer));
			assert_eq!(
				last_event(),
				Event::RecordReleased { record: id, viewer, vault: VAULT, basis }.into()
			);
			assert_eq!(
				RecordingAudit::last(),
				Some(
					AuditEvent::new(Some(viewer), AuditAction::Released(basis))
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
		assert_ok!(Records::release(RuntimeOrigin::signed(VAULT), id, STRANGER));
		assert_eq!(
			last_event(),
			Event::AccessDenied { viewer: STRANGER, patient: PATIENT, record: Some(id) }.into()
		);
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(STRANGER), AuditAction::AccessDenied)
					.subject(VAULT)
					.patient(PATIENT)
					.record(id)
			)
		);
		assert_eq!(RecordsMap::<Test>::get(id), before, "the record is unchanged");
	});
}

#[test]
fn only_the_records_active_vault_releases_it() {
	run_test(|| {
		let release =
			|vault, record| Records::release(RuntimeOrigin::signed(vault), record, PATIENT);
		assert_noop!(release(VAULT, 7), Error::<Test>::UnknownRecord);
		let id = add(PATIENT, None);
		assert_noop!(release(STRANGER, id), Error::<Test>::NotActiveVault);
		assert_noop!(release(OTHER_VAULT, id), Error::<Test>::NotCustodian);
		assert_noop!(
			Records::release(RuntimeOrigin::root(), id, PATIENT),
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
		assert_noop!(
			Records::release(RuntimeOrigin::signed(VAULT), id, PATIENT),
			Error::<Test>::RecordErased
		);
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
		assert_ok!(Records::view_history(RuntimeOrigin::signed(GRANTED), PATIENT));
		assert_eq!(
			last_event(),
			Event::HistoryViewed {
				viewer: GRANTED,
				patient: PATIENT,
				records: 2,
				basis: AccessBasis::Grant
			}
			.into()
		);
		assert_eq!(
			RecordingAudit::last(),
			Some(
				AuditEvent::new(Some(GRANTED), AuditAction::Viewed(AccessBasis::Grant))
					.patient(PATIENT)
			)
		);

		assert_ok!(Records::view_history(RuntimeOrigin::signed(STRANGER), PATIENT));
		assert_eq!(
			last_event(),
			Event::AccessDenied { viewer: STRANGER, patient: PATIENT, record: None }.into()
		);
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(Some(STRANGER), AuditAction::AccessDenied).patient(PATIENT))
		);
		assert_noop!(
			Records::view_history(RuntimeOrigin::root(), PATIENT),
			DispatchError::BadOrigin
		);
		// Only members may write views to a patient's log.
		let logged = RecordingAudit::events().len();
		assert_noop!(
			Records::view_history(RuntimeOrigin::signed(NOBODY), PATIENT),
			Error::<Test>::NotRegistered
		);
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

//! Tests of the access log: appending, the hash chain, the patient index and paging.

use crate::{mock::*, Entries, Entry, Head, LogHead, PatientEntryCount};
use medchain_primitives::{
	testing::MockTime, AccessBasis, AuditAction, AuditEvent, AuditTrail, PurposeOfUse, Refusal,
};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

const ALICE: u64 = 1;
const PATIENT: u64 = 2;

fn log(event: AuditEvent<u64>) -> u64 {
	<Audit as AuditTrail<u64>>::log(event)
}

#[test]
fn an_entry_records_who_what_whom_and_when() {
	run_test(|| {
		System::set_block_number(7);
		MockTime::set(42_000);
		let index = log(AuditEvent::new(Some(ALICE), AuditAction::Approved)
			.patient(PATIENT)
			.submission(3)
			.record(5));
		assert_eq!(index, 0);
		assert_eq!(
			Entries::<Test>::get(0),
			Some(Entry {
				index: 0,
				actor: Some(ALICE),
				action: AuditAction::Approved,
				subject: None,
				patient: Some(PATIENT),
				submission: Some(3),
				record: Some(5),
				block: 7,
				timestamp: 42_000,
			})
		);
		assert_eq!(Head::<Test>::get().count, 1);
	});
}

#[test]
fn the_head_chains_every_entry() {
	run_test(|| {
		assert_eq!(Audit::head(), (0, H256::zero()));
		log(AuditEvent::new(None, AuditAction::Registered(medchain_primitives::Role::Admin)));
		log(AuditEvent::new(
			Some(ALICE),
			AuditAction::Viewed { basis: AccessBasis::Grant, purpose: PurposeOfUse::Treatment },
		)
		.patient(PATIENT));

		// Recompute the chain the way an auditor with an exported log would.
		let mut head = H256::zero();
		for entry in Audit::entries(0, 10) {
			head = BlakeTwo256::hash_of(&(head, entry));
		}
		assert_eq!(Head::<Test>::get(), LogHead { count: 2, hash: head });
		assert_eq!(Audit::head(), (2, head));
		assert_ne!(head, H256::zero());
	});
}

#[test]
fn a_patient_pages_through_their_own_entries() {
	run_test(|| {
		for n in 0..5 {
			log(AuditEvent::new(Some(ALICE), AuditAction::Submitted)
				.patient(PATIENT)
				.submission(n));
			log(AuditEvent::new(Some(ALICE), AuditAction::Bonded));
		}
		assert_eq!(PatientEntryCount::<Test>::get(PATIENT), 5);
		assert_eq!(PatientEntryCount::<Test>::get(ALICE), 0);

		// Pages are capped at MaxPageSize (3).
		let first = Audit::patient_entries(PATIENT, 0, 10);
		assert_eq!(
			first.iter().map(|e| e.submission).collect::<Vec<_>>(),
			vec![Some(0), Some(1), Some(2)]
		);
		let rest = Audit::patient_entries(PATIENT, 3, 3);
		assert_eq!(rest.iter().map(|e| e.index).collect::<Vec<_>>(), vec![6, 8]);
		assert!(Audit::patient_entries(PATIENT, 5, 3).is_empty());
	});
}

#[test]
fn the_whole_log_pages_in_order() {
	run_test(|| {
		for _ in 0..4 {
			log(AuditEvent::new(Some(ALICE), AuditAction::Voted));
		}
		assert_eq!(Audit::entries(0, 100).len(), 3);
		assert_eq!(Audit::entries(3, 3).iter().map(|e| e.index).collect::<Vec<_>>(), vec![3]);
		assert!(Audit::entries(4, 3).is_empty());
		assert!(Audit::entries(u64::MAX, 3).is_empty());
	});
}

#[test]
fn try_state_detects_a_tampered_entry() {
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		log(AuditEvent::new(
			Some(ALICE),
			AuditAction::Viewed {
				basis: AccessBasis::Patient,
				purpose: PurposeOfUse::PatientRequested,
			},
		)
		.patient(PATIENT));
		assert!(Audit::do_try_state().is_ok());
		Entries::<Test>::mutate(0, |e| {
			e.as_mut().unwrap().action = AuditAction::AccessDenied {
				purpose: PurposeOfUse::PatientRequested,
				refusal: Refusal::NoAccess,
			}
		});
		assert!(Audit::do_try_state().is_err());
	});
}

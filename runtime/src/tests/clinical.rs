//! The clinical pipeline through the real pallets, wired as the runtime wires them.

use codec::{Decode, Encode};
use frame_support::{assert_ok, traits::fungible::InspectHold, view_functions::ViewFunction};
use medchain_primitives::{
	AccessBasis, AuditAction, EmergencyReason, Locator,
	PurposeOfUse::{EmergencyTreatment, Research, Treatment},
	Refusal, Role,
};
use sp_core::Pair;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Dave, Eve, Ferdie, Two};
use sp_runtime::traits::{BlakeTwo256, Hash};

use super::ext;
use crate::{
	genesis, AccountId, Audit, Balances, Consent, Records, Registry, Runtime, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, System,
};

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn id(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

fn submit(doctor: Sr25519Keyring, patient: Sr25519Keyring, supersedes: Option<u64>) -> u64 {
	let next = pallet_consent::NextSubmissionId::<crate::Runtime>::get();
	assert_ok!(Consent::submit(
		signed(doctor),
		id(patient),
		b"Observation".to_vec(),
		Locator { vault: vault(), content: [next as u8; 16] },
		[next as u8; 32],
		supersedes
	));
	next
}

/// The development chain's vault: the first hospital's.
fn vault() -> AccountId {
	AccountId::from(genesis::VAULTS[0].0)
}

fn last_records_event() -> pallet_records::Event<crate::Runtime> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Records(event) => Some(event),
			_ => None,
		})
		.expect("the records pallet emitted an event")
}

#[test]
fn the_whole_clinical_flow_is_on_the_record() {
	// The development preset: Alice is an admin, Bob a doctor, Charlie a patient.
	ext(genesis::development()).execute_with(|| {
		let deposit_reason: RuntimeHoldReason =
			pallet_consent::HoldReason::SubmissionDeposit.into();
		// The log starts with the genesis election; the clinical entries follow it.
		let (genesis_entries, _) = Audit::head();

		// Register: Dave as a patient, Eve and Ferdie as doctors (admitted by Alice).
		assert_ok!(Registry::register_patient(signed(Dave), [4; 32], b"dave".to_vec()));
		assert_ok!(Registry::register_doctor(signed(Alice), id(Eve), b"LIC-EVE".to_vec(), [5; 32]));
		assert_ok!(Registry::register_doctor(
			signed(Alice),
			id(Ferdie),
			b"LIC-F".to_vec(),
			[6; 32]
		));

		// Submit and approve: the deposit is held, then returned; record 0 joins the history.
		let first = submit(Bob, Dave, None);
		assert!(Balances::balance_on_hold(&deposit_reason, &id(Bob)) > 0);
		assert_ok!(Consent::approve(signed(Dave), first));
		assert_eq!(Balances::balance_on_hold(&deposit_reason, &id(Bob)), 0);

		// Submit and deny: nothing joins the history.
		let denied = submit(Bob, Dave, None);
		assert_ok!(Consent::deny(signed(Dave), denied));
		assert_eq!(Records::history_length(id(Dave)), 1);

		// Amend record 0: record 1 is version 2 and record 0 stays as it was.
		let amendment = submit(Bob, Dave, Some(0));
		assert_ok!(Consent::approve(signed(Dave), amendment));
		let history = Records::history(id(Dave), 0, 10);
		assert_eq!(
			history.iter().map(|r| (r.id, r.version)).collect::<Vec<_>>(),
			vec![(0, 1), (1, 2)]
		);
		assert_eq!(history[1].supersedes, Some(0));

		// Grant Eve access to Observations for treatment; the vault releases record 0 to her on
		// the basis of the grant, and refuses it for research, naming the purpose.
		let by_vault = RuntimeOrigin::signed(vault());
		assert_ok!(Consent::grant_scoped(
			signed(Dave),
			id(Eve),
			vec![b"Observation".to_vec()],
			vec![Treatment],
			None
		));
		assert_ok!(Records::release(by_vault.clone(), 0, id(Eve), Treatment));
		assert!(matches!(
			last_records_event(),
			pallet_records::Event::RecordReleased { basis: AccessBasis::Grant, .. }
		));
		assert_ok!(Records::release(by_vault.clone(), 0, id(Eve), Research));
		assert!(matches!(
			last_records_event(),
			pallet_records::Event::AccessDenied { refusal: Refusal::PurposeNotGranted, .. }
		));

		// A stranger is refused, and the refusal stays on the record.
		assert_ok!(Records::release(by_vault.clone(), 0, id(Two), Treatment));
		assert!(matches!(
			last_records_event(),
			pallet_records::Event::AccessDenied { refusal: Refusal::NoAccess, .. }
		));

		// Ferdie invokes emergency access and views the history, for emergency treatment.
		let reason = EmergencyReason::Unconscious;
		assert_ok!(Consent::emergency_access(signed(Ferdie), id(Dave), reason));
		assert_ok!(Records::view_history(signed(Ferdie), id(Dave), Treatment));
		assert!(matches!(
			last_records_event(),
			pallet_records::Event::HistoryViewed {
				basis: AccessBasis::Emergency,
				purpose: EmergencyTreatment,
				records: 2,
				..
			}
		));

		// Dave revokes Eve; she is refused from then on.
		assert_ok!(Consent::revoke_access(signed(Dave), id(Eve)));
		assert_ok!(Records::release(by_vault.clone(), 0, id(Eve), Treatment));
		assert!(matches!(
			last_records_event(),
			pallet_records::Event::AccessDenied { refusal: Refusal::GrantEnded, .. }
		));

		// Dave has record 0's content erased; the vault can no longer release it.
		assert_ok!(Records::erase(by_vault.clone(), 0, id(Dave)));
		assert!(Records::record(0).is_some_and(|r| r.erased_at.is_some()));

		// The log holds every step, in order.
		let log = Audit::entries(genesis_entries, 100);
		let steps: Vec<_> = log.iter().map(|e| (e.actor.clone(), e.action)).collect();
		let by = |who: Sr25519Keyring| Some(id(who));
		assert_eq!(
			steps,
			vec![
				(by(Dave), AuditAction::Registered(Role::Patient)),
				(by(Alice), AuditAction::Registered(Role::Doctor)),
				(by(Alice), AuditAction::Registered(Role::Doctor)),
				(by(Bob), AuditAction::Submitted),
				(by(Dave), AuditAction::Approved),
				(by(Bob), AuditAction::Submitted),
				(by(Dave), AuditAction::Denied),
				(by(Bob), AuditAction::Submitted),
				(by(Dave), AuditAction::Approved),
				(by(Dave), AuditAction::AccessGranted),
				(by(Eve), AuditAction::Released { basis: AccessBasis::Grant, purpose: Treatment }),
				(
					by(Eve),
					AuditAction::AccessDenied {
						purpose: Research,
						refusal: Refusal::PurposeNotGranted
					}
				),
				(
					by(Two),
					AuditAction::AccessDenied { purpose: Treatment, refusal: Refusal::NoAccess }
				),
				(by(Ferdie), AuditAction::EmergencyAccess(reason)),
				(
					by(Ferdie),
					AuditAction::Viewed {
						basis: AccessBasis::Emergency,
						purpose: EmergencyTreatment
					}
				),
				(by(Dave), AuditAction::AccessRevoked),
				(
					by(Eve),
					AuditAction::AccessDenied { purpose: Treatment, refusal: Refusal::GrantEnded }
				),
				(by(Dave), AuditAction::Erased),
			]
		);

		// Dave reads every entry about him: all but the doctors' registrations.
		let about_dave = Audit::patient_entries(id(Dave), 0, 100);
		assert_eq!(about_dave.len(), log.len() - 2);
		assert!(about_dave.iter().all(|e| e.patient == Some(id(Dave))));

		// The head recomputes from the exported log.
		let all = Audit::entries(0, 100);
		assert_eq!(all.len() as u64, genesis_entries + log.len() as u64);
		let head =
			all.iter().fold(Default::default(), |head, entry| BlakeTwo256::hash_of(&(head, entry)));
		assert_eq!(Audit::head(), (all.len() as u64, head));

		// Clients read the same history through the view-function runtime API.
		let query = pallet_records::HistoryViewFunction::<Runtime>::new(id(Dave), 0, 10);
		let output = Runtime::execute_view_function(
			<pallet_records::HistoryViewFunction<Runtime> as ViewFunction>::id(),
			query.encode(),
		)
		.expect("the view function runs");
		let served = Vec::<pallet_records::Record<Runtime>>::decode(&mut &output[..])
			.expect("the view function returns records");
		assert_eq!(served, Records::history(id(Dave), 0, 10));
		assert_eq!(served.len(), 2);

		Registry::do_try_state().expect("registry invariants");
		Consent::do_try_state().expect("consent invariants");
		Records::do_try_state().expect("records invariants");
		Audit::do_try_state().expect("audit invariants");
	});
}

#[test]
fn the_presets_vault_accounts_are_their_secret_uris() {
	for (n, name) in ["Alice", "Bob", "Charlie", "Dave"].iter().enumerate() {
		let pair = sp_core::sr25519::Pair::from_string(&format!("//{name}//vault"), None)
			.expect("a dev secret URI");
		assert_eq!(pair.public().0, genesis::VAULTS[n].0, "{name}'s vault");
	}
	ext(genesis::local_testnet()).execute_with(|| {
		for (account, url) in genesis::VAULTS {
			let vault = pallet_registry::Vaults::<Runtime>::get(AccountId::from(account))
				.expect("every hospital's vault is registered");
			assert_eq!(vault.endpoint.to_vec(), url.as_bytes().to_vec());
		}
	});
}

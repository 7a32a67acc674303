//! The whole clinical pipeline through `medchain-client` against a development node and its
//! vault: registration, the consent pool, access grants, logged releases and refusals,
//! emergency access, the access log's hash chain and a record's proof of inclusion in finalized
//! state.

use std::time::Duration;

use medchain_client::{
	account_of, custody::Identity, keypair, AccessBasis, AccountId, AuditAction, EmergencyReason,
	Error, Event, Keypair, MedChain, NewRecord, PurposeOfUse, Refusal, Role, VaultClient, Wait,
};
use medchain_e2e::{assert_module_error, eventually, Node, Vault};

fn dev(name: &str) -> (Keypair, AccountId) {
	let pair = keypair(&format!("//{name}")).expect("dev accounts have secret URIs");
	let account = account_of(&pair);
	(pair, account)
}

/// A record whose content is said to be in `vault`, for calls the chain refuses before any
/// vault is asked.
fn record_in(vault: &AccountId) -> NewRecord {
	NewRecord {
		kind: b"DocumentReference".to_vec(),
		vault: *vault,
		content: [1; 16],
		commitment: [2; 32],
		supersedes: None,
	}
}

/// Waits until the chain has finalized block `number`.
async fn wait_for_finality(chain: &MedChain, number: u32) {
	eventually(&format!("block {number} is finalized"), Duration::from_secs(90), async || {
		(chain.finalized_block().await.expect("the node answers").0 >= number).then_some(())
	})
	.await;
}

#[tokio::test(flavor = "multi_thread")]
async fn clinical_pipeline_through_the_client() {
	let node = Node::dev("pipeline");
	let vault = Vault::start(&node, "//Alice//vault", &[]);
	let chain = MedChain::connect(&node.ws_url())
		.await
		.expect("the client connects")
		.waiting_for(Wait::InBlock);
	let store = VaultClient::connect(&vault.url()).await.expect("the vault answers");
	let (alice, _) = dev("Alice"); // admin and, alone, the council at genesis
	let (bob, bob_id) = dev("Bob"); // doctor at genesis
	let (charlie, charlie_id) = dev("Charlie"); // patient at genesis
	let (dave, dave_id) = dev("Dave");
	let (eve, eve_id) = dev("Eve");
	let (ferdie, ferdie_id) = dev("Ferdie");
	let identity = |name: &str| Identity::from_suri(&format!("//{name}")).unwrap();
	let (eve_keys, ferdie_keys, bob_keys) = (identity("Eve"), identity("Ferdie"), identity("Bob"));
	let put = |kind: &'static str, text: &'static str, supersedes| {
		chain.put_record(&ferdie, &store, eve_id, kind, text.as_bytes().to_vec(), supersedes)
	};

	// Registration: a patient registers themself, an admin admits a doctor, the council an admin.
	let outcome = chain
		.register_patient(&eve, eve_keys.encryption.public(), b"eve-ref".to_vec())
		.await
		.unwrap();
	assert!(outcome.events.iter().any(|e| matches!(
		e,
		Event::Registry(medchain_client::chain::registry::Event::PatientRegistered { who }) if *who == eve_id
	)));
	chain
		.register_doctor(&alice, ferdie_id, b"LIC-F".to_vec(), ferdie_keys.encryption.public())
		.await
		.unwrap();
	chain.register_admin(&alice, dave_id).await.unwrap();
	assert_eq!(chain.member(eve_id).await.unwrap().unwrap().role, Role::Patient);
	assert_eq!(chain.member(ferdie_id).await.unwrap().unwrap().role, Role::Doctor);
	assert_eq!(chain.member(dave_id).await.unwrap().unwrap().role, Role::Admin);
	assert_module_error(
		chain.register_patient(&eve, [7; 32], Vec::new()).await,
		"Registry",
		"AlreadyRegistered",
	);
	// Only the council admits admins: a doctor is no member of it.
	assert_module_error(chain.register_admin(&bob, bob_id).await, "Council", "NotMember");
	// A motion's call that fails: the error of the call inside comes back.
	assert_module_error(
		chain.register_admin(&alice, eve_id).await,
		"Registry",
		"AlreadyRegistered",
	);

	// The new admin suspends and reinstates a doctor; a suspended doctor cannot submit.
	chain.suspend(&dave, ferdie_id).await.unwrap();
	assert_eq!(
		chain.member(ferdie_id).await.unwrap().unwrap().status,
		medchain_client::MemberStatus::Suspended
	);
	assert_module_error(
		chain.submit_record(&ferdie, eve_id, record_in(store.account())).await,
		"Consent",
		"NotActiveDoctor",
	);
	assert_module_error(chain.suspend(&dave, ferdie_id).await, "Registry", "AlreadySuspended");
	chain.reinstate(&dave, ferdie_id).await.unwrap();
	assert_module_error(chain.reinstate(&dave, ferdie_id).await, "Registry", "NotSuspended");
	chain.rotate_encryption_key(&eve, [9; 32]).await.unwrap();
	assert_eq!(chain.member(eve_id).await.unwrap().unwrap().encryption_key, Some([9; 32]));
	chain.rotate_encryption_key(&eve, eve_keys.encryption.public()).await.unwrap();

	// Submissions wait in the consent pool; a non-doctor cannot submit, nor name a vault that
	// is not registered.
	assert_module_error(
		chain.submit_record(&charlie, eve_id, record_in(store.account())).await,
		"Consent",
		"NotActiveDoctor",
	);
	assert_module_error(
		chain.submit_record(&ferdie, eve_id, record_in(&charlie_id)).await,
		"Consent",
		"UnknownVault",
	);
	let (first, _, _) = put("Observation", "blood pressure 120/80", None).await.unwrap();
	let (second, _, _) = put("Condition", "meant for another patient", None).await.unwrap();
	let pending = chain.pending(eve_id).await.unwrap();
	assert_eq!(pending.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![first, second]);
	assert_eq!(pending[0].1.doctor, ferdie_id);

	// Only the patient decides; approval makes a record, denial discards.
	assert_module_error(chain.approve(&ferdie, first).await, "Consent", "NotSubmissionPatient");
	let (record_id, _) = chain.approve(&eve, first).await.unwrap();
	chain.deny(&eve, second).await.unwrap();
	assert!(chain.pending(eve_id).await.unwrap().is_empty());
	assert_module_error(chain.deny(&eve, second).await, "Consent", "UnknownSubmission");

	// An amendment supersedes the record as version 2; a withdrawn submission is gone.
	let (amend, _, _) = put("Observation", "blood pressure 118/79", Some(record_id)).await.unwrap();
	let (amended_id, _) = chain.approve(&eve, amend).await.unwrap();
	let (withdrawn, _, _) = put("DocumentReference", "draft", None).await.unwrap();
	chain.withdraw(&ferdie, withdrawn).await.unwrap();
	let history = chain.history(eve_id, 0, 10).await.unwrap();
	assert_eq!(chain.history_length(eve_id).await.unwrap(), 2);
	assert_eq!(history.iter().map(|r| r.id).collect::<Vec<_>>(), vec![record_id, amended_id]);
	assert_eq!((history[1].version, history[1].supersedes), (2, Some(record_id)));

	// Releases: the author and the patient get the content; Bob not until granted; revoking
	// ends it.
	use PurposeOfUse::{PatientRequested, Treatment};
	let got = chain.get_record(&ferdie_keys, record_id, Treatment, None).await.unwrap();
	assert_eq!(got.content, b"blood pressure 120/80");
	assert_eq!(
		chain.get_record(&eve_keys, amended_id, PatientRequested, None).await.unwrap().content,
		b"blood pressure 118/79"
	);
	assert_eq!(chain.view_history(&eve, eve_id, PatientRequested).await.unwrap(), 2);
	match chain.get_record(&bob_keys, record_id, Treatment, None).await {
		Err(Error::AccessDenied { viewer, patient, record, purpose, refusal }) => {
			assert_eq!((viewer, patient, record), (bob_id, eve_id, Some(record_id)));
			assert_eq!((purpose, refusal), (Treatment, Refusal::NoAccess));
		},
		other => panic!("Bob has no grant yet, got {:?}", other.map(|d| d.content)),
	}
	assert!(matches!(
		chain.get_record(&bob_keys, 999, Treatment, None).await,
		Err(Error::NotFound(_))
	));
	chain.grant_access(&eve, bob_id, None).await.unwrap();
	assert_eq!(chain.grants(eve_id).await.unwrap()[0].0, bob_id);
	assert_eq!(
		chain.viewer_basis(bob_id, eve_id, Treatment).await.unwrap(),
		Ok(AccessBasis::Grant)
	);
	assert_eq!(
		chain.get_record(&bob_keys, amended_id, Treatment, None).await.unwrap().record.version,
		2
	);
	chain.revoke_access(&eve, bob_id).await.unwrap();
	assert_module_error(chain.revoke_access(&eve, bob_id).await, "Consent", "NoAccessToRevoke");
	assert!(matches!(
		chain.view_history(&bob, eve_id, Treatment).await,
		Err(Error::AccessDenied { record: None, refusal: Refusal::GrantEnded, .. })
	));

	// Emergency access: a doctor names a reason and may get records for a window, all logged;
	// a patient cannot invoke it.
	assert_module_error(
		chain.emergency_access(&charlie, eve_id, EmergencyReason::Other).await,
		"Consent",
		"NotActiveDoctor",
	);
	let (until, outcome) =
		chain.emergency_access(&bob, eve_id, EmergencyReason::LifeThreatening).await.unwrap();
	assert!(until > outcome.block_number);
	let got = chain.get_record(&bob_keys, record_id, Treatment, None).await.unwrap();
	assert_eq!(got.record.id, record_id);

	// Eve's part of the log holds the grant, the views and the refusals, in order.
	let entries = chain.patient_entries(eve_id, 0, 100).await.unwrap();
	let actions: Vec<_> = entries.iter().map(|e| e.action.clone()).collect();
	for expected in [
		AuditAction::Approved,
		AuditAction::Denied,
		AuditAction::Released { basis: AccessBasis::Author, purpose: Treatment },
		AuditAction::Released { basis: AccessBasis::Patient, purpose: PatientRequested },
		AuditAction::Viewed { basis: AccessBasis::Patient, purpose: PatientRequested },
		AuditAction::AccessDenied { purpose: Treatment, refusal: Refusal::NoAccess },
		AuditAction::AccessGranted,
		AuditAction::Released { basis: AccessBasis::Grant, purpose: Treatment },
		AuditAction::AccessRevoked,
		AuditAction::AccessDenied { purpose: Treatment, refusal: Refusal::GrantEnded },
		AuditAction::EmergencyAccess(EmergencyReason::LifeThreatening),
		AuditAction::Released {
			basis: AccessBasis::Emergency,
			purpose: PurposeOfUse::EmergencyTreatment,
		},
	] {
		assert!(actions.contains(&expected), "{expected:?} is in Eve's log: {actions:?}");
	}
	assert!(entries.iter().all(|e| e.patient.as_ref() == Some(&eve_id)));
	assert!(entries.windows(2).all(|w| w[0].index < w[1].index));
	// Charlie's log holds nothing of Eve's.
	let charlie_entries = chain.patient_entries(charlie_id, 0, 100).await.unwrap();
	assert!(charlie_entries.iter().all(|e| e.patient.as_ref() == Some(&charlie_id)));

	// Finalized state: the log verifies against its head, and the record by proof.
	let (best, _) = chain.best_block().await.unwrap();
	wait_for_finality(&chain, best).await;
	let report = chain.verify_audit_log().await.unwrap();
	assert_eq!(report.entries, chain.audit_head().await.unwrap().0);
	assert!(report.entries as usize >= entries.len());

	let (proof, proven) = chain.prove_record(record_id).await.unwrap();
	assert_eq!(proven, history[0]);
	assert_eq!(proof.verify().unwrap(), history[0]);
	assert!(proof.block_number >= best);

	let mut tampered_value = proof.clone();
	let last = tampered_value.value.len() - 1;
	tampered_value.value[last] ^= 1;
	assert!(matches!(tampered_value.verify(), Err(Error::Proof(_))));
	for node in 0..proof.nodes.len() {
		let mut tampered_node = proof.clone();
		let middle = tampered_node.nodes[node].len() / 2;
		tampered_node.nodes[node][middle] ^= 0x80;
		assert!(matches!(tampered_node.verify(), Err(Error::Proof(_))), "node {node} tampered");
	}
	let mut other_root = proof.clone();
	other_root.state_root = medchain_client::Hash::repeat_byte(1);
	assert!(matches!(other_root.verify(), Err(Error::Proof(_))));
	assert!(matches!(chain.prove_record(999).await, Err(Error::NotFound(_))));
}

//! The whole clinical pipeline through `medchain-client` against a development node:
//! registration, the consent pool, access grants, logged and refused views, emergency access,
//! the access log's hash chain and a record's proof of inclusion in finalized state.

use std::time::Duration;

use medchain_client::{
	account_of, keypair, AccessBasis, AccountId, AuditAction, Error, Event, Keypair, MedChain,
	NewRecord, Role, Wait,
};
use medchain_e2e::{assert_module_error, eventually, Node};

fn dev(name: &str) -> (Keypair, AccountId) {
	let pair = keypair(&format!("//{name}")).expect("dev accounts have secret URIs");
	let account = account_of(&pair);
	(pair, account)
}

fn record(kind: &str, payload: &str, supersedes: Option<u64>) -> NewRecord {
	NewRecord {
		kind: kind.as_bytes().to_vec(),
		content_hash: sp_crypto_hashing::blake2_256(payload.as_bytes()),
		payload: payload.as_bytes().to_vec(),
		supersedes,
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
	let chain = MedChain::connect(&node.ws_url())
		.await
		.expect("the client connects")
		.waiting_for(Wait::InBlock);
	let (alice, _) = dev("Alice"); // admin and sudo key at genesis
	let (bob, bob_id) = dev("Bob"); // doctor at genesis
	let (charlie, charlie_id) = dev("Charlie"); // patient at genesis
	let (dave, dave_id) = dev("Dave");
	let (eve, eve_id) = dev("Eve");
	let (ferdie, ferdie_id) = dev("Ferdie");

	// Registration: a patient registers themself, an admin admits a doctor, sudo an admin.
	let outcome = chain.register_patient(&eve, [7; 32], b"eve-ref".to_vec()).await.unwrap();
	assert!(outcome.events.iter().any(|e| matches!(
		e,
		Event::Registry(medchain_client::chain::registry::Event::PatientRegistered { who }) if *who == eve_id
	)));
	chain.register_doctor(&alice, ferdie_id, b"LIC-F".to_vec(), [8; 32]).await.unwrap();
	chain.register_admin(&alice, dave_id).await.unwrap();
	assert_eq!(chain.member(eve_id).await.unwrap().unwrap().role, Role::Patient);
	assert_eq!(chain.member(ferdie_id).await.unwrap().unwrap().role, Role::Doctor);
	assert_eq!(chain.member(dave_id).await.unwrap().unwrap().role, Role::Admin);
	assert_module_error(
		chain.register_patient(&eve, [7; 32], Vec::new()).await,
		"Registry",
		"AlreadyRegistered",
	);
	// Only Root admits admins: through sudo, a non-sudo key is refused by the sudo pallet.
	assert_module_error(chain.register_admin(&bob, bob_id).await, "Sudo", "RequireSudo");
	// Root's call fails inside sudo: the error of the inner call comes back.
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
		chain.submit_record(&ferdie, eve_id, record("Observation", "x", None)).await,
		"Consent",
		"NotActiveDoctor",
	);
	assert_module_error(chain.suspend(&dave, ferdie_id).await, "Registry", "AlreadySuspended");
	chain.reinstate(&dave, ferdie_id).await.unwrap();
	assert_module_error(chain.reinstate(&dave, ferdie_id).await, "Registry", "NotSuspended");
	chain.rotate_encryption_key(&eve, [9; 32]).await.unwrap();
	assert_eq!(chain.member(eve_id).await.unwrap().unwrap().encryption_key, Some([9; 32]));

	// Submissions wait in the consent pool; a non-doctor cannot submit.
	assert_module_error(
		chain.submit_record(&charlie, eve_id, record("Observation", "x", None)).await,
		"Consent",
		"NotActiveDoctor",
	);
	let (first, _) = chain
		.submit_record(&ferdie, eve_id, record("Observation", "enc:bp-120-80", None))
		.await
		.unwrap();
	let (second, _) = chain
		.submit_record(&ferdie, eve_id, record("Condition", "enc:wrong-patient", None))
		.await
		.unwrap();
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
	let (amend, _) = chain
		.submit_record(&ferdie, eve_id, record("Observation", "enc:bp-118-79", Some(record_id)))
		.await
		.unwrap();
	let (amended_id, _) = chain.approve(&eve, amend).await.unwrap();
	let (withdrawn, _) =
		chain.submit_record(&ferdie, eve_id, record("Note", "enc:draft", None)).await.unwrap();
	chain.withdraw(&ferdie, withdrawn).await.unwrap();
	let history = chain.history(eve_id, 0, 10).await.unwrap();
	assert_eq!(chain.history_length(eve_id).await.unwrap(), 2);
	assert_eq!(history.iter().map(|r| r.id).collect::<Vec<_>>(), vec![record_id, amended_id]);
	assert_eq!((history[1].version, history[1].supersedes), (2, Some(record_id)));

	// Views: the author and the patient may; Bob may not until granted; revoking ends it.
	let viewed = chain.view_record(&ferdie, record_id).await.unwrap();
	assert_eq!(viewed.payload.0, b"enc:bp-120-80");
	assert_eq!(chain.view_history(&eve, eve_id).await.unwrap(), 2);
	match chain.view_record(&bob, record_id).await {
		Err(Error::AccessDenied { viewer, patient, record }) => {
			assert_eq!((viewer, patient, record), (bob_id, eve_id, Some(record_id)));
		},
		other => panic!("Bob has no grant yet, got {other:?}"),
	}
	assert_module_error(chain.view_record(&bob, 999).await, "Records", "UnknownRecord");
	chain.grant_access(&eve, bob_id, None).await.unwrap();
	assert_eq!(chain.grants(eve_id).await.unwrap()[0].0, bob_id);
	assert_eq!(chain.viewer_basis(bob_id, eve_id).await.unwrap(), Some(AccessBasis::Grant));
	assert_eq!(chain.view_record(&bob, amended_id).await.unwrap().version, 2);
	chain.revoke_access(&eve, bob_id).await.unwrap();
	assert_module_error(chain.revoke_access(&eve, bob_id).await, "Consent", "NoAccessToRevoke");
	assert!(matches!(
		chain.view_history(&bob, eve_id).await,
		Err(Error::AccessDenied { record: None, .. })
	));

	// Emergency access: a doctor states a reason and may view for a window, all logged.
	assert_module_error(
		chain.emergency_access(&bob, eve_id, Vec::new()).await,
		"Consent",
		"EmptyReason",
	);
	let (until, outcome) =
		chain.emergency_access(&bob, eve_id, b"unconscious in A&E".to_vec()).await.unwrap();
	assert!(until > outcome.block_number);
	assert_eq!(chain.view_record(&bob, record_id).await.unwrap().id, record_id);

	// Eve's part of the log holds the grant, the views and the refusals, in order.
	let entries = chain.patient_entries(eve_id, 0, 100).await.unwrap();
	let actions: Vec<_> = entries.iter().map(|e| e.action.clone()).collect();
	for expected in [
		AuditAction::Approved,
		AuditAction::Denied,
		AuditAction::Viewed(AccessBasis::Author),
		AuditAction::AccessDenied,
		AuditAction::AccessGranted,
		AuditAction::Viewed(AccessBasis::Grant),
		AuditAction::AccessRevoked,
		AuditAction::EmergencyAccess,
		AuditAction::Viewed(AccessBasis::Emergency),
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

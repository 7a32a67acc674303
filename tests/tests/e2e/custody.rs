//! Record custody with a real node and a real vault: documents live in the vault, the chain
//! decides who gets them and logs every release and refusal, and no clinical byte reaches the
//! chain.

use std::{collections::HashSet, fs, time::Duration};

use medchain_client::{
	custody::{
		request_message, sign_request, Identity, ACCOUNT_HEADER, NONCE_HEADER, SIGNATURE_HEADER,
		TIME_HEADER,
	},
	AccessBasis, AccountId, AuditAction, EmergencyReason, Error, MedChain,
	PurposeOfUse::{EmergencyTreatment, PatientRequested, Treatment},
	Refusal, VaultClient, Wait,
};
use medchain_e2e::{eventually, Node, Vault};
use serde_json::{json, Value};

/// The development chain's vault account.
const DEV_VAULT: &str = "//Alice//vault";

/// A FHIR Observation, long and distinctive enough that any 16 bytes of it found elsewhere
/// could only come from it.
fn observation(patient: &str) -> Vec<u8> {
	format!(
		r#"{{"resourceType":"Observation","status":"final","code":{{"coding":[{{"system":"http://loinc.org","code":"15074-8","display":"Glucose [Moles/volume] in Blood"}}]}},"subject":{{"reference":"Patient/{patient}"}},"effectiveDateTime":"2026-11-26T09:30:00Z","valueQuantity":{{"value":6.3,"unit":"mmol/L"}},"note":[{{"text":"fasting sample, drawn at the diabetes clinic by nurse Okafor"}}]}}"#
	)
	.into_bytes()
}

fn identity(suri: &str) -> Identity {
	Identity::from_suri(suri).expect("dev secret URIs are valid")
}

async fn connect(node: &Node) -> MedChain {
	MedChain::connect(&node.ws_url()).await.expect("the client connects").waiting_for(Wait::InBlock)
}

/// The access-log entries about record `id`: (actor, action).
async fn record_entries(chain: &MedChain, id: u64) -> Vec<(Option<AccountId>, AuditAction)> {
	let (count, _) = chain.audit_head().await.unwrap();
	let entries = chain.audit_entries(0, count as u32).await.unwrap();
	entries.into_iter().filter(|e| e.record == Some(id)).map(|e| (e.actor, e.action)).collect()
}

fn releases(entries: &[(Option<AccountId>, AuditAction)]) -> usize {
	entries.iter().filter(|(_, action)| matches!(action, AuditAction::Released { .. })).count()
}

#[tokio::test(flavor = "multi_thread")]
async fn records_go_only_to_those_the_chain_allows_and_never_on_chain() {
	let node = Node::dev("custody");
	let vault = Vault::start(&node, DEV_VAULT, &[]);
	let chain = connect(&node).await;
	let (alice, bob, charlie) = (identity("//Alice"), identity("//Bob"), identity("//Charlie"));
	let (dave, eve, ferdie) = (identity("//Dave"), identity("//Eve"), identity("//Ferdie"));
	// Genesis keys are the ones the client derives: Charlie's registered key opens releases.
	let registered = chain.member(charlie.account()).await.unwrap().unwrap().encryption_key;
	assert_eq!(registered, Some(charlie.encryption.public()));
	// The vault moved its registered endpoint to where it listens.
	let registered = chain.vault(vault_account()).await.unwrap().unwrap();
	assert_eq!(registered.endpoint.0, vault.url().into_bytes());
	for doctor in [&dave, &eve] {
		chain
			.register_doctor(
				&alice.signer,
				doctor.account(),
				b"GMC-1".to_vec(),
				doctor.encryption.public(),
			)
			.await
			.unwrap();
	}

	// Bob puts a FHIR Observation; Charlie approves it.
	let document = observation("charlie");
	let client = VaultClient::connect(&vault.url()).await.unwrap();
	let (submission, uploaded, _) = chain
		.put_record(&bob.signer, &client, charlie.account(), "Observation", document.clone(), None)
		.await
		.unwrap();
	assert_eq!(uploaded.size, document.len() as u64);
	let (id, _) = chain.approve(&charlie.signer, submission).await.unwrap();

	// Charlie gets it back byte for byte, checked against the commitment.
	let got = chain.get_record(&charlie, id, PatientRequested, None).await.unwrap();
	assert_eq!(got.content, document);
	let mut released = 1;

	// A stranger is refused by the vault, which asks nothing of the chain for them; a doctor
	// without a grant is refused by the chain, and the refusal is logged.
	let entries_before = chain.audit_head().await.unwrap().0;
	match chain.get_record(&ferdie, id, Treatment, None).await {
		Err(Error::Vault { status: 403, code, .. }) => assert_eq!(code, "not_registered"),
		other => panic!("expected not_registered, got {:?}", other.map(|d| d.content.len())),
	}
	assert_eq!(
		chain.audit_head().await.unwrap().0,
		entries_before,
		"nothing logged for a stranger"
	);
	match chain.get_record(&dave, id, Treatment, None).await {
		Err(Error::AccessDenied { viewer, record, refusal, .. }) => {
			assert_eq!((viewer, record, refusal), (dave.account(), Some(id), Refusal::NoAccess))
		},
		other => panic!("expected a refusal, got {:?}", other.map(|d| d.content.len())),
	}

	// Granted, Dave gets it; revoked, he is refused at once.
	chain.grant_access(&charlie.signer, dave.account(), None).await.unwrap();
	assert_eq!(chain.get_record(&dave, id, Treatment, None).await.unwrap().content, document);
	released += 1;
	chain.revoke_access(&charlie.signer, dave.account()).await.unwrap();
	assert!(matches!(
		chain.get_record(&dave, id, Treatment, None).await,
		Err(Error::AccessDenied { refusal: Refusal::GrantEnded, .. })
	));

	// Eve invokes emergency access and gets it; the log holds the reason's code.
	chain
		.emergency_access(&eve.signer, charlie.account(), EmergencyReason::Unconscious)
		.await
		.unwrap();
	assert_eq!(chain.get_record(&eve, id, Treatment, None).await.unwrap().content, document);
	released += 1;

	let entries = record_entries(&chain, id).await;
	let by = |who: &Identity| Some(who.account());
	for expected in [
		(
			by(&charlie),
			AuditAction::Released { basis: AccessBasis::Patient, purpose: PatientRequested },
		),
		(by(&dave), AuditAction::AccessDenied { purpose: Treatment, refusal: Refusal::NoAccess }),
		(by(&dave), AuditAction::Released { basis: AccessBasis::Grant, purpose: Treatment }),
		(
			by(&eve),
			AuditAction::Released { basis: AccessBasis::Emergency, purpose: EmergencyTreatment },
		),
	] {
		assert!(entries.contains(&expected), "{expected:?} is on the log: {entries:?}");
	}
	assert_eq!(releases(&entries), released, "one release entry for each release");
	let about_charlie = chain.patient_entries(charlie.account(), 0, 100).await.unwrap();
	assert!(about_charlie.iter().any(|e| e.actor == by(&eve)
		&& e.action == AuditAction::EmergencyAccess(EmergencyReason::Unconscious)));

	no_window_of_the_document_is_on_chain(&node, &document);

	// Charlie has the content erased: the commitment stays, later requests are told when.
	let erased = chain.erase_record(&charlie.signer, id, None).await.unwrap();
	let record = chain.record(id).await.unwrap().unwrap();
	assert_eq!(record.erased_at, Some(erased.block));
	assert_eq!(record.commitment, got.record.commitment);
	match chain.get_record(&charlie, id, PatientRequested, None).await {
		Err(Error::Vault { status: 410, code, erased_at, message, .. }) => {
			assert_eq!((code.as_str(), erased_at), ("erased", Some(erased.block)));
			assert!(message.contains(&format!("erased at block {}", erased.block)), "{message}");
		},
		other => panic!("expected the erasure, got {:?}", other.map(|d| d.content.len())),
	}
	let entries = record_entries(&chain, id).await;
	assert_eq!(entries.last(), Some(&(by(&charlie), AuditAction::Erased)));
	assert!(stored_ids(&vault).is_empty(), "the vault deleted content and key");
}

fn vault_account() -> AccountId {
	identity(DEV_VAULT).account()
}

/// The ids of the documents the vault stores.
fn stored_ids(vault: &Vault) -> Vec<String> {
	let dir = vault.data_dir().join("objects").join("meta");
	fs::read_dir(dir)
		.map(|entries| entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
		.unwrap_or_default()
}

/// Reads every storage value at the best block, and every extrinsic and every block's events
/// from genesis on: no 16-byte window of `document` is in any of them.
fn no_window_of_the_document_is_on_chain(node: &Node, document: &[u8]) {
	let windows: HashSet<&[u8]> = document.windows(16).collect();
	let leaks = |bytes: &[u8]| bytes.windows(16).any(|w| windows.contains(w));
	let hex_bytes = |value: &Value| {
		value
			.as_str()
			.map(|text| hex::decode(text.trim_start_matches("0x")).expect("hex"))
			.unwrap_or_default()
	};
	let best = node.rpc("chain_getBlockHash", json!([]));
	let state = node.storage(&best);
	for (key, value) in &state {
		let value = hex::decode(value.trim_start_matches("0x")).expect("hex");
		assert!(!leaks(&value), "the storage value of {key} holds part of the document");
	}
	let values = state.len();
	save_live_state(&state);
	assert!(values > 50, "the whole state was read ({values} values)");
	// System.Events: twox128("System") ++ twox128("Events").
	let events_key = "0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7";
	let best_number = node.best_number();
	for number in 0..=best_number {
		let hash = node.rpc("chain_getBlockHash", json!([number]));
		let block = node.rpc("chain_getBlock", json!([hash]));
		for extrinsic in block["block"]["extrinsics"].as_array().expect("extrinsics") {
			assert!(
				!leaks(&hex_bytes(extrinsic)),
				"an extrinsic of block {number} holds the document"
			);
		}
		let events = hex_bytes(&node.rpc("state_getStorage", json!([events_key, hash])));
		assert!(!leaks(&events), "the events of block {number} hold part of the document");
	}
}

/// Keeps the state a test left, for `runtime/tests/live_state.rs` to check every pallet's
/// invariants on it: in `$MEDCHAIN_LIVE_STATE`, or `live-state.json` beside the node binary.
fn save_live_state(state: &[(String, String)]) {
	let path = std::env::var_os("MEDCHAIN_LIVE_STATE")
		.map(std::path::PathBuf::from)
		.unwrap_or_else(|| medchain_e2e::node_binary().with_file_name("live-state.json"));
	let map: serde_json::Map<String, Value> =
		state.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
	fs::write(&path, serde_json::to_vec(&map).expect("JSON")).expect("the state is written");
}

/// Sends a POST to the vault with `headers`; returns the status and the JSON body.
fn post(url: &str, headers: &[(&str, String)], body: &[u8]) -> (u16, Value) {
	let agent: ureq::Agent =
		ureq::Agent::config_builder().http_status_as_error(false).build().into();
	let mut request = agent.post(url);
	for (name, value) in headers {
		request = request.header(*name, value);
	}
	let mut response = request.send(body).expect("the vault answers");
	let status = response.status().as_u16();
	let text = response.body_mut().read_to_string().unwrap_or_default();
	(status, serde_json::from_str(&text).unwrap_or_else(|_| panic!("a JSON body: {text}")))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_vault_refuses_bad_requests_with_clear_errors_and_stores_nothing() {
	let node = Node::dev("vault-bad-input");
	let vault = Vault::start(&node, DEV_VAULT, &["--max-upload-mib", "1"]);
	let (bob, charlie) = (identity("//Bob"), identity("//Charlie"));
	let vault_id = vault_account();
	let upload_path = format!("/v1/documents?patient={}&kind=Observation", charlie.account());
	let upload_url = format!("{}{upload_path}", vault.url());
	let document = observation("charlie");
	let check = |(status, body): (u16, Value), expected: u16, code: &str| {
		assert_eq!(status, expected, "{body}");
		assert_eq!(body["code"], code, "{body}");
		assert!(body["error"].as_str().is_some_and(|e| e.len() > 10), "a message: {body}");
	};

	// Unsigned.
	check(post(&upload_url, &[], &document), 401, "unsigned");
	// Signed by Bob over another body, or claiming to be Charlie.
	let mut headers = sign_request(&bob.signer, &vault_id, "POST", &upload_path, b"other");
	check(post(&upload_url, &headers, &document), 401, "bad_signature");
	headers = sign_request(&bob.signer, &vault_id, "POST", &upload_path, &document);
	headers[0].1 = charlie.account().to_string();
	check(post(&upload_url, &headers, &document), 401, "bad_signature");
	// Stale: signed ten minutes ago.
	let stale_time = medchain_client::custody::now_ms() - 600_000;
	let nonce = [9u8; 16];
	let message = request_message(&vault_id, "POST", &upload_path, stale_time, &nonce, &document);
	let stale = vec![
		(ACCOUNT_HEADER, bob.account().to_string()),
		(TIME_HEADER, stale_time.to_string()),
		(NONCE_HEADER, hex::encode(nonce)),
		(SIGNATURE_HEADER, hex::encode(bob.signer.sign(&message).0)),
	];
	check(post(&upload_url, &stale, &document), 401, "stale");
	// A release without a purpose of use, or with one HL7 does not define.
	for (path, words) in [
		("/v1/records/4242/release", "?purpose=TREAT"),
		("/v1/records/4242/release?purpose=CARE", "CARE is not a purpose of use"),
	] {
		let headers = sign_request(&charlie.signer, &vault_id, "POST", path, b"");
		let refused = post(&format!("{}{path}", vault.url()), &headers, b"");
		assert!(refused.1["error"].as_str().unwrap().contains(words), "{}", refused.1);
		check(refused, 400, "bad_request");
	}
	// A record that does not exist; the same request again is a replay.
	let release_path = "/v1/records/4242/release?purpose=PATRQT";
	let release_url = format!("{}{release_path}", vault.url());
	let headers = sign_request(&charlie.signer, &vault_id, "POST", release_path, b"");
	check(post(&release_url, &headers, b""), 404, "unknown_record");
	check(post(&release_url, &headers, b""), 401, "replayed");
	// Over the limit (1 MiB here; 20 MiB by default).
	let large = vec![b'x'; 1024 * 1024 + 1];
	let headers = sign_request(&bob.signer, &vault_id, "POST", &upload_path, &large);
	check(post(&upload_url, &headers, &large), 413, "too_large");
	// Not a doctor.
	let headers = sign_request(&charlie.signer, &vault_id, "POST", &upload_path, &document);
	check(post(&upload_url, &headers, &document), 403, "not_doctor");
	// Not a patient.
	let path = format!("/v1/documents?patient={}&kind=Observation", identity("//Ferdie").account());
	let headers = sign_request(&bob.signer, &vault_id, "POST", &path, &document);
	check(post(&format!("{}{path}", vault.url()), &headers, &document), 400, "bad_request");
	// A kind that is no FHIR resource type, and FHIR JSON of another type than its kind.
	let path = format!("/v1/documents?patient={}&kind=LabResult", charlie.account());
	let headers = sign_request(&bob.signer, &vault_id, "POST", &path, &document);
	let refused = post(&format!("{}{path}", vault.url()), &headers, &document);
	assert!(refused.1["error"].as_str().unwrap().contains("LabResult is not an HL7 FHIR R4"));
	check(refused, 400, "bad_request");
	let path = format!("/v1/documents?patient={}&kind=DiagnosticReport", charlie.account());
	let headers = sign_request(&bob.signer, &vault_id, "POST", &path, &document);
	let refused = post(&format!("{}{path}", vault.url()), &headers, &document);
	let message = refused.1["error"].as_str().unwrap().to_owned();
	assert!(
		message.contains("resourceType \"Observation\", not the DiagnosticReport"),
		"{message}"
	);
	check(refused, 422, "wrong_resource_type");

	assert!(stored_ids(&vault).is_empty(), "nothing was stored");
	// The client turns a refusal into an error that names it.
	let client = VaultClient::connect(&vault.url()).await.unwrap();
	match client.upload(&charlie.signer, &charlie.account(), "Observation", document).await {
		Err(Error::Vault { status: 403, code, message, .. }) => {
			assert_eq!(code, "not_doctor");
			assert!(message.contains("not an active doctor"), "{message}");
		},
		other => panic!("expected a refusal, got {other:?}"),
	}
	match VaultClient::connect("http://127.0.0.1:1").await {
		Err(Error::Connect { url, .. }) => assert_eq!(url, "http://127.0.0.1:1"),
		other => panic!("expected an unreachable vault, got {other:?}"),
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_vault_loses_nothing_and_an_altered_document_is_not_served() {
	let node = Node::dev("vault-durability");
	let mut vault = Vault::start(&node, DEV_VAULT, &[]);
	let chain = connect(&node).await;
	let (bob, charlie) = (identity("//Bob"), identity("//Charlie"));
	let client = VaultClient::connect(&vault.url()).await.unwrap();
	let mut records = Vec::new();
	for n in 0..3 {
		let document = observation(&format!("charlie-{n}"));
		let (submission, _, _) = chain
			.put_record(
				&bob.signer,
				&client,
				charlie.account(),
				"Observation",
				document.clone(),
				None,
			)
			.await
			.unwrap();
		let (id, _) = chain.approve(&charlie.signer, submission).await.unwrap();
		records.push((id, document));
	}
	assert_eq!(
		chain.get_record(&charlie, records[0].0, PatientRequested, None).await.unwrap().content,
		records[0].1
	);

	// SIGKILL while a release is on its way: whatever happened, no release without its entry.
	let racing = {
		let (chain, charlie, id) = (chain.clone(), charlie.clone(), records[1].0);
		tokio::spawn(
			async move { chain.get_record(&charlie, id, PatientRequested, None).await.ok() },
		)
	};
	tokio::time::sleep(Duration::from_millis(300)).await;
	vault.kill();
	let raced = racing.await.unwrap();
	vault.restart();

	// Every stored document is there after the restart.
	let mut got = usize::from(raced.is_some()) + 1;
	for (id, document) in &records {
		assert_eq!(
			&chain.get_record(&charlie, *id, PatientRequested, None).await.unwrap().content,
			document
		);
		got += 1;
	}
	let mut logged = 0;
	for (id, _) in &records {
		logged += releases(&record_entries(&chain, *id).await);
	}
	assert!(logged >= got, "every release ({got}) has its entry ({logged} entries)");

	// An altered document is detected and not served; no release is logged for it.
	let (id, _) = &records[2];
	let record = chain.record(*id).await.unwrap().unwrap();
	let path = vault.data_dir().join("objects/content").join(hex::encode(record.locator.content));
	let mut stored = fs::read(&path).unwrap();
	let middle = stored.len() / 2;
	stored[middle] ^= 0x20;
	fs::write(&path, stored).unwrap();
	let before = releases(&record_entries(&chain, *id).await);
	match chain.get_record(&charlie, *id, PatientRequested, None).await {
		Err(Error::Vault { status: 500, code, message, .. }) => {
			assert_eq!(code, "integrity");
			assert!(message.contains("integrity check"), "{message}");
		},
		other => panic!("expected an integrity error, got {:?}", other.map(|d| d.content.len())),
	}
	assert_eq!(releases(&record_entries(&chain, *id).await), before);
}

#[tokio::test(flavor = "multi_thread")]
async fn uploads_no_record_holds_are_removed_and_the_master_key_rotates() {
	let node = Node::dev("vault-sweep");
	let mut vault = Vault::start(&node, DEV_VAULT, &["--upload-ttl", "8", "--sweep-interval", "1"]);
	let chain = connect(&node).await;
	let (bob, charlie) = (identity("//Bob"), identity("//Charlie"));
	let client = VaultClient::connect(&vault.url()).await.unwrap();
	let never_submitted = client
		.upload(&bob.signer, &charlie.account(), "Observation", observation("never"))
		.await
		.unwrap()
		.content_id;
	let (denied, denied_upload, _) = chain
		.put_record(&bob.signer, &client, charlie.account(), "Observation", observation("d"), None)
		.await
		.unwrap();
	chain.deny(&charlie.signer, denied).await.unwrap();
	let (kept, kept_upload, _) = chain
		.put_record(&bob.signer, &client, charlie.account(), "Observation", observation("k"), None)
		.await
		.unwrap();
	let (kept_id, _) = chain.approve(&charlie.signer, kept).await.unwrap();
	let (pending, pending_upload, _) = chain
		.put_record(&bob.signer, &client, charlie.account(), "Observation", observation("p"), None)
		.await
		.unwrap();

	eventually("the vault removes what no record holds", Duration::from_secs(60), async || {
		let ids = stored_ids(&vault);
		(!ids.contains(&never_submitted) && !ids.contains(&denied_upload.content_id)).then_some(())
	})
	.await;
	let ids = stored_ids(&vault);
	assert!(ids.contains(&kept_upload.content_id), "an approved record's content stays");
	assert!(ids.contains(&pending_upload.content_id), "a pending submission's content stays");
	assert!(chain.pending(charlie.account()).await.unwrap().iter().any(|(id, _)| *id == pending));

	// Rotating the master key re-wraps keys and leaves content as it was.
	let content = vault.data_dir().join("objects/content").join(&kept_upload.content_id);
	let before = fs::read(&content).unwrap();
	let master = fs::read_to_string(vault.data_dir().join("master.key")).unwrap();
	vault.kill();
	let rotated = std::process::Command::new(medchain_e2e::vault_binary())
		.arg("--data")
		.arg(vault.data_dir())
		.arg("rotate-master-key")
		.output()
		.unwrap();
	assert!(rotated.status.success(), "{}", String::from_utf8_lossy(&rotated.stderr));
	assert!(String::from_utf8_lossy(&rotated.stdout).contains("document keys re-wrapped"));
	assert_ne!(fs::read_to_string(vault.data_dir().join("master.key")).unwrap(), master);
	assert_eq!(fs::read(&content).unwrap(), before, "content is not touched");
	vault.restart();
	assert_eq!(
		chain.get_record(&charlie, kept_id, PatientRequested, None).await.unwrap().content,
		observation("k")
	);
}

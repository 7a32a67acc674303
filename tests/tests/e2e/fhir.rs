//! Purpose of use, scoped grants, FHIR exports and the accounting of disclosures, with a real
//! node, a real vault and the `medchain` command line; the exports are checked by an
//! independent FHIR implementation (Python's fhir.resources, `tests/fhir/validate.py`).

use std::{path::Path, process::Command, time::Duration};

use medchain_client::{
	custody::{now_ms, Identity},
	fhir::instant,
	MedChain, PurposeOfUse, Refusal, VaultClient, Wait,
};
use medchain_e2e::{fhir_python, repository, Node};
use serde_json::{json, Value};

use crate::cli::{dev_vault, fails, medchain, ok, ok_json};

fn identity(suri: &str) -> Identity {
	Identity::from_suri(suri).expect("dev secret URIs are valid")
}

/// A FHIR resource of `kind` about `patient`, as a hospital system would send it.
fn document(kind: &str, note: &str) -> Vec<u8> {
	json!({ "resourceType": kind, "status": "final", "text": { "status": "generated", "div": note } })
		.to_string()
		.into_bytes()
}

/// Runs the independent FHIR validator on `files`; returns whether all passed and its output.
fn validate(files: &[&Path]) -> (bool, String) {
	let python = fhir_python();
	assert!(python.is_file(), "{} is missing: run scripts/setup.sh", python.display());
	let output = Command::new(python)
		.arg(repository().join("tests/fhir/validate.py"))
		.args(files)
		.output()
		.expect("the validator runs");
	let text = format!(
		"{}{}",
		String::from_utf8_lossy(&output.stdout),
		String::from_utf8_lossy(&output.stderr)
	);
	(output.status.success(), text)
}

/// Runs a command that the argument parser must refuse (exit code 2); returns its words.
fn misused(node: &Node, signer: &str, args: &[&str]) -> String {
	let output = medchain(node, signer, args);
	let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
	assert_eq!(output.status.code(), Some(2), "medchain {args:?}: {stderr}");
	stderr
}

/// What one row of the accounting says: recipient, what, record, kind, purpose, basis.
type Row = (String, String, Option<u64>, Option<String>, String, String);

fn row(value: &Value) -> Row {
	let text = |key: &str| value[key].as_str().unwrap_or_default().to_owned();
	(
		text("recipient"),
		text("what"),
		value["record"].as_u64(),
		value["kind"].as_str().map(str::to_owned),
		text("purpose"),
		text("basis"),
	)
}

#[tokio::test(flavor = "multi_thread")]
async fn scoped_grants_purposes_and_a_weeks_accounting_of_disclosures_in_fhir() {
	use PurposeOfUse::*;
	let node = Node::dev("fhir");
	let vault = dev_vault(&node);
	let chain = MedChain::connect(&node.ws_url()).await.unwrap().waiting_for(Wait::InBlock);
	let (alice, bob, charlie) = (identity("//Alice"), identity("//Bob"), identity("//Charlie"));
	let (dave, eve) = (identity("//Dave"), identity("//Eve"));
	for doctor in [&dave, &eve] {
		let key = doctor.encryption.public();
		chain.register_doctor(&alice.signer, doctor.account(), b"GMC".to_vec(), key).await.unwrap();
	}
	let client = VaultClient::connect(&vault.url()).await.unwrap();
	let put = |kind: &'static str, note: &'static str| {
		let (chain, client, bob, charlie) = (&chain, &client, &bob, &charlie);
		async move {
			let (submission, _, _) = chain
				.put_record(
					&bob.signer,
					client,
					charlie.account(),
					kind,
					document(kind, note),
					None,
				)
				.await
				.unwrap();
			chain.approve(&charlie.signer, submission).await.unwrap().0
		}
	};
	let get = |who: &Identity, record: u64, purpose: PurposeOfUse| {
		let (chain, who) = (&chain, who.clone());
		async move { chain.get_record(&who, record, purpose, None).await }
	};
	let (dave_id, eve_id) = (dave.account().to_string(), eve.account().to_string());
	let mut expected: Vec<Row> = Vec::new();
	let mut disclosed =
		|who: &Identity, what: String, record: Option<u64>, purpose: PurposeOfUse, basis: &str| {
			let kind = what.split_once('(').map(|(_, kind)| kind.trim_end_matches(')').to_owned());
			let kind = record.and(kind);
			expected.push((
				who.account().to_string(),
				what,
				record,
				kind,
				purpose.code().to_owned(),
				basis.to_owned(),
			));
		};

	// A kind must be a FHIR resource type, and a FHIR document must be of its kind.
	let dir = tempfile::tempdir().unwrap();
	let report_file = dir.path().join("report.json");
	std::fs::write(&report_file, document("DiagnosticReport", "renal panel")).unwrap();
	let file = report_file.to_str().unwrap();
	let put_as = |kind: &str| {
		["--vault", &vault.url(), "record", "put", file, "--patient", "//Charlie", "--kind", kind]
			.map(str::to_owned)
	};
	let refused = fails(&node, "//Bob", 1, &put_as("LabResult").each_ref().map(String::as_str));
	assert!(refused.contains("LabResult is not an HL7 FHIR R4 resource type"), "{refused}");
	let refused = fails(&node, "//Bob", 1, &put_as("Observation").each_ref().map(String::as_str));
	assert!(refused.contains("not the Observation its kind names"), "{refused}");
	let refused = fails(&node, "//Charlie", 3, &["access", "grant", "//Dave", "--kind", "Labs"]);
	assert!(refused.contains("Consent.NotFhirResourceType"), "{refused}");
	let refused = misused(&node, "//Charlie", &["access", "grant", "//Dave", "--purpose", "CARE"]);
	assert!(refused.contains("CARE is not a purpose of use"), "{refused}");

	// Monday: Bob writes an Observation and a DiagnosticReport; Charlie approves both.
	let observation = put("Observation", "glucose 6.3 mmol/L").await;
	let report = put("DiagnosticReport", "renal panel").await;

	// Tuesday: Charlie lets Dave see Observations for treatment, for a few blocks. Dave gets the
	// Observation; the report is refused for its kind, research for its purpose.
	let (best, _) = chain.best_block().await.unwrap();
	let until = best + 12;
	let granted = ok_json(
		&node,
		"//Charlie",
		&[
			"access",
			"grant",
			"//Dave",
			"--kind",
			"Observation",
			"--purpose",
			"TREAT",
			"--until",
			&until.to_string(),
		],
	);
	assert_eq!(granted["events"][0], "Consent.AccessGranted");
	assert!(get(&dave, observation, Treatment).await.is_ok());
	disclosed(
		&dave,
		format!("record {observation} (Observation)"),
		Some(observation),
		Treatment,
		"Grant",
	);
	for (record, purpose, lacks) in [
		(report, Treatment, Refusal::KindNotGranted),
		(observation, Research, Refusal::PurposeNotGranted),
	] {
		match get(&dave, record, purpose.clone()).await {
			Err(medchain_client::Error::AccessDenied { refusal, purpose: asked, .. }) => {
				assert_eq!((refusal, asked), (lacks, purpose))
			},
			other => panic!("expected {lacks:?}, got {:?}", other.map(|d| d.content)),
		}
	}
	// The CLI names what was missing, and the log keeps it.
	let refused = fails(
		&node,
		"//Dave",
		4,
		&["record", "get", &report.to_string(), "--purpose", "TREAT", "--out", "/dev/null"],
	);
	assert!(refused.contains("for TREAT: no running grant covers the record's kind"), "{refused}");

	// Wednesday: Charlie lets Eve see everything for payment, until tomorrow (a date). Eve views
	// the history and gets the report, both for payment.
	let tomorrow = instant(now_ms() + 86_400_000)[..10].to_owned();
	ok(
		&node,
		"//Charlie",
		&["access", "grant", "//Eve", "--purpose", "HPAYMT", "--until", &tomorrow],
	);
	let listed = ok_json(&node, "", &["access", "list", "//Charlie"]);
	let eve_grant = listed.as_array().unwrap().iter().find(|g| g["doctor"] == eve_id).unwrap();
	assert_eq!(eve_grant["purposes"], json!(["HPAYMT"]));
	assert_eq!(eve_grant["kinds"], json!([]));
	let eve_until = eve_grant["until"].as_u64().unwrap();
	// The end of tomorrow, one 2-second slot a block: between one and two days of blocks away.
	let (now, _) = chain.best_block().await.unwrap();
	assert!(
		(u64::from(now) + 43_000..=u64::from(now) + 86_400).contains(&eve_until),
		"{eve_until}"
	);
	let basis = ok_json(
		&node,
		"",
		&["access", "basis", "//Eve", "--patient", "//Charlie", "--purpose", "TREAT"],
	);
	assert_eq!(basis["refusal"], "PurposeNotGranted");
	ok(&node, "//Eve", &["record", "view-history", "//Charlie", "--purpose", "HPAYMT"]);
	disclosed(&eve, "the history (the list of records)".into(), None, Payment, "Grant");
	assert!(get(&eve, report, Payment).await.is_ok());
	disclosed(&eve, format!("record {report} (DiagnosticReport)"), Some(report), Payment, "Grant");

	// Thursday: Bob reads what he wrote; Charlie reads her own (no disclosure).
	assert!(get(&bob, observation, Treatment).await.is_ok());
	disclosed(
		&bob,
		format!("record {observation} (Observation)"),
		Some(observation),
		Treatment,
		"Author",
	);
	assert!(get(&charlie, report, PatientRequested).await.is_ok());

	// Friday: Eve invokes emergency access and reads the Observation: logged as ETREAT.
	ok(&node, "//Eve", &["access", "emergency", "//Charlie", "--reason", "unconscious"]);
	assert!(get(&eve, observation, Treatment).await.is_ok());
	disclosed(
		&eve,
		format!("record {observation} (Observation)"),
		Some(observation),
		EmergencyTreatment,
		"Emergency",
	);

	// Saturday: Alice, an admin, views the history for operations.
	ok(&node, "//Alice", &["record", "view-history", "//Charlie", "--purpose", "HOPERAT"]);
	disclosed(&alice, "the history (the list of records)".into(), None, Operations, "Admin");

	// Sunday: Dave's grant has run out; he is refused, told so. Charlie revokes Eve.
	node.wait_until("Dave's grant ends", Duration::from_secs(60), |node| {
		node.best_number() > u64::from(until)
	});
	let refused = fails(
		&node,
		"//Dave",
		4,
		&["record", "get", &observation.to_string(), "--out", "/dev/null"],
	);
	assert!(refused.contains("every grant they held ran out or was revoked"), "{refused}");
	ok(&node, "//Charlie", &["access", "revoke", "//Eve"]);

	// The accounting equals what happened, row for row, in every format, once finalized.
	let (best, _) = chain.best_block().await.unwrap();
	node.wait_until("the week is finalized", Duration::from_secs(60), |node| {
		node.finalized_number() >= u64::from(best)
	});
	let rows = ok_json(&node, "", &["disclosures", "//Charlie"]);
	let rows = rows.as_array().unwrap();
	assert_eq!(rows.iter().map(row).collect::<Vec<_>>(), expected);
	let today = instant(now_ms())[..10].to_owned();
	assert!(rows.iter().all(|r| r["date"].as_str().unwrap().starts_with(&today)));
	assert!(rows.windows(2).all(|w| w[0]["entry"].as_u64() < w[1]["entry"].as_u64()));
	let csv = ok(&node, "", &["disclosures", "//Charlie", "--format", "csv"]);
	let lines: Vec<_> = csv.lines().collect();
	assert_eq!(lines[0], "date,recipient,what,record,kind,purpose,basis,block,entry");
	assert_eq!(lines.len(), expected.len() + 1);
	for (line, row) in lines[1..].iter().zip(rows) {
		let field = |v: &Value| {
			v.as_str().map(str::to_owned).unwrap_or_else(|| {
				if v.is_null() {
					String::new()
				} else {
					v.to_string()
				}
			})
		};
		let cells: Vec<_> =
			["date", "recipient", "what", "record", "kind", "purpose", "basis", "block", "entry"]
				.iter()
				.map(|key| field(&row[*key]))
				.collect();
		assert_eq!(*line, cells.join(","));
	}
	let table = ok(&node, "", &["disclosures", "//Charlie", "--from", &today, "--to", &today]);
	assert!(table.contains("HPAYMT") && table.contains("ETREAT"), "{table}");
	let none = ok_json(&node, "", &["disclosures", "//Charlie", "--from", &tomorrow]);
	assert_eq!(none, json!([]));
	let bad = misused(&node, "", &["disclosures", "//Charlie", "--from", "2026-13-01"]);
	assert!(bad.contains("is not a date"), "{bad}");

	// The FHIR exports, checked by fhir.resources.
	let export = |name: &str, args: &[&str]| {
		let path = dir.path().join(name);
		std::fs::write(&path, ok(&node, "", args)).unwrap();
		let bundle: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
		(path, bundle)
	};
	let (consents_file, consents) = export("consents.json", &["fhir", "consents", "//Charlie"]);
	let (audit_file, audit) = export("audit.json", &["fhir", "audit", "--patient", "//Charlie"]);
	let (since_file, since) = export("since.json", &["fhir", "audit", "--since", &today]);
	let (disclosures_file, disclosures) =
		export("disclosures.json", &["disclosures", "//Charlie", "--format", "fhir"]);
	let (valid, report_text) =
		validate(&[&consents_file, &audit_file, &since_file, &disclosures_file]);
	assert!(valid, "{report_text}");
	assert_eq!(report_text.matches("valid FHIR R4 Bundle").count(), 4, "{report_text}");

	// Consents: Dave's ran out (inactive), Eve's was revoked (inactive, ending then).
	let resources = |bundle: &Value| -> Vec<Value> {
		bundle["entry"].as_array().unwrap().iter().map(|e| e["resource"].clone()).collect()
	};
	let consents = resources(&consents);
	let of = |doctor: &str| {
		consents
			.iter()
			.find(|c| c["provision"]["actor"][0]["reference"]["identifier"]["value"] == doctor)
			.unwrap_or_else(|| panic!("a consent for {doctor}: {consents:?}"))
			.clone()
	};
	let (dave_consent, eve_consent) = (of(&dave_id), of(&eve_id));
	assert_eq!(dave_consent["status"], "inactive");
	assert_eq!(dave_consent["provision"]["class"][0]["code"], "Observation");
	assert_eq!(dave_consent["provision"]["purpose"][0]["code"], "TREAT");
	assert_eq!(eve_consent["status"], "inactive");
	assert!(eve_consent["provision"].get("class").is_none(), "every kind");
	assert_eq!(eve_consent["provision"]["purpose"][0]["code"], "HPAYMT");
	assert_eq!(dave_consent["patient"]["identifier"]["value"], charlie.account().to_string());

	// Audit events: every entry about Charlie; refusals are failures with what was lacking;
	// each carries its entry's block number and hash, as the node has them.
	let events = resources(&audit);
	let entries =
		ok_json(&node, "", &["audit", "log", "--patient", "//Charlie", "--count", "1000"]);
	assert_eq!(events.len(), entries.as_array().unwrap().len());
	let refusals: Vec<_> = events.iter().filter(|e| e["outcome"] == "4").collect();
	assert_eq!(refusals.len(), 4, "two by the client, one by the CLI, one after the end");
	assert!(refusals
		.iter()
		.any(|e| e["outcomeDesc"] == "refused: no running grant covers the purpose"
			&& e["purposeOfEvent"][0]["coding"][0]["code"] == "HRESCH"));
	for event in &events {
		let detail = &event["entity"].as_array().unwrap().last().unwrap()["detail"];
		let number: u64 = detail[0]["valueString"].as_str().unwrap().parse().unwrap();
		let hash = node.rpc("chain_getBlockHash", json!([number]));
		assert_eq!(detail[1]["valueString"], hash, "{event}");
	}
	let emergency = events.iter().find(|e| e["subtype"][0]["code"] == "EmergencyAccess").unwrap();
	assert_eq!(emergency["purposeOfEvent"][0]["coding"][0]["code"], "ETREAT");
	assert!(resources(&since).len() >= events.len(), "today's entries include Charlie's");
	assert_eq!(resources(&disclosures).len(), expected.len());

	// The validator is no rubber stamp: an AuditEvent without its agent fails.
	let mut broken = audit.clone();
	broken["entry"][0]["resource"].as_object_mut().unwrap().remove("agent");
	let broken_file = dir.path().join("broken.json");
	std::fs::write(&broken_file, broken.to_string()).unwrap();
	let (valid, text) = validate(&[&broken_file]);
	assert!(!valid && text.contains("agent"), "{text}");
}

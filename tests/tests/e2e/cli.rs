//! The `medchain` command line against real nodes and vaults: a record put, approved, listed,
//! fetched, erased and proven; every pallet call a command; errors as one line or one JSON object with exit
//! codes that tell their kinds apart; secrets kept out of sight; two commands of one signer at
//! once; and a bounded wait when finality stalls or the node never answers.

use std::{
	io::Write,
	net::TcpListener,
	os::unix::fs::PermissionsExt,
	process::{Command, Output},
	time::{Duration, Instant},
};

use medchain_e2e::{cli_binary, Node, Vault};
use serde_json::Value;

/// Runs `medchain --url <url> <args>` with `env` set and no secret in the environment.
fn medchain_at(url: &str, env: &[(&str, &str)], args: &[&str]) -> Output {
	let binary = cli_binary();
	assert!(
		binary.is_file(),
		"{} is missing: build it first (scripts/cargo.sh build -p medchain-client)",
		binary.display()
	);
	Command::new(binary)
		.args(["--url", url])
		.args(args)
		.env_remove("MEDCHAIN_SURI")
		.envs(env.iter().copied())
		.output()
		.expect("medchain runs")
}

/// Runs a command as `signer` (through `$MEDCHAIN_SURI`; `""` for none).
pub(crate) fn medchain(node: &Node, signer: &str, args: &[&str]) -> Output {
	let env: &[(&str, &str)] = if signer.is_empty() { &[] } else { &[("MEDCHAIN_SURI", signer)] };
	medchain_at(&node.ws_url(), env, args)
}

/// The development chain's vault next to `node`.
pub(crate) fn dev_vault(node: &Node) -> Vault {
	Vault::start(node, "//Alice//vault", &[])
}

/// Checks that a command succeeded and returns its standard output.
pub(crate) fn succeeded(args: &[&str], output: Output) -> String {
	let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(output.status.success(), "medchain {args:?} failed: {stderr}{stdout}");
	stdout
}

/// Runs a command that must succeed and returns its standard output.
pub(crate) fn ok(node: &Node, signer: &str, args: &[&str]) -> String {
	succeeded(args, medchain(node, signer, args))
}

/// Runs a command that must succeed and returns its JSON output.
pub(crate) fn ok_json(node: &Node, signer: &str, args: &[&str]) -> Value {
	let args = [&["--json"], args].concat();
	json(&ok(node, signer, &args))
}

/// Checks that a command failed with `code`, printing nothing on standard output and one line
/// on standard error, which it returns.
fn failed(code: i32, args: &[&str], output: Output) -> String {
	let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
	assert_eq!(output.status.code(), Some(code), "medchain {args:?} exits with {code}: {stderr}");
	assert!(output.stdout.is_empty(), "a failure prints nothing on standard output");
	assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
	stderr
}

/// Runs a command that must fail with `code` and returns its one-line error.
pub(crate) fn fails(node: &Node, signer: &str, code: i32, args: &[&str]) -> String {
	failed(code, args, medchain(node, signer, args))
}

fn json(text: &str) -> Value {
	serde_json::from_str(text).unwrap_or_else(|e| panic!("{text} is JSON: {e}"))
}

/// The actions of a JSON access-log listing.
fn actions(log: &Value) -> Vec<String> {
	log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn a_record_through_the_command_line() {
	let node = Node::dev("cli");
	let vault = dev_vault(&node);
	let dir = tempfile::tempdir().unwrap();
	let document = dir.path().join("hba1c.json");
	let content = br#"{"resourceType":"Observation","code":{"text":"HbA1c"},"valueQuantity":{"value":48,"unit":"mmol/mol"}}"#;
	std::fs::write(&document, content).unwrap();
	let file = document.to_str().unwrap();

	let put = ["--wait", "in-block", "--vault", &vault.url(), "record", "put", file];
	let put = [&put[..], &["--patient", "//Charlie", "--kind", "Observation"]].concat();
	let submitted = ok(&node, "//Bob", &put);
	assert!(submitted.contains("stored in the vault at"), "{submitted}");
	assert!(submitted.contains("submission 0 waits for"), "{submitted}");

	// JSON and tables name the same fields; bytes say how they are written.
	let pending = ok_json(&node, "", &["record", "pending", "//Charlie"]);
	assert_eq!(pending[0]["id"], 0);
	assert_eq!(pending[0]["kind"], serde_json::json!({"encoding": "utf8", "value": "Observation"}));
	assert_eq!(pending[0]["commitment"].as_str().map(str::len), Some(66));
	assert_eq!(pending[0]["content_id"].as_str().map(str::len), Some(34));
	assert!(pending[0]["supersedes"].is_null());
	let table = ok(&node, "", &["record", "pending", "//Charlie"]);
	for column in ["id", "doctor", "kind", "supersedes", "expires at"] {
		assert!(table.contains(column), "the table has the JSON field {column}: {table}");
	}

	let approved = ok_json(&node, "//Charlie", &["record", "approve", "0"]);
	assert_eq!(approved["record"], 0);
	assert_eq!(approved["submission"], 0);
	let events: Vec<&str> =
		approved["events"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
	assert_eq!(events, ["Records.RecordAdded", "Consent.Approved"]);

	let history = ok(&node, "//Charlie", &["record", "history"]);
	assert!(history.contains("Observation") && history.contains("1 of 1 records"), "{history}");

	// A secret from a file: the file's mode is checked.
	let mut key = tempfile::NamedTempFile::new().unwrap();
	writeln!(key, "//Bob").unwrap();
	let path = key.path().to_str().unwrap().to_owned();
	std::fs::set_permissions(key.path(), std::fs::Permissions::from_mode(0o644)).unwrap();
	let got = dir.path().join("got.json");
	let get =
		["--json", "--suri-file", &path, "record", "get", "0", "--out", got.to_str().unwrap()];
	let output = medchain(&node, "", &get);
	let warning = String::from_utf8_lossy(&output.stderr).into_owned();
	assert!(warning.contains("others may read it (mode 644): chmod 600"), "{warning}");
	let fetched = json(&succeeded(&get, output));
	assert_eq!(fetched["size"], content.len());
	assert_eq!(std::fs::read(&got).unwrap(), content, "the author gets the document back");
	std::fs::set_permissions(key.path(), std::fs::Permissions::from_mode(0o600)).unwrap();
	// Without --out the document goes to standard output, as it is.
	let output = medchain(&node, "", &["--suri-file", &path, "record", "get", "0"]);
	assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
	assert_eq!(output.stdout, content);

	let proof = ok(&node, "", &["record", "verify", "0"]);
	assert!(proof.contains("record 0 is in the state of finalized block"), "{proof}");

	let log = ok_json(&node, "", &["audit", "log", "--patient", "//Charlie"]);
	let logged = actions(&log);
	assert!(logged.contains(&"Submitted".into()) && logged.contains(&"Approved".into()));
	assert!(ok(&node, "", &["audit", "verify"]).starts_with("access log verified"));

	// Refusals: one line naming the problem, an exit code per kind, nothing changed.
	let approve_twice = ["record", "approve", "0"];
	let refused = fails(&node, "//Charlie", 3, &approve_twice);
	assert!(refused.starts_with("error: Consent.UnknownSubmission: "), "{refused}");
	let refused = json(&fails(&node, "//Charlie", 3, &[&["--json"], &approve_twice[..]].concat()));
	assert_eq!(refused["error"]["kind"], "module");
	assert_eq!(refused["error"]["pallet"], "Consent");
	assert_eq!(refused["error"]["variant"], "UnknownSubmission");
	assert!(!refused["error"]["doc"].as_str().unwrap().is_empty());
	let not_doctor = fails(&node, "//Charlie", 1, &put);
	assert!(not_doctor.contains("not an active doctor"), "{not_doctor}");
	let not_doctor = json(&fails(&node, "//Charlie", 1, &[&["--json"], &put[..]].concat()));
	assert_eq!(
		(not_doctor["error"]["kind"].as_str(), not_doctor["error"]["code"].as_str()),
		(Some("vault"), Some("not_doctor"))
	);
	// Dave is no member: the vault refuses him without a transaction.
	let stranger = fails(&node, "//Dave", 1, &["record", "get", "0"]);
	assert!(stranger.contains("not a registered member"), "{stranger}");
	let stranger = json(&fails(&node, "//Dave", 1, &["--json", "record", "get", "0"]));
	assert_eq!(
		(stranger["error"]["kind"].as_str(), stranger["error"]["code"].as_str()),
		(Some("vault"), Some("not_registered"))
	);
	// A patient, he is refused by the chain, on the log.
	ok(&node, "//Dave", &["register", "patient"]);
	let denied = fails(&node, "//Dave", 4, &["record", "get", "0"]);
	assert!(denied.contains("access denied"), "{denied}");
	let denied = json(&fails(&node, "//Dave", 4, &["--json", "record", "get", "0"]));
	assert_eq!(denied["error"]["kind"], "access_denied");
	let missing = fails(
		&node,
		"//Bob",
		1,
		&[
			"--vault",
			&vault.url(),
			"record",
			"put",
			"/nonexistent.json",
			"--patient",
			"//Charlie",
			"--kind",
			"DocumentReference",
		],
	);
	assert!(missing.contains("cannot read /nonexistent.json"), "{missing}");
	let no_vault =
		fails(&node, "//Bob", 5, &[&["--vault", "http://127.0.0.1:1"], &put[4..]].concat());
	assert!(no_vault.contains("http://127.0.0.1:1"), "{no_vault}");

	// The patient has the content erased; afterwards the vault says when.
	let erased = ok_json(&node, "//Charlie", &["record", "erase", "0"]);
	assert_eq!(erased["record"], 0);
	let gone = fails(&node, "//Charlie", 1, &["record", "get", "0"]);
	assert!(gone.contains(&format!("erased at block {}", erased["block"])), "{gone}");
	let log = ok_json(&node, "", &["audit", "log", "--patient", "//Charlie"]);
	assert_eq!(actions(&log).last().map(String::as_str), Some("Erased"));
	let unsigned = fails(&node, "", 1, &["record", "approve", "0"]);
	assert!(unsigned.contains("--suri-file, $MEDCHAIN_SURI or --suri"), "{unsigned}");
	let secret = "bottom drive obey lake curtain smoke basket hold race lonely fit walkx";
	let bad_secret = fails(&node, secret, 1, &["withdraw"]);
	assert!(!bad_secret.contains("curtain"), "the secret is never printed: {bad_secret}");
	let bad_secret = fails(&node, "", 1, &["--suri", secret, "--json", "withdraw"]);
	assert!(!bad_secret.contains("curtain"), "the secret is never printed: {bad_secret}");
	assert!(ok_json(&node, "", &["record", "pending", "//Charlie"]).as_array().unwrap().is_empty());

	// Usage errors exit with 2, as JSON too; help carries examples.
	let usage = fails(&node, "", 2, &["--json", "bond", "ten"]);
	let usage = json(&usage);
	assert_eq!(usage["error"]["kind"], "usage");
	assert!(usage["error"]["message"].as_str().unwrap().contains("is not an amount of MED"));
	let usage = medchain(&node, "", &["bond", "ten"]);
	assert_eq!(usage.status.code(), Some(2));
	assert!(String::from_utf8_lossy(&usage.stderr).contains("is not an amount of MED"));
	let help = ok(&node, "", &["--help"]);
	assert!(help.contains("Examples") && help.contains("Exit codes"), "{help}");
	assert!(ok(&node, "", &["bond", "--help"]).contains("Example: medchain --suri-file"));

	let dead = medchain_at("ws://127.0.0.1:1", &[], &["delegates"]);
	let dead = failed(5, &["delegates"], dead);
	assert!(dead.contains("cannot connect to ws://127.0.0.1:1"), "{dead}");
	let dead = medchain_at("ws://127.0.0.1:1", &[], &["--json", "delegates"]);
	assert_eq!(json(&failed(5, &["delegates"], dead))["error"]["kind"], "unreachable");
}

/// Every call of every pallet has a command: the ones a hospital needs beside the clinical
/// pipeline, each with its success, its refusal, and what it leaves on chain.
#[test]
fn every_call_has_a_command() {
	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	let node = Node::dev("cli-calls");
	let bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

	// Balances: free, held and frozen, in MED.
	let balance = ok_json(&node, "", &["balance", "//Ferdie"]);
	assert_eq!(balance["free_med"], "1000000");
	assert_eq!(balance["held_med"], "0");
	assert!(ok(&node, "", &["balance", "//Ferdie"]).contains("free (MED)"));

	// Admins suspend and reinstate; a doctor may not.
	let refused = fails(&node, "//Bob", 3, &["member", "suspend", "//Charlie"]);
	assert!(refused.contains("the chain refused the call: Bad origin"), "{refused}");
	let suspended = ok_json(&node, "//Alice", &["member", "suspend", "//Bob"]);
	assert_eq!(suspended["events"][0], "Registry.MemberSuspended");
	assert_eq!(ok_json(&node, "", &["member", "//Bob"])["status"], "Suspended");
	let again = fails(&node, "//Alice", 3, &["member", "suspend", "//Bob"]);
	assert!(again.contains("Registry.AlreadySuspended"), "{again}");
	ok(&node, "//Alice", &["member", "reinstate", "//Bob"]);
	assert_eq!(ok_json(&node, "", &["member", "//Bob"])["status"], "Active");
	let not_suspended = fails(&node, "//Alice", 3, &["member", "reinstate", "//Bob"]);
	assert!(not_suspended.contains("Registry.NotSuspended"), "{not_suspended}");

	// A member rotates their own encryption key, by default to the one derived from their
	// secret, which `key` shows without a node; a stranger has none to rotate.
	let key = format!("0x{}", "ab".repeat(32));
	ok(&node, "//Charlie", &["member", "rotate-key", "--encryption-key", &key]);
	assert_eq!(ok_json(&node, "", &["member", "//Charlie"])["encryption_key"], key);
	let derived = json(&succeeded(
		&["key"],
		medchain_at("ws://127.0.0.1:1", &[("MEDCHAIN_SURI", "//Charlie")], &["--json", "key"]),
	));
	ok(&node, "//Charlie", &["member", "rotate-key"]);
	assert_eq!(
		ok_json(&node, "", &["member", "//Charlie"])["encryption_key"],
		derived["encryption_key"]
	);
	let stranger = fails(&node, "//Ferdie", 3, &["member", "rotate-key"]);
	assert!(stranger.contains("Registry.NotRegistered"), "{stranger}");

	// Admins register and retire vaults; anyone reads them.
	let hospital_b = "//Bob//vault";
	let registered =
		ok_json(&node, "//Alice", &["vault", "register", hospital_b, "http://10.0.0.2:8700"]);
	assert_eq!(registered["events"][0], "Registry.VaultRegistered");
	let shown = ok_json(&node, "", &["vault", "show", hospital_b]);
	assert_eq!(
		(shown["endpoint"]["value"].as_str(), shown["active"].as_bool()),
		(Some("http://10.0.0.2:8700"), Some(true))
	);
	let twice = fails(&node, "//Alice", 3, &["vault", "register", hospital_b, "http://x"]);
	assert!(twice.contains("Registry.VaultAlreadyRegistered"), "{twice}");
	let by_doctor = fails(&node, "//Bob", 3, &["vault", "retire", hospital_b]);
	assert!(by_doctor.contains("Council.NotMember"), "{by_doctor}");
	ok(&node, "//Alice", &["vault", "retire", hospital_b]);
	assert_eq!(ok_json(&node, "", &["vault", "show", hospital_b])["active"], false);
	let unknown = fails(&node, "", 1, &["vault", "show", "//Dave//vault"]);
	assert!(unknown.contains("not a registered vault"), "{unknown}");

	// A submission cannot be expired before its consent window ends.
	let vault = dev_vault(&node);
	let dir = tempfile::tempdir().unwrap();
	let note = dir.path().join("note.txt");
	std::fs::write(&note, "follow-up in two weeks").unwrap();
	let put = ["--vault", &vault.url(), "record", "put", note.to_str().unwrap()];
	let submit = [&put[..], &["--patient", "//Charlie", "--kind", "DocumentReference"]].concat();
	let submitted = ok_json(&node, "//Bob", &submit);
	let id = submitted["submission"].to_string();
	let early = fails(&node, "//Ferdie", 3, &["record", "expire", &id]);
	assert!(early.contains("Consent.NotExpired"), "{early}");
	let unknown = fails(&node, "//Ferdie", 3, &["record", "expire", "99"]);
	assert!(unknown.contains("Consent.UnknownSubmission"), "{unknown}");
	ok(&node, "//Charlie", &["record", "approve", &id]);

	// A patient blocks a doctor from their consent pool, and unblocks them.
	let blocked = ok_json(&node, "//Charlie", &["access", "block", "//Bob"]);
	assert_eq!(blocked["events"][0], "Consent.DoctorBlocked");
	let refused = fails(&node, "//Bob", 3, &submit);
	assert!(refused.contains("Consent.BlockedByPatient"), "{refused}");
	let twice = fails(&node, "//Charlie", 3, &["access", "block", "//Bob"]);
	assert!(twice.contains("Consent.AlreadyBlocked"), "{twice}");
	ok(&node, "//Charlie", &["access", "unblock", "//Bob"]);
	let not_blocked = fails(&node, "//Charlie", 3, &["access", "unblock", "//Bob"]);
	assert!(not_blocked.contains("Consent.NotBlocked"), "{not_blocked}");

	// Who may see a patient's records, on what basis; not logged.
	ok(&node, "//Charlie", &["access", "grant", "//Bob"]);
	let entries_before = ok_json(&node, "", &["audit", "log"]).as_array().unwrap().len();
	let basis = ok_json(&node, "//Charlie", &["access", "basis", "//Bob"]);
	assert_eq!(basis["viewer"], bob);
	assert_eq!(basis["basis"], "Grant");
	let none = ok(&node, "", &["access", "basis", "//Dave", "--patient", "//Charlie"]);
	assert!(none.contains("may not see"), "{none}");
	assert_eq!(ok_json(&node, "", &["audit", "log"]).as_array().unwrap().len(), entries_before);

	// A logged view of a whole history, and a logged refusal of one.
	let viewed = ok_json(&node, "//Bob", &["record", "view-history", "//Charlie"]);
	assert_eq!(viewed["total"], 1);
	assert_eq!(viewed["records"][0]["kind"]["value"], "DocumentReference");
	// A stranger cannot even ask (and so cannot flood Charlie's log); a registered member
	// who may not see it is refused, and the refusal is logged.
	let stranger = fails(&node, "//Dave", 3, &["record", "view-history", "//Charlie"]);
	assert!(stranger.contains("Records.NotRegistered"), "{stranger}");
	ok(&node, "//Dave", &["register", "patient"]);
	let refused = fails(&node, "//Dave", 4, &["record", "view-history", "//Charlie"]);
	assert!(refused.contains("access denied"), "{refused}");
	let log = ok_json(&node, "", &["audit", "log", "--patient", "//Charlie"]);
	let logged = actions(&log);
	assert!(logged.iter().any(|a| a.starts_with("Viewed")), "{logged:?}");
	assert_eq!(
		logged.last().map(String::as_str),
		Some("AccessDenied(PATRQT, NoAccess)"),
		"a patient asks for their own records' sake, and lacks any access: {logged:?}"
	);

	// Admins set how many delegates an election picks, within the runtime's bounds.
	let set = ok_json(&node, "//Alice", &["delegates", "set-desired", "2"]);
	assert_eq!(set["events"][0], "Dpos.DesiredDelegatesSet");
	let zero = fails(&node, "//Alice", 3, &["delegates", "set-desired", "0"]);
	assert!(zero.contains("Dpos.InvalidDesiredDelegates"), "{zero}");
	let patient = fails(&node, "//Charlie", 3, &["delegates", "set-desired", "3"]);
	assert!(patient.contains("Council.NotMember"), "{patient}");
	// On the dev chain Alice alone is the council, and nothing waits for votes.
	let members = ok_json(&node, "", &["council", "members"]);
	assert_eq!(members["members"], serde_json::json!([ALICE]));
	assert!(ok_json(&node, "", &["council", "motions"]).as_array().unwrap().is_empty());
}

/// Two commands of one signer at once both land: the second takes the next nonce.
#[test]
fn two_commands_of_one_signer_both_land() {
	let node = Node::dev("cli-nonce");
	let key = format!("0x{}", "cd".repeat(32));
	let run = |doctor: &'static str| {
		let (url, key) = (node.ws_url(), key.clone());
		std::thread::spawn(move || {
			let args = ["--json", "--wait", "in-block", "register", "doctor", doctor];
			let args = [&args[..], &["--licence", "GMC-1", "--encryption-key", &key]].concat();
			medchain_at(&url, &[("MEDCHAIN_SURI", "//Alice")], &args)
		})
	};
	let (first, second) = (run("//Dave"), run("//Eve"));
	let (first, second) = (first.join().unwrap(), second.join().unwrap());
	for (output, doctor) in [(first, "//Dave"), (second, "//Eve")] {
		let out = json(&succeeded(&["register", "doctor", doctor], output));
		assert_eq!(out["events"][0], "Registry.DoctorRegistered");
		assert_eq!(ok_json(&node, "", &["member", doctor])["role"], "Doctor");
	}
}

/// `--timeout` bounds every command: a node that never answers, and a chain whose finality has
/// stalled (one of the `local` chain's four delegates cannot finalize alone).
#[test]
fn a_stalled_wait_ends_at_the_timeout() {
	let silent = TcpListener::bind("127.0.0.1:0").unwrap();
	let url = format!("ws://{}", silent.local_addr().unwrap());
	let started = Instant::now();
	let output = medchain_at(&url, &[], &["--timeout", "3", "--json", "delegates"]);
	let error = json(&failed(6, &["delegates"], output));
	assert_eq!(error["error"]["kind"], "timed_out");
	assert!(error["error"]["message"].as_str().unwrap().contains("to answer"), "{error}");
	assert!(started.elapsed() < Duration::from_secs(30));
	drop(silent);

	let key = format!("{:064x}", 1);
	// Without peers a node authors only when forced to.
	let args = ["--chain", "local", "--alice", "--node-key", &key, "--force-authoring"];
	let node = Node::start("cli-stalled", &args);
	node.wait_until("best block 2", Duration::from_secs(60), |n| n.best_number() >= 2);
	let bond = ["--timeout", "10", "bond", "100"];
	let stalled = fails(&node, "//Ferdie", 6, &bond);
	assert!(stalled.contains("timed out after 10 s waiting for block"), "{stalled}");
	assert!(stalled.contains("to be final"), "{stalled}");
	// A call that waits only for a block is done.
	ok(&node, "//Eve", &["--wait", "in-block", "bond", "100"]);
	assert_eq!(node.finalized_number(), 0);
}

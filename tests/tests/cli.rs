//! The `medchain` command line against a development node: a record submitted, approved,
//! listed, viewed and proven, the access log verified, and bad input refused with one clear
//! line and a non-zero exit code.

use std::process::{Command, Output};

use medchain_e2e::{cli_binary, Node};
use serde_json::Value;

/// Runs `medchain --url <node> <args>`.
fn medchain(node: &Node, args: &[&str]) -> Output {
	let binary = cli_binary();
	assert!(
		binary.is_file(),
		"{} is missing: build it first (cargo build -p medchain-client)",
		binary.display()
	);
	Command::new(binary)
		.args(["--url", &node.ws_url()])
		.args(args)
		.env_remove("MEDCHAIN_SURI")
		.output()
		.expect("medchain runs")
}

/// Runs a command that must succeed and returns its standard output.
fn ok(node: &Node, args: &[&str]) -> String {
	let output = medchain(node, args);
	let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(output.status.success(), "medchain {args:?} failed: {stderr}{stdout}");
	stdout
}

/// Runs a command that must fail and returns its one-line error.
fn fails(node: &Node, args: &[&str]) -> String {
	let output = medchain(node, args);
	assert_eq!(output.status.code(), Some(1), "medchain {args:?} exits with 1");
	assert!(output.stdout.is_empty(), "a failure prints nothing on standard output");
	let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
	assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
	stderr
}

fn json(text: &str) -> Value {
	serde_json::from_str(text).unwrap_or_else(|e| panic!("{text} is JSON: {e}"))
}

#[test]
fn a_record_through_the_command_line() {
	let node = Node::dev("cli");

	let submitted = ok(
		&node,
		&[
			"--suri",
			"//Bob",
			"--wait",
			"in-block",
			"record",
			"submit",
			"--patient",
			"//Charlie",
			"--kind",
			"Observation",
			"--payload",
			"enc:hba1c-48",
		],
	);
	assert!(submitted.starts_with("submission 0 waits for"), "{submitted}");

	let pending = json(&ok(&node, &["--json", "record", "pending", "//Charlie"]));
	assert_eq!(pending[0]["id"], 0);
	assert_eq!(pending[0]["kind"], "Observation");

	let approved = json(&ok(&node, &["--suri", "//Charlie", "--json", "record", "approve", "0"]));
	assert_eq!(approved["record"], 0);
	let events: Vec<&str> =
		approved["events"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
	assert_eq!(events, ["Records.RecordAdded", "Consent.Approved"]);

	let history = ok(&node, &["--suri", "//Charlie", "record", "history"]);
	assert!(history.contains("Observation") && history.contains("1 of 1 records"), "{history}");

	let viewed = json(&ok(&node, &["--suri", "//Bob", "--json", "record", "view", "0"]));
	assert_eq!(viewed["payload"], "enc:hba1c-48");

	let proof = ok(&node, &["record", "verify", "0"]);
	assert!(proof.contains("record 0 is in the state of finalized block"), "{proof}");

	let log = json(&ok(&node, &["--json", "audit", "log", "--patient", "//Charlie"]));
	let actions: Vec<&str> =
		log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
	assert!(actions.contains(&"Submitted") && actions.contains(&"Approved"), "{actions:?}");
	assert!(ok(&node, &["audit", "verify"]).starts_with("access log verified"));

	// Refusals: one line naming the problem, exit code 1, nothing changed.
	let refused = fails(
		&node,
		&[
			"--suri",
			"//Charlie",
			"record",
			"submit",
			"--patient",
			"//Charlie",
			"--kind",
			"Note",
			"--payload",
			"x",
		],
	);
	assert!(refused.contains("Consent.NotActiveDoctor"), "{refused}");
	let denied = fails(&node, &["--suri", "//Dave", "record", "view", "0"]);
	assert!(denied.contains("access denied"), "{denied}");
	let unsigned = fails(&node, &["record", "approve", "0"]);
	assert!(unsigned.contains("--suri"), "{unsigned}");
	let secret = "bottom drive obey lake curtain smoke basket hold race lonely fit walkx";
	let bad_secret = fails(&node, &["--suri", secret, "withdraw"]);
	assert!(!bad_secret.contains("curtain"), "the secret is never printed: {bad_secret}");
	assert!(json(&ok(&node, &["--json", "record", "pending", "//Charlie"]))
		.as_array()
		.unwrap()
		.is_empty());

	// Usage errors exit with 2; help carries examples.
	let usage = medchain(&node, &["bond", "ten"]);
	assert_eq!(usage.status.code(), Some(2));
	assert!(String::from_utf8_lossy(&usage.stderr).contains("is not an amount of MED"));
	assert!(ok(&node, &["--help"]).contains("Examples"));
	assert!(ok(&node, &["bond", "--help"]).contains("Example: medchain --suri //Dave bond 5000"));
	for group in ["register", "candidate", "record", "access", "audit"] {
		assert!(ok(&node, &[group, "--help"]).contains("Examples:"), "{group} --help has examples");
	}

	let dead = Command::new(cli_binary())
		.args(["--url", "ws://127.0.0.1:1", "delegates"])
		.output()
		.unwrap();
	assert_eq!(dead.status.code(), Some(1));
	assert!(String::from_utf8_lossy(&dead.stderr).contains("cannot connect to ws://127.0.0.1:1"));
}

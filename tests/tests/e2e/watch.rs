//! `medchain watch`: a patient's new access-log entries as their blocks are finalized, an
//! emergency access first and marked, across a restart of the node.

use std::{
	io::{BufRead, BufReader},
	process::{Command, Stdio},
	sync::mpsc,
	thread,
	time::Duration,
};

use medchain_client::{keypair, parse_account, EmergencyReason, MedChain, PurposeOfUse, Wait};
use medchain_e2e::{cli_binary, dies_with_parent, Node};
use serde_json::Value;

/// Each line the process writes to `stream`, as it comes.
fn lines(stream: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
	let (send, receive) = mpsc::channel();
	thread::spawn(move || {
		for line in BufReader::new(stream).lines().map_while(Result::ok) {
			if send.send(line).is_err() {
				break;
			}
		}
	});
	receive
}

#[tokio::test(flavor = "multi_thread")]
async fn watch_reports_an_emergency_within_two_blocks_and_follows_a_restarted_node() {
	let mut node = Node::dev("watch");
	let mut watch = dies_with_parent(Command::new(cli_binary()))
		.args(["--json", "--url", &node.ws_url(), "watch", "--patient", "//Charlie"])
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("medchain watch starts");
	let out = lines(watch.stdout.take().unwrap());
	let err = lines(watch.stderr.take().unwrap());
	let started = err.recv_timeout(Duration::from_secs(60)).expect("watch says it started");
	assert!(started.starts_with("watching the access log for "), "{started}");

	let charlie = parse_account("//Charlie").unwrap();
	let bob = keypair("//Bob").unwrap();
	let chain = MedChain::connect(&node.ws_url()).await.unwrap().waiting_for(Wait::InBlock);
	let (_, outcome) =
		chain.emergency_access(&bob, charlie, EmergencyReason::Unconscious).await.unwrap();
	let line = out.recv_timeout(Duration::from_secs(60)).expect("watch reports the emergency");
	// Reported before the chain finalized two blocks past the one that holds it.
	let finalized = node.finalized_number();
	let entry: Value = serde_json::from_str(&line).unwrap();
	assert_eq!(entry["emergency"], true, "{line}");
	assert!(entry["action"].as_str().unwrap().starts_with("EmergencyAccess"), "{line}");
	assert_eq!(entry["block"].as_u64(), Some(outcome.block_number.into()), "{line}");
	assert!(finalized <= u64::from(outcome.block_number) + 2, "{finalized}: {line}");

	// The node restarts; the watch connects again and reports the next entry once.
	drop(chain);
	node.restart();
	let chain = MedChain::connect(&node.ws_url()).await.unwrap();
	chain.view_history(&bob, charlie, PurposeOfUse::EmergencyTreatment).await.unwrap();
	let line = out.recv_timeout(Duration::from_secs(90)).expect("watch reports after the restart");
	let entry: Value = serde_json::from_str(&line).unwrap();
	assert_eq!(entry["emergency"], false, "{line}");
	assert!(entry["action"].as_str().unwrap().starts_with("Viewed"), "{line}");
	assert!(out.recv_timeout(Duration::from_secs(6)).is_err(), "nothing is reported twice");
	let _ = watch.kill();
	let _ = watch.wait();
}

//! A hospital consortium on real node processes: the `local` chain's four genesis delegates
//! (Alice, Bob, Charlie, Dave), a full node and a spare validator node (Eve's), on loopback.
//!
//! Dave's node authors in its slots but never votes in GRANDPA (`--no-grandpa`).
//!
//! One network goes through the scenarios in turn, each bounded in time:
//! 1. only elected delegates author; Dave, who authors but withholds his GRANDPA votes, is
//!    kicked at a session's end while the delegates who vote stay; a candidate voted in takes
//!    the free seat at the session boundary, while every node agrees on the finalized chain;
//! 2. with one of four delegates down, blocks and finality go on; restarted, it catches up and
//!    a record approved before the crash verifies by proof on every node;
//! 3. with two of four down, the other two author but finality stalls, since GRANDPA needs
//!    more than two thirds of the authorities (three of four); one restarted, it resumes;
//! 4. the full node follows, answers queries and never authors;
//! 5. the whole network stopped and started again from the same base paths keeps the chain,
//!    the records and the access log, whose head verifies;
//! 6. a runtime upgrade: the next version's blob (one `spec_version` higher; a doctor may have
//!    five submissions waiting for a patient instead of four) is proposed with the `medchain`
//!    command line, three of the four hospitals approve, it is applied, and every node runs it
//!    and goes on authoring and finalizing.

use std::{collections::BTreeSet, time::Duration};

use medchain_client::{
	account_of, council::Motion, keypair, AccountId, AuditAction, BlockNumber, MedChain, NewRecord,
	Wait, MED,
};

use crate::cli::{medchain, succeeded};
use medchain_e2e::{assert_module_error, eventually, next_runtime_blob, Network, Part};
use tokio::time::sleep;

/// The delegates and nodes of the network, in start order.
const MEMBERS: [(&str, Part); 6] = [
	("alice", Part::GenesisDelegate),
	("bob", Part::GenesisDelegate),
	("charlie", Part::GenesisDelegate),
	("dave", Part::SilentDelegate),
	("full", Part::Full),
	("eve", Part::Validator),
];

fn account(name: &str) -> AccountId {
	account_of(&keypair(&format!("//{name}")).expect("a dev account"))
}

async fn connect(network: &mut Network, name: &str) -> MedChain {
	let url = network.node(name).ws_url();
	MedChain::connect(&url).await.expect("the client connects").waiting_for(Wait::InBlock)
}

/// A client of each node that finalizes with GRANDPA, in `MEMBERS` order: all but Dave's, which
/// finalizes only the blocks whose justifications it imports.
async fn connect_finalizing(network: &mut Network) -> Vec<(&'static str, MedChain)> {
	let mut clients = Vec::new();
	for (name, part) in MEMBERS {
		if part != Part::SilentDelegate {
			clients.push((name, connect(network, name).await));
		}
	}
	clients
}

async fn best(chain: &MedChain) -> BlockNumber {
	chain.best_block().await.expect("the node answers").0
}

async fn finalized(chain: &MedChain) -> BlockNumber {
	chain.finalized_block().await.expect("the node answers").0
}

/// The authors of blocks `from..=to`.
async fn authors(chain: &MedChain, from: BlockNumber, to: BlockNumber) -> Vec<AccountId> {
	let mut authors = Vec::new();
	for number in from..=to {
		authors.push(chain.block_author(number).await.expect("every block has an Aura author"));
	}
	authors
}

/// Every client's node has finalized `number` with the same hash.
async fn agree_on_finalized(clients: &[(&str, MedChain)], number: BlockNumber) {
	let mut hashes = BTreeSet::new();
	for (name, chain) in clients {
		eventually(
			&format!("{name} finalizes block {number}"),
			Duration::from_secs(120),
			async || (finalized(chain).await >= number).then_some(()),
		)
		.await;
		hashes.insert(chain.block_hash(number).await.expect("a finalized block has a hash"));
	}
	assert_eq!(hashes.len(), 1, "every node has the same block {number}: {hashes:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn consortium_network() {
	let mut network = Network::local(&MEMBERS);
	let mut clients = connect_finalizing(&mut network).await;
	let alice = clients[0].1.clone();
	let genesis_delegates: BTreeSet<AccountId> =
		["Alice", "Bob", "Charlie", "Dave"].into_iter().map(account).collect();

	// 1. Only the elected delegates author, each in its turn.
	eventually("block 8 is finalized", Duration::from_secs(180), async || {
		(finalized(&alice).await >= 8).then_some(())
	})
	.await;
	let early: BTreeSet<_> = authors(&alice, 1, 8).await.into_iter().collect();
	assert_eq!(early, genesis_delegates, "the four genesis delegates take turns");
	agree_on_finalized(&clients, 8).await;

	// Dave authored, but none of his GRANDPA votes ever counted while the others' did: at the
	// end of the session the chain kicks him, and him alone.
	let kicked = eventually("the chain kicks Dave", Duration::from_secs(180), async || {
		let entries = alice.audit_entries(0, 1_000).await.unwrap();
		let kicked: BTreeSet<AccountId> = entries
			.into_iter()
			.filter(|e| matches!(e.action, AuditAction::Kicked))
			.filter_map(|e| e.subject)
			.collect();
		(!kicked.is_empty()).then_some(kicked)
	})
	.await;
	assert_eq!(kicked, BTreeSet::from([account("Dave")]), "only the silent delegate is kicked");
	let standing: BTreeSet<_> =
		alice.candidates().await.unwrap().into_iter().map(|(who, _, _)| who).collect();
	assert_eq!(standing, ["Alice", "Bob", "Charlie"].into_iter().map(account).collect());

	// Eve's node holds her session keys; she bonds more than any genesis delegate's backing
	// (20,000 MED) and stands: she is elected to the seat Dave lost.
	let eve = keypair("//Eve").unwrap();
	let eve_node = clients[4].1.clone();
	let (keys, proof) = eve_node.rotate_keys(&account("Eve")).await.unwrap();
	eve_node.set_session_keys(&eve, &keys, proof).await.unwrap();
	eve_node.bond(&eve, 30_000 * MED).await.unwrap();
	eve_node.register_candidate(&eve).await.unwrap();
	let elected: BTreeSet<AccountId> =
		["Alice", "Bob", "Charlie", "Eve"].into_iter().map(account).collect();
	let switched = eventually("Eve becomes a delegate", Duration::from_secs(240), async || {
		let delegates: BTreeSet<_> = alice.delegates().await.unwrap().into_iter().collect();
		if delegates == elected {
			Some(best(&alice).await)
		} else {
			None
		}
	})
	.await;
	let until = switched + 12;
	eventually("twelve blocks under the new delegates", Duration::from_secs(180), async || {
		(finalized(&alice).await >= until).then_some(())
	})
	.await;
	let later = authors(&alice, switched + 1, until).await;
	assert!(later.contains(&account("Eve")), "the new delegate authors: {later:?}");
	assert!(!later.contains(&account("Dave")), "the kicked delegate authors nothing: {later:?}");
	assert!(later.iter().all(|a| elected.contains(a)), "only delegates author: {later:?}");
	agree_on_finalized(&clients, until).await;

	// 4. The full node follows and answers queries, and never authors.
	let full = clients[3].1.clone();
	assert!(network.node("full").log().contains("Role: FULL"), "the full node is no authority");
	let full_delegates: BTreeSet<_> = full.delegates().await.unwrap().into_iter().collect();
	assert_eq!(full_delegates, elected);
	assert!(!network.node("full").log().contains("Prepared block for proposing"));

	// 2. A record is approved and finalized; then Bob's node crashes.
	let bob = keypair("//Bob").unwrap(); // a registered doctor at genesis
	let charlie = keypair("//Charlie").unwrap(); // a registered patient at genesis
											  // Its content would be in Alice's hospital vault; the chain keeps where and a commitment.
	let record = NewRecord {
		kind: b"Observation".to_vec(),
		vault: account_of(&keypair("//Alice//vault").unwrap()),
		content: [3; 16],
		commitment: [4; 32],
		supersedes: None,
	};
	let (submission, _) = alice.submit_record(&bob, account("Charlie"), record).await.unwrap();
	let (record_id, approval) = alice.approve(&charlie, submission).await.unwrap();
	agree_on_finalized(&clients, approval.block_number).await;

	// The four hospitals are the council: a motion to admit an admin needs three ayes.
	let (motion, _) =
		alice.register_admin(&keypair("//Alice").unwrap(), account("Ferdie")).await.unwrap();
	let Motion::Proposed { hash, threshold, .. } = motion else {
		panic!("one aye of four admits nobody: {motion:?}")
	};
	assert_eq!(threshold, 3);
	for voter in ["//Alice", "//Bob"] {
		alice.council_vote(&keypair(voter).unwrap(), hash, true).await.unwrap();
	}
	assert!(alice.member(account("Ferdie")).await.unwrap().is_none(), "two ayes are not enough");
	assert_eq!(alice.motions().await.unwrap()[0].ayes.len(), 2);
	let executed = alice.council_vote(&charlie, hash, true).await.unwrap();
	assert!(executed.event_names.contains(&"Registry.AdminRegistered".to_owned()), "{executed:?}");
	assert!(alice.motions().await.unwrap().is_empty());

	network.node("bob").kill();
	let (best_at_kill, final_at_kill) = (best(&alice).await, finalized(&alice).await);
	eventually("blocks and finality go on without Bob", Duration::from_secs(90), async || {
		(best(&alice).await >= best_at_kill + 4 && finalized(&alice).await >= final_at_kill + 3)
			.then_some(())
	})
	.await;
	network.node("bob").restart();
	let bob_client = connect(&mut network, "bob").await;
	clients[1].1 = bob_client;
	let target = best(&alice).await;
	agree_on_finalized(&clients, target).await;
	for (name, chain) in &clients {
		let (proof, proven) = chain
			.prove_record(record_id)
			.await
			.unwrap_or_else(|e| panic!("record {record_id} verifies by proof on {name}: {e}"));
		assert_eq!((proven.locator.content, proven.commitment), ([3; 16], [4; 32]));
		assert!(proof.block_number >= approval.block_number);
	}

	// 3. Two of four down: GRANDPA needs more than 2/3 of the four authorities, i.e. three
	// votes; two cannot finalize, though they go on authoring in their slots.
	network.node("bob").kill();
	network.node("charlie").kill();
	sleep(Duration::from_secs(12)).await; // votes already cast may still finalize a block
	let (stalled_best, stalled_final) = (best(&alice).await, finalized(&alice).await);
	eventually("Alice and Eve go on authoring", Duration::from_secs(90), async || {
		(best(&alice).await >= stalled_best + 3).then_some(())
	})
	.await;
	assert_eq!(finalized(&alice).await, stalled_final, "two of four delegates cannot finalize");
	network.node("charlie").restart();
	let head = best(&alice).await;
	eventually("finality resumes with three of four", Duration::from_secs(120), async || {
		(finalized(&alice).await >= head).then_some(())
	})
	.await;
	network.node("bob").restart();
	clients[1].1 = connect(&mut network, "bob").await;
	clients[2].1 = connect(&mut network, "charlie").await;
	let head = best(&alice).await;
	agree_on_finalized(&clients, head).await;

	// 5. The whole network stops and starts again from the same base paths.
	let (entries_before, head_before) = alice.audit_head().await.unwrap();
	let stopped_at = finalized(&alice).await;
	for node in &mut network.nodes {
		assert!(node.stop(), "every node shuts down cleanly");
	}
	for node in &mut network.nodes {
		node.restart();
	}
	let clients = connect_finalizing(&mut network).await;
	let alice = clients[0].1.clone();
	assert!(finalized(&alice).await >= stopped_at, "the finalized chain is kept");
	agree_on_finalized(&clients, stopped_at + 3).await;
	let (entries_after, _) = alice.audit_head().await.unwrap();
	assert!(entries_after >= entries_before);
	let report = alice.verify_audit_log().await.unwrap();
	assert!(report.entries >= entries_before);
	let kept = alice.patient_entries(account("Charlie"), 0, 100).await.unwrap();
	assert!(kept.iter().any(|e| e.record == Some(record_id)), "the log still names the record");
	if entries_after == entries_before {
		assert_eq!(report.head, head_before);
	}
	for (name, chain) in &clients {
		let history = chain.history(account("Charlie"), 0, 10).await.unwrap();
		assert!(history.iter().any(|r| r.id == record_id), "{name} keeps the record");
		chain.prove_record(record_id).await.unwrap();
	}

	// 6. The council upgrades the runtime. Bob fills his share of Charlie's pool first: four
	// submissions wait, and a fifth is refused under the current version.
	let blob = next_runtime_blob();
	assert!(blob.is_file(), "{} is missing: build with scripts/test.sh", blob.display());
	let pending = |n: u8| NewRecord {
		kind: b"Observation".to_vec(),
		vault: account_of(&keypair("//Alice//vault").unwrap()),
		content: [n; 16],
		commitment: [n; 32],
		supersedes: None,
	};
	for n in 10..14 {
		alice.submit_record(&bob, account("Charlie"), pending(n)).await.unwrap();
	}
	assert_module_error(
		alice.submit_record(&bob, account("Charlie"), pending(14)).await,
		"Consent",
		"TooManyFromDoctor",
	);
	assert_eq!(alice.runtime().await.unwrap().spec_version, 100);
	let blob_arg = blob.to_str().expect("a UTF-8 path");
	let proposed = succeeded(
		&["council", "upgrade"],
		medchain(network.node("alice"), "//Alice", &["council", "upgrade", blob_arg]),
	);
	assert!(proposed.contains("once 3 council members vote aye"), "{proposed}");
	let [open] = &alice.motions().await.unwrap()[..] else { panic!("one motion is open") };
	let hash = format!("{:?}", open.hash);
	// The proposer votes too: a motion counts only the ayes cast.
	let mut events = String::new();
	for voter in ["//Alice", "//Bob", "//Charlie"] {
		let args = ["--json", "council", "vote", &hash];
		events = succeeded(&args, medchain(network.node("alice"), voter, &args));
	}
	assert!(events.contains("Governance.UpgradeAuthorized"), "the third aye carries it: {events}");
	assert!(alice.motions().await.unwrap().is_empty(), "the motion is closed");
	let applied =
		succeeded(&["upgrade"], medchain(network.node("eve"), "//Eve", &["upgrade", blob_arg]));
	assert!(applied.contains("medchain version 101"), "{applied}");
	let upgraded_at = best(&alice).await;
	for (name, chain) in &clients {
		eventually(&format!("{name} runs version 101"), Duration::from_secs(60), async || {
			(chain.runtime().await.ok()?.spec_version == 101).then_some(())
		})
		.await;
	}
	let runtime =
		succeeded(&["runtime"], medchain(network.node("full"), "", &["--json", "runtime"]));
	let runtime: serde_json::Value = serde_json::from_str(&runtime).expect("JSON");
	assert_eq!(
		(runtime["spec_name"].as_str(), runtime["spec_version"].as_u64()),
		(Some("medchain"), Some(101))
	);
	agree_on_finalized(&clients, upgraded_at + 4).await;
	// The visible change: the fifth submission is taken now.
	alice.submit_record(&bob, account("Charlie"), pending(14)).await.unwrap();
	assert_eq!(alice.pending(account("Charlie")).await.unwrap().len(), 5);
}

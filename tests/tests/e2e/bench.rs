//! `medchain-bench` as `scripts/bench.sh` runs it, on a small count: it starts its own node,
//! sets up the population, gets every extrinsic of each kind into final blocks and reports
//! them, as a table, JSON and a chart.

use std::process::Command;

use medchain_e2e::{bench_binary, dies_with_parent, node_binary};
use serde_json::Value;

const KINDS: [&str; 4] = ["transfer", "submit", "approve", "view"];

#[test]
fn the_bench_reports_every_extrinsic_of_each_kind_it_submitted() {
	let out = tempfile::tempdir().unwrap();
	let count: u64 = 48;
	let output = dies_with_parent(Command::new(bench_binary()))
		.args(["--node", node_binary().to_str().unwrap()])
		.args(["--count", &count.to_string(), "--doctors", "2", "--concurrency", "16"])
		.args(["--timeout", "240", "--out", out.path().to_str().unwrap()])
		.output()
		.expect("medchain-bench runs");
	let stdout = String::from_utf8_lossy(&output.stdout);
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(output.status.success(), "medchain-bench failed:\n{stdout}\n{stderr}");
	// Two doctors fill at most 8 places of a pool (4 each): 48 submissions need 6 patients.
	assert!(stdout.contains("2 doctors, 6 patients"), "{stdout}");
	for kind in KINDS {
		let row = format!("{kind} ");
		let all_in = format!("{count} of {count} ");
		let mut rows = stdout.lines().filter(|line| line.trim_start().starts_with(&row));
		assert!(rows.any(|line| line.contains(&all_in)), "{kind}: {stdout}");
	}
	assert!(stdout.contains("clinical / transfers = "), "{stdout}");

	let report: Value =
		serde_json::from_slice(&std::fs::read(out.path().join("bench.json")).unwrap()).unwrap();
	let blocks = report["blocks"].as_array().unwrap();
	for (index, kind) in KINDS.iter().enumerate() {
		let figures = report["kinds"].as_array().unwrap()[index].clone();
		assert_eq!(figures["kind"], *kind);
		assert_eq!(figures["included"].as_u64(), Some(count), "{kind}: {figures}");
		assert_eq!(figures["failed"].as_u64(), Some(0), "{kind}: {figures}");
		assert!(figures["per_second"].as_f64().unwrap() > 0.0, "{kind}: {figures}");
		let [p50, p95] = [0, 1].map(|i| figures["in_block_ms"][i].as_f64().unwrap());
		let final_p95 = figures["finalized_ms"][1].as_f64().unwrap();
		assert!(0.0 < p50 && p50 <= p95 && p95 <= final_p95, "{kind}: {figures}");
		// The blocks hold each kind's extrinsics, as many as were submitted.
		let in_blocks: u64 = blocks.iter().map(|b| b["counts"][index].as_u64().unwrap()).sum();
		assert_eq!(in_blocks, count, "{kind}");
		// The bench started the node, so it knows why its author ended each block.
		assert!(figures["ended_by"].as_object().is_some_and(|e| !e.is_empty()), "{figures}");
	}
	assert!(report["clinical_to_transfers"].as_f64().unwrap() > 0.0, "{report}");
	let svg = std::fs::read_to_string(out.path().join("bench.svg")).unwrap();
	for kind in KINDS {
		assert!(svg.lines().any(|line| line.trim() == kind), "no legend for {kind}");
	}
}

#[test]
fn the_bench_refuses_a_node_on_another_machine() {
	let output = dies_with_parent(Command::new(bench_binary()))
		.args(["--url", "ws://192.0.2.10:9944"])
		.output()
		.expect("medchain-bench runs");
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success());
	assert!(stderr.contains("ws://192.0.2.10:9944 is not on this machine"), "{stderr}");
}

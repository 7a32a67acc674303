//! Bad input to the node ends it with one line that names the problem, never a panic.

use std::net::TcpListener;

use medchain_e2e::{free_port, run_node_to_exit};

/// The node's one error line, after checking that it failed without panicking. (The log lines
/// of its start-up may be flushed around it.)
fn failure_line(output: &std::process::Output) -> String {
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success(), "the node should fail; it printed:\n{stderr}");
	assert!(!stderr.contains("panicked"), "the node panicked:\n{stderr}");
	let errors: Vec<_> = stderr.lines().filter(|l| l.starts_with("Error:")).collect();
	assert_eq!(errors.len(), 1, "one error line is printed:\n{stderr}");
	errors[0].to_string()
}

#[test]
fn unknown_chain_name_is_named() {
	let output = run_node_to_exit(&["--chain", "no-such-chain", "--tmp"]);
	let line = failure_line(&output);
	assert!(line.starts_with("Error:"), "{line}");
	assert!(line.contains("unknown chain 'no-such-chain'"), "{line}");
	assert!(line.contains("dev, local"), "the error lists the known chains: {line}");
}

#[test]
fn rpc_port_in_use_is_named() {
	let taken = TcpListener::bind(("127.0.0.1", 0)).expect("a loopback port can be taken");
	let port = taken.local_addr().expect("a bound listener has an address").port();
	let output = run_node_to_exit(&[
		"--dev",
		"--tmp",
		"--rpc-port",
		&port.to_string(),
		"--port",
		&free_port().to_string(),
		"--no-prometheus",
		"--no-telemetry",
	]);
	let line = failure_line(&output);
	assert!(line.starts_with("Error:"), "{line}");
	assert!(line.contains(&port.to_string()), "the error names the port: {line}");
	assert!(line.contains(&format!("RPC port {port}")), "{line}");
	assert!(line.contains("already in use"), "the error says the port is in use: {line}");
}

#[test]
fn export_chain_spec_carries_token_properties() {
	let output = run_node_to_exit(&["export-chain-spec", "--chain", "local"]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let spec: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("the chain spec is JSON");
	assert_eq!(spec["id"], "medchain_local");
	assert_eq!(spec["properties"]["tokenSymbol"], "MED");
	assert_eq!(spec["properties"]["tokenDecimals"], 12);
	assert_eq!(spec["properties"]["ss58Format"], 42);
}

#[test]
fn p2p_port_in_use_is_named() {
	let taken = TcpListener::bind(("0.0.0.0", 0)).expect("a port can be taken");
	let port = taken.local_addr().expect("a bound listener has an address").port();
	let output = run_node_to_exit(&[
		"--dev",
		"--tmp",
		"--port",
		&port.to_string(),
		"--rpc-port",
		&free_port().to_string(),
		"--no-prometheus",
		"--no-telemetry",
	]);
	let line = failure_line(&output);
	assert!(line.contains(&format!("peer-to-peer port {port}")), "{line}");
	assert!(line.contains("already in use"), "{line}");
}

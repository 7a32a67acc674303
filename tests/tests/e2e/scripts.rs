//! `scripts/start.sh` as a user runs it: it prints the endpoints it was given, keeps the node's
//! log in a file as well as on the terminal, serves a working chain and its vault, and stops
//! both on Ctrl-C.

use std::{
	os::unix::process::CommandExt,
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use medchain_e2e::{
	dies_with_parent, free_port, node_binary, repository, rpc, wait_for, STARTUP_TIMEOUT,
};
use nix::{
	sys::signal::{killpg, Signal},
	unistd::Pid,
};
use serde_json::json;

/// The script's process group, interrupted (as Ctrl-C would) when dropped.
struct Script(Child);

impl Script {
	fn interrupt(&mut self) {
		let group = Pid::from_raw(i32::try_from(self.0.id()).expect("process ids fit in an i32"));
		let _ = killpg(group, Signal::SIGINT);
	}
}

impl Drop for Script {
	fn drop(&mut self) {
		self.interrupt();
		let deadline = Instant::now() + Duration::from_secs(20);
		while Instant::now() < deadline && matches!(self.0.try_wait(), Ok(None)) {
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = self.0.kill();
	}
}

#[test]
fn start_script_prints_its_endpoint_and_keeps_a_log() {
	let home = tempfile::tempdir().unwrap();
	let printed = home.path().join("terminal.txt");
	let (rpc_port, p2p_port, vault_port) = (free_port(), free_port(), free_port());
	let mut command = dies_with_parent(Command::new(repository().join("scripts/start.sh")));
	command
		.args(["--tmp", &format!("--rpc-port={rpc_port}"), "--port", &p2p_port.to_string()])
		.args(["--vault-port", &vault_port.to_string()])
		.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
		.env("MEDCHAIN_NODE", node_binary())
		.env("XDG_DATA_HOME", home.path())
		.stdin(Stdio::null())
		.stdout(std::fs::File::create(&printed).unwrap())
		.stderr(Stdio::null())
		.process_group(0);
	let mut script = Script(command.spawn().expect("scripts/start.sh runs"));

	let terminal = || std::fs::read_to_string(&printed).unwrap_or_default();
	let log = home.path().join("medchain/logs/dev-node.log");
	let node_log = || std::fs::read_to_string(&log).unwrap_or_default();
	wait_for("the node's RPC server", STARTUP_TIMEOUT, || node_log().contains("Running JSON-RPC"));
	let shown = terminal();
	assert!(
		shown.contains(&format!("RPC endpoint:     ws://127.0.0.1:{rpc_port}\n")),
		"the endpoint follows --rpc-port=N:\n{shown}"
	);
	assert!(shown.contains(&format!("node log:         {}", log.display())), "{shown}");
	assert!(shown.contains("chain data:       temporary"), "{shown}");
	assert!(shown.contains("using the node binary"), "$MEDCHAIN_NODE skips the build: {shown}");
	let vault = format!("http://127.0.0.1:{vault_port}");
	assert!(
		shown.contains(&format!("vault:            {vault} (account //Alice//vault")),
		"{shown}"
	);
	let vault_dir = shown
		.lines()
		.find_map(|l| l.strip_prefix("vault documents:  temporary ("))
		.and_then(|rest| rest.split(',').next())
		.map(std::path::PathBuf::from)
		.unwrap_or_else(|| panic!("the vault's temporary directory is shown: {shown}"));
	let health = || ureq::get(&format!("{vault}/v1/health")).call().ok();
	wait_for("the vault answers", Duration::from_secs(60), || health().is_some());
	assert!(vault_dir.join("master.key").is_file(), "the vault keeps its key in {vault_dir:?}");
	// The same lines reach the terminal and the file.
	assert!(shown.contains("Running JSON-RPC server"), "{shown}");

	assert_eq!(rpc(rpc_port, "system_chain", json!([])), Ok(json!("MedChain Development")));
	wait_for("a finalized block", Duration::from_secs(60), || {
		let hash = rpc(rpc_port, "chain_getFinalizedHead", json!([])).unwrap_or_default();
		let header = rpc(rpc_port, "chain_getHeader", json!([hash])).unwrap_or_default();
		header["number"].as_str().is_some_and(|n| n != "0x0")
	});

	script.interrupt();
	wait_for("the script's end after Ctrl-C", Duration::from_secs(20), || {
		matches!(script.0.try_wait(), Ok(Some(_)))
	});
	assert!(rpc(rpc_port, "system_chain", json!([])).is_err(), "the node stopped with the script");
	assert!(health().is_none(), "the vault stopped with the script");
	assert!(!vault_dir.exists(), "the temporary vault directory is removed");
	assert!(node_log().contains("Running JSON-RPC server"), "the log outlives the node");
}

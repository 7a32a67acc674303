//! The end-to-end test harness: real `medchain-node` and `medchain-vault` processes on
//! loopback.
//!
//! A [`Node`] is a child process with its own free ports and base path. It is ready when its
//! log says that the JSON-RPC server runs. It is stopped when dropped, and killed by the kernel
//! if the test process dies first (a parent-death signal). A test that fails prints the log of
//! every node it started and keeps the node's directory, log included, for a look afterwards.
//! [`Node::rpc`] makes JSON-RPC calls over HTTP, which is enough to watch blocks being authored
//! and finalized. Every node of a test run shares one wasmtime cache beside the node binary, so
//! the runtime is compiled once rather than at every start. A [`Vault`] runs next to a node on
//! its own port and data directory, ready when it answers its health check.

use std::{
	collections::BTreeSet,
	net::TcpListener,
	os::unix::process::CommandExt,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	sync::Mutex,
	thread,
	time::{Duration, Instant},
};

use nix::{
	sys::signal::{kill, Signal},
	unistd::Pid,
};
use serde_json::{json, Value};
use tempfile::TempDir;

/// How long a node may take to open its RPC server (a debug build compiles the runtime first).
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(180);

/// The `medchain-node` binary: `$MEDCHAIN_NODE`, or the one built beside this test.
pub fn node_binary() -> PathBuf {
	built_binary("MEDCHAIN_NODE", "medchain-node")
}

/// The `medchain` command line: `$MEDCHAIN_CLI`, or the one built beside this test.
pub fn cli_binary() -> PathBuf {
	built_binary("MEDCHAIN_CLI", "medchain")
}

/// The `medchain-vault` binary: `$MEDCHAIN_VAULT_BIN`, or the one built beside this test.
pub fn vault_binary() -> PathBuf {
	built_binary("MEDCHAIN_VAULT_BIN", "medchain-vault")
}

/// The `medchain-bench` throughput benchmark: `$MEDCHAIN_BENCH`, or the one built beside this
/// test.
pub fn bench_binary() -> PathBuf {
	built_binary("MEDCHAIN_BENCH", "medchain-bench")
}

/// The Python of the virtual environment `scripts/setup.sh` installs fhir.resources into:
/// `$MEDCHAIN_FHIR_VENV/bin/python`, by default under `~/.cache/medchain/fhir-venv`.
pub fn fhir_python() -> PathBuf {
	let venv = std::env::var_os("MEDCHAIN_FHIR_VENV").map_or_else(
		|| {
			PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
				.join(".cache/medchain/fhir-venv")
		},
		PathBuf::from,
	);
	venv.join("bin/python")
}

/// The binary `$variable` names, or else `name` in the target directory this test was built in.
fn built_binary(variable: &str, name: &str) -> PathBuf {
	if let Some(path) = std::env::var_os(variable) {
		return PathBuf::from(path);
	}
	// Test binaries live in `<target>/<profile>/deps/`; the workspace's binaries in
	// `<target>/<profile>/`.
	let exe = std::env::current_exe().expect("the test knows its own path");
	let profile_dir = exe
		.parent()
		.and_then(Path::parent)
		.expect("a test binary lives two levels below the target directory");
	profile_dir.join(name)
}

/// The blob of the runtime's next version (the runtime's `next-version-blob` feature builds
/// it beside the node's own runtime): `$MEDCHAIN_NEXT_RUNTIME`, or the one in the wasm build
/// directory next to the node binary, compressed when the build compressed it.
pub fn next_runtime_blob() -> PathBuf {
	if let Some(path) = std::env::var_os("MEDCHAIN_NEXT_RUNTIME") {
		return PathBuf::from(path);
	}
	let node = node_binary();
	let dir =
		node.parent().expect("the node binary is in a directory").join("wbuild/medchain-runtime");
	let compressed = dir.join("next_version_wasm.compact.compressed.wasm");
	if compressed.is_file() {
		compressed
	} else {
		dir.join("next_version_wasm.wasm")
	}
}

/// A free TCP port on loopback, held by a listener until [`Port::release`] hands it to the
/// process that binds it; no other caller in this test process is given it again.
pub struct Port {
	number: u16,
	held: Option<TcpListener>,
}

impl Port {
	/// Reserves a port that nothing listens on and that this process has not handed out (tests
	/// run in parallel, and the system may hand a released port out again).
	pub fn reserve() -> Port {
		static GIVEN: Mutex<BTreeSet<u16>> = Mutex::new(BTreeSet::new());
		loop {
			let listener =
				TcpListener::bind("127.0.0.1:0").expect("the system hands out a free port");
			let number = listener.local_addr().expect("a bound listener has an address").port();
			if GIVEN.lock().unwrap_or_else(|e| e.into_inner()).insert(number) {
				return Port { number, held: Some(listener) };
			}
		}
	}

	/// The port's number.
	pub fn number(&self) -> u16 {
		self.number
	}

	/// Stops holding the port, right before a child binds it.
	pub fn release(&mut self) {
		self.held = None;
	}
}

/// The number of a port reserved for this test process and released at once, for a program
/// that is started straight after.
pub fn free_port() -> u16 {
	Port::reserve().number
}

/// The directory every node of the test run caches the compiled runtime in: beside the
/// node binary, so that it outlives the run.
fn wasm_cache() -> PathBuf {
	node_binary().parent().map_or_else(std::env::temp_dir, Path::to_owned).join("wasm-cache")
}

/// `command` with the parent-death signal set: the child gets SIGKILL when the thread that
/// started it ends, so that no node outlives a test process that crashed or was killed.
pub fn dies_with_parent(mut command: Command) -> Command {
	// SAFETY: `prctl` is async-signal-safe and touches no memory of the parent.
	unsafe {
		command.pre_exec(|| {
			nix::sys::prctl::set_pdeathsig(Signal::SIGKILL).map_err(std::io::Error::from)
		});
	}
	command
}

/// Runs `medchain-node` with `args` to its end and returns what it printed; for commands that
/// exit by themselves, such as `export-chain-spec` or a start that must fail.
pub fn run_node_to_exit(args: &[&str]) -> std::process::Output {
	dies_with_parent(Command::new(node_binary()))
		.args(args)
		.stdin(Stdio::null())
		.output()
		.expect("the node runs")
}

/// Calls a JSON-RPC method over HTTP on the loopback `port` and returns its `result`, or what
/// went wrong: no answer, an answer that is not JSON, or the node's RPC error.
pub fn rpc(port: u16, method: &str, params: Value) -> Result<Value, String> {
	let body = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params});
	let agent: ureq::Agent =
		ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(30))).build().into();
	let response: Value = agent
		.post(&format!("http://127.0.0.1:{port}"))
		.send_json(&body)
		.map_err(|e| format!("no answer over HTTP: {e}"))?
		.body_mut()
		.read_json()
		.map_err(|e| format!("the answer is not JSON: {e}"))?;
	match response.get("error") {
		Some(error) => Err(format!("RPC error {error}")),
		None => Ok(response["result"].clone()),
	}
}

/// The repository's root directory.
pub fn repository() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR"))
		.parent()
		.expect("the tests crate lives in the repository")
		.to_owned()
}

/// Fails unless `result` is the chain's error `pallet.variant`, with its documentation.
pub fn assert_module_error<T: std::fmt::Debug>(
	result: Result<T, medchain_client::Error>,
	pallet: &str,
	variant: &str,
) {
	match result {
		Err(medchain_client::Error::Module { pallet: p, variant: v, doc }) => {
			assert_eq!((p.as_str(), v.as_str()), (pallet, variant));
			assert!(!doc.is_empty(), "{pallet}.{variant} carries its documentation");
		},
		other => panic!("expected {pallet}.{variant}, got {other:?}"),
	}
}

/// Polls `check` every quarter of a second until it holds; fails the test with `what` after
/// `timeout`.
pub fn wait_for(what: &str, timeout: Duration, mut check: impl FnMut() -> bool) {
	let deadline = Instant::now() + timeout;
	while !check() {
		assert!(Instant::now() < deadline, "{what}: not reached in {timeout:?}");
		thread::sleep(Duration::from_millis(250));
	}
}

/// Polls `check` every second until it returns a value; fails with `what` after `timeout`.
pub async fn eventually<T>(
	what: &str,
	timeout: Duration,
	mut check: impl AsyncFnMut() -> Option<T>,
) -> T {
	let deadline = Instant::now() + timeout;
	loop {
		if let Some(value) = check().await {
			return value;
		}
		assert!(Instant::now() < deadline, "{what}: not within {timeout:?}");
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

/// A running `medchain-node`, stopped when dropped. It keeps its ports and base path across
/// [`Node::restart`]s.
pub struct Node {
	name: String,
	args: Vec<String>,
	child: Option<Child>,
	log: PathBuf,
	/// Where the current run's output starts in the log.
	run_start: usize,
	/// The node's JSON-RPC port (HTTP and WebSocket).
	pub rpc_port: u16,
	/// The node's peer-to-peer port.
	pub p2p_port: u16,
	/// The ports, held until the node's first start.
	ports: Vec<Port>,
	/// The node's directory: its base path and log; kept when a test fails.
	dir: Option<TempDir>,
}

impl Node {
	/// Starts a node with `args` besides its own ports and data directory, and waits until its
	/// RPC server runs.
	pub fn start(name: &str, args: &[&str]) -> Node {
		let mut node = Node::launch(name, args, Port::reserve());
		node.wait_ready();
		node
	}

	/// Starts a node with `args`, its own ports (peer-to-peer on `p2p_port`) and data
	/// directory, without waiting for it; [`Node::wait_ready`] waits.
	pub fn launch(name: &str, args: &[&str], p2p_port: Port) -> Node {
		let dir = tempfile::Builder::new()
			.prefix(&format!("medchain-e2e-{name}-"))
			.tempdir()
			.expect("a temporary directory can be created");
		let rpc_port = Port::reserve();
		let mut node = Node {
			name: name.into(),
			args: args.iter().map(|a| a.to_string()).collect(),
			child: None,
			log: dir.path().join("node.log"),
			run_start: 0,
			rpc_port: rpc_port.number(),
			p2p_port: p2p_port.number(),
			ports: vec![rpc_port, p2p_port],
			dir: Some(dir),
		};
		node.run();
		node
	}

	/// Runs the node's process, appending to its log.
	fn run(&mut self) {
		self.run_start = self.log().len();
		let base_path = self.log.with_file_name("data");
		for port in &mut self.ports {
			port.release();
		}
		let mut command = Command::new(node_binary());
		command
			.args(&self.args)
			.arg("--base-path")
			.arg(base_path)
			.args(["--rpc-port", &self.rpc_port.to_string(), "--port", &self.p2p_port.to_string()])
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
			.arg("--wasm-cache")
			.arg(wasm_cache());
		self.child = Some(spawn_logged(command, &self.log));
	}

	/// Waits until the node's RPC server runs.
	pub fn wait_ready(&mut self) {
		self.wait_for_log("Running JSON-RPC server", STARTUP_TIMEOUT);
	}

	/// Stops the node (SIGTERM) and starts it again on the same base path and ports; waits
	/// until its RPC server runs.
	pub fn restart(&mut self) {
		self.stop();
		self.run();
		self.wait_ready();
	}

	/// Kills the node at once (SIGKILL), as a crash or a power cut would.
	pub fn kill(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// Whether the node's process runs.
	pub fn is_running(&mut self) -> bool {
		self.child.as_mut().is_some_and(|c| matches!(c.try_wait(), Ok(None)))
	}

	/// Starts a single-node development chain (`--dev`) on its own temporary data.
	pub fn dev(name: &str) -> Node {
		Node::start(name, &["--dev"])
	}

	/// The node's WebSocket RPC address.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The node's log file.
	pub fn log_path(&self) -> &Path {
		&self.log
	}

	/// What the node has logged so far.
	pub fn log(&self) -> String {
		std::fs::read_to_string(&self.log).unwrap_or_default()
	}

	/// What the node has logged since it was last started.
	pub fn log_of_this_run(&self) -> String {
		self.log().get(self.run_start..).unwrap_or_default().to_owned()
	}

	/// Waits until the log of this run contains `needle`; fails the test (with the log) after
	/// `timeout` or when the node exits first.
	pub fn wait_for_log(&mut self, needle: &str, timeout: Duration) {
		let deadline = Instant::now() + timeout;
		loop {
			if self.log_of_this_run().contains(needle) {
				return;
			}
			if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
				panic!("node {} exited with {status} before logging {needle:?}", self.name);
			}
			assert!(
				Instant::now() < deadline,
				"node {} did not log {needle:?} within {timeout:?}",
				self.name
			);
			thread::sleep(Duration::from_millis(200));
		}
	}

	/// Calls a JSON-RPC method over HTTP and returns its `result`; fails on an RPC error.
	pub fn rpc(&self, method: &str, params: Value) -> Value {
		rpc(self.rpc_port, method, params)
			.unwrap_or_else(|e| panic!("node {}: {method} failed: {e}", self.name))
	}

	/// Every storage key and value (hex, `0x`-prefixed) of the state at block `at`, read page by
	/// page.
	pub fn storage(&self, at: &Value) -> Vec<(String, String)> {
		const PAGE: usize = 500;
		let (mut start, mut pairs) = (Value::Null, Vec::new());
		loop {
			let keys = self.rpc("state_getKeysPaged", json!(["0x", PAGE, start, at]));
			let keys = keys.as_array().expect("a page of keys").clone();
			for key in &keys {
				let value = self.rpc("state_getStorage", json!([key, at]));
				let (key, value) = (key.as_str(), value.as_str());
				pairs.push((key.expect("a key").to_owned(), value.expect("a value").to_owned()));
			}
			match keys.last() {
				Some(last) if keys.len() == PAGE => start = last.clone(),
				_ => return pairs,
			}
		}
	}

	/// The number of the node's best block.
	pub fn best_number(&self) -> u64 {
		header_number(&self.rpc("chain_getHeader", json!([])))
	}

	/// The number of the node's last finalized block.
	pub fn finalized_number(&self) -> u64 {
		let hash = self.rpc("chain_getFinalizedHead", json!([]));
		header_number(&self.rpc("chain_getHeader", json!([hash])))
	}

	/// Polls `check` until it holds; fails the test after `timeout`.
	pub fn wait_until(&self, what: &str, timeout: Duration, mut check: impl FnMut(&Node) -> bool) {
		wait_for(&format!("node {}: {what}", self.name), timeout, || check(self));
	}

	/// Stops the node: SIGTERM, then SIGKILL if it has not exited within ten seconds. Returns
	/// whether it exited on its own after SIGTERM.
	pub fn stop(&mut self) -> bool {
		self.child.take().is_none_or(terminate)
	}
}

/// Starts `command`'s program with no input, its output appended to the file `log`, and the
/// parent-death signal set.
fn spawn_logged(command: Command, log: &Path) -> Child {
	let program = PathBuf::from(command.get_program());
	assert!(program.is_file(), "{} is missing: build the workspace first", program.display());
	let log = std::fs::OpenOptions::new()
		.create(true)
		.append(true)
		.open(log)
		.unwrap_or_else(|e| panic!("the log {} can be opened: {e}", log.display()));
	dies_with_parent(command)
		.stdin(Stdio::null())
		.stdout(log.try_clone().expect("the log file handle can be cloned"))
		.stderr(log)
		.spawn()
		.unwrap_or_else(|e| panic!("{} starts: {e}", program.display()))
}

/// Stops a child process: SIGTERM, then SIGKILL if it has not exited within ten seconds.
/// Returns whether it exited on its own after SIGTERM.
fn terminate(mut child: Child) -> bool {
	let pid = Pid::from_raw(i32::try_from(child.id()).expect("process ids fit in an i32"));
	let _ = kill(pid, Signal::SIGTERM);
	let deadline = Instant::now() + Duration::from_secs(10);
	while Instant::now() < deadline {
		if let Ok(Some(_)) = child.try_wait() {
			return true;
		}
		thread::sleep(Duration::from_millis(100));
	}
	let _ = child.kill();
	let _ = child.wait();
	false
}

impl Drop for Node {
	fn drop(&mut self) {
		self.stop();
		if thread::panicking() {
			let kept = self.dir.take().map(TempDir::keep);
			eprintln!(
				"===== log of node {} (kept in {}) =====\n{}\n===== end of log =====",
				self.name,
				kept.as_deref().unwrap_or(Path::new("-")).display(),
				self.log()
			);
		}
	}
}

fn header_number(header: &Value) -> u64 {
	let hex = header["number"].as_str().expect("a header has a number");
	u64::from_str_radix(hex.trim_start_matches("0x"), 16).expect("block numbers are hex")
}

/// The peer id of the network key `0x…01`, the key of a network's first node.
pub const FIRST_NODE_PEER: &str = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

/// The part a node of a [`Network`] plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
	/// A delegate of the `local` chain's genesis, started with its development session keys
	/// (`--alice`, `--bob`, `--charlie`, `--dave`).
	GenesisDelegate,
	/// A genesis delegate whose node authors in its slots but casts no GRANDPA vote
	/// (`--no-grandpa`).
	SilentDelegate,
	/// A validator node without keys: it authors once an account sets keys it generated and
	/// is elected.
	Validator,
	/// A full node: it follows the chain and never authors.
	Full,
}

/// Several nodes of the `local` chain on loopback, each with its own base path and ports and
/// the fixed network key `n + 1`; the first node is every other node's bootnode. Every node is
/// stopped when the network is dropped.
pub struct Network {
	/// The nodes, in the order they were named.
	pub nodes: Vec<Node>,
}

impl Network {
	/// Starts one node per `(name, part)` and waits until every one runs. A genesis
	/// delegate's name is its development account's, in lower case (`alice`).
	pub fn local(members: &[(&str, Part)]) -> Network {
		let mut boot_port = Some(Port::reserve());
		let boot = format!(
			"/ip4/127.0.0.1/tcp/{}/p2p/{FIRST_NODE_PEER}",
			boot_port.as_ref().map_or(0, Port::number)
		);
		let mut nodes: Vec<Node> = members
			.iter()
			.enumerate()
			.map(|(n, (name, part))| {
				let key = format!("{:064x}", n + 1);
				let mut args = vec!["--chain", "local", "--name", name, "--node-key", &key];
				let flag = format!("--{name}");
				match part {
					Part::GenesisDelegate => args.push(&flag),
					Part::SilentDelegate => args.extend([flag.as_str(), "--no-grandpa"]),
					Part::Validator => args.push("--validator"),
					Part::Full => {},
				}
				if n > 0 {
					args.extend(["--bootnodes", &boot]);
				}
				Node::launch(name, &args, boot_port.take().unwrap_or_else(Port::reserve))
			})
			.collect();
		for node in &mut nodes {
			node.wait_ready();
		}
		Network { nodes }
	}

	/// The node called `name`.
	pub fn node(&mut self, name: &str) -> &mut Node {
		self.nodes
			.iter_mut()
			.find(|n| n.name == name)
			.unwrap_or_else(|| panic!("the network has no node {name}"))
	}
}

/// How long a vault may take to connect to its node and register its endpoint.
pub const VAULT_STARTUP_TIMEOUT: Duration = Duration::from_secs(60);

/// A running `medchain-vault`, stopped when dropped. It keeps its port and data directory
/// across [`Vault::restart`]s; a failing test prints its log and keeps its directory.
pub struct Vault {
	args: Vec<String>,
	suri: String,
	child: Option<Child>,
	port: Port,
	dir: Option<TempDir>,
}

impl Vault {
	/// Starts a vault signing as `suri`, serving the chain of `node`, with `args` besides its
	/// own port and data directory; waits until it answers.
	pub fn start(node: &Node, suri: &str, args: &[&str]) -> Vault {
		let dir = tempfile::Builder::new()
			.prefix("medchain-e2e-vault-")
			.tempdir()
			.expect("a temporary directory can be created");
		let mut vault = Vault {
			args: [&["--url", &node.ws_url()][..], args]
				.concat()
				.iter()
				.map(|a| a.to_string())
				.collect(),
			suri: suri.into(),
			child: None,
			port: Port::reserve(),
			dir: Some(dir),
		};
		vault.run();
		vault
	}

	fn run(&mut self) {
		self.port.release();
		let mut command = Command::new(vault_binary());
		command
			.args(&self.args)
			.args(["--listen", &format!("127.0.0.1:{}", self.port.number())])
			.arg("--data")
			.arg(self.data_dir())
			.env("MEDCHAIN_VAULT_SURI", &self.suri);
		let child = spawn_logged(command, &self.log_path());
		self.child = Some(child);
		let url = self.url();
		wait_for(&format!("the vault at {url} answers"), VAULT_STARTUP_TIMEOUT, || {
			if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
				panic!("the vault exited with {status}:\n{}", self.log());
			}
			ureq::get(&format!("{url}/v1/health")).call().is_ok()
		});
	}

	/// The vault's URL.
	pub fn url(&self) -> String {
		format!("http://127.0.0.1:{}", self.port.number())
	}

	/// The vault's data directory: its master key and, under `objects/`, its documents.
	pub fn data_dir(&self) -> PathBuf {
		self.dir
			.as_ref()
			.expect("the directory is kept until the vault is dropped")
			.path()
			.join("data")
	}

	fn log_path(&self) -> PathBuf {
		self.dir
			.as_ref()
			.expect("the directory is kept until the vault is dropped")
			.path()
			.join("vault.log")
	}

	/// What the vault has logged so far.
	pub fn log(&self) -> String {
		std::fs::read_to_string(self.log_path()).unwrap_or_default()
	}

	/// Kills the vault at once (SIGKILL), as a crash or a power cut of the process would.
	pub fn kill(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// Starts the vault again on the same port and data; waits until it answers.
	pub fn restart(&mut self) {
		self.kill();
		self.run();
	}
}

impl Drop for Vault {
	fn drop(&mut self) {
		if let Some(child) = self.child.take() {
			terminate(child);
		}
		if thread::panicking() {
			let log = self.log();
			let kept = self.dir.take().map(TempDir::keep);
			eprintln!(
				"===== log of the vault (kept in {}) =====\n{log}\n===== end of log =====",
				kept.as_deref().unwrap_or(Path::new("-")).display(),
			);
		}
	}
}

//! The end-to-end test harness: real `medchain-node` processes on loopback.
//!
//! A [`Node`] is a child process with its own free ports and base path. It is ready when its
//! log says that the JSON-RPC server runs; it is stopped when dropped, and a test that fails
//! prints the log of every node it started. [`Node::rpc`] makes JSON-RPC calls over HTTP, which
//! is enough to watch blocks being authored and finalized.

use std::{
	collections::BTreeSet,
	fs::File,
	io::{BufRead, BufReader, Read, Write},
	net::{TcpListener, TcpStream},
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	sync::Mutex,
	thread,
	time::{Duration, Instant},
};

use serde_json::{json, Value};

/// How long a node may take to open its RPC server (a debug build compiles the runtime first).
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(180);

/// The `medchain-node` binary: `$MEDCHAIN_NODE`, or the one built beside this test.
pub fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("MEDCHAIN_NODE") {
		return PathBuf::from(path);
	}
	// Test binaries live in `<target>/<profile>/deps/`; the node in `<target>/<profile>/`.
	let exe = std::env::current_exe().expect("the test knows its own path");
	let profile_dir = exe
		.parent()
		.and_then(Path::parent)
		.expect("a test binary lives two levels below the target directory");
	profile_dir.join("medchain-node")
}

/// A TCP port that nothing listens on right now, and that no other caller in this test process
/// has been given (tests run in parallel, and the system may hand a released port out again).
pub fn free_port() -> u16 {
	static GIVEN: Mutex<BTreeSet<u16>> = Mutex::new(BTreeSet::new());
	loop {
		let port = TcpListener::bind("0.0.0.0:0")
			.and_then(|listener| listener.local_addr())
			.map(|addr| addr.port())
			.expect("the system hands out a free port");
		if GIVEN.lock().unwrap_or_else(|e| e.into_inner()).insert(port) {
			return port;
		}
	}
}

/// Runs `medchain-node` with `args` to its end and returns what it printed; for commands that
/// exit by themselves, such as `export-chain-spec` or a start that must fail.
pub fn run_node_to_exit(args: &[&str]) -> std::process::Output {
	Command::new(node_binary()).args(args).stdin(Stdio::null()).output().expect("the node runs")
}

/// A running `medchain-node`, stopped when dropped.
pub struct Node {
	name: String,
	child: Option<Child>,
	log: PathBuf,
	/// The node's JSON-RPC port (HTTP and WebSocket).
	pub rpc_port: u16,
	/// The node's peer-to-peer port.
	pub p2p_port: u16,
	_dir: TempDir,
}

impl Node {
	/// Starts a node with `args` besides its own ports and data directory, and waits until its
	/// RPC server runs.
	pub fn start(name: &str, args: &[&str]) -> Node {
		let dir = TempDir::new(name);
		let rpc_port = free_port();
		let p2p_port = free_port();
		let log = dir.path.join("node.log");
		let log_file = File::create(&log).expect("the node's log file can be created");
		let binary = node_binary();
		assert!(
			binary.is_file(),
			"{} is missing: build it first (cargo build -p medchain-node)",
			binary.display()
		);
		let child = Command::new(&binary)
			.args(args)
			.args(["--base-path", dir.path.to_str().expect("temporary paths are UTF-8")])
			.args(["--rpc-port", &rpc_port.to_string(), "--port", &p2p_port.to_string()])
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
			.stdin(Stdio::null())
			.stdout(log_file.try_clone().expect("the log file handle can be cloned"))
			.stderr(log_file)
			.spawn()
			.expect("the node starts");
		let mut node =
			Node { name: name.into(), child: Some(child), log, rpc_port, p2p_port, _dir: dir };
		node.wait_for_log("Running JSON-RPC server", STARTUP_TIMEOUT);
		node
	}

	/// Starts a single-node development chain (`--dev`) on its own temporary data.
	pub fn dev(name: &str) -> Node {
		Node::start(name, &["--dev"])
	}

	/// The node's WebSocket RPC address.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// What the node has logged so far.
	pub fn log(&self) -> String {
		std::fs::read_to_string(&self.log).unwrap_or_default()
	}

	/// Waits until the log contains `needle`; fails the test (with the log) after `timeout` or
	/// when the node exits first.
	pub fn wait_for_log(&mut self, needle: &str, timeout: Duration) {
		let deadline = Instant::now() + timeout;
		loop {
			if self.log().contains(needle) {
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
		let body = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params});
		let body = body.to_string();
		let mut stream = TcpStream::connect(("127.0.0.1", self.rpc_port))
			.unwrap_or_else(|e| panic!("node {} RPC port refused: {e}", self.name));
		stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeouts can be set");
		write!(
			stream,
			"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
			 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
			body.len()
		)
		.expect("the request is sent");
		let mut reader = BufReader::new(stream);
		let mut line = String::new();
		let mut content_length = None;
		loop {
			line.clear();
			reader.read_line(&mut line).expect("the response headers arrive");
			let header = line.trim_end();
			if header.is_empty() {
				break;
			}
			if let Some((key, value)) = header.split_once(':') {
				if key.eq_ignore_ascii_case("content-length") {
					content_length = value.trim().parse::<usize>().ok();
				}
			}
		}
		let mut body = Vec::new();
		match content_length {
			Some(len) => {
				body.resize(len, 0);
				reader.read_exact(&mut body).expect("the response body arrives");
			},
			None => {
				reader.read_to_end(&mut body).expect("the response body arrives");
			},
		}
		let response: Value = serde_json::from_slice(&body).expect("the response is JSON");
		if let Some(error) = response.get("error") {
			panic!("{method} failed on node {}: {error}", self.name);
		}
		response["result"].clone()
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

	/// Polls `check` every half second until it holds; fails the test after `timeout`.
	pub fn wait_until(&self, what: &str, timeout: Duration, mut check: impl FnMut(&Node) -> bool) {
		let deadline = Instant::now() + timeout;
		while !check(self) {
			assert!(
				Instant::now() < deadline,
				"node {}: {what} not reached in {timeout:?}",
				self.name
			);
			thread::sleep(Duration::from_millis(500));
		}
	}

	/// Stops the node: SIGTERM, then SIGKILL if it has not exited within ten seconds. Returns
	/// whether it exited on its own after SIGTERM.
	pub fn stop(&mut self) -> bool {
		let Some(mut child) = self.child.take() else { return true };
		let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
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
}

impl Drop for Node {
	fn drop(&mut self) {
		self.stop();
		if thread::panicking() {
			eprintln!(
				"===== log of node {} =====\n{}\n===== end of log =====",
				self.name,
				self.log()
			);
		}
	}
}

fn header_number(header: &Value) -> u64 {
	let hex = header["number"].as_str().expect("a header has a number");
	u64::from_str_radix(hex.trim_start_matches("0x"), 16).expect("block numbers are hex")
}

/// A directory removed when dropped.
struct TempDir {
	path: PathBuf,
}

impl TempDir {
	fn new(name: &str) -> TempDir {
		let path = std::env::temp_dir().join(format!(
			"medchain-e2e-{name}-{}-{}",
			std::process::id(),
			free_port()
		));
		std::fs::create_dir_all(&path).expect("a temporary directory can be created");
		TempDir { path }
	}
}

impl Drop for TempDir {
	fn drop(&mut self) {
		let _ = std::fs::remove_dir_all(&self.path);
	}
}

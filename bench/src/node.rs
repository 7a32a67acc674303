//! The node the bench runs against: one it starts on loopback, or one already running on this
//! machine.

use std::{
	collections::HashMap,
	net::TcpListener,
	path::Path,
	process::Stdio,
	sync::Arc,
	time::{Duration, Instant},
};

use anyhow::{bail, Context, Result};
use serde::Serialize;
use tokio::{
	io::{AsyncBufReadExt, BufReader},
	process::{Child, Command},
	sync::Mutex,
};

/// How the node's block author filled one block, from its log.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
	/// Milliseconds the author took to build the block.
	pub millis: u64,
	/// Why it stopped adding extrinsics: `NoMoreTransactions`, `HitBlockWeightLimit`,
	/// `HitBlockSizeLimit`, `HitDeadline` or `TransactionForcedSkip`.
	pub end: String,
}

/// The proposals of the blocks a started node authored, by block number.
pub type Proposals = Arc<Mutex<HashMap<u32, Proposal>>>;

/// A development node the bench started, stopped when dropped.
pub struct LocalNode {
	/// Its WebSocket RPC endpoint.
	pub url: String,
	/// How it built each block.
	pub proposals: Proposals,
	_child: Child,
	_dir: tempfile::TempDir,
}

impl LocalNode {
	/// Starts `binary` as a fresh development chain in a temporary directory, with RPC and
	/// peer-to-peer ports on loopback and a transaction pool large enough for the whole run,
	/// and waits until its RPC answers.
	pub async fn start(binary: &Path, pool_limit: usize) -> Result<Self> {
		let dir = tempfile::tempdir()?;
		let rpc_port = free_port()?;
		let mut child = Command::new(binary)
			.arg("--dev")
			.arg("--base-path")
			.arg(dir.path())
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{}", free_port()?)])
			.args(["--pool-limit", &pool_limit.to_string()])
			.args(["--pool-kbytes", &(pool_limit / 2).max(20_480).to_string()])
			.args(["--no-prometheus", "--no-telemetry", "--disable-log-color"])
			.stdout(Stdio::null())
			.stderr(Stdio::piped())
			.kill_on_drop(true)
			.spawn()
			.with_context(|| format!("starting {}", binary.display()))?;
		let proposals = Proposals::default();
		let log = child.stderr.take().context("the node's log")?;
		let kept = proposals.clone();
		tokio::spawn(async move {
			let mut lines = BufReader::new(log).lines();
			while let Ok(Some(line)) = lines.next_line().await {
				if let Some((number, proposal)) = parse_proposal(&line) {
					kept.lock().await.insert(number, proposal);
				}
			}
		});
		let url = format!("ws://127.0.0.1:{rpc_port}");
		let deadline = Instant::now() + Duration::from_secs(120);
		while medchain_client::MedChain::connect(&url).await.is_err() {
			if let Some(status) = child.try_wait()? {
				bail!("{} exited ({status}) before its RPC answered", binary.display());
			}
			if Instant::now() > deadline {
				bail!("{} did not answer on {url} within 120 s", binary.display());
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
		Ok(Self { url, proposals, _child: child, _dir: dir })
	}
}

/// A port on loopback that nothing listens on now.
fn free_port() -> Result<u16> {
	Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The block number and proposal of an author's "Prepared block for proposing" log line.
pub fn parse_proposal(line: &str) -> Option<(u32, Proposal)> {
	let rest = line.split("Prepared block for proposing at ").nth(1)?;
	let (number, rest) = rest.split_once(" (")?;
	let (millis, rest) = rest.split_once(" ms)")?;
	let end = rest.split("end: ").nth(1)?.split(';').next()?;
	Some((number.parse().ok()?, Proposal { millis: millis.parse().ok()?, end: end.to_owned() }))
}

/// Refuses an endpoint that is not on this machine: the bench loads the node it measures.
pub fn ensure_loopback(url: &str) -> Result<()> {
	let host = url
		.split("://")
		.nth(1)
		.and_then(|rest| rest.split('/').next())
		.map(|authority| match authority.strip_prefix('[') {
			Some(v6) => v6.split(']').next().unwrap_or_default(),
			None => authority.split(':').next().unwrap_or_default(),
		})
		.unwrap_or_default();
	match host {
		"127.0.0.1" | "localhost" | "::1" => Ok(()),
		_ => bail!(
			"--url {url} is not on this machine: the bench loads only a local node (127.0.0.1, \
			 localhost or [::1])"
		),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_authors_log_line_gives_the_block_its_time_and_why_it_ended() {
		let line = "2026-11-27 02:00:01 🎁 Prepared block for proposing at 42 (1003 ms) hash: \
		            0xab; parent_hash: 0xcd; end: HitBlockWeightLimit; extrinsics_count: 1454";
		assert_eq!(
			parse_proposal(line),
			Some((42, Proposal { millis: 1003, end: "HitBlockWeightLimit".into() }))
		);
		assert_eq!(parse_proposal("💤 Idle (0 peers), best: #41"), None);
	}

	#[test]
	fn only_loopback_endpoints_are_loaded() {
		for url in ["ws://127.0.0.1:9944", "ws://localhost:9944/", "ws://[::1]:9944"] {
			assert!(ensure_loopback(url).is_ok(), "{url}");
		}
		for url in ["ws://10.0.0.5:9944", "wss://rpc.example.org", "127.0.0.1:9944"] {
			let error = ensure_loopback(url).unwrap_err().to_string();
			assert!(error.contains("not on this machine"), "{url}: {error}");
		}
	}
}

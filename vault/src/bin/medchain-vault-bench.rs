//! `medchain-vault-bench`: uploads and releases per second against a running dev chain and its
//! vault (`scripts/start.sh`), with the development accounts: Bob uploads, Charlie approves one
//! record and asks for it again and again. Every release is a real one: logged on chain by the
//! vault, sealed, opened and checked against the commitment.

use std::time::{Duration, Instant};

use clap::Parser;
use futures::{stream, StreamExt};
use medchain_client::{custody::Identity, MedChain, PurposeOfUse, VaultClient, Wait};

#[derive(Parser)]
#[command(name = "medchain-vault-bench", about = "Uploads and releases per second of a vault.")]
struct Args {
	/// The node's WebSocket URL.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The vault's URL.
	#[arg(long, default_value = "http://127.0.0.1:8700")]
	vault: String,
	/// How many uploads, and how many releases.
	#[arg(long, default_value_t = 200)]
	count: usize,
	/// How many requests are in flight at once.
	#[arg(long, default_value_t = 8)]
	concurrency: usize,
	/// The size of each document, in bytes.
	#[arg(long, default_value_t = 4096)]
	size: usize,
}

/// Runs `count` requests, `concurrency` at a time; returns the elapsed time, the sorted
/// latencies of the successes and the number of failures.
async fn measure<F, Fut>(
	count: usize,
	concurrency: usize,
	request: F,
) -> (Duration, Vec<Duration>, usize)
where
	F: Fn(usize) -> Fut,
	Fut: std::future::Future<Output = bool>,
{
	let started = Instant::now();
	let results: Vec<(bool, Duration)> = stream::iter(0..count)
		.map(|n| {
			let request = &request;
			async move {
				let at = Instant::now();
				(request(n).await, at.elapsed())
			}
		})
		.buffer_unordered(concurrency)
		.collect()
		.await;
	let elapsed = started.elapsed();
	let mut latencies: Vec<Duration> =
		results.iter().filter(|(ok, _)| *ok).map(|(_, d)| *d).collect();
	latencies.sort();
	let failures = results.len() - latencies.len();
	(elapsed, latencies, failures)
}

fn report(what: &str, (elapsed, latencies, failures): (Duration, Vec<Duration>, usize)) {
	let percentile = |p: usize| {
		latencies.get(latencies.len().saturating_sub(1) * p / 100).copied().unwrap_or_default()
	};
	println!(
		"{what:<9} {:>6} {:>8} {:>10.1} {:>10.0} {:>10.0}",
		latencies.len(),
		failures,
		latencies.len() as f64 / elapsed.as_secs_f64(),
		percentile(50).as_secs_f64() * 1000.0,
		percentile(95).as_secs_f64() * 1000.0,
	);
}

#[tokio::main]
async fn main() -> Result<(), String> {
	let args = Args::parse();
	let chain =
		MedChain::connect(&args.url).await.map_err(|e| e.to_string())?.waiting_for(Wait::InBlock);
	let vault = VaultClient::connect(&args.vault).await.map_err(|e| e.to_string())?;
	let bob = Identity::from_suri("//Bob").map_err(|e| e.to_string())?;
	let charlie = Identity::from_suri("//Charlie").map_err(|e| e.to_string())?;
	let document = |n: usize| {
		let mut bytes =
			format!("{{\"resourceType\":\"Observation\",\"id\":\"bench-{n}\",\"note\":\"")
				.into_bytes();
		bytes.resize(args.size.saturating_sub(2), b'x');
		bytes.extend_from_slice(b"\"}");
		bytes
	};

	println!(
		"{} of each, {} in flight, {}-byte documents, node {}, vault {}",
		args.count, args.concurrency, args.size, args.url, args.vault
	);
	println!(
		"{:<9} {:>6} {:>8} {:>10} {:>10} {:>10}",
		"kind", "done", "failed", "per second", "p50 ms", "p95 ms"
	);
	let uploads = measure(args.count, args.concurrency, |n| {
		let (vault, bob, charlie) = (&vault, &bob, &charlie);
		let document = document(n);
		async move {
			vault.upload(&bob.signer, &charlie.account(), "Observation", document).await.is_ok()
		}
	})
	.await;
	report("uploads", uploads);

	let (submission, _, _) = chain
		.put_record(&bob.signer, &vault, charlie.account(), "Observation", document(0), None)
		.await
		.map_err(|e| e.to_string())?;
	let (record, _) =
		chain.approve(&charlie.signer, submission).await.map_err(|e| e.to_string())?;
	let releases = measure(args.count, args.concurrency, |_| {
		let (chain, charlie, url) = (&chain, &charlie, args.vault.as_str());
		async move {
			let purpose = PurposeOfUse::PatientRequested;
			chain.get_record(charlie, record, purpose, Some(url)).await.is_ok()
		}
	})
	.await;
	report("releases", releases);
	Ok(())
}

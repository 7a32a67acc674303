//! Signing extrinsics ahead of time, submitting them with bounded concurrency, and following
//! the blocks that include them.

use std::{
	collections::HashMap,
	sync::Arc,
	time::{Duration, Instant},
};

use anyhow::{anyhow, Context, Result};
use futures::{stream, StreamExt};
use medchain_client::{account_of, chain, Config, Hash, Keypair, MedChain};
use subxt::{
	config::{DefaultExtrinsicParamsBuilder, RpcConfigFor},
	events::Phase,
	transactions::Payload,
	OnlineClient,
};
use subxt_rpcs::{methods::LegacyRpcMethods, RpcClient};
use tokio::sync::Mutex;

/// The node's JSON-RPC methods the bench uses.
pub type Rpc = LegacyRpcMethods<RpcConfigFor<Config>>;

/// An extrinsic signed ahead of time.
pub struct Signed {
	/// Its hash, as the node computes it.
	pub hash: Hash,
	/// Its SCALE encoding.
	pub bytes: Vec<u8>,
}

/// A connection to the node, with the next nonce of every account it signed for.
pub struct Chain {
	/// The typed client.
	pub client: MedChain,
	/// The raw JSON-RPC methods.
	pub rpc: Rpc,
	api: OnlineClient<Config>,
	nonces: HashMap<[u8; 32], u64>,
}

impl Chain {
	/// Connects to the node at `url`.
	pub async fn connect(url: &str) -> Result<Self> {
		let client =
			MedChain::connect(url).await.with_context(|| format!("connecting to {url}"))?;
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.with_context(|| format!("connecting to {url}"))?;
		Ok(Self { api: client.api().clone(), client, rpc: Rpc::new(rpc), nonces: HashMap::new() })
	}

	/// Signs each call with its signer; each signer's nonces count up from the chain's next
	/// index for it (asked once, then counted here).
	pub async fn sign<C: Payload>(&mut self, calls: Vec<(&Keypair, C)>) -> Result<Vec<Signed>> {
		let at = self.api.at_current_block().await.context("reading the finalized block")?;
		let transactions = at.transactions();
		let mut signed = Vec::with_capacity(calls.len());
		for (signer, call) in calls {
			let account = account_of(signer);
			let nonce = match self.nonces.get(&account.0) {
				Some(nonce) => *nonce,
				None => self.rpc.system_account_next_index(&account).await?,
			};
			self.nonces.insert(account.0, nonce + 1);
			let params = DefaultExtrinsicParamsBuilder::<Config>::new().nonce(nonce).build();
			let transaction = transactions.create_signable_offline(&call, params)?.sign(signer)?;
			signed.push(Signed { hash: transaction.hash(), bytes: transaction.into_encoded() });
		}
		Ok(signed)
	}
}

/// When one extrinsic was handed to the node, in seconds since the run began, and the node's
/// refusal if it refused it.
pub struct Submission {
	/// Seconds since the run began.
	pub at: f64,
	/// The node's reason for refusing it.
	pub refused: Option<String>,
}

/// Submits `extrinsics`, at most `concurrency` requests at once, in their order.
pub async fn submit_all(
	rpc: &Rpc,
	extrinsics: &[Signed],
	concurrency: usize,
	clock: Instant,
) -> Vec<Submission> {
	let mut submissions: Vec<(usize, Submission)> = stream::iter(extrinsics.iter().enumerate())
		.map(|(index, extrinsic)| async move {
			let at = clock.elapsed().as_secs_f64();
			let refused = rpc.author_submit_extrinsic(&extrinsic.bytes).await.err();
			(index, Submission { at, refused: refused.map(|e| e.to_string()) })
		})
		.buffer_unordered(concurrency.max(1))
		.collect()
		.await;
	submissions.sort_by_key(|(index, _)| *index);
	submissions.into_iter().map(|(_, submission)| submission).collect()
}

/// A block as the bench saw it.
#[derive(Clone, Debug)]
pub struct SeenBlock {
	/// Its number.
	pub number: u32,
	/// Seconds since the run began when the node announced it as its best block.
	pub seen_at: f64,
	/// Seconds since the run began when the node announced it final.
	pub finalized_at: Option<f64>,
	/// The hash of each of its extrinsics, in order.
	pub extrinsics: Vec<Hash>,
	/// The indices of its extrinsics whose dispatch failed.
	pub failed: Vec<u32>,
	/// The weight (reference time, picoseconds) its normal extrinsics used.
	pub normal_weight: u64,
	/// Its extrinsics' bytes.
	pub length: usize,
}

/// Every block seen since the bench began following, and where each extrinsic landed.
#[derive(Default)]
pub struct Seen {
	/// The blocks, in order.
	pub blocks: Vec<SeenBlock>,
	/// For each extrinsic hash: its block (an index into `blocks`) and whether it failed.
	pub landed: HashMap<Hash, (usize, bool)>,
}

impl Seen {
	/// Whether every one of `hashes` is in a block; with `finalized`, in a final one.
	pub fn all_in(&self, hashes: &[Hash], finalized: bool) -> bool {
		hashes.iter().all(|hash| {
			self.landed
				.get(hash)
				.is_some_and(|(block, _)| !finalized || self.blocks[*block].finalized_at.is_some())
		})
	}
}

/// Follows the node's best and finalized blocks until the task is dropped, recording each
/// block in `seen`.
pub async fn follow(chain: &Chain, seen: Arc<Mutex<Seen>>, clock: Instant) -> Result<()> {
	let mut best = chain.rpc.chain_subscribe_new_heads().await?;
	let mut finalized = chain.rpc.chain_subscribe_finalized_heads().await?;
	let mut last: Option<u32> = None;
	loop {
		tokio::select! {
			header = best.next() => {
				let header = header.ok_or_else(|| anyhow!("the node ended its block stream"))??;
				let now = clock.elapsed().as_secs_f64();
				let number = header.number as u32;
				let first = last.map_or(number, |last| last + 1);
				for number in first..=number {
					let block = read_block(chain, number, now).await?;
					let mut seen = seen.lock().await;
					let index = seen.blocks.len();
					for (position, hash) in block.extrinsics.iter().enumerate() {
						let failed = block.failed.contains(&(position as u32));
						seen.landed.insert(*hash, (index, failed));
					}
					seen.blocks.push(block);
				}
				last = Some(last.map_or(number, |last| last.max(number)));
			},
			header = finalized.next() => {
				let header = header.ok_or_else(|| anyhow!("the node ended its block stream"))??;
				let now = clock.elapsed().as_secs_f64();
				let mut seen = seen.lock().await;
				for block in seen.blocks.iter_mut() {
					if block.number <= header.number as u32 && block.finalized_at.is_none() {
						block.finalized_at = Some(now);
					}
				}
			},
		}
	}
}

/// Reads block `number` of the best chain: its extrinsics, which failed, the weight it used.
async fn read_block(chain: &Chain, number: u32, seen_at: f64) -> Result<SeenBlock> {
	let hash = chain
		.rpc
		.chain_get_block_hash(Some(number.into()))
		.await?
		.ok_or_else(|| anyhow!("the node has no block {number}"))?;
	let details =
		chain.rpc.chain_get_block(Some(hash)).await?.ok_or_else(|| anyhow!("block {number}"))?;
	let extrinsics = &details.block.extrinsics;
	let at = chain.api.at_block_hash_and_number(hash, number.into()).await?;
	let mut failed = Vec::new();
	for event in at.events().fetch().await?.iter() {
		let event = event?;
		if event.pallet_name() == "System" && event.event_name() == "ExtrinsicFailed" {
			if let Phase::ApplyExtrinsic(index) = event.phase() {
				failed.push(index);
			}
		}
	}
	let weight = at.storage().fetch(chain::storage().system().block_weight(), ()).await?;
	Ok(SeenBlock {
		number,
		seen_at,
		finalized_at: None,
		extrinsics: extrinsics
			.iter()
			.map(|bytes| Hash::from(sp_crypto_hashing::blake2_256(&bytes.0)))
			.collect(),
		failed,
		normal_weight: weight.decode()?.normal.ref_time,
		length: extrinsics.iter().map(|bytes| bytes.0.len()).sum(),
	})
}

/// Waits until every one of `hashes` is in a block (with `finalized`, a final one), checking
/// ten times a second, for at most `timeout`. Returns whether they all made it.
pub async fn wait_for(
	seen: &Mutex<Seen>,
	hashes: &[Hash],
	finalized: bool,
	timeout: Duration,
) -> bool {
	let deadline = Instant::now() + timeout;
	loop {
		if seen.lock().await.all_in(hashes, finalized) {
			return true;
		}
		if Instant::now() >= deadline {
			return false;
		}
		tokio::time::sleep(Duration::from_millis(100)).await;
	}
}

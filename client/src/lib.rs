//! # medchain-client
//!
//! A typed Rust client for MedChain, built on subxt with code generated from the runtime
//! metadata committed in `artifacts/medchain.scale`.
//!
//! [`MedChain`] connects to a node and offers one function for each call of the registry,
//! consent, records, audit and DPoS pallets, and one for each query:
//!
//! | Area      | Calls                                                                        | Queries                                        |
//! |-----------|------------------------------------------------------------------------------|------------------------------------------------|
//! | Registry  | `register_patient`, `register_doctor`, `suspend`, `reinstate`, `rotate_encryption_key`, `set_vault_endpoint` | `member`, `vault` |
//! | Council   | `propose`, `council_vote`, `council_close`; motions for `register_admin`, `register_vault`, `retire_vault`, `set_desired_delegates`, `add_council_member`, `authorize_upgrade`; `apply_upgrade` | `council_members`, `motions` |
//! | Consent   | `submit_record`, `approve`, `deny`, `withdraw`, `expire`, `grant_access`, `grant_scoped`, `revoke_access`, `emergency_access`, `block_doctor`, `unblock_doctor` | `pending`, `grants`, `viewer_basis` |
//! | Records   | `view_history`, and for vaults `release`, `erase` (each with a purpose of use) | `record`, `history`, `history_length`          |
//! | Custody   | `put_record` (upload to a vault, then submit), `get_record` (a sealed release, opened and checked), `erase_record` | |
//! | Audit     | (written by the other pallets)                                               | `audit_entries`, `patient_entries`, `audit_head`, [`PatientWatch`] (a patient's new entries as they are finalized) |
//! | DPoS      | `bond`, `unbond`, `withdraw_unbonded`, `register_candidate`, `unregister_candidate`, `vote`, `remove_vote`, `set_session_keys` | `candidates`, `delegates`, `ledger`, `validators` |
//! | Balances  | (transfers are not wrapped)                                                  | `balance`, `free_balance`                      |
//! | FHIR      | (exports, read at the finalized block)                                       | `fhir_consents`, `fhir_audit`, `disclosures`, `fhir_disclosures` ([`fhir`]) |
//!
//! Every call waits for inclusion in a block or for finality, as [`Wait`] says, reports its
//! progress through an optional callback ([`Stage`]), and returns the events of MedChain's own
//! pallets that it caused ([`Outcome`]). A call the chain refuses comes back as
//! [`Error::Module`], naming the pallet, the error and its documentation (a council motion's
//! call that fails too); a refused view is
//! [`Error::AccessDenied`]; [`Error::kind`] names each kind of error for scripts. Two programs
//! signing for one account at once both land: a call whose nonce another transaction took is
//! signed again with the next one.
//!
//! Two checks need no trust in the node: [`MedChain::prove_record`] fetches a storage read
//! proof of a record at a finalized block and [`RecordProof::verify`] checks it against that
//! block's state root; [`MedChain::verify_audit_log`] pages through the whole access log,
//! recomputes its hash chain and compares it with the head stored on chain.
//!
//! The metadata is regenerated, after a runtime change, with
//! `MEDCHAIN_UPDATE_METADATA=1 cargo test -p medchain-runtime --features fast-runtime client_metadata`.

mod audit;
mod calls;
pub mod council;
pub mod custody;
mod error;
pub mod fhir;
mod proof;
mod queries;
mod vault;
mod watch;

use std::{str::FromStr, sync::Arc};

use subxt::{
	config::{DefaultExtrinsicParamsBuilder, RpcConfigFor},
	transactions::{Payload, TransactionStatus},
	OnlineClient, PolkadotConfig,
};
use subxt_rpcs::{
	methods::{legacy::Bytes, LegacyRpcMethods},
	rpc_params, RpcClient,
};
use subxt_signer::{sr25519, SecretUri};

pub use audit::{next_head, AuditReport};
pub use calls::NewRecord;
pub use error::Error;
pub use proof::RecordProof;
pub use vault::{release_plaintext, ApiError, Document, Erased, Health, Uploaded, VaultClient};
pub use watch::{is_emergency, PatientWatch};

/// The types and calls generated from MedChain's metadata.
#[subxt::subxt(
	runtime_metadata_path = "artifacts/medchain.scale",
	derive_for_all_types = "Clone, PartialEq, Eq",
	derive_for_type(
		path = "pallet_audit::pallet::Entry",
		derive = "codec::Encode, codec::Decode",
		recursive
	),
	derive_for_type(
		path = "medchain_runtime::opaque::SessionKeys",
		derive = "codec::Encode, codec::Decode",
		recursive
	),
	derive_for_type(
		path = "pallet_records::pallet::Record",
		derive = "codec::Encode, codec::Decode",
		recursive
	),
	derive_for_type(path = "medchain_runtime::RuntimeCall", derive = "codec::Encode", recursive),
	generate_docs
)]
pub mod chain {}

/// The chain's configuration: MedChain's accounts, signatures and transaction extensions are
/// those of Polkadot.
pub type Config = PolkadotConfig;
/// An account.
pub type AccountId = subxt::utils::AccountId32;
/// A block or state hash.
pub type Hash = subxt::utils::H256;
/// A signing key pair (sr25519).
pub type Keypair = sr25519::Keypair;
/// A block number.
pub type BlockNumber = u32;
/// A block header.
pub type Header = <Config as subxt::Config>::Header;
/// An amount of MED in its smallest unit (12 decimals).
pub type Balance = u128;
/// Identifies a submission in a consent pool.
pub type SubmissionId = u64;
/// Identifies an approved record.
pub type RecordId = u64;
/// A MedChain runtime event.
pub type Event = chain::Event;

pub use chain::runtime_types::{
	medchain_primitives::{
		AccessBasis, AuditAction, EmergencyReason, Locator, MemberStatus, PurposeOfUse, Refusal,
		Role,
	},
	pallet_audit::pallet::Entry,
	pallet_balances::types::AccountData,
	pallet_consent::pallet::{Grant, Submission},
	pallet_dpos::pallet::{Candidate, StakeLedger},
	pallet_records::pallet::Record,
	pallet_registry::pallet::{Member, Vault},
};

/// An account's balance: free, held (`reserved`: deposits and stake) and frozen.
pub type AccountBalance = AccountData<Balance>;

/// One MED: 10^12 of its smallest unit.
pub const MED: Balance = 1_000_000_000_000;

/// How far a call goes before it returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Wait {
	/// Until a block on the best chain includes it.
	InBlock,
	/// Until a finalized block includes it: it can no longer be reverted.
	#[default]
	Finalized,
}

/// How far a submitted call has come, reported to the progress callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
	/// The node accepted the transaction into its pool.
	Submitted,
	/// A block on the best chain includes it.
	InBlock(Hash),
	/// A finalized block includes it.
	Finalized(Hash),
	/// A long read has read `done` of `total` items (entries of the access log).
	Read {
		/// Items read so far.
		done: u64,
		/// Items to read.
		total: u64,
	},
}

/// What a call left on chain.
#[derive(Clone, Debug)]
pub struct Outcome {
	/// The block that includes the call.
	pub block_hash: Hash,
	/// That block's number.
	pub block_number: BlockNumber,
	/// The events the call caused in MedChain's own pallets (registry, consent, records,
	/// DPoS, session, council and governance), in order; fees and system bookkeeping are left
	/// out.
	pub events: Vec<Event>,
	/// The names of [`events`](Self::events), in the same order, as `Pallet.Event`.
	pub event_names: Vec<String>,
}

impl Outcome {
	/// The first event for which `pick` returns a value.
	pub fn find<T>(&self, pick: impl FnMut(&Event) -> Option<T>) -> Option<T> {
		self.events.iter().find_map(pick)
	}
}

type Progress = Arc<dyn Fn(Stage) + Send + Sync>;

/// The runtime a block runs, as its version says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuntimeInfo {
	/// The runtime's name (`medchain`).
	pub spec_name: String,
	/// Its version; a runtime upgrade raises it.
	pub spec_version: u32,
	/// The version of its transaction format.
	pub transaction_version: u32,
}

/// A connection to a MedChain node.
#[derive(Clone)]
pub struct MedChain {
	api: OnlineClient<Config>,
	rpc: RpcClient,
	legacy: LegacyRpcMethods<RpcConfigFor<Config>>,
	wait: Wait,
	progress: Option<Progress>,
	/// Held from choosing a nonce until the node has the transaction in its pool, so that the
	/// calls of one connection never pick the same nonce.
	signing: Arc<tokio::sync::Mutex<()>>,
}

impl MedChain {
	/// Connects to the node at `url` (`ws://` or `wss://`). Calls wait for finality.
	pub async fn connect(url: &str) -> Result<Self, Error> {
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.map_err(|e| Error::Connect { url: url.to_owned(), reason: e.to_string() })?;
		let api = OnlineClient::<Config>::from_rpc_client(rpc.clone())
			.await
			.map_err(|e| Error::Connect { url: url.to_owned(), reason: e.to_string() })?;
		let legacy = LegacyRpcMethods::new(rpc.clone());
		let signing = Arc::new(tokio::sync::Mutex::new(()));
		Ok(Self { api, rpc, legacy, wait: Wait::Finalized, progress: None, signing })
	}

	/// The same connection, with calls waiting as `wait` says.
	pub fn waiting_for(mut self, wait: Wait) -> Self {
		self.wait = wait;
		self
	}

	/// The same connection, with `progress` told of every stage a call reaches.
	pub fn on_progress(mut self, progress: impl Fn(Stage) + Send + Sync + 'static) -> Self {
		self.progress = Some(Arc::new(progress));
		self
	}

	/// The underlying subxt client, for anything this library does not cover.
	pub fn api(&self) -> &OnlineClient<Config> {
		&self.api
	}

	/// The number and hash of the best block.
	pub async fn best_block(&self) -> Result<(BlockNumber, Hash), Error> {
		let hash = self.legacy.chain_get_block_hash(None).await.map_err(Error::rpc)?;
		let hash = hash.ok_or_else(|| Error::NotFound("the best block".into()))?;
		Ok((self.block_number(hash).await?, hash))
	}

	/// The number and hash of the last finalized block.
	pub async fn finalized_block(&self) -> Result<(BlockNumber, Hash), Error> {
		let hash = self.legacy.chain_get_finalized_head().await.map_err(Error::rpc)?;
		Ok((self.block_number(hash).await?, hash))
	}

	/// The runtime the best block runs.
	pub async fn runtime(&self) -> Result<RuntimeInfo, Error> {
		let version = self.legacy.state_get_runtime_version(None).await.map_err(Error::rpc)?;
		let spec_name = version.other.get("specName").and_then(|name| name.as_str());
		Ok(RuntimeInfo {
			spec_name: spec_name.unwrap_or_default().to_owned(),
			spec_version: version.spec_version,
			transaction_version: version.transaction_version,
		})
	}

	async fn block_number(&self, hash: Hash) -> Result<BlockNumber, Error> {
		Ok(self.header(hash).await?.number as BlockNumber)
	}

	/// The header of the block with `hash`.
	pub(crate) async fn header(&self, hash: Hash) -> Result<Header, Error> {
		let header = self.legacy.chain_get_header(Some(hash)).await.map_err(Error::rpc)?;
		header.ok_or_else(|| Error::NotFound(format!("the header of block {hash:?}")))
	}

	/// Has the node generate session keys for `owner` and keep them in its keystore; returns
	/// the SCALE-encoded keys and the proof of possession that
	/// [`set_session_keys`](Self::set_session_keys) needs. The node must allow unsafe RPCs
	/// (it does on loopback).
	pub async fn rotate_keys(&self, owner: &AccountId) -> Result<(Vec<u8>, Vec<u8>), Error> {
		#[derive(serde::Deserialize)]
		struct Generated {
			keys: Bytes,
			proof: Bytes,
		}
		let owner = Bytes(owner.0.to_vec());
		let generated: Generated = self
			.rpc
			.request("author_rotateKeysWithOwner", rpc_params![owner])
			.await
			.map_err(Error::rpc)?;
		Ok((generated.keys.0, generated.proof.0))
	}

	/// Signs `call` with `signer`, submits it and waits as configured. A dispatch error becomes
	/// [`Error::Module`] or [`Error::Dispatch`].
	///
	/// The nonce is the node's next index for the signer, counting its pool. Calls made at once
	/// through one connection (or its clones) take turns choosing it, so they never collide;
	/// two programs signing for one account at once can still pick the same index: the node keeps the first
	/// and refuses the second as a duplicate (or drops it from its pool once the first is in a
	/// block), which is then signed again with the next index, up to [`NONCE_ATTEMPTS`] times.
	async fn submit<Call: Payload>(&self, signer: &Keypair, call: Call) -> Result<Outcome, Error> {
		let mut attempt = 1;
		loop {
			match self.submit_once(signer, &call).await {
				Err(Error::Rejected(message))
					if nonce_taken(&message) && attempt < NONCE_ATTEMPTS =>
				{
					attempt += 1;
				},
				Err(Error::Rejected(message)) if nonce_taken(&message) => {
					return Err(Error::Rejected(format!(
						"{message}: another transaction of this account took each nonce tried \
						 ({NONCE_ATTEMPTS} attempts); run the command again"
					)))
				},
				result => return result,
			}
		}
	}

	async fn submit_once<Call: Payload>(
		&self,
		signer: &Keypair,
		call: &Call,
	) -> Result<Outcome, Error> {
		// The best block and the node's next nonce (counting its pool): the signer's earlier
		// calls may be in blocks that are not final yet. Calls of this connection take turns
		// until the node has the transaction in its pool.
		let turn = self.signing.lock().await;
		let at = self.at(self.best_block().await?).await?;
		let nonce =
			self.legacy.system_account_next_index(&account_of(signer)).await.map_err(Error::rpc)?;
		let params = DefaultExtrinsicParamsBuilder::<Config>::new().nonce(nonce).build();
		let mut progress =
			at.transactions().sign_and_submit_then_watch(call, signer, params).await.map_err(
				|e| match Error::node(e) {
					Error::Node(message) if nonce_taken(&message) => Error::Rejected(message),
					other => other,
				},
			)?;
		drop(turn);
		self.report(Stage::Submitted);
		while let Some(status) = progress.next().await {
			let in_block = match status.map_err(Error::node)? {
				TransactionStatus::InBestBlock(in_block) => {
					self.report(Stage::InBlock(in_block.block_hash()));
					if self.wait == Wait::Finalized {
						continue;
					}
					in_block
				},
				TransactionStatus::InFinalizedBlock(in_block) => {
					self.report(Stage::Finalized(in_block.block_hash()));
					in_block
				},
				TransactionStatus::Invalid { message } => {
					// The pool drops a transaction whose nonce another transaction of the
					// account took after it was accepted (two programs signing at once).
					let next = self
						.legacy
						.system_account_next_index(&account_of(signer))
						.await
						.map_err(Error::rpc)?;
					return Err(Error::Rejected(if next > nonce {
						format!("{message}: transaction is outdated, its nonce was taken")
					} else {
						message
					}));
				},
				TransactionStatus::Error { message } | TransactionStatus::Dropped { message } => {
					return Err(Error::Rejected(message))
				},
				_ => continue,
			};
			let metadata = at.metadata();
			let events =
				in_block.wait_for_success().await.map_err(|e| Error::from_events(e, &metadata))?;
			let block_hash = in_block.block_hash();
			let (mut ours, mut event_names) = (Vec::new(), Vec::new());
			for event in events.iter() {
				let event = event.map_err(Error::node)?;
				if OUR_PALLETS.contains(&event.pallet_name()) {
					ours.push(event.decode_as::<Event>().map_err(Error::node)?);
					event_names.push(format!("{}.{}", event.pallet_name(), event.event_name()));
				}
			}
			error::check_motion(&ours, &metadata)?;
			let block_number = self.block_number(block_hash).await?;
			return Ok(Outcome { block_hash, block_number, events: ours, event_names });
		}
		Err(Error::Rejected("the node stopped reporting on the transaction".into()))
	}

	fn report(&self, stage: Stage) {
		if let Some(progress) = &self.progress {
			progress(stage);
		}
	}
}

/// How many nonces [`MedChain`] tries for one call before it gives up.
pub const NONCE_ATTEMPTS: u32 = 5;

/// Whether the node refused a transaction because another one of the same account holds its
/// nonce: in the pool (same priority, or the very same transaction) or already in a block.
fn nonce_taken(message: &str) -> bool {
	let message = message.to_lowercase();
	[
		"priority is too low",
		"priority of the transaction is too low",
		"transaction already imported",
		"transaction is outdated",
	]
	.iter()
	.any(|refusal| message.contains(refusal))
}

/// The pallets whose events a call's [`Outcome`] carries.
const OUR_PALLETS: [&str; 8] = [
	"Registry",
	"Consent",
	"Records",
	"Dpos",
	"Session",
	"Council",
	"CouncilMembership",
	"Governance",
];

/// A key pair from a secret URI: a dev account such as `//Alice`, a mnemonic phrase with
/// optional derivation path and `///password`, or a `0x`-prefixed 32-byte seed.
pub fn keypair(suri: &str) -> Result<Keypair, Error> {
	// The message never repeats the secret.
	let uri = SecretUri::from_str(suri.trim())
		.map_err(|e| Error::Secret(format!("it is not a secret URI ({e})")))?;
	sr25519::Keypair::from_uri(&uri).map_err(|e| Error::Secret(e.to_string()))
}

/// The account of a key pair.
pub fn account_of(pair: &Keypair) -> AccountId {
	pair.public_key().to_account_id()
}

/// An account from an SS58 address (`5…`), a 32-byte public key in hex (`0x…`) or a dev
/// account's secret URI (`//Bob`, whose public part is all that is kept).
pub fn parse_account(text: &str) -> Result<AccountId, Error> {
	let text = text.trim();
	if text.starts_with("//") {
		return keypair(text).map(|pair| account_of(&pair));
	}
	if let Some(hex_key) = text.strip_prefix("0x") {
		let bytes = hex::decode(hex_key)
			.ok()
			.and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
			.ok_or_else(|| Error::Account(format!("{text} is not a 32-byte hex public key")))?;
		return Ok(AccountId::from(bytes));
	}
	AccountId::from_str(text).map_err(|_| {
		Error::Account(format!("{text} is not an SS58 address, 0x public key or //Name"))
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The node's words when another transaction of the account holds the nonce, as its RPC
	/// server sends them; other refusals are not retried.
	#[test]
	fn a_taken_nonce_is_told_from_other_refusals() {
		for taken in [
			"Rpc error: RPC error: Priority is too low: (140 vs 140)",
			"The priority of the transaction is too low (pool 3649 > current 3649)",
			"Rpc error: Transaction Already Imported: 0x12ab",
			"Invalid Transaction: Transaction is outdated",
		] {
			assert!(nonce_taken(taken), "{taken}");
		}
		for other in [
			"Invalid Transaction: Inability to pay some fees (e.g. account balance too low)",
			"Invalid Transaction: Transaction has a bad signature",
			"Immediately Dropped",
		] {
			assert!(!nonce_taken(other), "{other}");
		}
	}
}

//! Checking the access log against the hash-chain head stored on chain.

use codec::Encode;
use sp_crypto_hashing::blake2_256;

use crate::{chain, queries::call_view, BlockNumber, Entry, Error, Hash, MedChain, Stage};

/// How many entries one request asks for; the runtime may return fewer.
const PAGE: u32 = 100;

/// A verified access log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditReport {
	/// The finalized block the log was read at.
	pub block_number: BlockNumber,
	/// That block's hash.
	pub block_hash: Hash,
	/// The number of entries.
	pub entries: u64,
	/// The head of the hash chain, recomputed and equal to the one on chain.
	pub head: Hash,
}

/// The head after `entry`: BLAKE2-256 of the SCALE encoding of the previous head and the
/// entry, as the audit pallet computes it.
pub fn next_head(previous: Hash, entry: &Entry) -> Hash {
	Hash::from(blake2_256(&(previous, entry).encode()))
}

impl MedChain {
	/// Reads the whole access log at the last finalized block, page by page, recomputes its
	/// hash chain from the zero hash and checks that it ends at the head stored on chain. Each
	/// page read is reported to the progress callback as [`Stage::Read`].
	pub async fn verify_audit_log(&self) -> Result<AuditReport, Error> {
		let (block_number, block_hash) = self.finalized_block().await?;
		let at = self.at((block_number, block_hash)).await?;
		let (entries, stored_head) = call_view(&at, chain::view_functions().audit().head()).await?;
		let mut head = Hash::zero();
		let mut next = 0;
		while next < entries {
			let page = chain::view_functions().audit().entries(next, PAGE);
			let page: Vec<Entry> = call_view(&at, page).await?;
			if page.is_empty() {
				return Err(Error::AuditLog(format!("entry {next} of {entries} is missing")));
			}
			for entry in &page {
				if entry.index != next {
					return Err(Error::AuditLog(format!(
						"entry {next} is missing; the log goes on at {}",
						entry.index
					)));
				}
				head = next_head(head, entry);
				next += 1;
			}
			self.report(Stage::Read { done: next, total: entries });
		}
		if head != stored_head {
			return Err(Error::AuditLog(format!(
				"the {entries} entries hash to {head:?}, but the chain's head is {stored_head:?}"
			)));
		}
		Ok(AuditReport { block_number, block_hash, entries, head })
	}
}

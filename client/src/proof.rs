//! Proof that a record is in finalized state, checked without trusting the node.

use codec::{Decode, Encode};
use sp_core::{Blake2Hasher, H256};
use sp_crypto_hashing::blake2_256;

use crate::{chain, BlockNumber, Error, Hash, MedChain, Record, RecordId};

/// A storage read proof of one record at a finalized block.
///
/// The node supplies every field; [`verify`](Self::verify) trusts none of them beyond the
/// state root, which [`MedChain::prove_record`] has checked against the finalized block's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordProof {
	/// The record proven.
	pub id: RecordId,
	/// The finalized block the proof is for.
	pub block_number: BlockNumber,
	/// That block's hash.
	pub block_hash: Hash,
	/// The state root in that block's header.
	pub state_root: Hash,
	/// The record's storage key.
	pub key: Vec<u8>,
	/// The record as the node says it is stored (SCALE-encoded).
	pub value: Vec<u8>,
	/// The trie nodes from the state root down to the record.
	pub nodes: Vec<Vec<u8>>,
}

impl RecordProof {
	/// Checks the proof against the state root: the trie nodes must hash up to the root and
	/// hold exactly [`value`](Self::value) at the record's key. Returns the verified record.
	pub fn verify(&self) -> Result<Record, Error> {
		let proof = sp_trie::StorageProof::new(self.nodes.iter().cloned());
		let root = H256(self.state_root.0);
		let mut read =
			sp_state_machine::read_proof_check::<Blake2Hasher, _>(root, proof, [&self.key])
				.map_err(|e| {
					Error::Proof(format!(
						"the trie nodes do not lead from the state root to the record ({e})"
					))
				})?;
		let proven = read
			.remove(&self.key)
			.flatten()
			.ok_or_else(|| Error::Proof(format!("record {} is not in this state", self.id)))?;
		if proven != self.value {
			return Err(Error::Proof("the node's value differs from the proven one".into()));
		}
		let record = Record::decode(&mut &proven[..])
			.map_err(|e| Error::Proof(format!("the proven value is not a record ({e})")))?;
		if record.id != self.id {
			return Err(Error::Proof(format!(
				"the proof is of record {}, not {}",
				record.id, self.id
			)));
		}
		Ok(record)
	}
}

impl MedChain {
	/// Fetches a proof of record `id` at the last finalized block and verifies it locally.
	/// Returns the proof (block, root, nodes) and the verified record.
	pub async fn prove_record(&self, id: RecordId) -> Result<(RecordProof, Record), Error> {
		let (block_number, block_hash) = self.finalized_block().await?;
		let header = self.header(block_hash).await?;
		// The header must be the finalized block's: its hash is what finality signs.
		if Hash::from(blake2_256(&header.encode())) != block_hash {
			return Err(Error::Proof("the header does not hash to the finalized block".into()));
		}
		let at = self.at((block_number, block_hash)).await?;
		let entry =
			at.storage().entry(chain::storage().records().records()).map_err(Error::node)?;
		let key = entry.fetch_key((id,)).map_err(Error::node)?;
		let value = self
			.legacy
			.state_get_storage(&key, Some(block_hash))
			.await
			.map_err(Error::rpc)?
			.ok_or_else(|| {
				Error::NotFound(format!("record {id} at finalized block {block_number}"))
			})?;
		let read = self
			.legacy
			.state_get_read_proof([key.as_slice()], Some(block_hash))
			.await
			.map_err(Error::rpc)?;
		let proof = RecordProof {
			id,
			block_number,
			block_hash,
			state_root: header.state_root,
			key,
			value,
			nodes: read.proof.into_iter().map(|node| node.0).collect(),
		};
		let record = proof.verify()?;
		Ok((proof, record))
	}
}

//! The GRANDPA votes a block author proves on chain. The node keeps the latest signed precommit
//! of each GRANDPA authority it sees in a justification (its own voter's, or one it imports)
//! and hands them to the runtime as inherent data; pallet-dpos's `note_finality_votes`
//! inherent keeps those that count, so that a delegate which stops voting is kicked.

use std::{
	collections::BTreeMap,
	sync::{Arc, Mutex, PoisonError},
};

use futures::StreamExt;
use medchain_runtime::{opaque::Block, BlockNumber, Hash};
use pallet_dpos::{FinalityVote, FINALITY_VOTES_INHERENT};
use sc_consensus_grandpa::GrandpaJustificationStream;
use sp_consensus_grandpa::AuthorityId;
use sp_inherents::{InherentData, InherentIdentifier};

type Vote = FinalityVote<Hash, BlockNumber>;

/// Precommits for blocks this far below the newest seen can no longer count (they predate the
/// current session) and are forgotten.
const FORGET_AFTER: BlockNumber = 4_096;

/// The latest precommit of each GRANDPA authority seen in a justification.
#[derive(Clone, Default)]
pub struct SeenVotes(Arc<Mutex<BTreeMap<AuthorityId, Vote>>>);

impl SeenVotes {
	/// Records the precommits of every justification in `justifications`, until the node
	/// stops.
	pub async fn follow(self, justifications: GrandpaJustificationStream<Block>) {
		let mut stream = justifications.subscribe(1_000);
		while let Some(justification) = stream.next().await {
			let justification = justification.justification;
			let mut seen = self.0.lock().unwrap_or_else(PoisonError::into_inner);
			for signed in justification.commit.precommits {
				let vote = Vote {
					round: justification.round,
					target_hash: signed.precommit.target_hash,
					target_number: signed.precommit.target_number,
					authority: signed.id.clone(),
					signature: signed.signature,
				};
				let newer = seen.get(&signed.id).is_none_or(|known| {
					(vote.target_number, vote.round) > (known.target_number, known.round)
				});
				if newer {
					seen.insert(signed.id, vote);
				}
			}
			let newest = seen.values().map(|v| v.target_number).max().unwrap_or_default();
			seen.retain(|_, v| v.target_number.saturating_add(FORGET_AFTER) >= newest);
		}
	}
}

#[async_trait::async_trait]
impl sp_inherents::InherentDataProvider for SeenVotes {
	async fn provide_inherent_data(
		&self,
		data: &mut InherentData,
	) -> Result<(), sp_inherents::Error> {
		let votes: Vec<Vote> =
			self.0.lock().unwrap_or_else(PoisonError::into_inner).values().cloned().collect();
		data.put_data(FINALITY_VOTES_INHERENT, &votes)
	}

	async fn try_handle_error(
		&self,
		_: &InherentIdentifier,
		_: &[u8],
	) -> Option<Result<(), sp_inherents::Error>> {
		// The inherent never fails a block; the runtime skips votes that do not count.
		None
	}
}

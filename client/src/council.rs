//! The council of hospitals: motions, votes, and the calls only the council may make.
//!
//! What Root held belongs to the council: admins, vaults and council membership need more than
//! half of its members; the delegate count and runtime upgrades need two thirds. A member
//! moves a motion with the number of ayes its share needs; the motion executes as soon as that
//! many members voted aye (at once, on a council of one), or anyone closes it after the voting
//! period.

use codec::Encode;

use crate::{
	chain::{
		self, council,
		runtime_types::{
			medchain_runtime::RuntimeCall, pallet_dpos, pallet_governance, pallet_membership,
			pallet_registry,
		},
	},
	AccountId, BlockNumber, Error, Event, Hash, Keypair, MedChain, Outcome,
};

/// The share of the council a call needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Share {
	/// More than half of the members: admins, vaults, council membership.
	Majority,
	/// At least two thirds: anything touching consensus, and runtime upgrades.
	TwoThirds,
}

impl Share {
	/// How many ayes of `members` this share needs.
	pub fn ayes(self, members: u32) -> u32 {
		match self {
			Share::Majority => members / 2 + 1,
			Share::TwoThirds => (2 * members).div_ceil(3),
		}
	}
}

/// What a motion came to when it was moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Motion {
	/// It needed one aye and executed at once.
	Executed,
	/// It waits for votes.
	Proposed {
		/// Its index.
		index: u32,
		/// Its hash, which votes name.
		hash: Hash,
		/// The ayes it needs.
		threshold: u32,
	},
}

/// An open motion with its votes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenMotion {
	/// Its hash.
	pub hash: Hash,
	/// Its index.
	pub index: u32,
	/// The ayes it needs.
	pub threshold: u32,
	/// Who voted aye.
	pub ayes: Vec<AccountId>,
	/// Who voted nay.
	pub nays: Vec<AccountId>,
	/// The last block of its voting period.
	pub end: BlockNumber,
}

impl MedChain {
	/// The council's members.
	pub async fn council_members(&self) -> Result<Vec<AccountId>, Error> {
		Ok(self.stored(chain::storage().council().members(), ()).await?.unwrap_or_default())
	}

	/// The open motions of the council, with their votes.
	pub async fn motions(&self) -> Result<Vec<OpenMotion>, Error> {
		let hashes = self.stored(chain::storage().council().proposals(), ()).await?;
		let mut motions = Vec::new();
		for hash in hashes.map(|h| h.0).unwrap_or_default() {
			if let Some(votes) = self.stored(chain::storage().council().voting(), (hash,)).await? {
				motions.push(OpenMotion {
					hash,
					index: votes.index,
					threshold: votes.threshold,
					ayes: votes.ayes,
					nays: votes.nays,
					end: votes.end,
				});
			}
		}
		Ok(motions)
	}

	/// A council member moves `call`, needing `share` of the council's current members.
	pub async fn propose(
		&self,
		member: &Keypair,
		call: RuntimeCall,
		share: Share,
	) -> Result<(Motion, Outcome), Error> {
		let members = self.council_members().await?.len() as u32;
		let threshold = share.ayes(members);
		let length = call.encoded_size() as u32;
		let propose = chain::transactions().council().propose(threshold, call, length);
		let outcome = self.submit(member, propose).await?;
		let motion = outcome
			.find(|event| match event {
				Event::Council(council::Event::Proposed {
					proposal_index,
					proposal_hash,
					threshold,
					..
				}) => Some(Motion::Proposed {
					index: *proposal_index,
					hash: *proposal_hash,
					threshold: *threshold,
				}),
				Event::Council(council::Event::Executed { .. }) => Some(Motion::Executed),
				_ => None,
			})
			.ok_or_else(|| Error::Node("the motion was neither proposed nor executed".into()))?;
		Ok((motion, outcome))
	}

	/// A council member votes on the motion `hash`; the motion executes once it has its ayes.
	pub async fn council_vote(
		&self,
		member: &Keypair,
		hash: Hash,
		aye: bool,
	) -> Result<Outcome, Error> {
		let index = self.motion(hash).await?.index;
		let vote = chain::transactions().council().vote(hash, index, aye);
		let outcome = self.submit(member, vote).await?;
		let executed = outcome
			.events
			.iter()
			.any(|e| matches!(e, Event::Council(council::Event::Executed { .. })));
		if !executed {
			// With enough ayes the motion closes and executes in the same block.
			let motion = self.motion(hash).await;
			if let Ok(open) = motion {
				if open.ayes.len() as u32 >= open.threshold {
					return self.council_close(member, hash).await;
				}
			}
		}
		Ok(outcome)
	}

	/// Closes the motion `hash`: it executes if it has its ayes (or its voting period is over
	/// and the default votes give them), and is dropped otherwise.
	pub async fn council_close(&self, signer: &Keypair, hash: Hash) -> Result<Outcome, Error> {
		let index = self.motion(hash).await?.index;
		let call = self
			.stored(chain::storage().council().proposal_of(), (hash,))
			.await?
			.ok_or_else(|| Error::NotFound(format!("the motion {hash:?}")))?;
		let at = self.at(self.best_block().await?).await?;
		let weight = at
			.constants()
			.entry(chain::constants().council().max_proposal_weight())
			.map_err(Error::node)?;
		let close =
			chain::transactions().council().close(hash, index, weight, call.encoded_size() as u32);
		self.submit(signer, close).await
	}

	async fn motion(&self, hash: Hash) -> Result<OpenMotion, Error> {
		self.motions()
			.await?
			.into_iter()
			.find(|m| m.hash == hash)
			.ok_or_else(|| Error::NotFound(format!("an open motion {hash:?}")))
	}

	/// Moves a motion to admit `admin` (a majority of the council).
	pub async fn register_admin(
		&self,
		member: &Keypair,
		admin: AccountId,
	) -> Result<(Motion, Outcome), Error> {
		let call = pallet_registry::pallet::Call::register_admin { who: admin };
		self.propose(member, RuntimeCall::Registry(call), Share::Majority).await
	}

	/// Moves a motion to register `vault`'s account as a hospital vault answering at
	/// `endpoint` (a majority of the council).
	pub async fn register_vault(
		&self,
		member: &Keypair,
		vault: AccountId,
		endpoint: &str,
	) -> Result<(Motion, Outcome), Error> {
		let call = pallet_registry::pallet::Call::register_vault {
			vault,
			endpoint: endpoint.as_bytes().to_vec(),
		};
		self.propose(member, RuntimeCall::Registry(call), Share::Majority).await
	}

	/// Moves a motion to retire `vault` (a majority of the council).
	pub async fn retire_vault(
		&self,
		member: &Keypair,
		vault: AccountId,
	) -> Result<(Motion, Outcome), Error> {
		let call = pallet_registry::pallet::Call::retire_vault { vault };
		self.propose(member, RuntimeCall::Registry(call), Share::Majority).await
	}

	/// Moves a motion to set how many delegates each election picks (two thirds).
	pub async fn set_desired_delegates(
		&self,
		member: &Keypair,
		desired: u32,
	) -> Result<(Motion, Outcome), Error> {
		let call = pallet_dpos::pallet::Call::set_desired_delegates { desired };
		self.propose(member, RuntimeCall::Dpos(call), Share::TwoThirds).await
	}

	/// Moves a motion to add `who` to the council (a majority).
	pub async fn add_council_member(
		&self,
		member: &Keypair,
		who: AccountId,
	) -> Result<(Motion, Outcome), Error> {
		let call = pallet_membership::pallet::Call::add_member { who: who.into() };
		self.propose(member, RuntimeCall::CouncilMembership(call), Share::Majority).await
	}

	/// Moves a motion to authorise the runtime `code` (two thirds); once it executes, anyone
	/// applies the code with [`MedChain::apply_upgrade`].
	pub async fn authorize_upgrade(
		&self,
		member: &Keypair,
		code: &[u8],
	) -> Result<(Motion, Outcome), Error> {
		let code_hash = Hash::from(sp_crypto_hashing::blake2_256(code));
		let call = pallet_governance::pallet::Call::authorize_upgrade { code_hash };
		self.propose(member, RuntimeCall::Governance(call), Share::TwoThirds).await
	}

	/// Applies the runtime `code` the council authorised (anyone may).
	pub async fn apply_upgrade(&self, signer: &Keypair, code: Vec<u8>) -> Result<Outcome, Error> {
		self.submit(signer, chain::transactions().system().apply_authorized_upgrade(code)).await
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn shares_count_ayes_of_the_members() {
		assert_eq!([1, 2, 3, 4, 5].map(|n| Share::Majority.ayes(n)), [1, 2, 2, 3, 3]);
		assert_eq!([1, 2, 3, 4, 5, 6].map(|n| Share::TwoThirds.ayes(n)), [1, 2, 2, 3, 4, 4]);
	}
}

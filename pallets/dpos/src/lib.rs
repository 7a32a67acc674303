//! # DPoS pallet
//!
//! MedChain's consensus membership: token holders bond stake and vote for candidates; at each
//! session the best-backed candidates become the delegates, the only accounts whose nodes author
//! (Aura) and finalize (GRANDPA) blocks.
//!
//! ## Pallet API
//!
//! | call | origin | errors | event |
//! |---|---|---|---|
//! | [`bond`](Pallet::bond) | signed | `BondTooSmall`, `InsufficientBalance` | `Bonded` |
//! | [`unbond`](Pallet::unbond) | signed, bonded | `NotBonded`, `InsufficientBond`, `UnbondTooSmall`, `BondTooSmall`, `TooManyUnlockingChunks` | `Unbonded` |
//! | [`withdraw_unbonded`](Pallet::withdraw_unbonded) | signed, bonded | `NotBonded`, `NothingToWithdraw` | `Withdrawn` |
//! | [`register_candidate`](Pallet::register_candidate) | signed | `AlreadyCandidate`, `TooManyCandidates`, `InsufficientBalance` | `CandidateRegistered`, and `CandidateEvicted` when the list was full |
//! | [`unregister_candidate`](Pallet::unregister_candidate) | signed, a candidate | `NotCandidate` | `CandidateLeft` |
//! | [`vote`](Pallet::vote) | signed, bonded | `NotBonded`, `EmptyVote`, `TooManyVotes`, `DuplicateVote`, `UnknownCandidate`, `SelfVote` | `Voted` |
//! | [`remove_vote`](Pallet::remove_vote) | signed | `NoVote` | `VoteRemoved` |
//! | [`set_desired_delegates`](Pallet::set_desired_delegates) | `CouncilOrigin` | `InvalidDesiredDelegates` | `DesiredDelegatesSet` |
//! | [`note_finality_votes`](Pallet::note_finality_votes) | none: an inherent | | `FinalityVoteNoted` |
//!
//! At each session change the pallet emits `DelegatesElected` (each delegate with its backing)
//! or `NotEnoughCandidates`, and `DelegateKicked` for a delegate that took no part in a whole
//! session (see *Liveness*; or `KickFailed`, should the kick itself fail: a kick never fails
//! silently).
//! Every change is also written to the access log through [`Config::AuditTrail`]; the chain
//! itself (no actor) elects, kicks, evicts and slashes, and the account concerned is the subject.
//!
//! ## Liveness
//!
//! A delegate takes part in a session when it authors at least one block of it and, whenever
//! GRANDPA finalized anything in it, casts at least one GRANDPA vote in it. At the session's
//! end every delegate that did not is kicked: its candidacy ends, as if it had left.
//!
//! - Authorship is counted per block through `pallet_authorship::EventHandler` in
//!   [`AuthoredBlocks`].
//! - Votes are proven on chain: block authors include, in the `note_finality_votes` inherent,
//!   the latest signed GRANDPA precommit of each delegate that their node saw in a
//!   justification ([`FINALITY_VOTES_INHERENT`]) and that the chain has not counted yet this
//!   session.
//!   A precommit counts when its signature verifies against the delegate's GRANDPA session key
//!   and the current authority set, and it votes for a block of this chain in the current
//!   session, so a vote cannot be replayed from an earlier session. A delegate whose precommits
//!   count is marked in [`FinalityVoted`] (`FinalityVoteNoted`).
//! - In a session in which no delegate's vote counted (finality stalled: more than a third of
//!   the delegates down, or GRANDPA not running), nobody is kicked for not voting, since the
//!   chain cannot tell who withheld their vote.
//!
//! An author can only leave precommits out, not forge them; a delegate is kicked for not voting
//! only when no author of the whole session included one of its votes.
//!
//! ## Offences
//!
//! The pallet is the runtime's `OnOffenceHandler`: a proven offence (a GRANDPA equivocation,
//! reported with a historical key-ownership proof through pallet-offences) burns the offence's
//! slash fraction of the offender's own stake (its candidacy bond, bonded and unbonding
//! stake; its voters keep theirs), ends its candidacy, and takes it out of the validator set
//! already queued for the next session, so that it authors and votes no more from then on
//! (`Slashed`, and a `Slashed` log entry). Were fewer than `MinDelegates` to remain, it serves
//! until the first election after the report, which no longer sees its candidacy. An account is
//! slashed once per session ([`SlashedFor`]), however many reports arrive.
//!
//! ## Overview
//!
//! Stake is held, never locked or reserved: `bond` holds funds, `unbond` moves them into an
//! unlocking chunk released by `withdraw_unbonded` after `UnbondingPeriod` blocks. An unbond
//! moves at least `MinBond` (or everything), and chunks unlocking in the same block merge, so
//! that filling the `MaxUnlockingChunks` chunks costs real stake; a candidacy bond that ends
//! when the chunks are full merges into the latest chunk, so a kick or an eviction always
//! succeeds.
//!
//! The candidate list is bounded by `MaxCandidates`. When it is full, a newcomer whose own
//! bonded stake exceeds the backing of the least-backed candidate that is not a delegate
//! evicts that candidate (ties keep the earlier candidacy): a list of unbacked candidates
//! cannot keep backed newcomers out. A candidate
//! holds `CandidacyBond` while standing; on leaving (or being kicked) it becomes an unlocking
//! chunk too. Voting is approval voting: a voter approves up to `MaxVotes` candidates, and each
//! of them is backed by the voter's whole bonded stake. A candidate's backing is its own bonded
//! stake plus the bonded stake of every voter approving it.
//!
//! The pallet is pallet-session's `SessionManager`: for each new session it elects the top
//! `DesiredDelegates` candidates with session keys by backing, ties going to the earlier
//! candidacy. With fewer than `MinDelegates` such candidates the current delegates stay, so the
//! chain never halts for lack of delegates.
//!
//! ## Low Level / Implementation Details
//!
//! Backing is kept up to date as stake and votes change, touching at most `MaxVotes`
//! candidates per call. A vote names the candidacy it approved ([`Candidate::index`]), so a
//! vote for a candidate that left does not count for a later candidacy of the same account.
//! [`AuthoredBlocks`] and [`FinalityVoted`] are bounded by the delegate set and cleared at
//! each session end. The election reads every candidate (at most `MaxCandidates`) and registers its benchmarked
//! weight. `try_state` recomputes every backing and every held amount.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use frame_support::{
	dispatch::DispatchClass,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision},
		Get,
	},
	BoundedVec,
};
use medchain_primitives::{AuditAction, AuditEvent, AuditTrail};
use sp_consensus_grandpa::{AuthorityId as FinalityId, AuthoritySignature as FinalitySignature};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, Perbill,
};
use sp_staking::{offence::OffenceDetails, SessionIndex};

/// The inherent data the node gives block authors: the GRANDPA precommits it saw, as a
/// `Vec<FinalityVote<Hash, BlockNumber>>`.
pub const FINALITY_VOTES_INHERENT: frame_support::inherent::InherentIdentifier = *b"mcfinvot";

/// One GRANDPA precommit as its authority signed it: proof that the authority voted.
#[derive(
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Debug,
	scale_info::TypeInfo,
)]
pub struct FinalityVote<Hash, BlockNumber> {
	/// The GRANDPA round it was cast in.
	pub round: u64,
	/// The block it voted for.
	pub target_hash: Hash,
	/// That block's number.
	pub target_number: BlockNumber,
	/// The GRANDPA key that signed it.
	pub authority: FinalityId,
	/// The signature over the precommit, its round and the authority set.
	pub signature: FinalitySignature,
}

/// A balance of the staked currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A GRANDPA precommit of this chain.
pub type FinalityVoteOf<T> = FinalityVote<
	<T as frame_system::Config>::Hash,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// The GRANDPA precommits one block counts: at most one per delegate.
pub type FinalityVotesOf<T> = BoundedVec<FinalityVoteOf<T>, <T as Config>::MaxDelegates>;

/// What the GRANDPA votes of one block are checked against, read once for all of them.
struct VoteWindow<T: Config> {
	/// The delegates of the current session.
	delegates: BoundedVec<T::AccountId, T::MaxDelegates>,
	/// The current session.
	session: SessionIndex,
	/// The session's first block: votes for earlier blocks do not count.
	start: frame_system::pallet_prelude::BlockNumberFor<T>,
	/// The current block: votes are for blocks before it.
	now: frame_system::pallet_prelude::BlockNumberFor<T>,
	/// The GRANDPA authority set votes must be signed in.
	set_id: sp_consensus_grandpa::SetId,
}

impl<T: Config> VoteWindow<T> {
	fn current() -> Self {
		let (session, start) = CurrentSession::<T>::get();
		VoteWindow {
			delegates: ActiveDelegates::<T>::get(),
			session,
			start,
			now: frame_system::Pallet::<T>::block_number(),
			set_id: T::FinalitySetId::get(),
		}
	}

	/// The delegate `vote` counts for: a delegate not counted yet this session, whose GRANDPA
	/// key signed `vote` in the current authority set, for a block of this chain in the current
	/// session.
	fn voter(&self, vote: &FinalityVoteOf<T>) -> Option<T::AccountId> {
		let who = T::SessionKeys::finality_key_owner(&vote.authority)?;
		if !self.delegates.contains(&who) || FinalityVoted::<T>::contains_key(&who) {
			return None;
		}
		let number = vote.target_number;
		let in_session = number >= self.start && number < self.now;
		if !in_session || frame_system::Pallet::<T>::block_hash(number) != vote.target_hash {
			return None;
		}
		let precommit = finality_grandpa::Message::Precommit(finality_grandpa::Precommit {
			target_hash: vote.target_hash,
			target_number: number,
		});
		sp_consensus_grandpa::check_message_signature(
			&precommit,
			&vote.authority,
			&vote.signature,
			vote.round,
			self.set_id,
		)
		.is_valid()
		.then_some(who)
	}
}

/// Elected delegates, each with its backing, best first.
pub type ElectedOf<T> =
	BoundedVec<(<T as frame_system::Config>::AccountId, BalanceOf<T>), <T as Config>::MaxDelegates>;

/// Whether an account has session keys, so that its node can author and finalize.
pub trait SessionKeys<AccountId> {
	/// Whether `who` has set session keys.
	fn has_keys(who: &AccountId) -> bool;

	/// Takes `who` out of the validator set already queued for the next session, unless fewer
	/// than `min` validators would remain; whether it did.
	fn leave_next_session(who: &AccountId, min: u32) -> bool;

	/// The account whose session keys include the GRANDPA key `key`.
	fn finality_key_owner(key: &FinalityId) -> Option<AccountId>;

	/// Gives `who` session keys, for benchmarks that need electable candidates.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_keys_for_benchmark(who: &AccountId);

	/// Makes `key` the GRANDPA key of `who`, for benchmarks of its votes.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_finality_key_for_benchmark(who: &AccountId, key: &FinalityId);
}

/// pallet-session's keys and queued validator set, for a runtime whose validators are its
/// accounts.
pub struct PalletSession<T>(core::marker::PhantomData<T>);

impl<T: pallet_session::Config> SessionKeys<T::ValidatorId> for PalletSession<T> {
	fn has_keys(who: &T::ValidatorId) -> bool {
		pallet_session::NextKeys::<T>::contains_key(who)
	}

	fn leave_next_session(who: &T::ValidatorId, min: u32) -> bool {
		let mut queued = pallet_session::QueuedKeys::<T>::get();
		let before = queued.len();
		queued.retain(|(validator, _)| validator != who);
		if queued.len() == before || (queued.len() as u32) < min.max(1) {
			return false;
		}
		pallet_session::QueuedKeys::<T>::put(queued);
		pallet_session::QueuedChanged::<T>::put(true);
		true
	}

	fn finality_key_owner(key: &FinalityId) -> Option<T::ValidatorId> {
		pallet_session::Pallet::<T>::key_owner(sp_consensus_grandpa::KEY_TYPE, key.as_ref())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_keys_for_benchmark(who: &T::ValidatorId) {
		use codec::Decode;
		// Keys of zero bytes decode for every key type this chain uses (sr25519, ed25519).
		if let Ok(keys) = T::Keys::decode(&mut sp_runtime::traits::TrailingZeroInput::zeroes()) {
			pallet_session::NextKeys::<T>::insert(who, keys);
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_finality_key_for_benchmark(who: &T::ValidatorId, key: &FinalityId) {
		let owner = (sp_consensus_grandpa::KEY_TYPE, AsRef::<[u8]>::as_ref(key).to_vec());
		pallet_session::KeyOwner::<T>::insert(owner, who);
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		inherent::{InherentData, InherentIdentifier, ProvideInherent},
		pallet_prelude::*,
	};
	use frame_system::pallet_prelude::*;

	/// Stake that is unbonding, released at `unlock_at`.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
	pub struct UnlockChunk<Balance, BlockNumber> {
		/// How much.
		pub value: Balance,
		/// The first block at which `withdraw_unbonded` releases it.
		pub unlock_at: BlockNumber,
	}

	/// An account's stake: what is bonded and what is unbonding.
	#[derive(
		Encode,
		Decode,
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		DebugNoBound,
		TypeInfo,
		MaxEncodedLen,
	)]
	#[scale_info(skip_type_params(T))]
	#[codec(mel_bound())]
	pub struct StakeLedger<T: Config> {
		/// Bonded stake: it backs the account's own candidacy and the candidates it votes for.
		pub active: BalanceOf<T>,
		/// Unbonding stake, oldest first.
		pub unlocking:
			BoundedVec<UnlockChunk<BalanceOf<T>, BlockNumberFor<T>>, T::MaxUnlockingChunks>,
	}

	impl<T: Config> StakeLedger<T> {
		/// Everything held for this ledger.
		pub fn total(&self) -> BalanceOf<T> {
			self.unlocking
				.iter()
				.fold(self.active, |total, chunk| total.saturating_add(chunk.value))
		}
	}

	/// A delegate candidate.
	#[derive(
		Encode,
		Decode,
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		DebugNoBound,
		TypeInfo,
		MaxEncodedLen,
	)]
	#[scale_info(skip_type_params(T))]
	#[codec(mel_bound())]
	pub struct Candidate<T: Config> {
		/// The candidacy's number: votes name it, and ties go to the lower.
		pub index: u32,
		/// The candidacy bond held.
		pub bond: BalanceOf<T>,
		/// Its own bonded stake plus the bonded stake of every voter approving it.
		pub backing: BalanceOf<T>,
	}

	/// A voter's approvals: each candidate with the candidacy number it approved.
	pub type VotesOf<T> =
		BoundedVec<(<T as frame_system::Config>::AccountId, u32), <T as Config>::MaxVotes>;

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Bonded or unbonding stake.
		Staking,
		/// A candidate's candidacy bond.
		CandidacyBond,
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The staked currency.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;
		/// Who may change `DesiredDelegates`: two thirds of the consortium's council in the runtime,
		/// since it touches consensus.
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Which accounts have session keys (pallet-session's keys, in the runtime).
		type SessionKeys: SessionKeys<Self::AccountId>;
		/// The access log.
		type AuditTrail: AuditTrail<Self::AccountId>;
		/// The least bonded stake an account may have (other than none).
		#[pallet::constant]
		type MinBond: Get<BalanceOf<Self>>;
		/// What a candidate holds while standing.
		#[pallet::constant]
		type CandidacyBond: Get<BalanceOf<Self>>;
		/// Blocks between unbonding and withdrawing.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;
		/// The most unlocking chunks per account.
		#[pallet::constant]
		type MaxUnlockingChunks: Get<u32>;
		/// The most candidates one voter approves.
		#[pallet::constant]
		type MaxVotes: Get<u32>;
		/// The most candidates at once.
		#[pallet::constant]
		type MaxCandidates: Get<u32>;
		/// The most delegates `DesiredDelegates` may ask for.
		#[pallet::constant]
		type MaxDelegates: Get<u32>;
		/// The fewest electable candidates for an election to replace the delegates.
		#[pallet::constant]
		type MinDelegates: Get<u32>;
		/// The current GRANDPA authority set's id, which GRANDPA votes sign.
		type FinalitySetId: Get<sp_consensus_grandpa::SetId>;
		/// The weights of this pallet's calls and of the election.
		type WeightInfo: WeightInfo;
	}

	/// Each account's bonded and unbonding stake.
	// Blake2: accounts are chosen by their users.
	#[pallet::storage]
	pub type Ledger<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, StakeLedger<T>>;

	/// The candidates.
	#[pallet::storage]
	pub type Candidates<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Candidate<T>>;

	/// How many candidates there are.
	#[pallet::storage]
	pub type CandidateCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The number the next candidacy gets.
	#[pallet::storage]
	pub type NextCandidacyIndex<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Each voter's approvals.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, VotesOf<T>>;

	/// How many delegates each election picks.
	#[pallet::storage]
	pub type DesiredDelegates<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The delegates the last election chose, for the session after the current one.
	#[pallet::storage]
	pub type Delegates<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxDelegates>, ValueQuery>;

	/// The delegates of the current session.
	#[pallet::storage]
	pub type ActiveDelegates<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxDelegates>, ValueQuery>;

	/// Delegates elected for sessions that have not started yet, by session (at most two).
	#[pallet::storage]
	pub type Planned<T: Config> =
		StorageMap<_, Twox64Concat, u32, BoundedVec<T::AccountId, T::MaxDelegates>>;

	/// Blocks each author authored in the current session.
	#[pallet::storage]
	pub type AuthoredBlocks<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Delegates of the current session with a GRANDPA vote in it counted.
	#[pallet::storage]
	pub type FinalityVoted<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	/// The current session and the block it started at; GRANDPA votes for earlier blocks do not
	/// count for it.
	#[pallet::storage]
	pub type CurrentSession<T: Config> =
		StorageValue<_, (SessionIndex, BlockNumberFor<T>), ValueQuery>;

	/// The session of the latest offence each account was slashed for: further reports of
	/// offences in that session or earlier slash it no more. One entry per punished account.
	#[pallet::storage]
	pub type SlashedFor<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, SessionIndex>;

	/// The stakers, candidates and votes a chain starts with.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Accounts and the stake each bonds.
		pub stakers: Vec<(T::AccountId, BalanceOf<T>)>,
		/// Accounts that stand as candidates, in candidacy order.
		pub candidates: Vec<T::AccountId>,
		/// Voters (who must be stakers) and the candidates each approves.
		pub votes: Vec<(T::AccountId, Vec<T::AccountId>)>,
		/// How many delegates each election picks.
		pub desired_delegates: u32,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			fn fail(what: &str, e: DispatchError) -> ! {
				panic!("dpos genesis: {what}: {e:?}")
			}
			assert!(
				self.desired_delegates <= T::MaxDelegates::get(),
				"dpos genesis: desired_delegates exceeds MaxDelegates"
			);
			DesiredDelegates::<T>::put(self.desired_delegates);
			for (who, amount) in &self.stakers {
				Pallet::<T>::do_bond(who, *amount).unwrap_or_else(|e| fail("bond", e));
			}
			for who in &self.candidates {
				Pallet::<T>::do_register(who).unwrap_or_else(|e| fail("candidacy", e));
			}
			for (voter, candidates) in &self.votes {
				Pallet::<T>::do_vote(voter, candidates.clone()).unwrap_or_else(|e| fail("vote", e));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account bonded stake.
		Bonded { who: T::AccountId, amount: BalanceOf<T> },
		/// An account started unbonding stake, withdrawable from `unlock_at`.
		Unbonded { who: T::AccountId, amount: BalanceOf<T>, unlock_at: BlockNumberFor<T> },
		/// An account withdrew unbonded stake.
		Withdrawn { who: T::AccountId, amount: BalanceOf<T> },
		/// An account became a candidate.
		CandidateRegistered { who: T::AccountId, index: u32 },
		/// A candidate left; its bond unlocks after the unbonding period.
		CandidateLeft { who: T::AccountId },
		/// A voter replaced their approvals.
		Voted { voter: T::AccountId, candidates: Vec<T::AccountId> },
		/// A voter removed their approvals.
		VoteRemoved { voter: T::AccountId },
		/// The election for `session` chose these delegates, each with its backing.
		DelegatesElected { session: u32, delegates: ElectedOf<T> },
		/// Too few electable candidates for `session`; the current delegates stay.
		NotEnoughCandidates { session: u32, electable: u32 },
		/// A delegate took no part in session `session` and lost its candidacy: it authored
		/// `authored` blocks (none), or cast no GRANDPA vote that counted (`voted` is false)
		/// while others' did.
		DelegateKicked { who: T::AccountId, session: u32, authored: u32, voted: bool },
		/// A GRANDPA vote of delegate `who` in session `session` counted: it takes part in
		/// finality.
		FinalityVoteNoted { who: T::AccountId, session: SessionIndex },
		/// Kicking an idle delegate failed; it keeps its candidacy until the next session's
		/// check.
		KickFailed { who: T::AccountId, session: u32, error: DispatchError },
		/// A full candidate list dropped its least-backed candidate `who` for `by`.
		CandidateEvicted { who: T::AccountId, by: T::AccountId },
		/// `DesiredDelegates` changed.
		DesiredDelegatesSet { desired: u32 },
		/// A proven offence in `session` cost `who` `amount` of its own stake (burnt). It lost its
		/// candidacy; `removed` says it left the validator set queued for the next session (it
		/// stays only when that would leave fewer than `MinDelegates`, until the next election).
		Slashed { who: T::AccountId, session: SessionIndex, amount: BalanceOf<T>, removed: bool },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The bonded stake would be below `MinBond`; bond more, or unbond everything.
		BondTooSmall,
		/// The account cannot pay this; fund it first.
		InsufficientBalance,
		/// The account has no bonded stake; bond first.
		NotBonded,
		/// The account has less bonded stake than that.
		InsufficientBond,
		/// The account has `MaxUnlockingChunks` chunks unbonding; withdraw the matured ones
		/// first.
		TooManyUnlockingChunks,
		/// No unbonding stake has matured yet; wait until the unbonding period has passed.
		NothingToWithdraw,
		/// The account is already a candidate.
		AlreadyCandidate,
		/// There are `MaxCandidates` candidates already, and none that is not a delegate is
		/// backed less than the caller's own bonded stake; bond more to take the place of the
		/// least-backed one.
		TooManyCandidates,
		/// The account is not a candidate.
		NotCandidate,
		/// A vote needs at least one candidate; use `remove_vote` to withdraw approval.
		EmptyVote,
		/// A vote approves at most `MaxVotes` candidates.
		TooManyVotes,
		/// A vote names the same candidate twice.
		DuplicateVote,
		/// A vote names an account that is not a candidate.
		UnknownCandidate,
		/// A candidate's own stake backs it already; a vote may approve others only.
		SelfVote,
		/// The account has no vote to remove.
		NoVote,
		/// `DesiredDelegates` must be between `MinDelegates` (at least 1) and `MaxDelegates`.
		InvalidDesiredDelegates,
		/// An unbond moves at least `MinBond`, or all the bonded stake; smaller amounts would
		/// only fill the unlocking chunks.
		UnbondTooSmall,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinDelegates::get() >= 1, "MinDelegates must be at least 1");
			assert!(
				T::MinDelegates::get() <= T::MaxDelegates::get(),
				"MinDelegates > MaxDelegates"
			);
			assert!(T::MaxVotes::get() >= 1, "MaxVotes must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Bonds `amount` more of the caller's funds, holding it. The bonded total must reach
		/// `MinBond`. It backs the caller's candidacy and the candidates they vote for.
		///
		/// Origin: signed. Emits `Bonded`. Errors: `BondTooSmall`, `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::bond())]
		pub fn bond(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bond(&who, amount)?;
			T::AuditTrail::log(AuditEvent::new(Some(who), AuditAction::Bonded));
			Ok(())
		}

		/// Starts unbonding `amount` of the caller's bonded stake: it stops backing at once and
		/// may be withdrawn after `UnbondingPeriod` blocks. `amount` is at least `MinBond`, or
		/// everything bonded; what stays bonded must be nothing or at least `MinBond`.
		///
		/// Origin: signed, bonded. Emits `Unbonded`. Errors: `NotBonded`, `InsufficientBond`,
		/// `UnbondTooSmall`, `BondTooSmall`, `TooManyUnlockingChunks`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut ledger = Ledger::<T>::get(&who).ok_or(Error::<T>::NotBonded)?;
			ensure!(!ledger.active.is_zero(), Error::<T>::NotBonded);
			ensure!(amount <= ledger.active, Error::<T>::InsufficientBond);
			ensure!(
				amount == ledger.active || amount >= T::MinBond::get(),
				Error::<T>::UnbondTooSmall
			);
			let remaining = ledger.active.saturating_sub(amount);
			ensure!(
				remaining.is_zero() || remaining >= T::MinBond::get(),
				Error::<T>::BondTooSmall
			);
			let unlock_at = Self::add_chunk(&mut ledger, amount, false)?;
			ledger.active = remaining;
			Ledger::<T>::insert(&who, ledger);
			Self::adjust_backing(&who, amount, false);
			Self::deposit_event(Event::Unbonded { who: who.clone(), amount, unlock_at });
			T::AuditTrail::log(AuditEvent::new(Some(who), AuditAction::Unbonded));
			Ok(())
		}

		/// Releases the caller's unbonding stake whose unbonding period has passed.
		///
		/// Origin: signed, bonded. Emits `Withdrawn`. Errors: `NotBonded`, `NothingToWithdraw`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut ledger = Ledger::<T>::get(&who).ok_or(Error::<T>::NotBonded)?;
			let now = frame_system::Pallet::<T>::block_number();
			let mut amount = BalanceOf::<T>::zero();
			ledger.unlocking.retain(|chunk| {
				let matured = chunk.unlock_at <= now;
				if matured {
					amount = amount.saturating_add(chunk.value);
				}
				!matured
			});
			ensure!(!amount.is_zero(), Error::<T>::NothingToWithdraw);
			T::Currency::release(&HoldReason::Staking.into(), &who, amount, Precision::Exact)?;
			if ledger.active.is_zero() && ledger.unlocking.is_empty() {
				// Nothing is staked any more: the votes would back nothing.
				Ledger::<T>::remove(&who);
				Votes::<T>::remove(&who);
			} else {
				Ledger::<T>::insert(&who, ledger);
			}
			Self::deposit_event(Event::Withdrawn { who: who.clone(), amount });
			T::AuditTrail::log(AuditEvent::new(Some(who), AuditAction::WithdrewUnbonded));
			Ok(())
		}

		/// Makes the caller a delegate candidate, holding `CandidacyBond`. To be elected it also
		/// needs session keys (`session.set_keys`) and backing. When the list is full, the
		/// least-backed candidate that is not a delegate makes way if the caller's own bonded
		/// stake exceeds its backing.
		///
		/// Origin: signed. Emits `CandidateRegistered` (and `CandidateEvicted`).
		/// Errors: `AlreadyCandidate`, `TooManyCandidates`, `InsufficientBalance`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::register_candidate())]
		pub fn register_candidate(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(&who)?;
			T::AuditTrail::log(AuditEvent::new(Some(who), AuditAction::CandidateRegistered));
			Ok(())
		}

		/// Withdraws the caller's candidacy. Its bond unlocks after `UnbondingPeriod` blocks,
		/// as an unbonding chunk (merged into the latest one when the chunks are full). Votes
		/// for it stop counting.
		///
		/// Origin: signed, a candidate. Emits `CandidateLeft`. Errors: `NotCandidate`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::unregister_candidate())]
		pub fn unregister_candidate(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::remove_candidate(&who)?;
			Self::deposit_event(Event::CandidateLeft { who: who.clone() });
			T::AuditTrail::log(AuditEvent::new(Some(who), AuditAction::CandidateLeft));
			Ok(())
		}

		/// Approves `candidates` (at most `MaxVotes`), each backed by the caller's whole bonded
		/// stake; replaces the caller's earlier vote.
		///
		/// Origin: signed, bonded. Emits `Voted`. Errors: `NotBonded`, `EmptyVote`,
		/// `TooManyVotes`, `DuplicateVote`, `UnknownCandidate`, `SelfVote`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::vote(candidates.len() as u32))]
		pub fn vote(origin: OriginFor<T>, candidates: Vec<T::AccountId>) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			Self::do_vote(&voter, candidates)?;
			T::AuditTrail::log(AuditEvent::new(Some(voter), AuditAction::Voted));
			Ok(())
		}

		/// Removes the caller's vote; the candidates lose the caller's backing.
		///
		/// Origin: signed. Emits `VoteRemoved`. Errors: `NoVote`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_vote())]
		pub fn remove_vote(origin: OriginFor<T>) -> DispatchResult {
			let voter = ensure_signed(origin)?;
			let votes = Votes::<T>::take(&voter).ok_or(Error::<T>::NoVote)?;
			let stake = Self::active_stake(&voter);
			Self::back(&votes, stake, false);
			Self::deposit_event(Event::VoteRemoved { voter: voter.clone() });
			T::AuditTrail::log(AuditEvent::new(Some(voter), AuditAction::VoteRemoved));
			Ok(())
		}

		/// Sets how many delegates each election picks, from the next session change.
		///
		/// Origin: `CouncilOrigin`. Emits `DesiredDelegatesSet`. Errors: `InvalidDesiredDelegates`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_desired_delegates())]
		pub fn set_desired_delegates(origin: OriginFor<T>, desired: u32) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			ensure!(
				desired >= T::MinDelegates::get() && desired <= T::MaxDelegates::get(),
				Error::<T>::InvalidDesiredDelegates
			);
			DesiredDelegates::<T>::put(desired);
			Self::deposit_event(Event::DesiredDelegatesSet { desired });
			T::AuditTrail::log(AuditEvent::new(None, AuditAction::DesiredDelegatesSet(desired)));
			Ok(())
		}

		/// Counts GRANDPA votes (see *Liveness* in the pallet's documentation): each delegate
		/// with a precommit in `votes` that it signed in the current authority set, for a block
		/// of this chain in the current session, takes part in finality this session. Votes that
		/// do not count (a bad signature, another authority set or session, a block not of this
		/// chain, a delegate counted already) are skipped.
		///
		/// Origin: none; block authors include it as an inherent. Emits `FinalityVoteNoted` for
		/// each delegate counted.
		#[pallet::call_index(8)]
		#[pallet::weight((
			T::WeightInfo::note_finality_votes(votes.len() as u32),
			DispatchClass::Mandatory
		))]
		pub fn note_finality_votes(
			origin: OriginFor<T>,
			votes: FinalityVotesOf<T>,
		) -> DispatchResult {
			ensure_none(origin)?;
			let window = VoteWindow::<T>::current();
			for vote in votes {
				if let Some(who) = window.voter(&vote) {
					FinalityVoted::<T>::insert(&who, ());
					Self::deposit_event(Event::FinalityVoteNoted { who, session: window.session });
				}
			}
			Ok(())
		}
	}

	#[pallet::inherent]
	impl<T: Config> ProvideInherent for Pallet<T> {
		type Call = Call<T>;
		type Error = frame_support::inherent::MakeFatalError<()>;
		const INHERENT_IDENTIFIER: InherentIdentifier = FINALITY_VOTES_INHERENT;

		/// Keeps the votes the node saw that would count, one per delegate; none, no inherent.
		fn create_inherent(data: &InherentData) -> Option<Self::Call> {
			let seen: Vec<FinalityVoteOf<T>> =
				data.get_data(&FINALITY_VOTES_INHERENT).ok().flatten()?;
			let window = VoteWindow::<T>::current();
			let mut counted = Vec::new();
			let votes: Vec<_> = seen
				.into_iter()
				.filter(|vote| match window.voter(vote) {
					Some(who) if !counted.contains(&who) => {
						counted.push(who);
						true
					},
					_ => false,
				})
				.collect();
			(!votes.is_empty())
				.then(|| Call::note_finality_votes { votes: BoundedVec::truncate_from(votes) })
		}

		fn is_inherent(call: &Self::Call) -> bool {
			matches!(call, Call::note_finality_votes { .. })
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Every candidate with its backing and whether it has session keys (at most
		/// `MaxCandidates`).
		pub fn candidates() -> Vec<(T::AccountId, Candidate<T>, bool)> {
			Candidates::<T>::iter()
				.take(T::MaxCandidates::get() as usize)
				.map(|(who, candidate)| {
					let keys = T::SessionKeys::has_keys(&who);
					(who, candidate, keys)
				})
				.collect()
		}

		/// The delegates of the current session.
		pub fn delegates() -> Vec<T::AccountId> {
			ActiveDelegates::<T>::get().into_inner()
		}
	}
}

impl<T: Config> Pallet<T> {
	fn active_stake(who: &T::AccountId) -> BalanceOf<T> {
		Ledger::<T>::get(who).map_or_else(Zero::zero, |ledger| ledger.active)
	}

	fn do_bond(who: &T::AccountId, amount: BalanceOf<T>) -> sp_runtime::DispatchResult {
		let mut ledger = Ledger::<T>::get(who)
			.unwrap_or(StakeLedger { active: Zero::zero(), unlocking: Default::default() });
		let active = ledger.active.saturating_add(amount);
		frame_support::ensure!(
			!amount.is_zero() && active >= T::MinBond::get(),
			Error::<T>::BondTooSmall
		);
		T::Currency::hold(&HoldReason::Staking.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		ledger.active = active;
		Ledger::<T>::insert(who, ledger);
		Self::adjust_backing(who, amount, true);
		Self::deposit_event(Event::Bonded { who: who.clone(), amount });
		Ok(())
	}

	/// Adds an unlocking chunk of `amount` to `ledger`; returns when it unlocks. A chunk
	/// unlocking in the same block takes it; when the chunks are full, the latest chunk takes
	/// it if `merge_when_full` (it unlocks when the later of the two would), and otherwise
	/// `TooManyUnlockingChunks` is the error.
	fn add_chunk(
		ledger: &mut StakeLedger<T>,
		amount: BalanceOf<T>,
		merge_when_full: bool,
	) -> Result<frame_system::pallet_prelude::BlockNumberFor<T>, DispatchError> {
		let unlock_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		let full = ledger.unlocking.len() as u32 >= T::MaxUnlockingChunks::get();
		let merge_into = match ledger.unlocking.last_mut() {
			Some(last) if last.unlock_at == unlock_at || (full && merge_when_full) => Some(last),
			_ => None,
		};
		match merge_into {
			Some(last) => {
				last.value = last.value.saturating_add(amount);
				last.unlock_at = last.unlock_at.max(unlock_at);
				Ok(last.unlock_at)
			},
			None => {
				ledger
					.unlocking
					.try_push(UnlockChunk { value: amount, unlock_at })
					.map_err(|_| Error::<T>::TooManyUnlockingChunks)?;
				Ok(unlock_at)
			},
		}
	}

	/// Raises (or lowers) by `amount` the backing of `who`'s own candidacy and of every
	/// candidacy `who` votes for.
	fn adjust_backing(who: &T::AccountId, amount: BalanceOf<T>, raise: bool) {
		Candidates::<T>::mutate(who, |candidate| {
			if let Some(candidate) = candidate {
				candidate.backing = Self::moved(candidate.backing, amount, raise);
			}
		});
		if let Some(votes) = Votes::<T>::get(who) {
			Self::back(&votes, amount, raise);
		}
	}

	/// Raises (or lowers) by `amount` the backing of each candidacy in `votes` that still
	/// stands.
	fn back(votes: &VotesOf<T>, amount: BalanceOf<T>, raise: bool) {
		for (candidate, index) in votes {
			Candidates::<T>::mutate(candidate, |candidate| {
				if let Some(candidate) = candidate.as_mut().filter(|c| c.index == *index) {
					candidate.backing = Self::moved(candidate.backing, amount, raise);
				}
			});
		}
	}

	fn moved(value: BalanceOf<T>, amount: BalanceOf<T>, raise: bool) -> BalanceOf<T> {
		if raise {
			value.saturating_add(amount)
		} else {
			value.saturating_sub(amount)
		}
	}

	fn do_register(who: &T::AccountId) -> sp_runtime::DispatchResult {
		frame_support::ensure!(!Candidates::<T>::contains_key(who), Error::<T>::AlreadyCandidate);
		let bond = T::CandidacyBond::get();
		// A failure after an eviction (no funds for the bond) undoes the eviction: calls are
		// transactional.
		if CandidateCount::<T>::get() >= T::MaxCandidates::get() {
			let weakest = Self::weakest_evictable().ok_or(Error::<T>::TooManyCandidates)?;
			frame_support::ensure!(
				Self::active_stake(who) > weakest.1,
				Error::<T>::TooManyCandidates
			);
			Self::remove_candidate(&weakest.0)?;
			Self::deposit_event(Event::CandidateEvicted {
				who: weakest.0.clone(),
				by: who.clone(),
			});
			T::AuditTrail::log(
				AuditEvent::new(Some(who.clone()), AuditAction::Evicted).subject(weakest.0),
			);
		}
		let count = CandidateCount::<T>::get();
		T::Currency::hold(&HoldReason::CandidacyBond.into(), who, bond)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let index = NextCandidacyIndex::<T>::get();
		NextCandidacyIndex::<T>::put(index.saturating_add(1));
		CandidateCount::<T>::put(count.saturating_add(1));
		Candidates::<T>::insert(who, Candidate { index, bond, backing: Self::active_stake(who) });
		Self::deposit_event(Event::CandidateRegistered { who: who.clone(), index });
		Ok(())
	}

	/// The least-backed candidate that is not a delegate (of this session or the next), with
	/// its backing; of equals, the later candidacy.
	fn weakest_evictable() -> Option<(T::AccountId, BalanceOf<T>)> {
		let (active, next) = (ActiveDelegates::<T>::get(), Delegates::<T>::get());
		Candidates::<T>::iter()
			.filter(|(who, _)| !active.contains(who) && !next.contains(who))
			.min_by(|a, b| a.1.backing.cmp(&b.1.backing).then(b.1.index.cmp(&a.1.index)))
			.map(|(who, candidate)| (who, candidate.backing))
	}

	/// Ends `who`'s candidacy and turns its bond into an unbonding chunk.
	fn remove_candidate(who: &T::AccountId) -> sp_runtime::DispatchResult {
		let candidate = Candidates::<T>::get(who).ok_or(Error::<T>::NotCandidate)?;
		let mut ledger = Ledger::<T>::get(who)
			.unwrap_or(StakeLedger { active: Zero::zero(), unlocking: Default::default() });
		Self::add_chunk(&mut ledger, candidate.bond, true)?;
		T::Currency::release(
			&HoldReason::CandidacyBond.into(),
			who,
			candidate.bond,
			Precision::Exact,
		)?;
		T::Currency::hold(&HoldReason::Staking.into(), who, candidate.bond)?;
		Ledger::<T>::insert(who, ledger);
		Candidates::<T>::remove(who);
		CandidateCount::<T>::mutate(|count| count.saturating_dec());
		Ok(())
	}

	fn do_vote(voter: &T::AccountId, candidates: Vec<T::AccountId>) -> sp_runtime::DispatchResult {
		let stake = Self::active_stake(voter);
		frame_support::ensure!(!stake.is_zero(), Error::<T>::NotBonded);
		frame_support::ensure!(!candidates.is_empty(), Error::<T>::EmptyVote);
		frame_support::ensure!(
			candidates.len() as u32 <= T::MaxVotes::get(),
			Error::<T>::TooManyVotes
		);
		let mut votes = VotesOf::<T>::default();
		for (n, candidate) in candidates.iter().enumerate() {
			frame_support::ensure!(!candidates[..n].contains(candidate), Error::<T>::DuplicateVote);
			frame_support::ensure!(candidate != voter, Error::<T>::SelfVote);
			let index = Candidates::<T>::get(candidate).ok_or(Error::<T>::UnknownCandidate)?.index;
			votes.try_push((candidate.clone(), index)).map_err(|_| Error::<T>::TooManyVotes)?;
		}
		if let Some(old) = Votes::<T>::get(voter) {
			Self::back(&old, stake, false);
		}
		Self::back(&votes, stake, true);
		Votes::<T>::insert(voter, votes);
		Self::deposit_event(Event::Voted { voter: voter.clone(), candidates });
		Ok(())
	}

	/// The next delegates: the top `DesiredDelegates` candidates with session keys by backing,
	/// ties to the earlier candidacy; `Err` with the number of electable candidates when fewer
	/// than `MinDelegates`.
	pub fn elect() -> Result<ElectedOf<T>, u32> {
		let mut electable: Vec<_> = Candidates::<T>::iter()
			.filter(|(who, _)| T::SessionKeys::has_keys(who))
			.map(|(who, c)| (who, c.backing, c.index))
			.collect();
		let count = electable.len() as u32;
		if count < T::MinDelegates::get() || count == 0 {
			return Err(count);
		}
		electable.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
		let desired =
			DesiredDelegates::<T>::get().clamp(T::MinDelegates::get(), T::MaxDelegates::get());
		let desired = desired as usize;
		Ok(BoundedVec::truncate_from(
			electable.into_iter().take(desired).map(|(who, backing, _)| (who, backing)).collect(),
		))
	}

	/// Removes the candidacy of every delegate of `session` that took no part in it (see
	/// *Liveness*), and clears the session's authorship counts and votes. A kick that fails
	/// says so (`KickFailed`).
	fn kick_idle_delegates(session: u32) {
		let delegates = ActiveDelegates::<T>::get();
		let voted: Vec<bool> =
			delegates.iter().map(|d| FinalityVoted::<T>::take(d).is_some()).collect();
		let finality_counted = voted.contains(&true);
		for (delegate, voted) in delegates.into_iter().zip(voted) {
			let authored = AuthoredBlocks::<T>::take(&delegate);
			let took_part = authored > 0 && (voted || !finality_counted);
			if took_part || !Candidates::<T>::contains_key(&delegate) {
				continue;
			}
			match Self::remove_candidate(&delegate) {
				Ok(()) => {
					Self::deposit_event(Event::DelegateKicked {
						who: delegate.clone(),
						session,
						authored,
						voted,
					});
					T::AuditTrail::log(
						AuditEvent::new(None, AuditAction::Kicked).subject(delegate),
					);
				},
				Err(error) => {
					Self::deposit_event(Event::KickFailed { who: delegate, session, error });
				},
			}
		}
	}

	/// Burns `fraction` of `who`'s own stake (candidacy bond, bonded and unbonding stake) for
	/// an offence in `session`, ends its candidacy and takes it out of the coming delegates.
	/// An account is slashed once per session, whatever the number of reports.
	fn punish(who: &T::AccountId, fraction: Perbill, session: SessionIndex) {
		if SlashedFor::<T>::get(who).is_some_and(|slashed| slashed >= session) {
			return;
		}
		SlashedFor::<T>::insert(who, session);
		let mut amount = Self::slash_held(HoldReason::CandidacyBond, who, fraction);
		if let Some(mut candidate) = Candidates::<T>::get(who) {
			candidate.bond = candidate.bond.saturating_sub(amount);
			Candidates::<T>::insert(who, candidate);
		}
		if let Some(mut ledger) = Ledger::<T>::get(who) {
			let active = fraction * ledger.active;
			ledger.active.saturating_reduce(active);
			let mut slashed = active;
			for chunk in ledger.unlocking.iter_mut() {
				let cut = fraction * chunk.value;
				chunk.value.saturating_reduce(cut);
				slashed.saturating_accrue(cut);
			}
			amount.saturating_accrue(Self::burn(HoldReason::Staking, who, slashed));
			Ledger::<T>::insert(who, ledger);
			Self::adjust_backing(who, active, false);
		}
		if Candidates::<T>::contains_key(who) {
			if let Err(error) = Self::remove_candidate(who) {
				Self::deposit_event(Event::KickFailed { who: who.clone(), session, error });
			}
		}
		// Without enough delegates left, it serves until the next election, which no longer
		// sees its candidacy.
		let removed = T::SessionKeys::leave_next_session(who, T::MinDelegates::get());
		if removed {
			Delegates::<T>::mutate(|delegates| delegates.retain(|d| d != who));
			// At most two planned sessions; collected before they are written back.
			let planned: Vec<_> = Planned::<T>::iter().collect();
			for (index, mut delegates) in planned {
				delegates.retain(|d| d != who);
				Planned::<T>::insert(index, delegates);
			}
		}
		Self::deposit_event(Event::Slashed { who: who.clone(), session, amount, removed });
		T::AuditTrail::log(AuditEvent::new(None, AuditAction::Slashed).subject(who.clone()));
	}

	/// Burns `fraction` of what is held from `who` for `reason`; returns how much.
	fn slash_held(reason: HoldReason, who: &T::AccountId, fraction: Perbill) -> BalanceOf<T> {
		use frame_support::traits::fungible::InspectHold;
		let held = T::Currency::balance_on_hold(&reason.into(), who);
		Self::burn(reason, who, fraction * held)
	}

	/// Burns `amount` held from `who` for `reason`; returns how much was burnt.
	fn burn(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		T::Currency::burn_held(&reason.into(), who, amount, Precision::BestEffort, Fortitude::Force)
			.unwrap_or_else(|_| Zero::zero())
	}

	/// Checks that each candidate's backing equals its own bonded stake plus the stake of its
	/// voters, that held amounts equal ledgers and candidacy bonds, that the candidate count is
	/// right, and that delegates are candidates with keys when elected.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let mut count = 0u32;
		for (who, candidate) in Candidates::<T>::iter() {
			let mut backing = Self::active_stake(&who);
			for (voter, votes) in Votes::<T>::iter() {
				if votes.contains(&(who.clone(), candidate.index)) {
					backing = backing.saturating_add(Self::active_stake(&voter));
				}
			}
			frame_support::ensure!(
				candidate.backing == backing,
				"a backing is not the sum of its stake"
			);
			frame_support::ensure!(
				T::Currency::balance_on_hold(&HoldReason::CandidacyBond.into(), &who)
					== candidate.bond,
				"a candidacy bond is not held"
			);
			count += 1;
		}
		frame_support::ensure!(count == CandidateCount::<T>::get(), "the candidate count is wrong");
		for (who, ledger) in Ledger::<T>::iter() {
			frame_support::ensure!(
				T::Currency::balance_on_hold(&HoldReason::Staking.into(), &who) == ledger.total(),
				"held stake differs from the ledger"
			);
		}
		for delegate in Delegates::<T>::get() {
			frame_support::ensure!(
				T::SessionKeys::has_keys(&delegate),
				"an elected delegate has no keys"
			);
		}
		frame_support::ensure!(Planned::<T>::iter_keys().count() <= 2, "stale planned sessions");
		let active = ActiveDelegates::<T>::get();
		frame_support::ensure!(
			FinalityVoted::<T>::iter_keys().all(|who| active.contains(&who)),
			"a vote is counted for an account that is no delegate"
		);
		Ok(())
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
		let candidates = CandidateCount::<T>::get();
		frame_system::Pallet::<T>::register_extra_weight_unchecked(
			T::WeightInfo::elect(candidates),
			DispatchClass::Mandatory,
		);
		match Self::elect() {
			Ok(elected) => {
				let delegates: Vec<_> = elected.iter().map(|(who, _)| who.clone()).collect();
				if delegates != Delegates::<T>::get().into_inner() {
					for who in &delegates {
						T::AuditTrail::log(
							AuditEvent::new(None, AuditAction::Elected).subject(who.clone()),
						);
					}
				}
				let planned = BoundedVec::truncate_from(delegates.clone());
				Delegates::<T>::put(&planned);
				Planned::<T>::insert(new_index, planned);
				Self::deposit_event(Event::DelegatesElected {
					session: new_index,
					delegates: elected,
				});
				Some(delegates)
			},
			Err(electable) => {
				Self::deposit_event(Event::NotEnoughCandidates { session: new_index, electable });
				None
			},
		}
	}

	fn end_session(end_index: u32) {
		Self::kick_idle_delegates(end_index);
	}

	fn start_session(start_index: u32) {
		CurrentSession::<T>::put((start_index, frame_system::Pallet::<T>::block_number()));
		// Without an election for this session, pallet-session keeps the delegates it had.
		if let Some(delegates) = Planned::<T>::take(start_index) {
			ActiveDelegates::<T>::put(delegates);
		}
	}
}

/// Offences (GRANDPA equivocations, through pallet-offences) are punished here: each offender
/// loses the offence's slash fraction of its own stake and its place among the delegates.
impl<T: Config, Identification>
	sp_staking::offence::OnOffenceHandler<
		T::AccountId,
		(T::AccountId, Identification),
		frame_support::weights::Weight,
	> for Pallet<T>
{
	fn on_offence(
		offenders: &[OffenceDetails<T::AccountId, (T::AccountId, Identification)>],
		slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> frame_support::weights::Weight {
		for (details, fraction) in offenders.iter().zip(slash_fraction) {
			Self::punish(&details.offender.0, *fraction, session);
		}
		T::WeightInfo::punish().saturating_mul(offenders.len() as u64)
	}
}

impl<T: Config>
	pallet_authorship::EventHandler<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>
	for Pallet<T>
{
	fn note_author(author: T::AccountId) {
		AuthoredBlocks::<T>::mutate(author, |n| *n = n.saturating_add(1));
		// pallet-authorship calls this from its hook, which accounts no weight of its own.
		frame_system::Pallet::<T>::register_extra_weight_unchecked(
			T::DbWeight::get().reads_writes(1, 1),
			DispatchClass::Mandatory,
		);
	}
}

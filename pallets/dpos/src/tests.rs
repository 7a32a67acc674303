//! Tests of every DPoS call, of backing arithmetic, and of elections and kicks through
//! pallet-session.

use crate::{
	mock::*, ActiveDelegates, AuthoredBlocks, CandidateCount, Candidates, CurrentSession,
	Delegates, DesiredDelegates, Error, Event, FinalityVote, FinalityVoted, HoldReason, Ledger,
	SlashedFor, UnlockChunk, Votes, FINALITY_VOTES_INHERENT,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Hooks},
};
use medchain_primitives::{testing::RecordingAudit, AuditAction, AuditEvent};
use pallet_authorship::EventHandler;
use sp_runtime::{testing::TestSignature, DispatchError};

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn dpos_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Dpos(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn last_event() -> Event<Test> {
	dpos_events().pop().expect("the pallet emitted an event")
}

fn staked(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::Staking.into(), &who)
}

fn backing(who: u64) -> u64 {
	Candidates::<Test>::get(who).expect("a candidate").backing
}

fn audited(who: u64, action: AuditAction) {
	assert_eq!(RecordingAudit::last(), Some(AuditEvent::new(Some(who), action)));
}

/// Runs blocks to the end of the current session; every validator authors its round-robin
/// slots except those in `offline`.
fn run_session(offline: &[u64]) {
	let now = System::block_number();
	let next = (now / PERIOD + 1) * PERIOD;
	for n in now + 1..=next {
		System::set_block_number(n);
		Session::on_initialize(n);
		let validators = Session::validators();
		let author = validators[n as usize % validators.len()];
		if !offline.contains(&author) {
			Dpos::note_author(author);
		}
	}
}

/// `who` bonds `stake`, stands, and sets session keys.
fn stand(who: u64, stake: u64) {
	assert_ok!(Dpos::bond(signed(who), stake));
	assert_ok!(Dpos::register_candidate(signed(who)));
	// The mock keys' proof of possession signs the owner's encoding.
	let proof = TestSignature(who, who.encode()).encode();
	assert_ok!(Session::set_keys(signed(who), keys(who), proof));
}

#[test]
fn genesis_elects_the_genesis_delegates() {
	run_test(|| {
		assert_eq!(Session::validators(), GENESIS.to_vec());
		assert_eq!(Delegates::<Test>::get().into_inner(), GENESIS.to_vec());
		assert_eq!(ActiveDelegates::<Test>::get().into_inner(), GENESIS.to_vec());
		assert_eq!(CandidateCount::<Test>::get(), 3);
		for who in GENESIS {
			assert_eq!(backing(who), 1_000);
			assert_eq!(staked(who), 1_000);
		}
		assert_eq!(Dpos::delegates(), GENESIS.to_vec());
	});
}

#[test]
fn bond_holds_stake() {
	run_test(|| {
		assert_ok!(Dpos::bond(signed(NEW), 50));
		assert_eq!(staked(NEW), 50);
		assert_eq!(Ledger::<Test>::get(NEW).unwrap().active, 50);
		assert_eq!(last_event(), Event::Bonded { who: NEW, amount: 50 });
		audited(NEW, AuditAction::Bonded);
		assert_ok!(Dpos::bond(signed(NEW), 1));
		assert_eq!(Ledger::<Test>::get(NEW).unwrap().active, 51);
	});
}

#[test]
fn bond_errors() {
	run_test(|| {
		assert_noop!(Dpos::bond(signed(NEW), 9), Error::<Test>::BondTooSmall);
		assert_noop!(Dpos::bond(signed(VOTER), 0), Error::<Test>::BondTooSmall);
		assert_noop!(Dpos::bond(signed(POOR), 10), Error::<Test>::InsufficientBalance);
	});
}

#[test]
fn stake_changes_move_the_backing_of_own_and_voted_candidacies() {
	run_test(|| {
		assert_ok!(Dpos::vote(signed(VOTER), vec![1, 2]));
		assert_eq!((backing(1), backing(2), backing(3)), (1_500, 1_500, 1_000));
		assert_ok!(Dpos::bond(signed(VOTER), 100));
		assert_eq!((backing(1), backing(2), backing(3)), (1_600, 1_600, 1_000));
		assert_ok!(Dpos::unbond(signed(VOTER), 300));
		assert_eq!((backing(1), backing(2)), (1_300, 1_300));
		// A candidate's own stake backs it too.
		assert_ok!(Dpos::bond(signed(3), 10));
		assert_eq!(backing(3), 1_010);
		// A new vote replaces the old one.
		assert_ok!(Dpos::vote(signed(VOTER), vec![3]));
		assert_eq!((backing(1), backing(2), backing(3)), (1_000, 1_000, 1_310));
	});
}

#[test]
fn unbond_starts_an_unlocking_chunk() {
	run_test(|| {
		assert_ok!(Dpos::unbond(signed(VOTER), 200));
		let ledger = Ledger::<Test>::get(VOTER).unwrap();
		assert_eq!(ledger.active, 300);
		assert_eq!(ledger.unlocking.to_vec(), vec![UnlockChunk { value: 200, unlock_at: 11 }]);
		assert_eq!(staked(VOTER), 500, "unbonding stake stays held");
		assert_eq!(last_event(), Event::Unbonded { who: VOTER, amount: 200, unlock_at: 11 });
		audited(VOTER, AuditAction::Unbonded);
	});
}

#[test]
fn unbond_errors() {
	run_test(|| {
		assert_noop!(Dpos::unbond(signed(NEW), 10), Error::<Test>::NotBonded);
		assert_noop!(Dpos::unbond(signed(VOTER), 501), Error::<Test>::InsufficientBond);
		assert_noop!(Dpos::unbond(signed(VOTER), 495), Error::<Test>::BondTooSmall);
		// Zero and dust (less than MinBond, unless it is everything) are refused.
		assert_noop!(Dpos::unbond(signed(VOTER), 0), Error::<Test>::UnbondTooSmall);
		assert_noop!(Dpos::unbond(signed(VOTER), 9), Error::<Test>::UnbondTooSmall);
		assert_ok!(Dpos::unbond(signed(VOTER), 100));
		System::set_block_number(2);
		assert_ok!(Dpos::unbond(signed(VOTER), 100));
		System::set_block_number(3);
		assert_noop!(Dpos::unbond(signed(VOTER), 100), Error::<Test>::TooManyUnlockingChunks);
	});
}

#[test]
fn unbonds_in_one_block_share_a_chunk() {
	run_test(|| {
		for _ in 0..5 {
			assert_ok!(Dpos::unbond(signed(VOTER), 10));
		}
		let ledger = Ledger::<Test>::get(VOTER).unwrap();
		assert_eq!(ledger.unlocking.to_vec(), vec![UnlockChunk { value: 50, unlock_at: 11 }]);
		// Unbonding everything is allowed whatever the amount.
		assert_ok!(Dpos::unbond(signed(VOTER), 450));
		assert_eq!(Ledger::<Test>::get(VOTER).unwrap().active, 0);
	});
}

#[test]
fn withdraw_unbonded_releases_matured_chunks() {
	run_test(|| {
		assert_ok!(Dpos::vote(signed(VOTER), vec![1]));
		assert_ok!(Dpos::unbond(signed(VOTER), 500));
		assert_eq!(backing(1), 1_000, "unbonding stake backs nobody");
		assert_noop!(Dpos::withdraw_unbonded(signed(VOTER)), Error::<Test>::NothingToWithdraw);
		System::set_block_number(11);
		assert_ok!(Dpos::withdraw_unbonded(signed(VOTER)));
		assert_eq!(staked(VOTER), 0);
		assert!(Ledger::<Test>::get(VOTER).is_none(), "an emptied ledger is removed");
		assert!(Votes::<Test>::get(VOTER).is_none(), "and the votes it no longer backs");
		assert_eq!(last_event(), Event::Withdrawn { who: VOTER, amount: 500 });
		audited(VOTER, AuditAction::WithdrewUnbonded);
		assert_noop!(Dpos::withdraw_unbonded(signed(VOTER)), Error::<Test>::NotBonded);
	});
}

#[test]
fn register_candidate_holds_the_candidacy_bond() {
	run_test(|| {
		assert_ok!(Dpos::bond(signed(NEW), 40));
		assert_ok!(Dpos::register_candidate(signed(NEW)));
		let candidate = Candidates::<Test>::get(NEW).unwrap();
		assert_eq!((candidate.index, candidate.bond, candidate.backing), (3, 100, 40));
		assert_eq!(Balances::balance_on_hold(&HoldReason::CandidacyBond.into(), &NEW), 100);
		assert_eq!(CandidateCount::<Test>::get(), 4);
		assert_eq!(last_event(), Event::CandidateRegistered { who: NEW, index: 3 });
		audited(NEW, AuditAction::CandidateRegistered);
		assert!(Dpos::candidates().iter().any(|(who, _, keys)| *who == NEW && !keys));
	});
}

#[test]
fn register_candidate_errors() {
	run_test(|| {
		assert_noop!(Dpos::register_candidate(signed(1)), Error::<Test>::AlreadyCandidate);
		assert_noop!(Dpos::register_candidate(signed(POOR)), Error::<Test>::InsufficientBalance);
		for who in [4, 5, 6] {
			assert_ok!(Dpos::register_candidate(signed(who)));
		}
		// Full, and the newcomer's stake (none) does not beat the weakest backing (none).
		assert_noop!(Dpos::register_candidate(signed(7)), Error::<Test>::TooManyCandidates);
	});
}

#[test]
fn a_backed_newcomer_evicts_the_weakest_candidate_of_a_full_list() {
	run_test(|| {
		assert_ok!(Dpos::bond(signed(5), 20));
		for who in [4, 5, 6] {
			assert_ok!(Dpos::register_candidate(signed(who)));
		}
		// 4 and 6 are unbacked; the later candidacy (6) goes first.
		assert_ok!(Dpos::register_candidate(signed(VOTER)));
		assert!(Candidates::<Test>::get(6).is_none() && Candidates::<Test>::get(VOTER).is_some());
		assert_eq!(CandidateCount::<Test>::get(), 6);
		assert!(dpos_events().contains(&Event::CandidateEvicted { who: 6, by: VOTER }));
		assert_eq!(Balances::balance_on_hold(&HoldReason::CandidacyBond.into(), &6), 0);
		assert_eq!(staked(6), 100, "the evicted candidacy bond unbonds");
		let evicted = RecordingAudit::events()
			.into_iter()
			.find(|e| e.action == AuditAction::Evicted)
			.expect("the eviction is logged");
		assert_eq!((evicted.actor, evicted.subject), (Some(VOTER), Some(6)));
		// The delegates are never evicted, however weakly backed: 4 (no stake) goes next,
		// then 5 (20); a newcomer with 20 does not beat 5.
		assert_ok!(Dpos::bond(signed(7), 30));
		assert_ok!(Dpos::register_candidate(signed(7)));
		assert!(Candidates::<Test>::get(4).is_none());
		assert_ok!(Dpos::bond(signed(8), 20));
		assert_noop!(Dpos::register_candidate(signed(8)), Error::<Test>::TooManyCandidates);
		assert!(GENESIS.iter().all(|d| Candidates::<Test>::get(d).is_some()));
	});
}

#[test]
fn unregister_candidate_unlocks_the_bond_and_voids_votes() {
	run_test(|| {
		assert_ok!(Dpos::vote(signed(VOTER), vec![1]));
		assert_ok!(Dpos::unregister_candidate(signed(1)));
		assert!(Candidates::<Test>::get(1).is_none());
		assert_eq!(CandidateCount::<Test>::get(), 2);
		assert_eq!(Balances::balance_on_hold(&HoldReason::CandidacyBond.into(), &1), 0);
		assert_eq!(staked(1), 1_100, "the bond now unbonds with the stake");
		assert_eq!(
			Ledger::<Test>::get(1).unwrap().unlocking.to_vec(),
			vec![UnlockChunk { value: 100, unlock_at: 11 }]
		);
		assert_eq!(last_event(), Event::CandidateLeft { who: 1 });
		audited(1, AuditAction::CandidateLeft);

		// Standing again is a new candidacy: the old vote does not count for it.
		assert_ok!(Dpos::register_candidate(signed(1)));
		assert_eq!(backing(1), 1_000);
		assert_ok!(Dpos::bond(signed(VOTER), 10));
		assert_eq!(backing(1), 1_000);
	});
}

#[test]
fn unregister_candidate_errors() {
	run_test(|| {
		assert_noop!(Dpos::unregister_candidate(signed(NEW)), Error::<Test>::NotCandidate);
	});
}

#[test]
fn full_unlocking_chunks_cannot_block_a_candidacy_from_ending() {
	run_test(|| {
		assert_ok!(Dpos::unbond(signed(1), 100));
		System::set_block_number(2);
		assert_ok!(Dpos::unbond(signed(1), 100));
		System::set_block_number(3);
		assert_ok!(Dpos::unregister_candidate(signed(1)));
		// The bond joins the latest chunk and unlocks with the later of the two.
		assert_eq!(
			Ledger::<Test>::get(1).unwrap().unlocking.to_vec(),
			vec![
				UnlockChunk { value: 100, unlock_at: 11 },
				UnlockChunk { value: 200, unlock_at: 13 }
			]
		);
	});
}

#[test]
fn a_delegate_with_full_unlocking_chunks_is_still_kicked() {
	run_test(|| {
		assert_ok!(Dpos::unbond(signed(2), 100));
		System::set_block_number(2);
		assert_ok!(Dpos::unbond(signed(2), 100));
		run_session(&[2]);
		assert!(dpos_events().contains(&Event::DelegateKicked {
			who: 2,
			session: 0,
			authored: 0,
			voted: false
		}));
		assert!(Candidates::<Test>::get(2).is_none());
		assert!(!dpos_events().iter().any(|e| matches!(e, Event::KickFailed { .. })));
	});
}

#[test]
fn vote_works() {
	run_test(|| {
		assert_ok!(Dpos::vote(signed(VOTER), vec![2, 3]));
		assert_eq!(Votes::<Test>::get(VOTER).unwrap().to_vec(), vec![(2, 1), (3, 2)]);
		assert_eq!(last_event(), Event::Voted { voter: VOTER, candidates: vec![2, 3] });
		audited(VOTER, AuditAction::Voted);
	});
}

#[test]
fn vote_errors() {
	run_test(|| {
		assert_noop!(Dpos::vote(signed(NEW), vec![1]), Error::<Test>::NotBonded);
		assert_noop!(Dpos::vote(signed(VOTER), vec![]), Error::<Test>::EmptyVote);
		assert_ok!(Dpos::register_candidate(signed(4)));
		assert_noop!(Dpos::vote(signed(VOTER), vec![1, 2, 3, 4]), Error::<Test>::TooManyVotes);
		assert_noop!(Dpos::vote(signed(VOTER), vec![1, 2, 1]), Error::<Test>::DuplicateVote);
		assert_noop!(Dpos::vote(signed(VOTER), vec![1, 5]), Error::<Test>::UnknownCandidate);
		assert_noop!(Dpos::vote(signed(1), vec![2, 1]), Error::<Test>::SelfVote);
	});
}

#[test]
fn remove_vote_takes_the_backing_back() {
	run_test(|| {
		assert_noop!(Dpos::remove_vote(signed(VOTER)), Error::<Test>::NoVote);
		assert_ok!(Dpos::vote(signed(VOTER), vec![1, 2]));
		assert_ok!(Dpos::remove_vote(signed(VOTER)));
		assert_eq!((backing(1), backing(2)), (1_000, 1_000));
		assert!(Votes::<Test>::get(VOTER).is_none());
		assert_eq!(last_event(), Event::VoteRemoved { voter: VOTER });
		audited(VOTER, AuditAction::VoteRemoved);
	});
}

#[test]
fn set_desired_delegates_works_within_bounds() {
	run_test(|| {
		assert_noop!(Dpos::set_desired_delegates(signed(1), 2), DispatchError::BadOrigin);
		let root = RuntimeOrigin::root;
		assert_noop!(
			Dpos::set_desired_delegates(root(), 1),
			Error::<Test>::InvalidDesiredDelegates
		);
		assert_noop!(
			Dpos::set_desired_delegates(root(), 5),
			Error::<Test>::InvalidDesiredDelegates
		);
		assert_ok!(Dpos::set_desired_delegates(root(), 2));
		assert_eq!(DesiredDelegates::<Test>::get(), 2);
		assert_eq!(last_event(), Event::DesiredDelegatesSet { desired: 2 });
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(None, AuditAction::DesiredDelegatesSet(2)))
		);
	});
}

#[test]
fn a_better_backed_candidate_ousts_the_latest_of_tied_delegates() {
	run_test(|| {
		let elected_entries =
			|| RecordingAudit::events().iter().filter(|e| e.action == AuditAction::Elected).count();
		assert_eq!(elected_entries(), 3, "the genesis election is logged");
		stand(NEW, 1_200);
		// The election at the next session change plans the set after it.
		run_session(&[]);
		assert!(dpos_events().contains(&Event::DelegatesElected {
			session: 2,
			delegates: vec![(NEW, 1_200), (1, 1_000), (2, 1_000)].try_into().unwrap(),
		}));
		assert_eq!(Delegates::<Test>::get().into_inner(), vec![NEW, 1, 2]);
		assert_eq!(Session::validators(), GENESIS.to_vec(), "not active before its session");
		run_session(&[]);
		assert_eq!(Session::validators(), vec![NEW, 1, 2]);
		assert_eq!(ActiveDelegates::<Test>::get().into_inner(), vec![NEW, 1, 2]);
		assert_eq!(elected_entries(), 6, "the changed set is logged once");
		let last = RecordingAudit::last().unwrap();
		assert_eq!((last.actor, last.action), (None, AuditAction::Elected), "the chain elects");
	});
}

#[test]
fn an_election_fills_at_least_min_delegates_seats() {
	run_test(|| {
		DesiredDelegates::<Test>::put(0);
		assert_eq!(Dpos::elect().map(|e| e.len()), Ok(2));
	});
}

#[test]
fn votes_decide_the_election() {
	run_test(|| {
		assert_ok!(Dpos::vote(signed(VOTER), vec![3]));
		assert_ok!(Dpos::vote(signed(VOTER_2), vec![3, 2]));
		assert_ok!(Dpos::set_desired_delegates(RuntimeOrigin::root(), 2));
		run_session(&[]);
		assert_eq!(Delegates::<Test>::get().into_inner(), vec![3, 2]);
		assert_eq!(backing(3), 2_000);
	});
}

#[test]
fn a_candidate_without_session_keys_is_not_elected() {
	run_test(|| {
		assert_ok!(Dpos::bond(signed(NEW), 5_000));
		assert_ok!(Dpos::register_candidate(signed(NEW)));
		run_session(&[]);
		assert_eq!(Delegates::<Test>::get().into_inner(), GENESIS.to_vec());
	});
}

#[test]
fn too_few_candidates_keep_the_current_delegates() {
	run_test(|| {
		assert_ok!(Dpos::unregister_candidate(signed(1)));
		assert_ok!(Dpos::unregister_candidate(signed(2)));
		run_session(&[]);
		assert_eq!(last_event(), Event::NotEnoughCandidates { session: 2, electable: 1 });
		run_session(&[]);
		assert_eq!(Session::validators(), GENESIS.to_vec(), "the chain keeps its delegates");
	});
}

#[test]
fn a_delegate_that_authors_nothing_for_a_session_is_kicked() {
	run_test(|| {
		run_session(&[2]);
		assert!(dpos_events().contains(&Event::DelegateKicked {
			who: 2,
			session: 0,
			authored: 0,
			voted: false
		}));
		assert!(Candidates::<Test>::get(2).is_none());
		assert_eq!(
			RecordingAudit::events()
				.into_iter()
				.filter(|e| e.action == AuditAction::Kicked)
				.map(|e| (e.actor, e.subject))
				.collect::<Vec<_>>(),
			vec![(None, Some(2))],
			"the chain kicks; the delegate is the subject"
		);
		assert!(Candidates::<Test>::get(1).is_some() && Candidates::<Test>::get(3).is_some());
		assert_eq!(AuthoredBlocks::<Test>::get(1), 0, "counts restart each session");
		// It may stand again.
		assert_ok!(Dpos::register_candidate(signed(2)));
	});
}

#[test]
fn a_delegate_that_authors_but_casts_no_counted_grandpa_vote_is_kicked() {
	run_test(|| {
		// The votes of 1 and 3 counted this session (as `note_finality_votes` marks them);
		// 2 authored its blocks but no vote of its own was ever counted.
		FinalityVoted::<Test>::insert(1, ());
		FinalityVoted::<Test>::insert(3, ());
		run_session(&[]);
		let kicks: Vec<_> = dpos_events()
			.into_iter()
			.filter(|e| matches!(e, Event::DelegateKicked { .. }))
			.collect();
		assert_eq!(
			kicks,
			vec![Event::DelegateKicked { who: 2, session: 0, authored: 1, voted: false }],
			"2 authored its block of the session, and is kicked for its missing votes"
		);
		assert!(Candidates::<Test>::get(2).is_none());
		assert!(Candidates::<Test>::get(1).is_some() && Candidates::<Test>::get(3).is_some());
		assert!(RecordingAudit::events()
			.contains(&AuditEvent::new(None, AuditAction::Kicked).subject(2)));
		assert_eq!(FinalityVoted::<Test>::iter().count(), 0, "votes are counted per session");
		assert_eq!(CurrentSession::<Test>::get(), (1, PERIOD), "votes count from block 5 on");
	});
}

#[test]
fn in_a_session_without_any_counted_grandpa_vote_nobody_is_kicked_for_not_voting() {
	run_test(|| {
		// Finality stalled: the chain cannot tell who withheld their votes.
		run_session(&[]);
		assert!(!dpos_events().iter().any(|e| matches!(e, Event::DelegateKicked { .. })));
		assert_eq!(CandidateCount::<Test>::get(), 3);
	});
}

#[test]
fn a_delegate_that_neither_authors_nor_votes_is_kicked_once() {
	run_test(|| {
		FinalityVoted::<Test>::insert(1, ());
		run_session(&[2]);
		let kicked: Vec<_> = dpos_events()
			.into_iter()
			.filter_map(|e| match e {
				Event::DelegateKicked { who, authored, voted, .. } => Some((who, authored, voted)),
				_ => None,
			})
			.collect();
		assert_eq!(kicked, vec![(2, 0, false), (3, 1, false)]);
	});
}

#[test]
fn note_finality_votes_is_for_block_authors_only() {
	run_test(|| {
		let vote = FinalityVote {
			round: 1,
			target_hash: System::parent_hash(),
			target_number: 0,
			authority: sp_consensus_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw(
				[1; 32],
			)),
			signature: sp_core::ed25519::Signature::from_raw([2; 64]).into(),
		};
		let votes = frame_support::BoundedVec::truncate_from(vec![vote.clone()]);
		assert_noop!(Dpos::note_finality_votes(signed(1), votes.clone()), DispatchError::BadOrigin);
		// A vote by a key no delegate holds counts for nobody.
		assert_ok!(Dpos::note_finality_votes(RuntimeOrigin::none(), votes));
		assert_eq!(FinalityVoted::<Test>::iter().count(), 0);
		assert!(dpos_events().is_empty());

		// Authors include no inherent for votes that would not count, nor without any.
		use frame_support::inherent::{InherentData, ProvideInherent};
		let mut data = InherentData::new();
		assert!(Dpos::create_inherent(&data).is_none());
		data.put_data(FINALITY_VOTES_INHERENT, &vec![vote]).unwrap();
		assert!(Dpos::create_inherent(&data).is_none());
	});
}

/// Reports an offence by `offender` in `session`, as pallet-offences does, slashing `percent`.
fn offence(offender: u64, percent: u32, session: u32) {
	use sp_staking::offence::{OffenceDetails, OnOffenceHandler};
	let details = OffenceDetails { offender: (offender, ()), reporters: vec![VOTER] };
	<Dpos as OnOffenceHandler<u64, (u64, ()), frame_support::weights::Weight>>::on_offence(
		&[details],
		&[sp_runtime::Perbill::from_percent(percent)],
		session,
	);
}

fn queued() -> Vec<u64> {
	pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(who, _)| who).collect()
}

#[test]
fn an_offence_burns_a_share_of_the_offenders_own_stake_and_removes_it_at_the_next_session() {
	run_test(|| {
		assert_ok!(Dpos::vote(signed(VOTER), vec![3]));
		assert_ok!(Dpos::unbond(signed(3), 200));
		let issuance = Balances::total_issuance();
		assert_eq!(queued(), GENESIS.to_vec());

		offence(3, 10, 0);

		// 10% of the bond (100), the bonded stake (800) and the unbonding chunk (200).
		assert_eq!(last_event(), Event::Slashed { who: 3, session: 0, amount: 110, removed: true });
		assert_eq!(Balances::total_issuance(), issuance - 110, "the slash is burnt");
		assert!(Candidates::<Test>::get(3).is_none(), "its candidacy ended");
		assert_eq!(Balances::balance_on_hold(&HoldReason::CandidacyBond.into(), &3), 0);
		let ledger = Ledger::<Test>::get(3).unwrap();
		assert_eq!(ledger.active, 720);
		// The chunk keeps 180; the rest of the bond (90) unbonds in the same block and joins it.
		assert_eq!(ledger.unlocking.len(), 1);
		assert_eq!(ledger.unlocking[0].value, 270);
		assert_eq!(staked(3), 990);
		assert_eq!(staked(VOTER), 500, "its voters keep their stake");
		assert_eq!(SlashedFor::<Test>::get(3), Some(0));
		assert_eq!(queued(), vec![1, 2], "it left the set queued for the next session");
		assert_eq!(Delegates::<Test>::get().into_inner(), vec![1, 2]);
		assert_eq!(
			RecordingAudit::last(),
			Some(AuditEvent::new(None, AuditAction::Slashed).subject(3)),
			"the chain slashes; the delegate is the subject"
		);

		run_session(&[]);
		assert_eq!(Session::validators(), vec![1, 2], "it validates no more");
		assert_eq!(ActiveDelegates::<Test>::get().into_inner(), vec![1, 2]);
		run_session(&[]);
		assert_eq!(Session::validators(), vec![1, 2], "and is not elected again");
	});
}

#[test]
fn an_offender_is_slashed_once_per_session_whatever_the_reports() {
	run_test(|| {
		offence(3, 10, 0);
		let after_first = staked(3);
		offence(3, 50, 0);
		assert_eq!(staked(3), after_first, "a second report of the session slashes no more");
		assert_eq!(dpos_events().iter().filter(|e| matches!(e, Event::Slashed { .. })).count(), 1);
		offence(3, 10, 1);
		assert!(staked(3) < after_first, "an offence in a later session slashes again");
	});
}

#[test]
fn an_offender_stays_until_the_election_when_too_few_delegates_would_remain() {
	run_test(|| {
		offence(3, 10, 0);
		offence(2, 10, 0);
		// MinDelegates is 2: taking 2 out of the queued set too would leave one.
		assert_eq!(
			last_event(),
			Event::Slashed { who: 2, session: 0, amount: 110, removed: false }
		);
		assert!(Candidates::<Test>::get(2).is_none());
		assert_eq!(queued(), vec![1, 2]);
		run_session(&[]);
		assert_eq!(Session::validators(), vec![1, 2]);
	});
}

#[test]
fn try_state_catches_a_wrong_backing() {
	new_test_ext().execute_with(|| {
		Candidates::<Test>::mutate(1, |c| c.as_mut().unwrap().backing += 1);
		assert!(Dpos::do_try_state().is_err());
	});
}

//! Genesis presets, session rotation and the authorities that follow it.

use frame_support::traits::{fungible::Inspect, Hooks, IntegrityTest};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

use super::ext;
use crate::{
	configs::SESSION_PERIOD, genesis, AccountId, AllPalletsWithSystem, Dpos, Grandpa, Runtime,
	RuntimeGenesisConfig, RuntimeOrigin, Session, SessionKeys, System, MED,
};

/// Moves to the first block of the next session, every validator having authored in the
/// session that ends, and applies what the session change hands to Aura and GRANDPA.
fn next_session() {
	for validator in Session::validators() {
		<Dpos as pallet_authorship::EventHandler<_, _>>::note_author(validator);
	}
	let now = System::block_number();
	let next = (now / SESSION_PERIOD + 1) * SESSION_PERIOD;
	System::set_block_number(next);
	Session::on_initialize(next);
	Grandpa::on_finalize(next);
}

fn aura_authorities() -> Vec<AuraId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

fn validator_aura_keys() -> Vec<AuraId> {
	Session::validators()
		.into_iter()
		.map(|v| Session::load_keys(&v).expect("every validator has session keys").aura)
		.collect()
}

fn validator_grandpa_keys() -> Vec<sp_consensus_grandpa::AuthorityId> {
	Session::validators()
		.into_iter()
		.map(|v| Session::load_keys(&v).expect("every validator has session keys").grandpa)
		.collect()
}

fn assert_authorities_follow_session() {
	assert_eq!(aura_authorities(), validator_aura_keys());
	let grandpa = Grandpa::grandpa_authorities();
	assert!(grandpa.iter().all(|(_, weight)| *weight == 1), "GRANDPA authorities weigh the same");
	assert_eq!(
		grandpa.into_iter().map(|(key, _)| key).collect::<Vec<_>>(),
		validator_grandpa_keys()
	);
}

fn accounts(names: &[sp_keyring::Sr25519Keyring]) -> Vec<AccountId> {
	names.iter().map(|k| k.to_account_id()).collect()
}

#[test]
fn runtime_integrity_holds() {
	ext(genesis::development()).execute_with(AllPalletsWithSystem::integrity_test);
}

#[test]
fn every_preset_builds_from_its_json() {
	let names = genesis::preset_names();
	assert_eq!(names, vec![genesis::DEVELOPMENT.to_string(), genesis::LOCAL_TESTNET.to_string()]);
	for name in names {
		let json = genesis::preset_json(&name).expect("a listed preset exists");
		sp_io::TestExternalities::default().execute_with(|| {
			crate::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
				.unwrap_or_else(|e| panic!("preset {name} does not build: {e}"));
		});
	}
	assert!(genesis::preset_json(&"no-such-preset".to_string()).is_none());
}

#[test]
fn development_preset_has_alice_alone() {
	use sp_keyring::Sr25519Keyring::*;
	ext(genesis::development()).execute_with(|| {
		assert_eq!(Session::validators(), accounts(&[Alice]));
		assert_eq!(aura_authorities(), vec![AuraId::from(Alice.public())]);
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
			accounts(&[Alice]),
			"Alice alone is the dev chain's council"
		);
		for account in accounts(&[Alice, Bob, Charlie, Dave, Eve, Ferdie]) {
			assert_eq!(
				<crate::Balances as Inspect<_>>::total_balance(&account),
				genesis::ENDOWMENT
			);
		}
		assert_authorities_follow_session();
	});
}

#[test]
fn local_testnet_preset_has_four_authorities() {
	use sp_keyring::Sr25519Keyring::*;
	ext(genesis::local_testnet()).execute_with(|| {
		assert_eq!(Session::validators(), accounts(&[Alice, Bob, Charlie, Dave]));
		assert_eq!(Grandpa::grandpa_authorities().len(), 4);
		assert_authorities_follow_session();
	});
}

#[test]
fn authorities_follow_the_session_validators_across_rotations() {
	ext(genesis::local_testnet()).execute_with(|| {
		let genesis_validators = Session::validators();
		for session in 1..=4 {
			next_session();
			assert_eq!(Session::current_index(), session);
			assert_eq!(Session::validators(), genesis_validators);
			assert_authorities_follow_session();
		}
	});
}

#[test]
fn a_candidate_voted_in_becomes_an_authority_and_the_ousted_delegate_leaves() {
	use codec::Encode;
	use frame_support::assert_ok;
	use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
	use sp_keystore::{testing::MemoryKeystore, KeystoreExt};

	let mut ext = ext(genesis::local_testnet());
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| {
		let signed = |k: sp_keyring::Sr25519Keyring| RuntimeOrigin::signed(k.to_account_id());
		// Eve's hospital: keys generated in its node's keystore, with proof of possession.
		let eve = Eve.to_account_id();
		let generated = SessionKeys::generate(&eve.encode(), None);
		assert_ok!(Session::set_keys(
			signed(Eve),
			generated.keys.clone(),
			generated.proof.encode()
		));
		assert_ok!(Dpos::bond(signed(Eve), 15_000 * MED));
		assert_ok!(Dpos::register_candidate(signed(Eve)));
		// Ferdie backs her: 15 000 + 10 000 outranks every genesis delegate (10 000 + 10 000).
		assert_ok!(Dpos::bond(signed(Ferdie), 10_000 * MED));
		assert_ok!(Dpos::vote(signed(Ferdie), vec![eve.clone()]));

		// Elected at the next session change, in office from the one after.
		next_session();
		assert!(!Session::validators().contains(&eve));
		next_session();
		// Ties among the genesis delegates go to the earlier candidacy: Dave stood last.
		assert_eq!(Session::validators(), accounts(&[Eve, Alice, Bob, Charlie]));
		assert_authorities_follow_session();
		let aura = aura_authorities();
		assert!(aura.contains(&generated.keys.aura));
		assert!(!aura.contains(&AuraId::from(Dave.public())));
		let grandpa: Vec<_> = Grandpa::grandpa_authorities().into_iter().map(|(k, _)| k).collect();
		assert!(grandpa.contains(&generated.keys.grandpa));
		assert!(!grandpa.contains(&sp_keyring::Ed25519Keyring::Dave.public().into()));
		Dpos::do_try_state().expect("the DPoS invariants hold");
	});
}

/// Two prevotes for different blocks in one round by `signer`'s GRANDPA key, the second signed
/// by `second_signer`: when both are the same key, what a delegate's node sends when it
/// equivocates.
fn conflicting_prevotes(
	signer: sp_keyring::Ed25519Keyring,
	second_signer: sp_keyring::Ed25519Keyring,
	set_id: sp_consensus_grandpa::SetId,
	round: u64,
) -> sp_consensus_grandpa::EquivocationProof<crate::Hash, crate::BlockNumber> {
	let vote = |byte: u8, signer: sp_keyring::Ed25519Keyring| {
		let prevote = finality_grandpa::Prevote {
			target_hash: crate::Hash::repeat_byte(byte),
			target_number: 1,
		};
		let message = finality_grandpa::Message::Prevote(prevote.clone());
		let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
		(prevote, signer.sign(&payload).into())
	};
	sp_consensus_grandpa::EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: round,
			identity: signer.public().into(),
			first: vote(1, signer),
			second: vote(2, second_signer),
		}),
	)
}

#[test]
fn a_grandpa_equivocation_slashes_the_delegate_which_leaves_at_the_next_session() {
	use frame_support::{assert_noop, assert_ok, traits::KeyOwnerProofSystem};
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring::*};

	ext(genesis::local_testnet()).execute_with(|| {
		next_session();
		let dave = Dave.to_account_id();
		let set_id = pallet_grandpa::CurrentSetId::<Runtime>::get();
		let own_stake = || {
			let bond = pallet_dpos::Candidates::<Runtime>::get(&dave).map_or(0, |c| c.bond);
			pallet_dpos::Ledger::<Runtime>::get(&dave).expect("Dave stakes").total() + bond
		};
		let stake = own_stake();
		let proof = conflicting_prevotes(Ed25519Keyring::Dave, Ed25519Keyring::Dave, set_id, 3);
		let key: (_, sp_consensus_grandpa::AuthorityId) =
			(sp_consensus_grandpa::KEY_TYPE, Ed25519Keyring::Dave.public().into());
		let owner = crate::Historical::prove(key.clone()).expect("Dave's key is a delegate's");

		// A proof with one vote signed by another key is refused and slashes nobody.
		let forged = conflicting_prevotes(Ed25519Keyring::Dave, Ed25519Keyring::Bob, set_id, 3);
		assert_noop!(
			Grandpa::report_equivocation(
				RuntimeOrigin::signed(Alice.to_account_id()),
				Box::new(forged),
				owner.clone()
			),
			pallet_grandpa::Error::<Runtime>::InvalidEquivocationProof
		);

		assert_ok!(Grandpa::report_equivocation(
			RuntimeOrigin::signed(Alice.to_account_id()),
			Box::new(proof.clone()),
			owner.clone()
		));
		// One offender of four: (3 * 1 / 4)^2 = 56.25% of Dave's own stake is burnt.
		let slashed = sp_runtime::Perbill::from_rational(9u32, 16) * stake;
		let event = System::events().into_iter().find_map(|r| match r.event {
			crate::RuntimeEvent::Dpos(pallet_dpos::Event::Slashed {
				who, amount, removed, ..
			}) => Some((who, amount, removed)),
			_ => None,
		});
		assert_eq!(event, Some((dave.clone(), slashed, true)));
		assert_eq!(own_stake(), stake - slashed);
		assert!(pallet_dpos::Candidates::<Runtime>::get(&dave).is_none());

		// The same equivocation cannot be reported twice.
		assert_noop!(
			Grandpa::report_equivocation(
				RuntimeOrigin::signed(Bob.to_account_id()),
				Box::new(proof),
				owner
			),
			pallet_grandpa::Error::<Runtime>::DuplicateOffenceReport
		);

		next_session();
		assert_eq!(Session::validators(), accounts(&[Alice, Bob, Charlie]));
		assert_authorities_follow_session();
		assert!(!Grandpa::grandpa_authorities()
			.iter()
			.any(|(k, _)| *k == Ed25519Keyring::Dave.public().into()));
		Dpos::do_try_state().expect("the DPoS invariants hold");
	});
}

#[test]
fn only_the_sessions_an_equivocation_can_be_reported_for_stay_provable() {
	use crate::configs::HISTORY_DEPTH;
	ext(genesis::local_testnet()).execute_with(|| {
		for _ in 0..8 {
			next_session();
		}
		let current = Session::current_index();
		let kept: Vec<u32> =
			pallet_session::historical::HistoricalSessions::<Runtime>::iter_keys().collect();
		assert!(
			kept.iter().all(|session| *session + HISTORY_DEPTH >= current),
			"sessions older than {HISTORY_DEPTH} are pruned: {kept:?} at {current}"
		);
		assert!(kept.contains(&current), "the current session stays provable");
	});
}

/// `signer`'s GRANDPA precommit for block `number` with hash `hash`, in `round` of the current
/// authority set, claimed to be by `authority`'s key.
fn precommit(
	signer: sp_keyring::Ed25519Keyring,
	authority: sp_keyring::Ed25519Keyring,
	number: crate::BlockNumber,
	hash: crate::Hash,
	round: u64,
) -> pallet_dpos::FinalityVote<crate::Hash, crate::BlockNumber> {
	let set_id = pallet_grandpa::CurrentSetId::<Runtime>::get();
	let message = finality_grandpa::Message::Precommit(finality_grandpa::Precommit {
		target_hash: hash,
		target_number: number,
	});
	let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
	pallet_dpos::FinalityVote {
		round,
		target_hash: hash,
		target_number: number,
		authority: authority.public().into(),
		signature: signer.sign(&payload).into(),
	}
}

#[test]
fn a_delegate_that_authors_but_withholds_its_grandpa_votes_is_kicked() {
	use frame_support::{
		inherent::{InherentData, ProvideInherent},
		traits::UnfilteredDispatchable,
	};
	use sp_keyring::{Ed25519Keyring as Grandpa, Sr25519Keyring::*};

	ext(genesis::local_testnet()).execute_with(|| {
		next_session();
		let session = Session::current_index();
		// Block `start`, the session's first, is followed by block `start + 1`.
		let start = System::block_number();
		let start_hash = crate::Hash::repeat_byte(7);
		System::initialize(&(start + 1), &start_hash, &Default::default());
		let old_hash = System::block_hash(start - 1);

		// What Alice's node saw in justifications: the votes of Alice, Bob and Charlie for
		// block `start`; a forged vote for Dave (signed with Bob's key); Dave's vote replayed
		// from the previous session.
		let seen = vec![
			precommit(Grandpa::Alice, Grandpa::Alice, start, start_hash, 5),
			precommit(Grandpa::Bob, Grandpa::Bob, start, start_hash, 5),
			precommit(Grandpa::Bob, Grandpa::Dave, start, start_hash, 5),
			precommit(Grandpa::Charlie, Grandpa::Charlie, start, start_hash, 6),
			precommit(Grandpa::Dave, Grandpa::Dave, start - 1, old_hash, 4),
			precommit(Grandpa::Alice, Grandpa::Alice, start, start_hash, 6),
		];
		let mut data = InherentData::new();
		data.put_data(pallet_dpos::FINALITY_VOTES_INHERENT, &seen).unwrap();
		let call = Dpos::create_inherent(&data).expect("votes that count make an inherent");
		let pallet_dpos::Call::note_finality_votes { votes } = &call else {
			panic!("the inherent notes votes: {call:?}")
		};
		assert_eq!(
			votes.to_vec(),
			vec![seen[0].clone(), seen[1].clone(), seen[3].clone()],
			"the author keeps one vote per delegate, only votes that count"
		);
		assert!(Dpos::is_inherent(&call));

		// Importing nodes check every vote again: the forged and the replayed vote count for
		// nobody even when an author includes them.
		let all = pallet_dpos::Call::<Runtime>::note_finality_votes {
			votes: frame_support::BoundedVec::truncate_from(seen.clone()),
		};
		all.dispatch_bypass_filter(RuntimeOrigin::none()).expect("the inherent applies");
		let noted: Vec<_> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				crate::RuntimeEvent::Dpos(pallet_dpos::Event::FinalityVoteNoted {
					who,
					session: s,
				}) => Some((who, s)),
				_ => None,
			})
			.collect();
		assert_eq!(
			noted,
			accounts(&[Alice, Bob, Charlie]).into_iter().map(|a| (a, session)).collect::<Vec<_>>()
		);
		let mut voted: Vec<_> = pallet_dpos::FinalityVoted::<Runtime>::iter_keys().collect();
		voted.sort();
		let mut expected = accounts(&[Alice, Bob, Charlie]);
		expected.sort();
		assert_eq!(voted, expected);
		// Counted once per session: the author's next inherent has nothing left to add.
		assert!(Dpos::create_inherent(&data).is_none());

		// Dave authored in the session (as every validator does in `next_session`) but no vote
		// of his counted: the session's end kicks him, and the next election leaves him out.
		next_session();
		let kicked = System::events().into_iter().find_map(|r| match r.event {
			crate::RuntimeEvent::Dpos(pallet_dpos::Event::DelegateKicked {
				who,
				authored,
				voted,
				..
			}) => Some((who, authored, voted)),
			_ => None,
		});
		assert_eq!(kicked, Some((Dave.to_account_id(), 1, false)));
		assert!(pallet_dpos::Candidates::<Runtime>::get(Dave.to_account_id()).is_none());
		next_session();
		assert_eq!(Session::validators(), accounts(&[Alice, Bob, Charlie]));
		assert_authorities_follow_session();
		Dpos::do_try_state().expect("the DPoS invariants hold");

		// Nobody can send votes as a transaction: only block authors include them.
		let bare = crate::UncheckedExtrinsic::new_bare(crate::RuntimeCall::Dpos(call));
		let parent = System::parent_hash();
		assert!(crate::Executive::validate_transaction(
			sp_runtime::transaction_validity::TransactionSource::External,
			bare,
			parent,
		)
		.is_err());
	});
}

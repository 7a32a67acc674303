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

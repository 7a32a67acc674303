//! Named genesis presets: the starting state of a development chain and of a local testnet.
//!
//! A preset is a typed [`RuntimeGenesisConfig`]; the node turns it into a chain spec through the
//! `GenesisBuilder` runtime API, and the runtime's tests build state from the same function.

use alloc::{vec, vec::Vec};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	AccountId, Balance, BalancesConfig, DposConfig, RegistryConfig, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, SudoConfig, MED,
};

/// The preset of a single-node development chain: Alice is the only authority and the sudo key.
pub const DEVELOPMENT: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;
/// The preset of a four-hospital local testnet: Alice, Bob, Charlie and Dave are authorities.
pub const LOCAL_TESTNET: &str = sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;

/// What each well-known development account starts with.
pub const ENDOWMENT: Balance = 1_000_000 * MED;
/// What each genesis delegate bonds.
pub const DELEGATE_STAKE: Balance = 10_000 * MED;

/// An authority of a preset: its account (also its validator id), its session keys, and the
/// account that votes for it.
pub struct Authority {
	/// The account that runs the node and stands as a delegate.
	pub account: AccountId,
	/// The keys its node signs blocks and finality votes with.
	pub keys: SessionKeys,
	/// A token holder who bonds and votes for it.
	pub backer: AccountId,
}

impl Authority {
	/// A well-known development authority (Alice, Bob, ...), backed by its `//stash` account.
	pub fn dev(sr: Sr25519Keyring, ed: Ed25519Keyring, stash: Sr25519Keyring) -> Self {
		Self {
			account: sr.to_account_id(),
			keys: SessionKeys {
				aura: AuraId::from(sr.public()),
				grandpa: GrandpaId::from(ed.public()),
			},
			backer: stash.to_account_id(),
		}
	}
}

/// Builds a genesis state from its authorities, the funded accounts and the sudo key. The
/// authorities bond, stand and vote, so that the first election returns them.
pub fn genesis(
	authorities: Vec<Authority>,
	endowed: Vec<AccountId>,
	root: AccountId,
) -> RuntimeGenesisConfig {
	RuntimeGenesisConfig {
		dpos: DposConfig {
			stakers: authorities
				.iter()
				.flat_map(|a| {
					[(a.account.clone(), DELEGATE_STAKE), (a.backer.clone(), DELEGATE_STAKE)]
				})
				.collect(),
			candidates: authorities.iter().map(|a| a.account.clone()).collect(),
			votes: authorities
				.iter()
				.map(|a| (a.backer.clone(), vec![a.account.clone()]))
				.collect(),
			desired_delegates: authorities.len() as u32,
		},
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|account| (account, ENDOWMENT)).collect(),
			..Default::default()
		},
		session: SessionConfig {
			keys: authorities.into_iter().map(|a| (a.account.clone(), a.account, a.keys)).collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: Some(root) },
		registry: demo_members(),
		..Default::default()
	}
}

/// The demo population of the presets: Alice is an admin, Bob a doctor, Charlie a patient.
/// Their encryption keys are their account keys' bytes, a stand-in for real X25519 keys.
fn demo_members() -> RegistryConfig {
	let key = |k: Sr25519Keyring| k.public().0;
	RegistryConfig {
		admins: vec![Sr25519Keyring::Alice.to_account_id()],
		doctors: vec![(
			Sr25519Keyring::Bob.to_account_id(),
			b"MED-LICENCE-BOB".to_vec(),
			key(Sr25519Keyring::Bob),
		)],
		patients: vec![(
			Sr25519Keyring::Charlie.to_account_id(),
			key(Sr25519Keyring::Charlie),
			b"demo-patient".to_vec(),
		)],
	}
}

/// Every well-known development account (Alice to Ferdie and their `//stash` accounts).
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// The `development` preset: one authority, Alice.
pub fn development() -> RuntimeGenesisConfig {
	genesis(
		vec![Authority::dev(
			Sr25519Keyring::Alice,
			Ed25519Keyring::Alice,
			Sr25519Keyring::AliceStash,
		)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The `local_testnet` preset: four authorities, so that GRANDPA survives one failure.
pub fn local_testnet() -> RuntimeGenesisConfig {
	genesis(
		vec![
			Authority::dev(
				Sr25519Keyring::Alice,
				Ed25519Keyring::Alice,
				Sr25519Keyring::AliceStash,
			),
			Authority::dev(Sr25519Keyring::Bob, Ed25519Keyring::Bob, Sr25519Keyring::BobStash),
			Authority::dev(
				Sr25519Keyring::Charlie,
				Ed25519Keyring::Charlie,
				Sr25519Keyring::CharlieStash,
			),
			Authority::dev(Sr25519Keyring::Dave, Ed25519Keyring::Dave, Sr25519Keyring::DaveStash),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The preset of the given name, if there is one.
pub fn preset(id: &PresetId) -> Option<RuntimeGenesisConfig> {
	match id.as_str() {
		DEVELOPMENT => Some(development()),
		LOCAL_TESTNET => Some(local_testnet()),
		_ => None,
	}
}

/// The preset of the given name as the JSON the `GenesisBuilder` API returns.
pub fn preset_json(id: &PresetId) -> Option<Vec<u8>> {
	preset(id).and_then(|config| serde_json::to_vec(&config).ok())
}

/// The names of every preset.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEVELOPMENT), PresetId::from(LOCAL_TESTNET)]
}

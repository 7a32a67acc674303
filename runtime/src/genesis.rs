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
	AccountId, Balance, BalancesConfig, CouncilMembershipConfig, DposConfig, RegistryConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, MED,
};

/// The preset of a single-node development chain: Alice is the only authority and the council.
pub const DEVELOPMENT: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;
/// The preset of a four-hospital local testnet: Alice, Bob, Charlie and Dave are authorities
/// and the council.
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

/// Builds a genesis state from its authorities, the funded accounts and the council. The
/// authorities bond, stand and vote, so that the first election returns them; each
/// authority's hospital has a registered vault.
pub fn genesis(
	authorities: Vec<Authority>,
	endowed: Vec<AccountId>,
	council: Vec<AccountId>,
) -> RuntimeGenesisConfig {
	let vaults = authorities.len();
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
		council_membership: CouncilMembershipConfig {
			members: council.try_into().expect("a preset's council fits MaxMembers"),
			..Default::default()
		},
		registry: demo_members(vaults),
		..Default::default()
	}
}

/// The X25519 encryption key `medchain-client` derives from `//Bob`'s secret.
pub const BOB_ENCRYPTION_KEY: [u8; 32] = [
	0x4d, 0x8e, 0xa2, 0xd6, 0xe0, 0x3d, 0x4d, 0x36, 0x51, 0x17, 0x84, 0x3e, 0xcf, 0xd5, 0x4f, 0x0b,
	0xe7, 0x7f, 0x4f, 0xf2, 0xa3, 0xde, 0x2a, 0x82, 0x0e, 0x52, 0xe3, 0x1e, 0x96, 0xb8, 0xd5, 0x0b,
];
/// The X25519 encryption key `medchain-client` derives from `//Charlie`'s secret.
pub const CHARLIE_ENCRYPTION_KEY: [u8; 32] = [
	0x4b, 0x2c, 0xf5, 0x26, 0x71, 0xda, 0x93, 0xb0, 0x2b, 0x54, 0x06, 0x7a, 0x48, 0xd9, 0x9a, 0xc5,
	0xad, 0xea, 0xbc, 0x29, 0x08, 0xb4, 0xb9, 0x12, 0xb6, 0x2c, 0x51, 0xdb, 0x61, 0xf6, 0x84, 0x31,
];

/// The vault accounts of the hospitals of the presets: `//Alice//vault`, `//Bob//vault`,
/// `//Charlie//vault` and `//Dave//vault`, each with the URL its vault answers at by default
/// (a vault moves its registered URL when it starts elsewhere).
pub const VAULTS: [([u8; 32], &str); 4] = [
	(
		[
			0xd0, 0x15, 0x0c, 0xef, 0x8d, 0xad, 0x24, 0xe9, 0x47, 0xcd, 0xf5, 0x4d, 0x76, 0x5b,
			0xea, 0x97, 0x86, 0xc4, 0xa1, 0x91, 0x8b, 0x8e, 0x81, 0x36, 0x0d, 0x45, 0x62, 0xa4,
			0x41, 0xe4, 0x4a, 0x6f,
		],
		"http://127.0.0.1:8700",
	),
	(
		[
			0xa8, 0x22, 0x3c, 0xfa, 0x4e, 0x34, 0xf9, 0x18, 0x40, 0x03, 0x2e, 0x0f, 0x6b, 0xf8,
			0x25, 0x70, 0xe9, 0xda, 0x4a, 0x59, 0xec, 0x56, 0xce, 0xf4, 0x27, 0xde, 0xd7, 0x6c,
			0xfc, 0xfd, 0x88, 0x31,
		],
		"http://127.0.0.1:8701",
	),
	(
		[
			0xe4, 0x87, 0xca, 0x11, 0x5b, 0xc6, 0x93, 0x4f, 0x1b, 0x56, 0x0b, 0x97, 0xcb, 0x5b,
			0xa0, 0x48, 0xdc, 0x0e, 0x96, 0x25, 0x28, 0x6a, 0x7f, 0xbe, 0xe9, 0x7a, 0x28, 0x68,
			0xe2, 0x86, 0x11, 0x36,
		],
		"http://127.0.0.1:8702",
	),
	(
		[
			0x3a, 0x5f, 0x8f, 0xa0, 0x0c, 0x0e, 0xd1, 0xf8, 0xce, 0xbf, 0x99, 0x8b, 0x32, 0x5d,
			0x7b, 0x15, 0x62, 0xed, 0x61, 0x4e, 0xe4, 0x6d, 0x2d, 0x9b, 0xf3, 0x9b, 0x65, 0xf3,
			0x5a, 0x86, 0xc4, 0x4f,
		],
		"http://127.0.0.1:8703",
	),
];

/// The demo population of the presets: Alice is an admin, Bob a doctor, Charlie a patient,
/// with the encryption keys the client derives from their secrets; and the first `vaults`
/// hospitals' vaults.
fn demo_members(vaults: usize) -> RegistryConfig {
	RegistryConfig {
		admins: vec![Sr25519Keyring::Alice.to_account_id()],
		doctors: vec![(
			Sr25519Keyring::Bob.to_account_id(),
			b"MED-LICENCE-BOB".to_vec(),
			BOB_ENCRYPTION_KEY,
		)],
		patients: vec![(
			Sr25519Keyring::Charlie.to_account_id(),
			CHARLIE_ENCRYPTION_KEY,
			b"demo-patient".to_vec(),
		)],
		vaults: VAULTS[..vaults]
			.iter()
			.map(|(account, url)| (AccountId::from(*account), url.as_bytes().to_vec()))
			.collect(),
	}
}

/// Every well-known development account (Alice to Ferdie and their `//stash` accounts) and
/// the hospitals' vault accounts, which pay for the releases they log.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.map(|k| k.to_account_id())
		.chain(VAULTS.iter().map(|(account, _)| AccountId::from(*account)))
		.collect()
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
		vec![Sr25519Keyring::Alice.to_account_id()],
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
		[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
			.map(|k| k.to_account_id())
			.to_vec(),
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

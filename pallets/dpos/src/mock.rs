//! A mock runtime with balances, pallet-session and the DPoS pallet as its session manager.

use crate as pallet_dpos;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use medchain_primitives::testing::RecordingAudit;
use sp_runtime::{
	impl_opaque_keys,
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, RuntimeAppPublic,
};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Dpos = pallet_dpos;
	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl_opaque_keys! {
	pub struct MockKeys {
		pub dummy: UintAuthorityId,
	}
}

/// Accepts any keys; the mock has no consensus engines to hand them to.
pub struct NoEngines;

impl pallet_session::SessionHandler<u64> for NoEngines {
	const KEY_TYPE_IDS: &'static [sp_runtime::KeyTypeId] = &[UintAuthorityId::ID];
	fn on_genesis_session<Ks: OpaqueKeys>(_: &[(u64, Ks)]) {}
	fn on_new_session<Ks: OpaqueKeys>(_: bool, _: &[(u64, Ks)], _: &[(u64, Ks)]) {}
	fn on_disabled(_: u32) {}
}

/// Blocks per session.
pub const PERIOD: u64 = 5;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<ConstU64<PERIOD>, ConstU64<0>>;
	type NextSessionRotation = pallet_session::PeriodicSessions<ConstU64<PERIOD>, ConstU64<0>>;
	type SessionManager = Dpos;
	type SessionHandler = NoEngines;
	type Keys = MockKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

parameter_types! {
	pub const MinBond: u64 = 10;
	pub const CandidacyBond: u64 = 100;
}

impl pallet_dpos::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CouncilOrigin = EnsureRoot<u64>;
	type SessionKeys = pallet_dpos::PalletSession<Test>;
	type AuditTrail = RecordingAudit;
	type MinBond = MinBond;
	type CandidacyBond = CandidacyBond;
	type UnbondingPeriod = ConstU64<10>;
	type MaxUnlockingChunks = ConstU32<2>;
	type MaxVotes = ConstU32<3>;
	type MaxCandidates = ConstU32<6>;
	type MaxDelegates = ConstU32<4>;
	type MinDelegates = ConstU32<2>;
	type FinalitySetId = ConstU64<0>;
	type WeightInfo = pallet_dpos::weights::SubstrateWeight<Test>;
}

/// Genesis delegates, each bonded with 1 000 and a candidate with keys.
pub const GENESIS: [u64; 3] = [1, 2, 3];
/// A funded account with no role at genesis.
pub const NEW: u64 = 4;
/// Voters, funded and bonded with 500 at genesis.
pub const VOTER: u64 = 10;
pub const VOTER_2: u64 = 11;
/// An account with too little for any bond.
pub const POOR: u64 = 20;
/// Every funded account's balance.
pub const FUNDS: u64 = 10_000;

/// Genesis: three delegates elected from three candidates (desired 3), two voters.
pub fn new_test_ext() -> sp_io::TestExternalities {
	build(pallet_dpos::GenesisConfig {
		stakers: GENESIS
			.iter()
			.map(|who| (*who, 1_000))
			.chain([(VOTER, 500), (VOTER_2, 500)])
			.collect(),
		candidates: GENESIS.to_vec(),
		votes: vec![],
		desired_delegates: 3,
	})
}

/// Genesis for benchmarks: no candidates, so they may fill `MaxCandidates`; the session keeps
/// its genesis validators.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut ext = build(pallet_dpos::GenesisConfig { desired_delegates: 3, ..Default::default() });
	// GRANDPA votes are signed with keys the benchmarks generate, as in a node's keystore.
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext
}

fn build(dpos: pallet_dpos::GenesisConfig<Test>) -> sp_io::TestExternalities {
	let funded = [1, 2, 3, 4, 5, 6, 7, 8, VOTER, VOTER_2];
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: funded.iter().map(|who| (*who, FUNDS)).chain([(POOR, 5)]).collect(),
			..Default::default()
		},
		dpos,
		session: pallet_session::GenesisConfig {
			keys: GENESIS.iter().map(|who| (*who, *who, keys(*who))).collect(),
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.expect("the mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// The session keys of `who`.
pub fn keys(who: u64) -> MockKeys {
	MockKeys { dummy: UintAuthorityId(who) }
}

/// Runs `test` on the genesis state, then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Dpos::do_try_state().expect("the DPoS invariants hold");
	});
}

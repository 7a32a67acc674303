//! A mock runtime with the registry alone; the access log records into memory.

use crate as pallet_registry;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use medchain_primitives::testing::RecordingAudit;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Registry = pallet_registry;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const MaxMetadataLen: u32 = 64;
}

impl pallet_registry::Config for Test {
	type AdminOrigin = pallet_registry::EnsureAdmin<Test>;
	type CouncilOrigin = frame_system::EnsureRoot<u64>;
	type AuditTrail = RecordingAudit;
	type MaxMetadataLen = MaxMetadataLen;
	type MaxLicenceLen = ConstU32<32>;
	type MaxEndpointLen = ConstU32<24>;
	type WeightInfo = pallet_registry::weights::SubstrateWeight<Test>;
}

/// Root's admin at genesis.
pub const ADMIN: u64 = 1;
/// A doctor at genesis.
pub const DOCTOR: u64 = 2;
/// A patient at genesis.
pub const PATIENT: u64 = 3;
/// A vault at genesis.
pub const VAULT: u64 = 4;
/// An account with no role.
pub const NOBODY: u64 = 9;

/// A state with one admin, one doctor and one patient, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		registry: pallet_registry::GenesisConfig {
			admins: vec![ADMIN],
			doctors: vec![(DOCTOR, b"GMC-7".to_vec(), [2; 32])],
			patients: vec![(PATIENT, [3; 32], b"ref:1".to_vec())],
			vaults: vec![(VAULT, b"http://127.0.0.1:8700".to_vec())],
		},
		..Default::default()
	}
	.build_storage()
	.expect("the mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on the genesis state, then checks the registry's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Registry::do_try_state().expect("the registry's invariants hold");
	});
}

//! A mock runtime with balances and the consent pallet; roles, records and the access log are
//! in-memory stand-ins.

use crate as pallet_consent;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use medchain_primitives::{
	testing::{MockRecords, MockRoles, RecordingAudit},
	MemberStatus, Role,
};
use sp_runtime::BuildStorage;

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
	pub type Consent = pallet_consent;
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

parameter_types! {
	pub const DepositBase: u64 = 10;
	pub const DepositPerByte: u64 = 1;
	pub const ConsentWindow: u64 = 20;
	pub const EmergencyWindow: u64 = 5;
}

impl pallet_consent::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = MockRoles;
	type Records = MockRecords;
	type AuditTrail = RecordingAudit;
	type SubmissionDepositBase = DepositBase;
	type SubmissionDepositPerByte = DepositPerByte;
	type ConsentWindow = ConsentWindow;
	type MaxPendingPerPatient = ConstU32<3>;
	type MaxPendingPerDoctor = ConstU32<2>;
	type MaxBlockedPerPatient = ConstU32<1>;
	type EmergencyWindow = EmergencyWindow;
	type MaxGrantsPerPatient = ConstU32<2>;
	type MaxGrantsPerDoctor = ConstU32<2>;
	type WeightInfo = pallet_consent::weights::SubstrateWeight<Test>;
}

pub const ADMIN: u64 = 1;
pub const DOCTOR: u64 = 2;
pub const DOCTOR_2: u64 = 3;
pub const PATIENT: u64 = 4;
pub const PATIENT_2: u64 = 5;
/// A doctor an admin suspended.
pub const SUSPENDED_DOCTOR: u64 = 6;
/// A doctor with no funds for deposits.
pub const POOR_DOCTOR: u64 = 7;
pub const NOBODY: u64 = 9;
/// A registered vault.
pub const VAULT: u64 = 10;

/// Every funded account starts with this.
pub const FUNDS: u64 = 100_000;

/// A state with funded members of every role, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: [ADMIN, DOCTOR, DOCTOR_2, PATIENT, PATIENT_2, SUSPENDED_DOCTOR, NOBODY]
				.into_iter()
				.map(|who| (who, FUNDS))
				.chain([(POOR_DOCTOR, 5)])
				.collect(),
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.expect("the mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		MockRoles::set(ADMIN, Role::Admin, MemberStatus::Active);
		for doctor in [DOCTOR, DOCTOR_2, POOR_DOCTOR] {
			MockRoles::set(doctor, Role::Doctor, MemberStatus::Active);
		}
		MockRoles::set(SUSPENDED_DOCTOR, Role::Doctor, MemberStatus::Suspended);
		MockRoles::set(PATIENT, Role::Patient, MemberStatus::Active);
		MockRoles::set(PATIENT_2, Role::Patient, MemberStatus::Active);
		MockRoles::set_vault(VAULT);
	});
	ext
}

/// Runs `test` on the genesis state, then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Consent::do_try_state().expect("the consent pallet's invariants hold");
	});
}

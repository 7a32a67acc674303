//! A mock runtime with the records pallet; the access policy and the log are stand-ins.

use crate as pallet_records;
use frame_support::{derive_impl, traits::ConstU32};
use medchain_primitives::{
	testing::{MockRoles, MockTime, RecordingAudit},
	AccessBasis, AccessPolicy, AccessRequest, MemberStatus, PurposeOfUse, Refusal, Role,
};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Records = pallet_records;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

pub const PATIENT: u64 = 1;
pub const AUTHOR: u64 = 2;
/// A doctor the policy treats as holding a grant to every patient.
pub const GRANTED: u64 = 3;
pub const STRANGER: u64 = 4;
pub const OTHER_PATIENT: u64 = 5;
/// An admin, who sees every record.
pub const ADMIN: u64 = 6;
/// The vault that keeps the test records' content.
pub const VAULT: u64 = 7;
/// Another registered vault.
pub const OTHER_VAULT: u64 = 8;
/// An account that is not a member.
pub const NOBODY: u64 = 9;

/// A doctor the policy treats as holding a running emergency access to every patient.
pub const EMERGENCY: u64 = 10;

/// Patients see their own records, authors theirs, `ADMIN` everyone's, `EMERGENCY` everyone's
/// (on an emergency basis), `GRANTED` everyone's `Observation`s for treatment; nobody else
/// anything.
pub struct MockPolicy;

impl AccessPolicy<u64> for MockPolicy {
	fn access_basis(
		viewer: &u64,
		patient: &u64,
		request: AccessRequest<u64>,
	) -> Result<AccessBasis, Refusal> {
		if viewer == patient {
			Ok(AccessBasis::Patient)
		} else if request.author == Some(viewer) {
			Ok(AccessBasis::Author)
		} else if *viewer == ADMIN {
			Ok(AccessBasis::Admin)
		} else if *viewer == EMERGENCY {
			Ok(AccessBasis::Emergency)
		} else if *viewer != GRANTED {
			Err(Refusal::NoAccess)
		} else if request.purpose != PurposeOfUse::Treatment {
			Err(Refusal::PurposeNotGranted)
		} else if request.kind.is_some_and(|kind| kind != b"Observation") {
			Err(Refusal::KindNotGranted)
		} else {
			Ok(AccessBasis::Grant)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn fill_grants_for_benchmark(_viewer: &u64, _patient: &u64, _kind: &[u8]) {}
}

impl pallet_records::Config for Test {
	type AccessPolicy = MockPolicy;
	type Roles = MockRoles;
	type AuditTrail = RecordingAudit;
	type Time = MockTime;
	type MaxPageSize = ConstU32<2>;
	type WeightInfo = pallet_records::weights::SubstrateWeight<Test>;
}

/// An empty record store at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		System::set_block_number(1);
		MockTime::set(6_000);
		MockRoles::set_vault(VAULT);
		MockRoles::set_vault(OTHER_VAULT);
		for patient in [PATIENT, OTHER_PATIENT, STRANGER] {
			MockRoles::set(patient, Role::Patient, MemberStatus::Active);
		}
		for doctor in [AUTHOR, GRANTED, EMERGENCY] {
			MockRoles::set(doctor, Role::Doctor, MemberStatus::Active);
		}
		MockRoles::set(ADMIN, Role::Admin, MemberStatus::Active);
	});
	ext
}

/// Runs `test` on an empty store, then checks the pallet's invariants.
pub fn run_test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Records::do_try_state().expect("the records pallet's invariants hold");
	});
}

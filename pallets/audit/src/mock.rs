//! A mock runtime with the access log alone.

use crate as pallet_audit;
use frame_support::{derive_impl, traits::ConstU32};
use medchain_primitives::testing::MockTime;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Audit = pallet_audit;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_audit::Config for Test {
	type Time = MockTime;
	type MaxPageSize = ConstU32<3>;
}

/// Runs `test` on an empty log at block 1, then checks the log's invariants.
pub fn run_test(test: impl FnOnce()) {
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		System::set_block_number(1);
		MockTime::set(1_000);
		test();
		Audit::do_try_state().expect("the log's invariants hold");
	});
}

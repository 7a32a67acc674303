//! The council of hospitals holds what a sudo key used to: motions, thresholds and what each
//! one may do.

use codec::Encode;
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve};
use sp_runtime::traits::{BlakeTwo256, Hash};

use super::ext;
use crate::{
	genesis, AccountId, Council, Registry, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	System,
};

type CouncilEvent = pallet_collective::Event<Runtime, pallet_collective::Instance1>;

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

/// `proposer` moves `call` with `threshold` ayes; `ayes` vote for it; anyone closes it. Returns
/// the result the call was executed with, or `None` when the motion did not pass.
fn motion(
	proposer: Sr25519Keyring,
	call: RuntimeCall,
	threshold: u32,
	ayes: &[Sr25519Keyring],
) -> Option<sp_runtime::DispatchResult> {
	let hash = BlakeTwo256::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	let (weight, length) = (call.get_dispatch_info().call_weight, call.encoded_size() as u32);
	assert_ok!(Council::propose(signed(proposer), threshold, Box::new(call), length));
	for voter in ayes {
		assert_ok!(Council::vote(signed(*voter), hash, index, true));
	}
	let _ = Council::close(signed(Eve), hash, index, weight, length);
	System::events().into_iter().rev().find_map(|record| match record.event {
		RuntimeEvent::Council(CouncilEvent::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

fn admit(who: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::Registry(pallet_registry::Call::register_admin { who: who.to_account_id() })
}

fn set_delegates(desired: u32) -> RuntimeCall {
	RuntimeCall::Dpos(pallet_dpos::Call::set_desired_delegates { desired })
}

fn is_admin(who: Sr25519Keyring) -> bool {
	pallet_registry::Members::<Runtime>::get(who.to_account_id())
		.is_some_and(|m| m.role == medchain_primitives::Role::Admin)
}

#[test]
fn a_majority_of_the_four_hospitals_admits_an_admin() {
	ext(genesis::local_testnet()).execute_with(|| {
		// Two of four is no majority: the motion fails to pass.
		assert_eq!(
			motion(Bob, admit(Eve), 2, &[Bob, Charlie]),
			Some(Err(sp_runtime::DispatchError::BadOrigin))
		);
		assert!(!is_admin(Eve));
		// Three of four is.
		assert_eq!(motion(Bob, admit(Eve), 3, &[Bob, Charlie, Dave]), Some(Ok(())));
		assert!(is_admin(Eve));
		// A clinical admin cannot admit admins, nor touch consensus.
		assert_noop!(
			Registry::register_admin(signed(Alice), Dave.to_account_id()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			crate::Dpos::set_desired_delegates(signed(Alice), 2),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn consensus_needs_two_thirds_of_the_council() {
	ext(genesis::local_testnet()).execute_with(|| {
		assert_eq!(
			motion(Alice, set_delegates(3), 2, &[Alice, Bob]),
			Some(Err(sp_runtime::DispatchError::BadOrigin))
		);
		assert_eq!(pallet_dpos::DesiredDelegates::<Runtime>::get(), 4);
		assert_eq!(motion(Alice, set_delegates(3), 3, &[Alice, Bob, Charlie]), Some(Ok(())));
		assert_eq!(pallet_dpos::DesiredDelegates::<Runtime>::get(), 3);
		// An upgrade's hash likewise.
		let code_hash = BlakeTwo256::hash(b"a runtime");
		let upgrade =
			RuntimeCall::Governance(pallet_governance::Call::authorize_upgrade { code_hash });
		assert_eq!(motion(Alice, upgrade, 3, &[Alice, Bob, Charlie]), Some(Ok(())));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Governance(pallet_governance::Event::UpgradeAuthorized { .. })
		)));
	});
}

#[test]
fn only_council_members_propose_and_the_dev_council_is_alice() {
	ext(genesis::development()).execute_with(|| {
		let call = admit(Dave);
		let length = call.encoded_size() as u32;
		assert_noop!(
			Council::propose(signed(Bob), 1, Box::new(call.clone()), length),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::NotMember
		);
		// Alone, Alice's motion of threshold one executes at once.
		assert_ok!(Council::propose(signed(Alice), 1, Box::new(call), length));
		assert!(is_admin(Dave));
		let members: Vec<AccountId> =
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get();
		assert_eq!(members, vec![Alice.to_account_id()]);
	});
}

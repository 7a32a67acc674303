//! Delegated Proof-of-Stake through `medchain-client` against a development node: a new
//! candidate bonds, sets session keys held by the node, stands, is voted in above the genesis
//! delegate, is elected at a session boundary and then authors and finalizes the chain.

use std::time::Duration;

use medchain_client::{account_of, keypair, MedChain, Wait, MED};
use medchain_e2e::{assert_module_error, eventually, Node};

#[tokio::test(flavor = "multi_thread")]
async fn a_candidate_is_voted_in_and_takes_over_authoring() {
	let node = Node::dev("dpos");
	let chain = MedChain::connect(&node.ws_url())
		.await
		.expect("the client connects")
		.waiting_for(Wait::InBlock);
	let alice = account_of(&keypair("//Alice").unwrap());
	let dave = keypair("//Dave").unwrap();
	let dave_id = account_of(&dave);
	let eve = keypair("//Eve").unwrap();
	let eve_id = account_of(&eve);
	assert_eq!(chain.delegates().await.unwrap(), vec![alice]);

	// Staking: too little is refused; a bond is held and shown in the ledger.
	assert_module_error(chain.bond(&dave, 1).await, "Dpos", "BondTooSmall");
	chain.bond(&dave, 30_000 * MED).await.unwrap();
	chain.bond(&eve, 12_000 * MED).await.unwrap();
	assert_eq!(chain.ledger(dave_id).await.unwrap().unwrap().active, 30_000 * MED);

	// Unbonding starts at once; withdrawing waits for the unbonding period.
	chain.unbond(&eve, 2_000 * MED).await.unwrap();
	assert_module_error(chain.withdraw_unbonded(&eve).await, "Dpos", "NothingToWithdraw");
	let unlocking = chain.ledger(eve_id).await.unwrap().unwrap().unlocking.0;
	assert_eq!(unlocking.len(), 1);
	assert_eq!(unlocking[0].value, 2_000 * MED);

	// Dave's node keeps his session keys; he stands and Eve votes for him.
	let (keys, proof) = chain.rotate_keys(&dave_id).await.unwrap();
	chain.set_session_keys(&dave, &keys, proof).await.unwrap();
	assert_module_error(chain.vote(&eve, vec![dave_id]).await, "Dpos", "UnknownCandidate");
	chain.register_candidate(&dave).await.unwrap();
	assert_module_error(chain.register_candidate(&dave).await, "Dpos", "AlreadyCandidate");
	assert_module_error(chain.vote(&dave, vec![dave_id]).await, "Dpos", "SelfVote");
	chain.vote(&eve, vec![dave_id]).await.unwrap();

	let candidates = chain.candidates().await.unwrap();
	let (_, standing, has_keys) =
		candidates.iter().find(|(who, ..)| *who == dave_id).expect("Dave is a candidate");
	assert!(*has_keys);
	assert_eq!(standing.backing, 40_000 * MED, "his own bond plus Eve's");
	let (_, genesis, _) = candidates.iter().find(|(who, ..)| *who == alice).unwrap();
	assert!(standing.backing > genesis.backing, "Dave outranks the genesis delegate");

	// One delegate is desired: at a session boundary Dave is elected, and a session later
	// his keys author and finalize.
	eventually("Dave becomes the delegate", Duration::from_secs(240), async || {
		(chain.delegates().await.unwrap() == vec![dave_id]).then_some(())
	})
	.await;
	assert_eq!(chain.validators().await.unwrap(), vec![dave_id]);
	let (best, _) = chain.best_block().await.unwrap();
	eventually("finality goes on under the new delegate", Duration::from_secs(90), async || {
		(chain.finalized_block().await.unwrap().0 >= best + 2).then_some(())
	})
	.await;

	// Once the unbonding period has passed, Eve withdraws.
	eventually("the unbonding period ends", Duration::from_secs(180), async || {
		(chain.best_block().await.unwrap().0 >= unlocking[0].unlock_at).then_some(())
	})
	.await;
	let free_before = chain.free_balance(eve_id).await.unwrap();
	chain.withdraw_unbonded(&eve).await.unwrap();
	assert!(chain.free_balance(eve_id).await.unwrap() > free_before);
	assert!(chain.ledger(eve_id).await.unwrap().unwrap().unlocking.0.is_empty());

	// Leaving and removing votes.
	chain.remove_vote(&eve).await.unwrap();
	assert_module_error(chain.remove_vote(&eve).await, "Dpos", "NoVote");
	chain.unregister_candidate(&dave).await.unwrap();
	assert_module_error(chain.unregister_candidate(&dave).await, "Dpos", "NotCandidate");
}

//! A development node authors and finalizes blocks, and shuts down cleanly.

use std::time::Duration;

use medchain_e2e::Node;
use serde_json::json;

#[test]
fn dev_node_authors_and_finalizes_blocks() {
	let mut node = Node::dev("dev");

	let properties = node.rpc("system_properties", json!([]));
	assert_eq!(properties["tokenSymbol"], "MED");
	assert_eq!(properties["tokenDecimals"], 12);
	assert_eq!(properties["ss58Format"], 42);
	assert_eq!(node.rpc("system_chain", json!([])), "MedChain Development");

	node.wait_until("best block 3", Duration::from_secs(90), |n| n.best_number() >= 3);
	node.wait_until("finalized block 1", Duration::from_secs(90), |n| n.finalized_number() >= 1);
	assert!(node.finalized_number() <= node.best_number());

	assert!(node.stop(), "the node exits on SIGTERM within ten seconds");
}

//! The metadata `medchain-client` is generated from is this runtime's.

use crate::Runtime;

/// The metadata version the client is generated from: the first with view functions.
const CLIENT_METADATA_VERSION: u32 = 16;

/// Where the client keeps the metadata its code is generated from.
const ARTIFACT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../client/artifacts/medchain.scale");

/// The client's committed metadata is the runtime's as the dev chain runs it (`fast-runtime`,
/// whose session-length constants differ from a production build). With
/// `MEDCHAIN_UPDATE_METADATA=1` the test writes the runtime's metadata there instead.
#[test]
fn client_metadata_matches_the_runtime() {
	let metadata = Runtime::metadata_at_version(CLIENT_METADATA_VERSION)
		.expect("the runtime serves metadata v16");
	if std::env::var_os("MEDCHAIN_UPDATE_METADATA").is_some() {
		std::fs::write(ARTIFACT, &*metadata).expect("the client's artifacts folder is writable");
		return;
	}
	let committed = std::fs::read(ARTIFACT).expect("the client's metadata is committed");
	assert!(
		committed == *metadata,
		"client/artifacts/medchain.scale is not the runtime's metadata; regenerate it with \
		 `MEDCHAIN_UPDATE_METADATA=1 cargo test -p medchain-runtime --features fast-runtime \
		 client_metadata` and rebuild medchain-client"
	);
}

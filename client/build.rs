//! Rebuilds the client whenever the committed metadata changes, so that the types and calls
//! generated from it always match it.

fn main() {
	println!("cargo:rerun-if-changed=artifacts/medchain.scale");
}

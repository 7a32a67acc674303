//! Builds the runtime's WebAssembly blob and embeds it for the native side; with the
//! `next-version-blob` feature, also the blob of the runtime's next version, for the upgrade
//! test.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("MED", 12)
		.build();
	next_version();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
	next_version();
}

/// Builds the next version's blob, named after the file the builder writes for it.
#[cfg(feature = "std")]
fn next_version() {
	#[cfg(feature = "next-version-blob")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_feature("next-version")
		.set_file_name("next_version_wasm")
		.build();
}

#[cfg(not(feature = "std"))]
fn main() {}

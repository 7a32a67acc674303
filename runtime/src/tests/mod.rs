//! Native runtime tests: no node, the runtime's own genesis presets and pallets.

#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
mod clinical;
mod governance;
// The client targets the dev chain, whose session constants come from `fast-runtime`.
#[cfg(feature = "fast-runtime")]
mod metadata;
mod sessions;

use sp_runtime::BuildStorage;

use crate::{RuntimeGenesisConfig, System};

/// The state a preset builds, at block 1.
fn ext(config: RuntimeGenesisConfig) -> sp_io::TestExternalities {
	let mut ext: sp_io::TestExternalities =
		config.build_storage().expect("the preset builds a genesis state").into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

//! Chain specifications built from the runtime's genesis presets.

use medchain_runtime::{genesis, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::ChainType;

/// A MedChain chain specification.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The chains the node knows by name.
pub const KNOWN_CHAINS: &str = "dev, local (or a path to a chain spec JSON file)";

/// The token properties wallets read: symbol, decimals and address format.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| {
		"the runtime's WebAssembly is missing: build the node without SKIP_WASM_BUILD".to_string()
	})?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// A single-node development chain: Alice authors and finalizes.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"MedChain Development",
		"medchain_dev",
		ChainType::Development,
		genesis::DEVELOPMENT,
	)
}

/// A local testnet of four hospitals: Alice, Bob, Charlie and Dave.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"MedChain Local Testnet",
		"medchain_local",
		ChainType::Local,
		genesis::LOCAL_TESTNET,
	)
}

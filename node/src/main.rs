//! The MedChain node.
//!
//! Authors blocks with Aura and finalizes them with GRANDPA, keeps its database in ParityDb and
//! serves JSON-RPC (the standard Substrate set plus transaction payment) for Polkadot.js apps,
//! `medchain-client` and the `medchain` CLI.

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() {
	// One line that names the problem, not a debug dump of the error's structure.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}

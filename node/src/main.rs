//! The MedChain node.
//!
//! Authors blocks with Aura and finalizes them with GRANDPA, keeps its database in ParityDb and
//! serves JSON-RPC (the standard Substrate set plus transaction payment) for Polkadot.js apps,
//! `medchain-client` and the `medchain` CLI.

// `sc_cli::Error` is Substrate's own error type, which every command returns as it is.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod finality_votes;
mod rpc;
mod service;

fn main() {
	// One line that names the problem, not a debug dump of the error's structure.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}

//! Parses the command line and runs the node or the subcommand asked for.

use std::net::{IpAddr, SocketAddr, TcpListener};

use sc_cli::SubstrateCli;
use sc_network::multiaddr::Protocol;
use sc_service::{Configuration, PartialComponents};

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"MedChain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://example.invalid/medchain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development()?),
			"" | "local" => Box::new(chain_spec::local_testnet()?),
			path => {
				let file = std::path::PathBuf::from(path);
				if !file.is_file() {
					return Err(format!(
						"unknown chain '{path}': use one of {}",
						chain_spec::KNOWN_CHAINS
					));
				}
				Box::new(chain_spec::ChainSpec::from_json_file(file)?)
			},
		})
	}
}

/// Runs the command line.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let spec = cli.load_spec(&cmd.chain)?;
			cmd.run(spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, cli.wasm_cache.as_deref())?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, cli.wasm_cache.as_deref())?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, cli.wasm_cache.as_deref())?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, cli.wasm_cache.as_deref())?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config, cli.wasm_cache.as_deref())?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<medchain_runtime::opaque::Block>(&config))
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => benchmark(&cli, cmd),
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|mut config| async move {
				ensure_ports_free(&mut config)?;
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							medchain_runtime::opaque::Block,
							<medchain_runtime::opaque::Block as sp_runtime::traits::Block>::Hash,
						>,
					>(
						config,
						cli.wasm_cache.as_deref(),
					)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(
							config,
							cli.wasm_cache.as_deref(),
						)
						.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}

/// Runs a `benchmark` subcommand.
#[cfg(feature = "runtime-benchmarks")]
fn benchmark(cli: &Cli, cmd: &crate::cli::Benchmark) -> sc_cli::Result<()> {
	use crate::cli::Benchmark;
	use medchain_runtime::opaque::Block;
	use sp_runtime::traits::HashingFor;

	match cmd {
		Benchmark::Pallet(cmd) => cli
			.create_runner(cmd)?
			.sync_run(|config| cmd.run_with_spec::<HashingFor<Block>, ()>(Some(config.chain_spec))),
		Benchmark::Overhead(cmd) => cli.create_runner(cmd)?.sync_run(|config| {
			cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
		}),
		Benchmark::Storage(cmd) => cli.create_runner(cmd)?.sync_run(|config| {
			let PartialComponents { client, backend, .. } =
				service::new_partial(&config, cli.wasm_cache.as_deref())?;
			let (db, storage, cache) =
				(backend.expose_db(), backend.expose_storage(), backend.expose_shared_trie_cache());
			cmd.run(config, client, db, storage, cache)
		}),
		Benchmark::Block(cmd) => cli.create_runner(cmd)?.sync_run(|config| {
			let PartialComponents { client, .. } =
				service::new_partial(&config, cli.wasm_cache.as_deref())?;
			cmd.run(client)
		}),
		Benchmark::Machine(cmd) => cli.create_runner(cmd)?.sync_run(|config| {
			cmd.run(&config, frame_benchmarking_cli::SUBSTRATE_REFERENCE_HARDWARE.clone())
		}),
	}
}

/// Fails, naming the port, when something else listens on an RPC or peer-to-peer port the node
/// was asked to use; and makes the RPC server fail rather than move to a random port.
fn ensure_ports_free(config: &mut Configuration) -> sc_cli::Result<()> {
	for endpoint in config.rpc.addr.iter_mut().flatten() {
		endpoint.retry_random_port = false;
		if !endpoint.is_optional {
			ensure_free(endpoint.listen_addr, "the RPC port", "--rpc-port")?;
		}
	}
	for address in &config.network.listen_addresses {
		let (mut ip, mut port) = (None, None);
		for protocol in address.iter() {
			match protocol {
				Protocol::Ip4(addr) => ip = Some(IpAddr::V4(addr)),
				Protocol::Ip6(addr) => ip = Some(IpAddr::V6(addr)),
				Protocol::Tcp(number) => port = Some(number),
				_ => {},
			}
		}
		if let (Some(ip), Some(port @ 1..)) = (ip, port) {
			ensure_free(SocketAddr::new(ip, port), "the peer-to-peer port", "--port")?;
		}
	}
	Ok(())
}

fn ensure_free(addr: SocketAddr, what: &str, flag: &str) -> sc_cli::Result<()> {
	match TcpListener::bind(addr) {
		Err(error) if error.kind() == std::io::ErrorKind::AddrInUse => {
			Err(sc_cli::Error::Input(format!(
				"{what} {} on {} is already in use: stop what listens there, or choose another \
				 port with {flag}",
				addr.port(),
				addr.ip()
			)))
		},
		// Other failures (e.g. no IPv6 on this machine) are the network stack's to report.
		_ => Ok(()),
	}
}

//! The node's command line.

/// The node's subcommands beside running it.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated; use `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of a named chain or a file.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Measure the runtime and this machine: the weights of the pallets' calls, the base
	/// weights of a block and an extrinsic, the database's reads and writes, the hardware.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(Benchmark),
}

/// What `benchmark` measures.
#[cfg(feature = "runtime-benchmarks")]
#[derive(Debug, clap::Subcommand)]
pub enum Benchmark {
	/// The calls of one pallet (or all), and write their weight functions from a template.
	Pallet(frame_benchmarking_cli::PalletCmd),

	/// The base weights of an empty block and of one extrinsic.
	Overhead(frame_benchmarking_cli::OverheadCmd),

	/// The time of a read and a write of the chain's database, over its whole state.
	Storage(frame_benchmarking_cli::StorageCmd),

	/// Re-execute the blocks of an existing chain and compare them with their weight.
	Block(frame_benchmarking_cli::BlockCmd),

	/// This machine's CPU, memory and disk against the reference hardware.
	Machine(frame_benchmarking_cli::MachineCmd),
}

/// The node's command line: run the node, or one of the subcommands.
#[derive(Debug, clap::Parser)]
#[command(version, propagate_version = true, args_conflicts_with_subcommands = true)]
pub struct Cli {
	/// What to do instead of running the node.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// How to run the node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Keep the runtime as wasmtime compiles it in this directory, so that the next start of
	/// any node on this machine that names the same directory skips compiling it (default:
	/// `wasm-cache` in the chain's data directory).
	#[arg(long, global = true, value_name = "DIR")]
	pub wasm_cache: Option<std::path::PathBuf>,
}

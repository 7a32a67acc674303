//! `medchain-vault`: run a hospital's record vault next to its node.

use std::{net::SocketAddr, path::PathBuf, process::ExitCode, time::Duration};

use clap::{Parser, Subcommand};
use medchain_vault::{serve, service::rotate_master_key, Settings};

#[derive(Parser)]
#[command(
	name = "medchain-vault",
	version,
	about = "A hospital's MedChain record vault: keeps clinical content off chain, encrypted at \
	         rest, and releases it only to viewers the chain allows, once the release is on the \
	         access log.",
	after_help = "Examples:\n  MEDCHAIN_VAULT_SURI=//Alice//vault medchain-vault --data /var/lib/medchain-vault\n  \
	              medchain-vault --suri-file vault.key --store s3://records/hospital-a --data /var/lib/medchain-vault\n  \
	              medchain-vault rotate-master-key --data /var/lib/medchain-vault"
)]
struct Cli {
	#[command(subcommand)]
	command: Option<Command>,
	/// The node's WebSocket URL.
	#[arg(long, env = "MEDCHAIN_URL", default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The address to listen on.
	#[arg(long, default_value = "127.0.0.1:8700")]
	listen: SocketAddr,
	/// The URL the vault registers on chain, when it is not http://<listen> (behind a proxy).
	#[arg(long)]
	public_url: Option<String>,
	/// The directory of the master key and, by default, of the stored objects.
	#[arg(long, global = true, env = "MEDCHAIN_VAULT_DATA")]
	data: Option<PathBuf>,
	/// Where objects go: a directory, file:///dir, or s3://bucket/prefix (credentials, region
	/// and endpoint from the AWS_* environment variables). Default: <data>/objects.
	#[arg(long, global = true, env = "MEDCHAIN_VAULT_STORE")]
	store: Option<String>,
	/// A file holding the vault account's secret URI (keep it mode 0600).
	#[arg(long)]
	suri_file: Option<PathBuf>,
	/// The largest document accepted, in MiB.
	#[arg(long, default_value_t = 20)]
	max_upload_mib: usize,
	/// Seconds an upload may wait for a record to hold it before it is removed.
	#[arg(long, default_value_t = 3600)]
	upload_ttl: u64,
	/// Seconds between looks for uploads no record holds.
	#[arg(long, default_value_t = 60)]
	sweep_interval: u64,
	/// Seconds a signed request stays valid.
	#[arg(long, default_value_t = 60)]
	request_window: u64,
	/// Serves MedChain's portal from this directory (the built `portal/dist`) at the vault's
	/// own URL, so that a hospital's patients and doctors have one address.
	#[arg(long, env = "MEDCHAIN_PORTAL")]
	portal: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
	/// Replaces the master key: every document key is wrapped again by a new key; content is
	/// not touched. Stop the vault first; an interrupted rotation resumes when run again.
	RotateMasterKey,
}

fn data_dir(cli: &Cli) -> PathBuf {
	cli.data.clone().unwrap_or_else(|| {
		let base = std::env::var_os("XDG_DATA_HOME")
			.map(PathBuf::from)
			.or_else(|| {
				std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share"))
			})
			.unwrap_or_else(|| PathBuf::from("."));
		base.join("medchain").join("vault")
	})
}

fn secret(cli: &Cli) -> Result<String, String> {
	if let Some(path) = &cli.suri_file {
		return std::fs::read_to_string(path)
			.map(|text| text.trim().to_owned())
			.map_err(|e| format!("cannot read {}: {e}", path.display()));
	}
	std::env::var("MEDCHAIN_VAULT_SURI").map_err(|_| {
		"the vault signs its log entries: give --suri-file or $MEDCHAIN_VAULT_SURI".to_owned()
	})
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	let data = data_dir(&cli);
	let result = match cli.command {
		Some(Command::RotateMasterKey) => {
			rotate_master_key(&data, cli.store.clone()).await.map(|count| {
				println!(
					"rotated the master key in {}: {count} document keys re-wrapped",
					data.display()
				)
			})
		},
		None => match secret(&cli) {
			Ok(suri) => {
				let settings = Settings {
					node: cli.url.clone(),
					listen: cli.listen,
					public_url: cli.public_url.clone(),
					data: data.clone(),
					store: cli.store.clone(),
					suri,
					max_upload: cli.max_upload_mib * 1024 * 1024,
					upload_ttl: Duration::from_secs(cli.upload_ttl),
					sweep_interval: Duration::from_secs(cli.sweep_interval),
					request_window: Duration::from_secs(cli.request_window),
					connect_timeout: Duration::from_secs(300),
					portal: cli.portal.clone(),
				};
				serve(settings, |address, account| {
					println!("vault: http://{address} (account {account}, data {})", data.display())
				})
				.await
			},
			Err(error) => Err(error),
		},
	};
	match result {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("error: {error}");
			ExitCode::FAILURE
		},
	}
}

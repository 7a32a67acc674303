//! The command line's arguments.

use std::{path::PathBuf, str::FromStr};

use clap::{Parser, Subcommand, ValueEnum};
use medchain_client::{account_of, keypair, parse_account, AccountId, Error, Keypair, Wait, MED};

const EXAMPLES: &str = "\
Examples (a dev chain: scripts/start.sh):
  medchain --suri //Charlie record pending
  medchain --suri //Bob record submit --patient //Charlie --kind Observation --payload ipfs://bafy...
  medchain --suri //Charlie record approve 0
  medchain --suri //Charlie audit log --patient //Charlie
  medchain record verify 0
  medchain --json delegates";

/// The MedChain command line: register, stake and vote, submit and consent to medical
/// records, grant access, and audit the access log.
#[derive(Parser, Debug)]
#[command(name = "medchain", version, after_help = EXAMPLES)]
pub struct Cli {
	/// The node's WebSocket RPC address.
	#[arg(long, global = true, default_value = "ws://127.0.0.1:9944", env = "MEDCHAIN_URL")]
	pub url: String,
	/// The signing secret: a dev account (//Alice), a mnemonic or a 0x seed. Prefer
	/// --suri-file or $MEDCHAIN_SURI for real secrets; the secret is never printed.
	#[arg(long, global = true, env = "MEDCHAIN_SURI", hide_env_values = true)]
	pub suri: Option<String>,
	/// A file whose first line is the signing secret.
	#[arg(long, global = true, conflicts_with = "suri")]
	pub suri_file: Option<PathBuf>,
	/// Print JSON instead of tables.
	#[arg(long, global = true)]
	pub json: bool,
	/// How long a call waits: until a block includes it, or until that block is final.
	#[arg(long, global = true, value_enum, default_value_t = WaitArg::Finalized)]
	pub wait: WaitArg,
	#[command(subcommand)]
	pub command: Command,
}

impl Cli {
	/// The signing key pair, from --suri, $MEDCHAIN_SURI or --suri-file.
	pub fn signer(&self) -> Result<Keypair, Error> {
		match (&self.suri, &self.suri_file) {
			(Some(suri), _) => keypair(suri),
			(None, Some(path)) => {
				let text = std::fs::read_to_string(path)
					.map_err(|e| Error::Secret(format!("cannot read {}: {e}", path.display())))?;
				keypair(text.lines().next().unwrap_or_default())
			},
			(None, None) => Err(Error::Secret(
				"this command signs a transaction: give --suri, --suri-file or $MEDCHAIN_SURI"
					.into(),
			)),
		}
	}

	/// `account`, or the signer's account when none is given.
	pub fn account_or_signer(&self, account: Option<&AccountArg>) -> Result<AccountId, Error> {
		match account {
			Some(account) => Ok(account.0),
			None => self.signer().map(|pair| account_of(&pair)).map_err(|_| {
				Error::Account("name an account, or give --suri to use your own".into())
			}),
		}
	}
}

/// How long a call waits.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum WaitArg {
	/// Until a block on the best chain includes the call.
	InBlock,
	/// Until a finalized block includes the call.
	Finalized,
}

impl From<WaitArg> for Wait {
	fn from(wait: WaitArg) -> Self {
		match wait {
			WaitArg::InBlock => Wait::InBlock,
			WaitArg::Finalized => Wait::Finalized,
		}
	}
}

#[derive(Subcommand, Debug)]
pub enum Command {
	/// Register a patient (yourself), a doctor or an admin.
	#[command(
		subcommand,
		after_help = "Examples:\n  medchain --suri //Eve register patient --encryption-key 0x<64 hex digits>\n  medchain --suri //Alice register doctor //Ferdie --licence GMC-7654321 --encryption-key 0x<64 hex digits>\n  medchain --suri //Alice register admin //Dave"
	)]
	Register(RegisterCommand),
	/// Show a member's role and status (yours without an account).
	#[command(after_help = "Example: medchain member //Bob")]
	Member { account: Option<AccountArg> },
	/// Bond MED as stake, to back your candidacy and your votes.
	#[command(after_help = "Example: medchain --suri //Dave bond 5000")]
	Bond { amount: Amount },
	/// Start unbonding stake; withdraw it after the unbonding period.
	#[command(after_help = "Example: medchain --suri //Dave unbond 2.5")]
	Unbond { amount: Amount },
	/// Withdraw stake whose unbonding period has passed.
	#[command(after_help = "Example: medchain --suri //Dave withdraw")]
	Withdraw,
	/// Show an account's bonded and unbonding stake (yours without an account).
	#[command(after_help = "Example: medchain stake //Alice//stash")]
	Stake { account: Option<AccountArg> },
	/// Stand as a delegate candidate, set session keys, leave, or list the candidates.
	#[command(
		subcommand,
		after_help = "Examples:\n  medchain --suri //Dave candidate keys\n  medchain --suri //Dave candidate register\n  medchain candidate list"
	)]
	Candidate(CandidateCommand),
	/// Approve delegate candidates with your whole bond (replaces earlier votes).
	#[command(after_help = "Example: medchain --suri //Eve vote //Dave //Alice//stash")]
	Vote {
		/// The candidates to approve.
		#[arg(required_unless_present = "remove")]
		candidates: Vec<AccountArg>,
		/// Remove your votes instead.
		#[arg(long, conflicts_with = "candidates")]
		remove: bool,
	},
	/// List the delegates of the current session.
	#[command(after_help = "Example: medchain --json delegates")]
	Delegates,
	/// Submit, approve, deny, withdraw, list, view and prove medical records.
	#[command(
		subcommand,
		after_help = "Examples:\n  medchain --suri //Bob record submit --patient //Charlie --kind Observation --payload enc:bp-120-80\n  medchain --suri //Charlie record approve 0\n  medchain --suri //Charlie record history\n  medchain record verify 0"
	)]
	Record(RecordCommand),
	/// Grant, revoke and list doctors' access; invoke emergency access.
	#[command(
		subcommand,
		after_help = "Examples:\n  medchain --suri //Charlie access grant //Bob --until 5000\n  medchain --suri //Charlie access revoke //Bob\n  medchain --suri //Bob access emergency //Charlie --reason \"unconscious in A&E\""
	)]
	Access(AccessCommand),
	/// Read and verify the access log.
	#[command(
		subcommand,
		after_help = "Examples:\n  medchain audit log --patient //Charlie\n  medchain audit verify"
	)]
	Audit(AuditCommand),
}

#[derive(Subcommand, Debug)]
pub enum RegisterCommand {
	/// Register yourself as a patient.
	#[command(
		after_help = "Example: medchain --suri //Eve register patient --encryption-key 0x<64 hex digits>"
	)]
	Patient {
		/// The 32-byte public key records about you are encrypted to, in hex.
		#[arg(long)]
		encryption_key: Key32,
		/// An opaque reference about you (never plain personal data).
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// Admit a doctor (admins only).
	#[command(
		after_help = "Example: medchain --suri //Alice register doctor //Ferdie --licence GMC-7654321 --encryption-key 0x<64 hex digits>"
	)]
	Doctor {
		account: AccountArg,
		/// The doctor's licence reference.
		#[arg(long)]
		licence: String,
		/// The 32-byte public key records the doctor writes are encrypted to, in hex.
		#[arg(long)]
		encryption_key: Key32,
	},
	/// Admit an admin (the sudo key only).
	Admin { account: AccountArg },
}

#[derive(Subcommand, Debug)]
pub enum CandidateCommand {
	/// Stand as a delegate candidate (holds the candidacy bond).
	Register,
	/// Have the node at --url generate session keys for you and set them on chain.
	Keys,
	/// Withdraw your candidacy.
	Leave,
	/// List the candidates with their backing.
	List,
}

#[derive(Subcommand, Debug)]
pub enum RecordCommand {
	/// Submit a record to a patient's consent pool (doctors only).
	Submit {
		/// The patient.
		#[arg(long)]
		patient: AccountArg,
		/// The kind of record, e.g. an HL7 FHIR resource type.
		#[arg(long)]
		kind: String,
		/// The ciphertext or reference URI.
		#[arg(long)]
		payload: String,
		/// The hash of the clinical content, in hex (default: BLAKE2-256 of the payload).
		#[arg(long)]
		content_hash: Option<Key32>,
		/// The record this one amends.
		#[arg(long)]
		supersedes: Option<u64>,
	},
	/// Approve a submission in your consent pool: it joins your history.
	Approve { id: u64 },
	/// Deny a submission in your consent pool: it is discarded.
	Deny { id: u64 },
	/// Withdraw your own submission before the patient decides.
	Withdraw { id: u64 },
	/// List a patient's consent pool (yours without an account).
	Pending { patient: Option<AccountArg> },
	/// List a patient's approved records (yours without an account); not logged.
	History {
		patient: Option<AccountArg>,
		/// The first position to list.
		#[arg(long, default_value_t = 0)]
		start: u32,
		/// How many records to list.
		#[arg(long, default_value_t = 50)]
		count: u32,
	},
	/// View a record; the view, or the refusal, is written to the access log.
	View { id: u64 },
	/// Prove that a record is in finalized state, checked locally against the state root.
	Verify { id: u64 },
}

#[derive(Subcommand, Debug)]
pub enum AccessCommand {
	/// Grant a doctor access to your records.
	Grant {
		doctor: AccountArg,
		/// The last block of the grant (default: until revoked).
		#[arg(long)]
		until: Option<u32>,
	},
	/// Revoke a doctor's access to your records.
	Revoke { doctor: AccountArg },
	/// Invoke emergency access to a patient's records (doctors only); the reason is logged.
	Emergency {
		patient: AccountArg,
		/// Why access is needed.
		#[arg(long)]
		reason: String,
	},
	/// List the doctors a patient granted access to (yours without an account).
	List { patient: Option<AccountArg> },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
	/// List access-log entries, all or about one patient.
	Log {
		/// Only the entries about this patient.
		#[arg(long)]
		patient: Option<AccountArg>,
		/// The first entry to list.
		#[arg(long, default_value_t = 0)]
		start: u64,
		/// How many entries to list.
		#[arg(long, default_value_t = 100)]
		count: u32,
	},
	/// Recompute the access log's hash chain and compare it with the head on chain.
	Verify,
}

/// An account: an SS58 address, a 0x public key or a dev account such as //Bob.
#[derive(Clone, Debug)]
pub struct AccountArg(pub AccountId);

impl FromStr for AccountArg {
	type Err = Error;
	fn from_str(text: &str) -> Result<Self, Error> {
		parse_account(text).map(AccountArg)
	}
}

/// 32 bytes in hex, with or without 0x.
#[derive(Clone, Copy, Debug)]
pub struct Key32(pub [u8; 32]);

impl FromStr for Key32 {
	type Err = String;
	fn from_str(text: &str) -> Result<Self, String> {
		let digits = text.strip_prefix("0x").unwrap_or(text);
		hex::decode(digits)
			.ok()
			.and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
			.map(Key32)
			.ok_or_else(|| format!("{text} is not 32 bytes in hex (64 hex digits)"))
	}
}

/// An amount of MED, with up to 12 decimals (1.5 is 1_500_000_000_000 units).
#[derive(Clone, Copy, Debug)]
pub struct Amount(pub u128);

impl FromStr for Amount {
	type Err = String;
	fn from_str(text: &str) -> Result<Self, String> {
		let bad = || format!("{text} is not an amount of MED (such as 1000 or 2.5)");
		let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
		if fraction.len() > 12 || whole.is_empty() && fraction.is_empty() {
			return Err(bad());
		}
		let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad())? };
		let scaled = format!("{fraction:0<12}");
		let fraction: u128 = scaled.parse().map_err(|_| bad())?;
		whole.checked_mul(MED).and_then(|w| w.checked_add(fraction)).map(Amount).ok_or_else(bad)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_are_read_in_med() {
		assert_eq!("1000".parse::<Amount>().unwrap().0, 1000 * MED);
		assert_eq!("2.5".parse::<Amount>().unwrap().0, 2 * MED + MED / 2);
		assert_eq!(".000000000001".parse::<Amount>().unwrap().0, 1);
		for bad in ["", ".", "1.0000000000001", "-1", "1e3", "ten"] {
			assert!(bad.parse::<Amount>().is_err(), "{bad} is refused");
		}
	}

	#[test]
	fn keys_are_32_bytes_of_hex() {
		assert_eq!("ab".repeat(32).parse::<Key32>().unwrap().0, [0xab; 32]);
		assert_eq!(format!("0x{}", "cd".repeat(32)).parse::<Key32>().unwrap().0, [0xcd; 32]);
		assert!("0xabcd".parse::<Key32>().is_err());
		assert!("zz".repeat(32).parse::<Key32>().is_err());
	}

	#[test]
	fn accounts_are_addresses_keys_or_dev_names() {
		let bob: AccountArg = "//Bob".parse().unwrap();
		let by_address: AccountArg = bob.0.to_string().parse().unwrap();
		let by_key: AccountArg = format!("0x{}", hex::encode(bob.0 .0)).parse().unwrap();
		assert_eq!(bob.0, by_address.0);
		assert_eq!(bob.0, by_key.0);
		assert!("5NotAnAddress".parse::<AccountArg>().is_err());
	}

	#[test]
	fn a_secret_comes_from_a_file_and_is_never_echoed() {
		let dir = std::env::temp_dir().join(format!("medchain-suri-{}", std::process::id()));
		std::fs::write(&dir, "//Charlie\n").unwrap();
		let cli = Cli::parse_from(["medchain", "--suri-file", dir.to_str().unwrap(), "delegates"]);
		let charlie = account_of(&keypair("//Charlie").unwrap());
		assert_eq!(account_of(&cli.signer().unwrap()), charlie);
		std::fs::write(&dir, "not a secret uri at all!\n").unwrap();
		let message = cli.signer().unwrap_err().to_string();
		assert!(!message.contains("not a secret uri at all"), "{message}");
		std::fs::remove_file(dir).unwrap();
	}
}

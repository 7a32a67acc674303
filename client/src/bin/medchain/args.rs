//! The command line's arguments.

use std::{fmt, path::PathBuf, str::FromStr};

use clap::{Parser, Subcommand, ValueEnum};
use medchain_client::{
	account_of, custody::Identity, fhir::parse_date, keypair, parse_account, AccountId,
	EmergencyReason, Error, Keypair, PurposeOfUse, Wait, MED,
};

const ABOUT: &str = "The MedChain command line: register, stake and vote, submit and consent to \
medical records, grant access, and audit the access log.";

const EXAMPLES: &str = "\
Examples (a dev chain: scripts/start.sh; dev accounts are secrets such as //Charlie):
  export MEDCHAIN_SURI=//Charlie
  medchain record pending
  medchain record approve 0
  medchain audit log --patient //Charlie
  medchain --suri-file ~/doctor.key record put lab.json --patient //Charlie --kind Observation
  medchain record get 0 --out lab.json
  medchain record verify 0
  medchain disclosures //Charlie --from 2026-11-01 --format csv
  medchain fhir consents //Charlie > consents.json
  medchain --json delegates

Exit codes: 0 done; 1 another error (a bad account or secret, nothing found, a proof or the
access log does not verify, a vault refused a request); 2 usage; 3 the chain refused the call;
4 access denied (the refusal is logged); 5 the node or the vault cannot be reached; 6 timed out
(--timeout). With --json an
error is one JSON object on standard error: {\"error\": {\"kind\", \"message\", \"pallet\",
\"variant\", \"doc\"}}.";

/// The MedChain command line.
#[derive(Parser, Debug)]
#[command(name = "medchain", version, about = ABOUT, after_help = EXAMPLES)]
pub struct Cli {
	/// The node's WebSocket RPC address.
	#[arg(long, global = true, default_value = "ws://127.0.0.1:9944", env = "MEDCHAIN_URL")]
	pub url: String,
	/// The signing secret: a dev account (//Alice), a mnemonic or a 0x seed. It shows in the
	/// process list: prefer --suri-file or $MEDCHAIN_SURI. The secret is never printed.
	#[arg(long, global = true, env = "MEDCHAIN_SURI", hide_env_values = true)]
	pub suri: Option<Secret>,
	/// A file whose first line is the signing secret; keep it readable by you alone
	/// (chmod 600), or a warning says so.
	#[arg(long, global = true, conflicts_with = "suri")]
	pub suri_file: Option<PathBuf>,
	/// Print JSON instead of tables (errors too, on standard error).
	#[arg(long, global = true)]
	pub json: bool,
	/// How long a call waits: until a block includes it, or until that block is final.
	#[arg(long, global = true, value_enum, default_value_t = WaitArg::Finalized)]
	pub wait: WaitArg,
	/// Give up after this many seconds (connecting, reading, or waiting for a block), with
	/// exit code 6.
	#[arg(long, global = true, default_value_t = 180, value_name = "SECONDS")]
	pub timeout: u64,
	/// The vault to upload to (`record put`); for `record get` and `record erase`, a vault to
	/// ask instead of the endpoint the registry holds for the record's vault.
	#[arg(long, global = true, env = "MEDCHAIN_VAULT")]
	pub vault: Option<String>,
	#[command(subcommand)]
	pub command: Command,
}

impl Cli {
	/// The signing key pair, from --suri, $MEDCHAIN_SURI or --suri-file.
	pub fn signer(&self) -> Result<Keypair, Error> {
		keypair(&self.secret()?)
	}

	/// The signing key pair and the encryption key pair derived from the same secret.
	pub fn identity(&self) -> Result<Identity, Error> {
		Identity::from_suri(&self.secret()?)
	}

	fn secret(&self) -> Result<String, Error> {
		match (&self.suri, &self.suri_file) {
			(Some(suri), _) => Ok(suri.0.clone()),
			(None, Some(path)) => {
				let text = std::fs::read_to_string(path)
					.map_err(|e| Error::Secret(format!("cannot read {}: {e}", path.display())))?;
				if let Some(mode) = readable_by_others(path) {
					eprintln!(
						"warning: {} holds a secret but others may read it (mode {mode:o}): \
						 chmod 600 {}",
						path.display(),
						path.display()
					);
				}
				Ok(text.lines().next().unwrap_or_default().to_owned())
			},
			(None, None) => Err(Error::Secret(
				"this command signs a transaction: give --suri-file, $MEDCHAIN_SURI or --suri"
					.into(),
			)),
		}
	}

	/// `account`, or the signer's account when none is given.
	pub fn account_or_signer(&self, account: Option<&AccountArg>) -> Result<AccountId, Error> {
		match account {
			Some(account) => Ok(account.0),
			None => self.signer().map(|pair| account_of(&pair)).map_err(|_| {
				Error::Account("name an account, or give a secret to use your own".into())
			}),
		}
	}
}

/// The permission bits of the file at `path` when users other than its owner may read or
/// write it.
fn readable_by_others(path: &std::path::Path) -> Option<u32> {
	use std::os::unix::fs::PermissionsExt;
	let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
	(mode & 0o077 != 0).then_some(mode)
}

/// A signing secret. Its `Debug` output never shows it.
#[derive(Clone)]
pub struct Secret(pub String);

impl FromStr for Secret {
	type Err = String;
	fn from_str(text: &str) -> Result<Self, String> {
		Ok(Secret(text.to_owned()))
	}
}

impl fmt::Debug for Secret {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str("Secret(<hidden>)")
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
	#[command(subcommand)]
	Register(RegisterCommand),
	/// Show a member's role and status (yours without an account); suspend, reinstate, or
	/// rotate your encryption key.
	#[command(
		args_conflicts_with_subcommands = true,
		after_help = "Examples:\n  medchain member //Bob\n  medchain --suri-file admin.key member suspend //Ferdie\n  medchain --suri-file admin.key member reinstate //Ferdie\n  medchain --suri-file me.key member rotate-key"
	)]
	Member {
		/// The member (default: the signer).
		account: Option<AccountArg>,
		#[command(subcommand)]
		action: Option<MemberCommand>,
	},
	/// Show your account and the encryption key derived from your secret (give it to the admin
	/// who registers you as a doctor).
	#[command(after_help = "Example: medchain --suri-file me.key key")]
	Key,
	/// Register, retire or show a hospital's vault.
	#[command(subcommand)]
	Vault(VaultCommand),
	/// Show the runtime the chain runs: its name and version.
	#[command(after_help = "Example: medchain runtime")]
	Runtime,
	/// Apply a runtime upgrade the council authorised (anyone may, once the motion passed).
	#[command(
		after_help = "Example: medchain --suri-file me.key upgrade medchain_runtime.compact.compressed.wasm"
	)]
	Upgrade {
		/// The runtime's WebAssembly blob, exactly as the council authorised it.
		file: PathBuf,
	},
	/// Show an account's balance: free, held (deposits and stake) and frozen.
	#[command(after_help = "Example: medchain balance //Alice")]
	Balance {
		/// The account (default: the signer).
		account: Option<AccountArg>,
	},
	/// Bond MED as stake, to back your candidacy and your votes.
	#[command(after_help = "Example: medchain --suri-file dave.key bond 5000")]
	Bond {
		/// How much, in MED (up to 12 decimals).
		amount: Amount,
	},
	/// Start unbonding stake; withdraw it after the unbonding period.
	#[command(after_help = "Example: medchain --suri-file dave.key unbond 2.5")]
	Unbond {
		/// How much, in MED (up to 12 decimals).
		amount: Amount,
	},
	/// Withdraw stake whose unbonding period has passed.
	#[command(after_help = "Example: medchain --suri-file dave.key withdraw")]
	Withdraw,
	/// Show an account's bonded and unbonding stake (yours without an account).
	#[command(after_help = "Example: medchain stake //Alice//stash")]
	Stake {
		/// The staker (default: the signer).
		account: Option<AccountArg>,
	},
	/// Stand as a delegate candidate, set session keys, leave, or list the candidates.
	#[command(subcommand)]
	Candidate(CandidateCommand),
	/// Approve delegate candidates with your whole bond (replaces earlier votes).
	#[command(
		after_help = "Examples:\n  medchain --suri-file eve.key vote //Dave //Alice//stash\n  medchain --suri-file eve.key vote --remove"
	)]
	Vote {
		/// The candidates to approve.
		#[arg(required_unless_present = "remove")]
		candidates: Vec<AccountArg>,
		/// Remove your votes instead.
		#[arg(long, conflicts_with = "candidates")]
		remove: bool,
	},
	/// List the delegates of the current session, or set how many each election picks.
	#[command(
		args_conflicts_with_subcommands = true,
		after_help = "Examples:\n  medchain --json delegates\n  medchain --suri-file admin.key delegates set-desired 4"
	)]
	Delegates {
		#[command(subcommand)]
		action: Option<DelegatesCommand>,
	},
	/// Put records in a vault and submit them; approve, deny, withdraw, expire, list, get,
	/// erase and prove them.
	#[command(subcommand)]
	Record(RecordCommand),
	/// Grant, revoke and list doctors' access; invoke emergency access; ask on what basis
	/// someone may see a patient's records.
	#[command(subcommand)]
	Access(AccessCommand),
	/// Read and verify the access log.
	#[command(subcommand)]
	Audit(AuditCommand),
	/// Export a patient's consents or the access log as HL7 FHIR R4 resources (a JSON
	/// `Bundle` on standard output), read at the finalized block.
	#[command(subcommand)]
	Fhir(FhirCommand),
	/// A patient's accounting of disclosures (45 CFR 164.528): every view of their history
	/// and release of their records to someone else, with the date, the recipient, what was
	/// disclosed and why, read at the finalized block.
	#[command(
		after_help = "Examples:\n  medchain disclosures //Charlie\n  medchain disclosures //Charlie --from 2026-11-01 --to 2026-11-30 --format csv > disclosures.csv\n  medchain disclosures //Charlie --format fhir > disclosures.json"
	)]
	Disclosures {
		/// The patient.
		patient: AccountArg,
		/// The first day (YYYY-MM-DD, UTC).
		#[arg(long, value_parser = day)]
		from: Option<String>,
		/// The last day (YYYY-MM-DD, UTC), included.
		#[arg(long, value_parser = day)]
		to: Option<String>,
		/// How to write it (--json is the same as --format json).
		#[arg(long, value_enum, default_value_t = Format::Table)]
		format: Format,
	},
	/// Follow a patient's access log: print each new entry once its block is finalized, an
	/// emergency access first and marked, until interrupted. The node may restart: the watch
	/// connects again (for up to --timeout seconds) and misses nothing.
	#[command(
		after_help = "Examples:\n  medchain watch --patient //Charlie\n  medchain --json watch --patient 5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"
	)]
	Watch {
		/// The patient.
		#[arg(long)]
		patient: AccountArg,
	},
	/// The council of hospitals: its members and open motions; vote, close, add a member.
	#[command(subcommand)]
	Council(CouncilCommand),
}

#[derive(Subcommand, Debug)]
pub enum CouncilCommand {
	/// List the council's members.
	#[command(after_help = "Example: medchain council members")]
	Members,
	/// List the open motions with their votes.
	#[command(after_help = "Example: medchain --json council motions")]
	Motions,
	/// Vote on a motion, aye unless --nay; it executes once it has its ayes.
	#[command(after_help = "Example: medchain --suri-file bob.key council vote 0x<motion hash>")]
	Vote {
		/// The motion's hash.
		hash: Key32,
		/// Vote against it.
		#[arg(long)]
		nay: bool,
	},
	/// Close a motion: it executes with its ayes, or is dropped (anyone, after the voting
	/// period).
	#[command(after_help = "Example: medchain --suri-file me.key council close 0x<motion hash>")]
	Close {
		/// The motion's hash.
		hash: Key32,
	},
	/// Move a motion to authorise a runtime upgrade to the blob in FILE (two thirds decide);
	/// once it passes, `medchain upgrade FILE` applies it.
	#[command(
		after_help = "Example: medchain --suri-file alice.key council upgrade medchain_runtime.compact.compressed.wasm"
	)]
	Upgrade {
		/// The runtime's WebAssembly blob.
		file: PathBuf,
	},
	/// Move a motion to add a hospital to the council (a majority decides).
	#[command(after_help = "Example: medchain --suri-file alice.key council add-member //Eve")]
	AddMember {
		/// The new member.
		account: AccountArg,
	},
}

#[derive(Subcommand, Debug)]
pub enum RegisterCommand {
	/// Register yourself as a patient, with the encryption key derived from your secret.
	#[command(after_help = "Example: medchain --suri-file eve.key register patient")]
	Patient {
		/// Another 32-byte X25519 public key, in hex, to receive records with (default: the
		/// key derived from your secret; `medchain key` shows it).
		#[arg(long)]
		encryption_key: Option<Key32>,
		/// An opaque reference about you (never plain personal data).
		#[arg(long, default_value = "")]
		metadata: String,
	},
	/// Admit a doctor (admins only).
	#[command(
		after_help = "Example: medchain --suri-file admin.key register doctor //Ferdie --licence GMC-7654321 --encryption-key 0x<64 hex digits>"
	)]
	Doctor {
		/// The doctor's account.
		account: AccountArg,
		/// The doctor's licence reference.
		#[arg(long)]
		licence: String,
		/// The doctor's 32-byte X25519 public key, in hex: `medchain key` shows it to the
		/// doctor.
		#[arg(long)]
		encryption_key: Key32,
	},
	/// Move a council motion to admit an admin (council members; a majority decides).
	#[command(after_help = "Example: medchain --suri-file council.key register admin //Dave")]
	Admin {
		/// The new admin's account.
		account: AccountArg,
	},
}

#[derive(Subcommand, Debug)]
pub enum MemberCommand {
	/// Suspend a member: they may not act until reinstated (admins only).
	#[command(after_help = "Example: medchain --suri-file admin.key member suspend //Ferdie")]
	Suspend {
		/// The member to suspend.
		account: AccountArg,
	},
	/// Reinstate a suspended member (admins only).
	#[command(after_help = "Example: medchain --suri-file admin.key member reinstate //Ferdie")]
	Reinstate {
		/// The member to reinstate.
		account: AccountArg,
	},
	/// Register your encryption key: the one derived from your secret, or another.
	#[command(after_help = "Example: medchain --suri-file me.key member rotate-key")]
	RotateKey {
		/// Another 32-byte X25519 public key, in hex (default: the key derived from your
		/// secret).
		#[arg(long)]
		encryption_key: Option<Key32>,
	},
}

#[derive(Subcommand, Debug)]
pub enum VaultCommand {
	/// Move a council motion to register a hospital's vault account and the URL it answers at
	/// (council members; a majority decides).
	#[command(
		after_help = "Example: medchain --suri-file admin.key vault register //Alice//vault https://vault.hospital.example"
	)]
	Register {
		/// The vault's account.
		account: AccountArg,
		/// The URL the vault answers at.
		endpoint: String,
	},
	/// Move a council motion to retire a vault: it may no longer take records or release
	/// content (council members; a majority decides).
	#[command(after_help = "Example: medchain --suri-file admin.key vault retire //Alice//vault")]
	Retire {
		/// The vault's account.
		account: AccountArg,
	},
	/// Show a registered vault.
	#[command(after_help = "Example: medchain vault show //Alice//vault")]
	Show {
		/// The vault's account.
		account: AccountArg,
	},
}

#[derive(Subcommand, Debug)]
pub enum DelegatesCommand {
	/// Move a council motion to set how many delegates each election picks (council members;
	/// two thirds decide).
	#[command(after_help = "Example: medchain --suri-file admin.key delegates set-desired 4")]
	SetDesired {
		/// The number of delegates.
		count: u32,
	},
}

#[derive(Subcommand, Debug)]
pub enum CandidateCommand {
	/// Stand as a delegate candidate (holds the candidacy bond).
	#[command(after_help = "Example: medchain --suri-file dave.key candidate register")]
	Register,
	/// Have the node at --url generate session keys for you and set them on chain.
	#[command(
		after_help = "Example: medchain --url ws://127.0.0.1:9944 --suri-file dave.key candidate keys"
	)]
	Keys,
	/// Withdraw your candidacy.
	#[command(after_help = "Example: medchain --suri-file dave.key candidate leave")]
	Leave,
	/// List the candidates with their backing.
	#[command(after_help = "Example: medchain --json candidate list")]
	List,
}

#[derive(Subcommand, Debug)]
pub enum RecordCommand {
	/// Upload a document to the vault (--vault) and submit it to a patient's consent pool
	/// (doctors only). The chain keeps where it is and a salted commitment, never the content.
	#[command(
		after_help = "Example: medchain --suri-file doctor.key --vault http://127.0.0.1:8700 record put glucose.json --patient //Charlie --kind Observation"
	)]
	Put {
		/// The document: any file (FHIR JSON, PDF, ...).
		file: PathBuf,
		/// The patient.
		#[arg(long)]
		patient: AccountArg,
		/// The kind of record, e.g. an HL7 FHIR resource type.
		#[arg(long)]
		kind: String,
		/// The record this one amends.
		#[arg(long)]
		supersedes: Option<u64>,
	},
	/// Get a record's document from its vault: the release (or the refusal, saying what you
	/// lack) is logged with your purpose, the sealed answer opened with your key and checked
	/// against the record's commitment.
	#[command(
		after_help = "Examples:\n  medchain --suri-file patient.key record get 0 --out glucose.json\n  medchain --suri-file doctor.key record get 0 --purpose HPAYMT"
	)]
	Get {
		/// The record.
		id: u64,
		/// Where to write the document (default: standard output).
		#[arg(long)]
		out: Option<PathBuf>,
		/// Why you ask: an HL7 v3 PurposeOfUse code (TREAT, ETREAT, HPAYMT, HOPERAT,
		/// PUBHLTH, HRESCH, PATRQT; default: PATRQT for a patient, TREAT for a doctor,
		/// HOPERAT for an admin).
		#[arg(long, value_parser = purpose)]
		purpose: Option<PurposeOfUse>,
	},
	/// Have a record's vault erase its content (the patient, or an admin at their request);
	/// the commitment and the log stay.
	#[command(after_help = "Example: medchain --suri-file patient.key record erase 0")]
	Erase {
		/// The record.
		id: u64,
	},
	/// Approve a submission in your consent pool: it joins your history.
	#[command(after_help = "Example: medchain --suri-file patient.key record approve 0")]
	Approve {
		/// The submission.
		id: u64,
	},
	/// Deny a submission in your consent pool: it is discarded.
	#[command(after_help = "Example: medchain --suri-file patient.key record deny 1")]
	Deny {
		/// The submission.
		id: u64,
	},
	/// Withdraw your own submission before the patient decides.
	#[command(after_help = "Example: medchain --suri-file doctor.key record withdraw 1")]
	Withdraw {
		/// The submission.
		id: u64,
	},
	/// Remove a submission whose consent window has passed (anyone).
	#[command(after_help = "Example: medchain --suri-file me.key record expire 1")]
	Expire {
		/// The submission.
		id: u64,
	},
	/// List a patient's consent pool (yours without an account).
	#[command(after_help = "Example: medchain record pending //Charlie")]
	Pending {
		/// The patient (default: the signer).
		patient: Option<AccountArg>,
	},
	/// List a patient's approved records (yours without an account); not logged.
	#[command(after_help = "Example: medchain record history //Charlie --start 0 --count 20")]
	History {
		/// The patient (default: the signer).
		patient: Option<AccountArg>,
		/// The first position to list.
		#[arg(long, default_value_t = 0)]
		start: u32,
		/// How many records to list.
		#[arg(long, default_value_t = 50)]
		count: u32,
	},
	/// View a patient's whole history; the view, or the refusal, is written to the access log.
	#[command(
		after_help = "Example: medchain --suri-file doctor.key record view-history //Charlie"
	)]
	ViewHistory {
		/// The patient.
		patient: AccountArg,
		/// The first position to list.
		#[arg(long, default_value_t = 0)]
		start: u32,
		/// How many records to list.
		#[arg(long, default_value_t = 50)]
		count: u32,
		/// Why you ask: an HL7 v3 PurposeOfUse code (default: PATRQT for a patient, TREAT for
		/// a doctor, HOPERAT for an admin).
		#[arg(long, value_parser = purpose)]
		purpose: Option<PurposeOfUse>,
	},
	/// Prove that a record is in finalized state, checked locally against the state root.
	#[command(after_help = "Example: medchain record verify 0")]
	Verify {
		/// The record.
		id: u64,
	},
}

#[derive(Subcommand, Debug)]
pub enum AccessCommand {
	/// Grant a doctor access to your records: every kind for treatment, or the kinds and
	/// purposes named. A grant of the same kinds and purposes replaces the doctor's earlier
	/// one; a doctor can hold several.
	#[command(
		after_help = "Examples:\n  medchain --suri-file patient.key access grant //Bob --until 5000\n  medchain --suri-file patient.key access grant //Bob --kind Observation --purpose TREAT --until 2027-06-30\n  medchain --suri-file patient.key access grant //Bob --purpose ETREAT"
	)]
	Grant {
		/// The doctor.
		doctor: AccountArg,
		/// The last block of the grant, or its last day (YYYY-MM-DD, UTC; the block is
		/// reckoned one slot a block from the finalized block) (default: until revoked).
		#[arg(long)]
		until: Option<Until>,
		/// A kind of record it covers: an HL7 FHIR R4 resource type such as Observation;
		/// repeat for several (default: every kind).
		#[arg(long = "kind")]
		kinds: Vec<String>,
		/// A purpose it covers: an HL7 v3 PurposeOfUse code; repeat for several (default:
		/// TREAT).
		#[arg(long = "purpose", value_parser = purpose)]
		purposes: Vec<PurposeOfUse>,
	},
	/// Revoke a doctor's access to your records: every grant (they stay listed, inactive) and
	/// any emergency access.
	#[command(after_help = "Example: medchain --suri-file patient.key access revoke //Bob")]
	Revoke {
		/// The doctor.
		doctor: AccountArg,
	},
	/// Block a doctor from submitting to your consent pool.
	#[command(after_help = "Example: medchain --suri-file patient.key access block //Bob")]
	Block {
		/// The doctor.
		doctor: AccountArg,
	},
	/// Let a blocked doctor submit to your consent pool again.
	#[command(after_help = "Example: medchain --suri-file patient.key access unblock //Bob")]
	Unblock {
		/// The doctor.
		doctor: AccountArg,
	},
	/// Invoke emergency access to a patient's records (doctors only); the reason's code is
	/// logged.
	#[command(
		after_help = "Example: medchain --suri-file doctor.key access emergency //Charlie --reason unconscious"
	)]
	Emergency {
		/// The patient.
		patient: AccountArg,
		/// Why access is needed.
		#[arg(long, value_enum)]
		reason: ReasonArg,
	},
	/// List a patient's grants (yours without an account): doctor, kinds, purposes, period,
	/// and whether each still runs.
	#[command(after_help = "Example: medchain access list //Charlie")]
	List {
		/// The patient (default: the signer).
		patient: Option<AccountArg>,
	},
	/// Whether a viewer may see a patient's history now for a purpose, and on what basis, or
	/// what they lack (not logged).
	#[command(
		after_help = "Example: medchain access basis //Bob --patient //Charlie --purpose HRESCH"
	)]
	Basis {
		/// Who would look.
		viewer: AccountArg,
		/// Whose records (default: the signer).
		#[arg(long)]
		patient: Option<AccountArg>,
		/// Why: an HL7 v3 PurposeOfUse code.
		#[arg(long, value_parser = purpose, default_value = "TREAT")]
		purpose: PurposeOfUse,
	},
}

#[derive(Subcommand, Debug)]
pub enum FhirCommand {
	/// A patient's grants, running and ended, as FHIR R4 Consent resources in a Bundle.
	#[command(after_help = "Example: medchain fhir consents //Charlie > consents.json")]
	Consents {
		/// The patient.
		patient: AccountArg,
	},
	/// Access-log entries as FHIR R4 AuditEvent resources in a Bundle: agent, entity, action,
	/// purpose of use, outcome (a refusal is a failure), time, and the entry's position on the
	/// chain (block number and hash, entry index).
	#[command(
		after_help = "Examples:\n  medchain fhir audit --patient //Charlie\n  medchain fhir audit --since 2026-11-01 > audit.json"
	)]
	Audit {
		/// Only the entries about this patient.
		#[arg(long)]
		patient: Option<AccountArg>,
		/// Only entries from this day on (YYYY-MM-DD, UTC).
		#[arg(long, value_parser = day)]
		since: Option<String>,
	},
}

/// How an accounting of disclosures is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
	/// An aligned table.
	Table,
	/// A JSON array of rows.
	Json,
	/// CSV with a header row.
	Csv,
	/// A FHIR R4 Bundle of the AuditEvents that logged them.
	Fhir,
}

/// The end of a grant: a block number, or a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Until {
	/// The last block.
	Block(u32),
	/// The last day (YYYY-MM-DD, UTC), whose start in ms since the epoch is kept.
	Day(u64),
}

impl FromStr for Until {
	type Err = String;
	fn from_str(text: &str) -> Result<Self, String> {
		match text.parse() {
			Ok(block) => Ok(Until::Block(block)),
			Err(_) => parse_date(text).map(Until::Day).map_err(|_| {
				format!("{text} is neither a block number nor a day such as 2027-06-30")
			}),
		}
	}
}

/// A purpose of use, by its HL7 v3 code.
fn purpose(text: &str) -> Result<PurposeOfUse, String> {
	PurposeOfUse::parse(text).map_err(|e| e.to_string())
}

/// A day (YYYY-MM-DD), checked.
fn day(text: &str) -> Result<String, String> {
	parse_date(text).map(|_| text.to_owned()).map_err(|e| e.to_string())
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
	/// List access-log entries, all or about one patient.
	#[command(
		after_help = "Examples:\n  medchain audit log --patient //Charlie\n  medchain audit log --start 100 --count 50"
	)]
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
	#[command(after_help = "Example: medchain audit verify")]
	Verify,
}

/// Why a doctor invokes emergency access.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReasonArg {
	/// The patient is unconscious and cannot consent.
	Unconscious,
	/// The patient's life is at immediate risk.
	LifeThreatening,
	/// The patient cannot communicate.
	CannotCommunicate,
	/// Another urgent clinical need, documented in the hospital's own system.
	Other,
}

impl From<ReasonArg> for EmergencyReason {
	fn from(reason: ReasonArg) -> Self {
		match reason {
			ReasonArg::Unconscious => EmergencyReason::Unconscious,
			ReasonArg::LifeThreatening => EmergencyReason::LifeThreatening,
			ReasonArg::CannotCommunicate => EmergencyReason::CannotCommunicate,
			ReasonArg::Other => EmergencyReason::Other,
		}
	}
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
	use std::os::unix::fs::PermissionsExt;

	use clap::CommandFactory;

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
	fn a_grant_ends_at_a_block_or_a_day() {
		assert_eq!("5000".parse::<Until>().unwrap(), Until::Block(5000));
		assert_eq!("1970-01-02".parse::<Until>().unwrap(), Until::Day(86_400_000));
		let error = "June".parse::<Until>().unwrap_err();
		assert!(error.contains("neither a block number nor a day"), "{error}");
	}

	#[test]
	fn purposes_and_formats_are_checked_when_parsed() {
		let cli = Cli::parse_from([
			"medchain",
			"access",
			"grant",
			"//Bob",
			"--kind",
			"Observation",
			"--purpose",
			"treat",
			"--purpose",
			"ETREAT",
		]);
		match cli.command {
			Command::Access(AccessCommand::Grant { kinds, purposes, .. }) => {
				assert_eq!(kinds, ["Observation"]);
				assert_eq!(purposes, [PurposeOfUse::Treatment, PurposeOfUse::EmergencyTreatment]);
			},
			other => panic!("{other:?}"),
		}
		let error = Cli::try_parse_from(["medchain", "record", "get", "0", "--purpose", "CARE"])
			.unwrap_err()
			.to_string();
		assert!(error.contains("CARE is not a purpose of use"), "{error}");
		let error = Cli::try_parse_from(["medchain", "disclosures", "//Bob", "--from", "May"])
			.unwrap_err()
			.to_string();
		assert!(error.contains("May is not a date"), "{error}");
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
		let file = tempfile::NamedTempFile::new().unwrap();
		std::fs::write(file.path(), "//Charlie\n").unwrap();
		let path = file.path().to_str().unwrap();
		let cli = Cli::parse_from(["medchain", "--suri-file", path, "delegates"]);
		let charlie = account_of(&keypair("//Charlie").unwrap());
		assert_eq!(account_of(&cli.signer().unwrap()), charlie);
		std::fs::write(file.path(), "not a secret uri at all!\n").unwrap();
		let message = cli.signer().unwrap_err().to_string();
		assert!(!message.contains("not a secret uri at all"), "{message}");
	}

	#[test]
	fn no_debug_output_shows_a_secret() {
		let phrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
		let cli = Cli::parse_from(["medchain", "--suri", phrase, "record", "approve", "0"]);
		let debug = format!("{cli:?} {:#?}", cli);
		assert!(!debug.contains("curtain"), "{debug}");
		assert!(debug.contains("Secret(<hidden>)"), "{debug}");
		assert!(keypair(&cli.suri.unwrap().0).is_ok());
	}

	#[test]
	fn a_shared_secret_file_is_flagged_by_its_mode() {
		let file = tempfile::NamedTempFile::new().unwrap();
		let with_mode = |mode| {
			std::fs::set_permissions(file.path(), std::fs::Permissions::from_mode(mode)).unwrap();
			readable_by_others(file.path())
		};
		assert_eq!(with_mode(0o644), Some(0o644));
		assert_eq!(with_mode(0o640), Some(0o640));
		assert_eq!(with_mode(0o600), None);
	}

	/// Every command without subcommands of its own shows at least one example in its help.
	#[test]
	fn every_leaf_command_has_an_example() {
		fn visit(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
			let path = format!("{path} {}", command.get_name());
			let help = command.get_after_help().map(ToString::to_string).unwrap_or_default();
			let leaf =
				!command.has_subcommands() || command.is_args_conflicts_with_subcommands_set();
			if leaf && !help.contains("medchain ") {
				missing.push(path.clone());
			}
			for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
				visit(sub, &path, missing);
			}
		}
		let mut missing = Vec::new();
		visit(&Cli::command(), "", &mut missing);
		assert!(missing.is_empty(), "commands without an example: {missing:?}");
		Cli::command().debug_assert();
	}
}

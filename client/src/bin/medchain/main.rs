//! `medchain`: the MedChain command line.
//!
//! Every call and query of the chain as a subcommand, signing with the secret given by
//! `--suri-file`, `$MEDCHAIN_SURI` or `--suri`. Output is an aligned table for people or JSON
//! with `--json`; an error is one line on standard error (a JSON object with `--json`) and an
//! exit code that tells its kind apart (see [`exit_code`]). `--timeout` bounds the whole
//! command, and a spinner on a terminal shows what it waits for.

mod args;
mod output;

use std::{
	process::ExitCode,
	sync::{Arc, Mutex},
	time::Duration,
};

use clap::Parser;
use futures::StreamExt;
use indicatif::{ProgressBar, ProgressStyle};
use medchain_client::{
	account_of,
	council::Motion,
	fhir::{Period, DAY_MS},
	AccountId, BlockNumber, Error, Hash, Keypair, MedChain, PatientWatch, PurposeOfUse, Stage,
	VaultClient, Wait,
};

use args::{
	AccessCommand, AuditCommand, CandidateCommand, Cli, Command, CouncilCommand, DelegatesCommand,
	FhirCommand, Format, MemberCommand, RecordCommand, RegisterCommand, Until, VaultCommand,
};
use output::{
	med, AuditReportOut, BalanceOut, BasisOut, CallOut, CandidateOut, DelegatesOut, DocumentOut,
	EntryOut, ErrorOut, GrantOut, HistoryOut, KeyOut, MemberOut, MotionOut, Output, ProofOut,
	StakeOut, SubmissionOut, VaultOut, DISCLOSURE_COLUMNS,
};

/// The exit code of an error: 1 for anything not below; 3 the chain refused the call; 4 access
/// denied; 5 the node cannot be reached; 6 timed out. (2 is a usage error, from the parser.)
fn exit_code(error: &Error) -> u8 {
	match error {
		Error::Module { .. } | Error::Dispatch(_) | Error::Rejected(_) => 3,
		Error::AccessDenied { .. } => 4,
		Error::Vault { code, .. } if code == "access_denied" => 4,
		Error::Connect { .. } => 5,
		Error::TimedOut { .. } => 6,
		_ => 1,
	}
}

/// The vault `record put` uploads to when neither --vault nor $MEDCHAIN_VAULT names one: the
/// one `scripts/start.sh` runs.
const DEFAULT_VAULT: &str = "http://127.0.0.1:8700";

/// The exit code of a usage error.
const USAGE: u8 = 2;

#[tokio::main]
async fn main() -> ExitCode {
	let cli = match Cli::try_parse() {
		Ok(cli) => cli,
		Err(e) if !e.use_stderr() => {
			// --help and --version
			let _ = e.print();
			return ExitCode::SUCCESS;
		},
		Err(e) if std::env::args().any(|arg| arg == "--json") => {
			let detail = e.render().to_string();
			let first = detail.lines().next().unwrap_or_default();
			let first = first.strip_prefix("error: ").unwrap_or(first);
			eprintln!("{}", ErrorOut::usage(first.to_owned()).to_json());
			return ExitCode::from(USAGE);
		},
		Err(e) => {
			let _ = e.print();
			return ExitCode::from(USAGE);
		},
	};
	let out = Output { json: cli.json };
	let status = Status::new();
	let limit = Duration::from_secs(cli.timeout);
	// A watch runs until interrupted: its timeout bounds how long the node may be away.
	let result = if matches!(cli.command, Command::Watch { .. }) {
		run(&cli, &out, &status).await
	} else {
		match tokio::time::timeout(limit, run(&cli, &out, &status)).await {
			Ok(result) => result,
			Err(_) => {
				Err(Error::TimedOut { seconds: cli.timeout, waiting_for: status.waiting_for() })
			},
		}
	};
	status.done();
	match result {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			if cli.json {
				eprintln!("{}", ErrorOut::new(&e).to_json());
			} else {
				eprintln!("error: {e}");
			}
			ExitCode::from(exit_code(&e))
		},
	}
}

/// What the command waits for: a spinner on a terminal, and the words of a timeout.
#[derive(Clone)]
struct Status {
	spinner: ProgressBar,
	waiting_for: Arc<Mutex<String>>,
}

impl Status {
	fn new() -> Self {
		// The spinner draws on standard error, and only on a terminal.
		let spinner = ProgressBar::new_spinner();
		spinner
			.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("a valid template"));
		Status { spinner, waiting_for: Arc::new(Mutex::new(String::new())) }
	}

	/// Now waiting for `what` (`waiting for …`).
	fn set(&self, what: String) {
		self.spinner.enable_steady_tick(Duration::from_millis(100));
		self.spinner.set_message(what.clone());
		*self.waiting_for.lock().unwrap_or_else(|e| e.into_inner()) = what;
	}

	fn waiting_for(&self) -> String {
		self.waiting_for.lock().unwrap_or_else(|e| e.into_inner()).clone()
	}

	fn done(&self) {
		self.spinner.finish_and_clear();
	}

	/// The words for a call's stage.
	fn stage(&self, stage: Stage, wait: Wait) {
		match stage {
			Stage::Submitted => self.set("waiting for a block to include the call".into()),
			Stage::InBlock(hash) if wait == Wait::Finalized => self
				.set(format!("waiting for block {hash:?}, which includes the call, to be final")),
			Stage::InBlock(_) | Stage::Finalized(_) => self.set("reading the call's events".into()),
			Stage::Read { done, total } => {
				self.set(format!("reading the access log: {done} of {total} entries"))
			},
		}
	}
}

/// Connects, reporting each stage of a call to `status`.
async fn connect(cli: &Cli, status: &Status) -> Result<MedChain, Error> {
	status.set(format!("waiting for the node at {} to answer", cli.url));
	let wait: Wait = cli.wait.into();
	let chain = MedChain::connect(&cli.url).await?.waiting_for(wait);
	status.set(format!("waiting for the node at {}", cli.url));
	let status = status.clone();
	Ok(chain.on_progress(move |stage| status.stage(stage, wait)))
}

async fn run(cli: &Cli, out: &Output, status: &Status) -> Result<(), Error> {
	// Showing your own keys needs no node.
	if let Command::Key = cli.command {
		return print_key(cli, out);
	}
	// A watch keeps its own connection, which it renews when the node restarts.
	if let Command::Watch { patient } = &cli.command {
		status.done();
		return watch(cli, out, patient.0, Duration::from_secs(cli.timeout)).await;
	}
	let chain = connect(cli, status).await?;
	let signer = || cli.signer();
	match &cli.command {
		Command::Register(register) => match register {
			RegisterCommand::Patient { encryption_key, metadata } => {
				let identity = cli.identity()?;
				let key = encryption_key.map_or(identity.encryption.public(), |key| key.0);
				let outcome = chain
					.register_patient(&identity.signer, key, metadata.clone().into_bytes())
					.await?;
				out.call(CallOut::new("registered as a patient".into(), &outcome));
			},
			RegisterCommand::Doctor { account, licence, encryption_key } => {
				let outcome = chain
					.register_doctor(
						&signer()?,
						account.0,
						licence.clone().into_bytes(),
						encryption_key.0,
					)
					.await?;
				out.call(CallOut::new(format!("{} registered as a doctor", account.0), &outcome));
			},
			RegisterCommand::Admin { account } => {
				let (motion, outcome) = chain.register_admin(&signer()?, account.0).await?;
				let what = format!("{} registered as an admin", account.0);
				out.call(CallOut::new(motion_message(&what, &motion), &outcome));
			},
		},
		Command::Member { account, action: None } => {
			let who = cli.account_or_signer(account.as_ref())?;
			match chain.member(who).await? {
				Some(member) => out.item(&MemberOut::new(&who, &member)),
				None => return Err(Error::NotFound(format!("{who} is not a registered member"))),
			}
		},
		Command::Member { action: Some(action), .. } => match action {
			MemberCommand::Suspend { account } => {
				let outcome = chain.suspend(&signer()?, account.0).await?;
				out.call(CallOut::new(format!("{} suspended", account.0), &outcome));
			},
			MemberCommand::Reinstate { account } => {
				let outcome = chain.reinstate(&signer()?, account.0).await?;
				out.call(CallOut::new(format!("{} reinstated", account.0), &outcome));
			},
			MemberCommand::RotateKey { encryption_key } => {
				let identity = cli.identity()?;
				let encryption_key =
					encryption_key.map_or(identity.encryption.public(), |key| key.0);
				let outcome = chain.rotate_encryption_key(&identity.signer, encryption_key).await?;
				out.call(CallOut::new("encryption key replaced".into(), &outcome));
			},
		},
		Command::Key => print_key(cli, out)?,
		Command::Watch { patient } => {
			watch(cli, out, patient.0, Duration::from_secs(cli.timeout)).await?
		},
		Command::Vault(vault) => match vault {
			VaultCommand::Register { account, endpoint } => {
				let (motion, outcome) =
					chain.register_vault(&signer()?, account.0, endpoint).await?;
				let what = format!("{} registered as a vault at {endpoint}", account.0);
				out.call(CallOut::new(motion_message(&what, &motion), &outcome));
			},
			VaultCommand::Retire { account } => {
				let (motion, outcome) = chain.retire_vault(&signer()?, account.0).await?;
				let what = format!("vault {} retired", account.0);
				out.call(CallOut::new(motion_message(&what, &motion), &outcome));
			},
			VaultCommand::Show { account } => match chain.vault(account.0).await? {
				Some(vault) => out.item(&VaultOut::new(&account.0, &vault)),
				None => {
					return Err(Error::NotFound(format!("{} is not a registered vault", account.0)))
				},
			},
		},
		Command::Runtime => out.item(&chain.runtime().await?),
		Command::Upgrade { file } => {
			let outcome = chain.apply_upgrade(&signer()?, read_file(file)?).await?;
			let runtime = chain.runtime().await?;
			let message = format!(
				"the chain runs {} version {} from {}",
				runtime.spec_name,
				runtime.spec_version,
				file.display()
			);
			out.call(CallOut::new(message, &outcome));
		},
		Command::Balance { account } => {
			let who = cli.account_or_signer(account.as_ref())?;
			out.item(&BalanceOut::new(&who, &chain.balance(who).await?));
		},
		Command::Bond { amount } => {
			let outcome = chain.bond(&signer()?, amount.0).await?;
			out.call(CallOut::new(format!("bonded {} MED", med(amount.0)), &outcome));
		},
		Command::Unbond { amount } => {
			let outcome = chain.unbond(&signer()?, amount.0).await?;
			out.call(CallOut::new(format!("unbonding {} MED", med(amount.0)), &outcome));
		},
		Command::Withdraw => {
			let outcome = chain.withdraw_unbonded(&signer()?).await?;
			out.call(CallOut::new("withdrew unbonded stake".into(), &outcome));
		},
		Command::Stake { account } => {
			let who = cli.account_or_signer(account.as_ref())?;
			out.item(&StakeOut::new(&who, chain.ledger(who).await?.as_ref()));
		},
		Command::Candidate(candidate) => match candidate {
			CandidateCommand::Register => {
				let outcome = chain.register_candidate(&signer()?).await?;
				out.call(CallOut::new("registered as a delegate candidate".into(), &outcome));
			},
			CandidateCommand::Leave => {
				let outcome = chain.unregister_candidate(&signer()?).await?;
				out.call(CallOut::new("left the candidacy".into(), &outcome));
			},
			CandidateCommand::Keys => {
				let owner = signer()?;
				let (keys, proof) = chain.rotate_keys(&account_of(&owner)).await?;
				let outcome = chain.set_session_keys(&owner, &keys, proof).await?;
				out.call(CallOut::new("session keys set".into(), &outcome).session_keys(&keys));
			},
			CandidateCommand::List => {
				let candidates = chain.candidates().await?;
				let delegates = chain.delegates().await?;
				out.list(
					&CandidateOut::list(&candidates, &delegates),
					&["index", "account", "backing_med", "session_keys", "delegate"],
				);
			},
		},
		Command::Vote { candidates, remove } => {
			let outcome = if *remove {
				chain.remove_vote(&signer()?).await?
			} else {
				let candidates = candidates.iter().map(|c| c.0).collect();
				chain.vote(&signer()?, candidates).await?
			};
			let message = if *remove { "votes removed" } else { "voted" };
			out.call(CallOut::new(message.into(), &outcome));
		},
		Command::Delegates { action: None } => {
			let delegates = chain.delegates().await?;
			let session = chain.session_index().await?;
			out.item(&DelegatesOut::new(session, &delegates));
		},
		Command::Delegates { action: Some(DelegatesCommand::SetDesired { count }) } => {
			let (motion, outcome) = chain.set_desired_delegates(&signer()?, *count).await?;
			let what = format!("each election picks {count} delegates from the next session");
			out.call(CallOut::new(motion_message(&what, &motion), &outcome));
		},
		Command::Record(record) => run_record(&chain, cli, out, record).await?,
		Command::Council(council) => match council {
			CouncilCommand::Members => {
				let members: Vec<String> =
					chain.council_members().await?.iter().map(ToString::to_string).collect();
				out.item(&serde_json::json!({ "members": members }));
			},
			CouncilCommand::Motions => {
				out.list(&MotionOut::list(&chain.motions().await?), &["hash", "threshold", "ayes"]);
			},
			CouncilCommand::Vote { hash, nay } => {
				let hash = Hash::from(hash.0);
				let outcome = chain.council_vote(&signer()?, hash, !nay).await?;
				let vote = if *nay { "nay" } else { "aye" };
				out.call(CallOut::new(format!("voted {vote} on motion {hash:?}"), &outcome));
			},
			CouncilCommand::Close { hash } => {
				let hash = Hash::from(hash.0);
				let outcome = chain.council_close(&signer()?, hash).await?;
				out.call(CallOut::new(format!("motion {hash:?} closed"), &outcome));
			},
			CouncilCommand::Upgrade { file } => {
				let code = read_file(file)?;
				let (motion, outcome) = chain.authorize_upgrade(&signer()?, &code).await?;
				let what = format!("the runtime in {} may be applied", file.display());
				out.call(CallOut::new(motion_message(&what, &motion), &outcome));
			},
			CouncilCommand::AddMember { account } => {
				let (motion, outcome) = chain.add_council_member(&signer()?, account.0).await?;
				let what = format!("{} joined the council", account.0);
				out.call(CallOut::new(motion_message(&what, &motion), &outcome));
			},
		},
		Command::Access(access) => match access {
			AccessCommand::Grant { doctor, until, kinds, purposes } => {
				let until = match until {
					Some(until) => Some(until_block(&chain, until).await?),
					None => None,
				};
				let outcome = if kinds.is_empty() && purposes.is_empty() {
					chain.grant_access(&signer()?, doctor.0, until).await?
				} else {
					let purposes = if purposes.is_empty() {
						vec![PurposeOfUse::Treatment]
					} else {
						purposes.clone()
					};
					chain.grant_scoped(&signer()?, doctor.0, kinds, purposes, until).await?
				};
				let what = if kinds.is_empty() { "records".to_owned() } else { kinds.join(", ") };
				let message = match until {
					Some(until) => format!("{} may see your {what} until block {until}", doctor.0),
					None => format!("{} may see your {what}", doctor.0),
				};
				let call = CallOut::new(message, &outcome);
				out.call(match until {
					Some(until) => call.until(until),
					None => call,
				});
			},
			AccessCommand::Revoke { doctor } => {
				let outcome = chain.revoke_access(&signer()?, doctor.0).await?;
				let message = format!("{} may no longer see your records", doctor.0);
				out.call(CallOut::new(message, &outcome));
			},
			AccessCommand::Block { doctor } => {
				let outcome = chain.block_doctor(&signer()?, doctor.0).await?;
				let message = format!("{} may no longer submit to your consent pool", doctor.0);
				out.call(CallOut::new(message, &outcome));
			},
			AccessCommand::Unblock { doctor } => {
				let outcome = chain.unblock_doctor(&signer()?, doctor.0).await?;
				let message = format!("{} may submit to your consent pool again", doctor.0);
				out.call(CallOut::new(message, &outcome));
			},
			AccessCommand::Emergency { patient, reason } => {
				let (until, outcome) =
					chain.emergency_access(&signer()?, patient.0, (*reason).into()).await?;
				let message = format!("emergency access to {} until block {until}", patient.0);
				out.call(CallOut::new(message, &outcome).until(until));
			},
			AccessCommand::List { patient } => {
				let patient = cli.account_or_signer(patient.as_ref())?;
				let now = chain.best_block().await?.0;
				out.list(
					&GrantOut::list(&chain.grants(patient).await?, now),
					&["doctor", "kinds", "purposes", "granted_at", "until", "revoked_at", "active"],
				);
			},
			AccessCommand::Basis { viewer, patient, purpose } => {
				let patient = cli.account_or_signer(patient.as_ref())?;
				let basis = chain.viewer_basis(viewer.0, patient, purpose.clone()).await?;
				out.basis(&BasisOut::new(&viewer.0, &patient, purpose, &basis));
			},
		},
		Command::Fhir(fhir) => {
			status.set("reading the chain at the finalized block".into());
			let bundle = match fhir {
				FhirCommand::Consents { patient } => chain.fhir_consents(&patient.0).await?,
				FhirCommand::Audit { patient, since } => {
					let period = Period::days(since.as_deref(), None)?;
					chain.fhir_audit(patient.as_ref().map(|p| &p.0), period).await?
				},
			};
			out.document(&bundle);
		},
		Command::Disclosures { patient, from, to, format } => {
			status.set("reading the access log at the finalized block".into());
			let period = Period::days(from.as_deref(), to.as_deref())?;
			let format = if cli.json { Format::Json } else { *format };
			if format == Format::Fhir {
				out.document(&chain.fhir_disclosures(&patient.0, period).await?);
			} else {
				let rows: Vec<_> = chain
					.disclosures(&patient.0, period)
					.await?
					.into_iter()
					.map(|(row, _)| row)
					.collect();
				match format {
					Format::Csv => out.csv(&rows),
					Format::Json => out.document(&rows),
					_ => out.list(&rows, &DISCLOSURE_COLUMNS),
				}
			}
		},
		Command::Audit(audit) => match audit {
			AuditCommand::Log { patient, start, count } => {
				let entries = match patient {
					Some(patient) => chain.patient_entries(patient.0, *start, *count).await?,
					None => chain.audit_entries(*start, *count).await?,
				};
				out.list(
					&EntryOut::list(&entries),
					&["index", "block", "actor", "action", "patient", "record"],
				);
			},
			AuditCommand::Verify => {
				status.set("reading the access log".into());
				let report = chain.verify_audit_log().await?;
				out.audit_report(&AuditReportOut::from(&report));
			},
		},
	}
	Ok(())
}

/// Prints each new access-log entry about `patient` once its block is finalized, emergency
/// accesses first and marked, until interrupted; the node may be away for up to `reconnect`.
async fn watch(
	cli: &Cli,
	out: &Output,
	patient: AccountId,
	reconnect: Duration,
) -> Result<(), Error> {
	let watch = PatientWatch::start(&cli.url, patient, reconnect).await?;
	eprintln!(
		"watching the access log for {patient} after their {} entries (Ctrl-C stops)",
		watch.position()
	);
	let mut entries = std::pin::pin!(watch.into_stream());
	while let Some(entry) = entries.next().await {
		out.watched(&EntryOut::from(&entry?));
	}
	Ok(())
}

/// The last block of a grant that ends at `until`: a block, or the last block of a day,
/// reckoned one slot a block from the finalized block.
async fn until_block(chain: &MedChain, until: &Until) -> Result<BlockNumber, Error> {
	match until {
		Until::Block(block) => Ok(*block),
		Until::Day(start) => {
			let clock = chain.block_clock().await?;
			let end = start + DAY_MS - 1;
			if end < clock.time {
				return Err(Error::Date("the grant would end on a day that has passed".into()));
			}
			let blocks = (end - clock.time) / clock.slot.max(1);
			Ok(clock.number.saturating_add(u32::try_from(blocks).unwrap_or(u32::MAX)))
		},
	}
}

/// What a motion moved for `what` came to: done, or waiting for votes.
fn motion_message(what: &str, motion: &Motion) -> String {
	match motion {
		Motion::Executed => format!("{what} (a council motion of one)"),
		Motion::Proposed { index, hash, threshold } => format!(
			"motion {index} proposed: {what} once {threshold} council members vote aye \
			 (medchain council vote {hash:?})"
		),
	}
}

/// Prints the signer's account and the encryption key derived from their secret.
fn print_key(cli: &Cli, out: &Output) -> Result<(), Error> {
	let identity = cli.identity()?;
	out.item(&KeyOut {
		account: identity.account().to_string(),
		encryption_key: format!("0x{}", hex::encode(identity.encryption.public())),
	});
	Ok(())
}

/// The bytes of `file`.
fn read_file(file: &std::path::Path) -> Result<Vec<u8>, Error> {
	std::fs::read(file).map_err(|e| Error::NotFound(format!("cannot read {}: {e}", file.display())))
}

async fn run_record(
	chain: &MedChain,
	cli: &Cli,
	out: &Output,
	command: &RecordCommand,
) -> Result<(), Error> {
	let signer = || -> Result<Keypair, Error> { cli.signer() };
	match command {
		RecordCommand::Put { file, patient, kind, supersedes } => {
			let document = read_file(file)?;
			let url = cli.vault.as_deref().unwrap_or(DEFAULT_VAULT);
			let vault = VaultClient::connect(url).await?;
			let (id, uploaded, outcome) = chain
				.put_record(&signer()?, &vault, patient.0, kind, document, *supersedes)
				.await?;
			let message = format!(
				"{} stored in the vault at {url} as {}; submission {id} waits for {}'s consent",
				file.display(),
				uploaded.content_id,
				patient.0
			);
			out.call(CallOut::new(message, &outcome).submission(id));
		},
		RecordCommand::Get { id, out: file, purpose } => {
			let identity = cli.identity()?;
			let purpose = match purpose {
				Some(purpose) => purpose.clone(),
				None => chain.default_purpose(identity.account()).await?,
			};
			let document = chain.get_record(&identity, *id, purpose, cli.vault.as_deref()).await?;
			match file {
				Some(file) => {
					std::fs::write(file, &document.content).map_err(|e| {
						Error::Custody(format!("cannot write {}: {e}", file.display()))
					})?;
					out.item(&DocumentOut::new(&document, file));
				},
				None => {
					use std::io::Write;
					std::io::stdout()
						.write_all(&document.content)
						.map_err(|e| Error::Custody(format!("cannot write the document: {e}")))?;
				},
			}
		},
		RecordCommand::Erase { id } => {
			let erased = chain.erase_record(&signer()?, *id, cli.vault.as_deref()).await?;
			out.item(&erased);
		},
		RecordCommand::Approve { id } => {
			let (record, outcome) = chain.approve(&signer()?, *id).await?;
			let message = format!("submission {id} approved as record {record}");
			out.call(CallOut::new(message, &outcome).submission(*id).record(record));
		},
		RecordCommand::Deny { id } => {
			let outcome = chain.deny(&signer()?, *id).await?;
			let message = format!("submission {id} denied and discarded");
			out.call(CallOut::new(message, &outcome).submission(*id));
		},
		RecordCommand::Withdraw { id } => {
			let outcome = chain.withdraw(&signer()?, *id).await?;
			out.call(CallOut::new(format!("submission {id} withdrawn"), &outcome).submission(*id));
		},
		RecordCommand::Expire { id } => {
			let outcome = chain.expire(&signer()?, *id).await?;
			let message = format!("submission {id} expired and removed");
			out.call(CallOut::new(message, &outcome).submission(*id));
		},
		RecordCommand::Pending { patient } => {
			let patient = cli.account_or_signer(patient.as_ref())?;
			out.list(
				&SubmissionOut::list(&chain.pending(patient).await?),
				&["id", "doctor", "kind", "supersedes", "expires_at"],
			);
		},
		RecordCommand::History { patient, start, count } => {
			let patient = cli.account_or_signer(patient.as_ref())?;
			let total = chain.history_length(patient).await?;
			let records = chain.history(patient, *start, *count).await?;
			out.history(&HistoryOut::new(total, &records));
		},
		RecordCommand::ViewHistory { patient, start, count, purpose } => {
			let viewer = signer()?;
			let purpose = match purpose {
				Some(purpose) => purpose.clone(),
				None => chain.default_purpose(account_of(&viewer)).await?,
			};
			// The logged view first: a refusal ends here, with the refusal on the log.
			let total = chain.view_history(&viewer, patient.0, purpose).await?;
			let records = chain.history(patient.0, *start, *count).await?;
			out.history(&HistoryOut::new(total, &records));
		},
		RecordCommand::Verify { id } => {
			let (proof, record) = chain.prove_record(*id).await?;
			out.proof(&ProofOut::new(&proof, &record));
		},
	}
	Ok(())
}

//! `medchain`: the MedChain command line.
//!
//! Every call and query of the chain as a subcommand, signing with the secret given by
//! `--suri`, `--suri-file` or `$MEDCHAIN_SURI`. Output is an aligned table for people or JSON
//! with `--json`; errors are one line on standard error and a non-zero exit code.

mod args;
mod output;

use std::{process::ExitCode, time::Duration};

use clap::Parser;
use indicatif::{ProgressBar, ProgressFinish, ProgressStyle};
use medchain_client::{account_of, Error, Keypair, MedChain, NewRecord, Stage, Wait};

use args::{
	AccessCommand, AuditCommand, CandidateCommand, Cli, Command, RecordCommand, RegisterCommand,
};
use output::Output;

#[tokio::main]
async fn main() -> ExitCode {
	let cli = Cli::parse();
	match run(cli).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::FAILURE
		},
	}
}

/// Connects, with a spinner on a terminal that shows how far each call has come.
async fn connect(cli: &Cli) -> Result<MedChain, Error> {
	let wait: Wait = cli.wait.into();
	let chain = MedChain::connect(&cli.url).await?.waiting_for(wait);
	let spinner = ProgressBar::new_spinner().with_finish(ProgressFinish::AndClear);
	spinner.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("a valid template"));
	Ok(chain.on_progress(move |stage| {
		match stage {
			Stage::Submitted => {
				spinner.enable_steady_tick(Duration::from_millis(100));
				spinner.set_message("submitted, waiting for a block");
			},
			Stage::InBlock(hash) => spinner.set_message(format!("in block {hash:?}")),
			Stage::Finalized(hash) => spinner.set_message(format!("finalized in {hash:?}")),
		}
		let done = match stage {
			Stage::Submitted => false,
			Stage::InBlock(_) => wait == Wait::InBlock,
			Stage::Finalized(_) => true,
		};
		if done {
			spinner.finish_and_clear();
		}
	}))
}

async fn run(cli: Cli) -> Result<(), Error> {
	let out = Output { json: cli.json };
	let chain = connect(&cli).await?;
	let signer = || cli.signer();
	match &cli.command {
		Command::Register(register) => match register {
			RegisterCommand::Patient { encryption_key, metadata } => {
				let outcome = chain
					.register_patient(&signer()?, encryption_key.0, metadata.clone().into_bytes())
					.await?;
				out.outcome("registered as a patient", &outcome);
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
				out.outcome(&format!("{} registered as a doctor", account.0), &outcome);
			},
			RegisterCommand::Admin { account } => {
				let outcome = chain.register_admin(&signer()?, account.0).await?;
				out.outcome(&format!("{} registered as an admin", account.0), &outcome);
			},
		},
		Command::Member { account } => {
			let who = cli.account_or_signer(account.as_ref())?;
			match chain.member(who).await? {
				Some(member) => out.member(&who, &member),
				None => return Err(Error::NotFound(format!("{who} is not a registered member"))),
			}
		},
		Command::Bond { amount } => {
			let outcome = chain.bond(&signer()?, amount.0).await?;
			out.outcome(&format!("bonded {}", output::med(amount.0)), &outcome);
		},
		Command::Unbond { amount } => {
			let outcome = chain.unbond(&signer()?, amount.0).await?;
			out.outcome(&format!("unbonding {}", output::med(amount.0)), &outcome);
		},
		Command::Withdraw => {
			let outcome = chain.withdraw_unbonded(&signer()?).await?;
			out.outcome("withdrew unbonded stake", &outcome);
		},
		Command::Stake { account } => {
			let who = cli.account_or_signer(account.as_ref())?;
			let ledger = chain.ledger(who).await?;
			out.ledger(&who, ledger.as_ref());
		},
		Command::Candidate(candidate) => match candidate {
			CandidateCommand::Register => {
				let outcome = chain.register_candidate(&signer()?).await?;
				out.outcome("registered as a delegate candidate", &outcome);
			},
			CandidateCommand::Leave => {
				let outcome = chain.unregister_candidate(&signer()?).await?;
				out.outcome("left the candidacy", &outcome);
			},
			CandidateCommand::Keys => {
				let owner = signer()?;
				let (keys, proof) = chain.rotate_keys(&account_of(&owner)).await?;
				let outcome = chain.set_session_keys(&owner, &keys, proof).await?;
				out.outcome(&format!("session keys set: 0x{}", hex::encode(&keys)), &outcome);
			},
			CandidateCommand::List => {
				let candidates = chain.candidates().await?;
				let delegates = chain.delegates().await?;
				out.candidates(&candidates, &delegates);
			},
		},
		Command::Vote { candidates, remove } => {
			let outcome = if *remove {
				chain.remove_vote(&signer()?).await?
			} else {
				let candidates = candidates.iter().map(|c| c.0).collect();
				chain.vote(&signer()?, candidates).await?
			};
			out.outcome(if *remove { "votes removed" } else { "voted" }, &outcome);
		},
		Command::Delegates => {
			let delegates = chain.delegates().await?;
			let session = chain.session_index().await?;
			out.delegates(session, &delegates);
		},
		Command::Record(record) => run_record(&chain, &cli, &out, record).await?,
		Command::Access(access) => match access {
			AccessCommand::Grant { doctor, until } => {
				let outcome = chain.grant_access(&signer()?, doctor.0, *until).await?;
				out.outcome(&format!("{} may see your records", doctor.0), &outcome);
			},
			AccessCommand::Revoke { doctor } => {
				let outcome = chain.revoke_access(&signer()?, doctor.0).await?;
				out.outcome(&format!("{} may no longer see your records", doctor.0), &outcome);
			},
			AccessCommand::Emergency { patient, reason } => {
				let (until, outcome) = chain
					.emergency_access(&signer()?, patient.0, reason.clone().into_bytes())
					.await?;
				out.outcome(
					&format!("emergency access to {} until block {until}", patient.0),
					&outcome,
				);
			},
			AccessCommand::List { patient } => {
				let patient = cli.account_or_signer(patient.as_ref())?;
				out.grants(&chain.grants(patient).await?);
			},
		},
		Command::Audit(audit) => match audit {
			AuditCommand::Log { patient, start, count } => {
				let entries = match patient {
					Some(patient) => {
						chain.patient_entries(patient.0, *start as u32, *count).await?
					},
					None => chain.audit_entries(*start, *count).await?,
				};
				out.entries(&entries);
			},
			AuditCommand::Verify => {
				let report = chain.verify_audit_log().await?;
				out.audit_report(&report);
			},
		},
	}
	Ok(())
}

async fn run_record(
	chain: &MedChain,
	cli: &Cli,
	out: &Output,
	command: &RecordCommand,
) -> Result<(), Error> {
	let signer = || -> Result<Keypair, Error> { cli.signer() };
	match command {
		RecordCommand::Submit { patient, kind, payload, content_hash, supersedes } => {
			let payload = payload.clone().into_bytes();
			let content_hash = content_hash
				.map(|h| h.0)
				.unwrap_or_else(|| sp_crypto_hashing::blake2_256(&payload));
			let record = NewRecord {
				kind: kind.clone().into_bytes(),
				content_hash,
				payload,
				supersedes: *supersedes,
			};
			let (id, outcome) = chain.submit_record(&signer()?, patient.0, record).await?;
			out.created(
				"submission",
				id,
				&format!("submission {id} waits for {}'s consent", patient.0),
				&outcome,
			);
		},
		RecordCommand::Approve { id } => {
			let (record, outcome) = chain.approve(&signer()?, *id).await?;
			out.created(
				"record",
				record,
				&format!("submission {id} approved as record {record}"),
				&outcome,
			);
		},
		RecordCommand::Deny { id } => {
			let outcome = chain.deny(&signer()?, *id).await?;
			out.outcome(&format!("submission {id} denied and discarded"), &outcome);
		},
		RecordCommand::Withdraw { id } => {
			let outcome = chain.withdraw(&signer()?, *id).await?;
			out.outcome(&format!("submission {id} withdrawn"), &outcome);
		},
		RecordCommand::Pending { patient } => {
			let patient = cli.account_or_signer(patient.as_ref())?;
			out.pending(&chain.pending(patient).await?);
		},
		RecordCommand::History { patient, start, count } => {
			let patient = cli.account_or_signer(patient.as_ref())?;
			let total = chain.history_length(patient).await?;
			let records = chain.history(patient, *start, *count).await?;
			out.records(total, &records);
		},
		RecordCommand::View { id } => {
			let record = chain.view_record(&signer()?, *id).await?;
			out.record(&record);
		},
		RecordCommand::Verify { id } => {
			let (proof, record) = chain.prove_record(*id).await?;
			out.proof(&proof, &record);
		},
	}
	Ok(())
}

//! `medchain-bench`: how many clinical extrinsics a MedChain node includes per second, beside
//! plain balance transfers, measured on one node in one run.
//!
//! It starts a development node of its own (the `medchain-node` next to it, or `--node`) or
//! loads one already running on this machine (`--url`), then:
//!
//! 1. sets up the population (not measured): Alice funds D doctors and P patients, admits the
//!    doctors, the patients register and each grants one doctor access;
//! 2. runs four phases one after another, each with `--count` extrinsics signed ahead of time
//!    and submitted with at most `--concurrency` requests in flight: balance transfers, record
//!    submissions to the patients' consent pools, the patients' approvals of those, and the
//!    doctors' views of their patients' histories;
//! 3. follows every block, reads which extrinsics it included (and which failed) and the weight
//!    it used, and, for a node it started, how long its author took and why it stopped adding
//!    extrinsics.
//!
//! It prints a table per kind (included per second and per block, the time from first
//! submission to last inclusion, median and 95th-percentile latency to a best and a final
//! block) with the clinical/transfers ratio, and writes the same as `bench.json` and a chart of
//! extrinsics per block over time as `bench.svg`. Every phase is bounded in count and time.

mod load;
mod node;
mod report;

use std::{
	path::PathBuf,
	process::ExitCode,
	str::FromStr,
	sync::Arc,
	time::{Duration, Instant},
};

use anyhow::{bail, Context, Result};
use clap::Parser;
use medchain_client::{account_of, chain, AccountId, Keypair, Locator, PurposeOfUse, MED};
use subxt::utils::MultiAddress;
use subxt_signer::{sr25519, SecretUri};
use tokio::sync::Mutex;

use crate::{
	load::{Chain, Seen, Signed},
	node::LocalNode,
	report::{Settings, Tx, KINDS},
};

/// Measure MedChain's clinical throughput beside balance transfers on a local node.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
	/// A node already running on this machine (`ws://127.0.0.1:9944`); its chain must be a
	/// development chain where Alice is an admin and `//Alice//vault` a vault. Without it, a
	/// fresh development node is started.
	#[arg(long)]
	url: Option<String>,
	/// The node binary to start (default: `medchain-node` next to this program).
	#[arg(long)]
	node: Option<PathBuf>,
	/// Extrinsics of each kind: enough for several full blocks of each.
	#[arg(long, default_value_t = 10_000)]
	count: usize,
	/// Doctors, each of whom submits to every patient.
	#[arg(long, default_value_t = 8)]
	doctors: usize,
	/// Submissions in flight at once.
	#[arg(long, default_value_t = 256)]
	concurrency: usize,
	/// Seconds each phase may take to see all its extrinsics in blocks, and again in final
	/// blocks; a phase that takes longer ends the run with an error.
	#[arg(long, default_value_t = 300)]
	timeout: u64,
	/// Where `bench.json` and `bench.svg` go.
	#[arg(long, default_value = "bench-results")]
	out: PathBuf,
}

#[tokio::main]
async fn main() -> ExitCode {
	match run(Args::parse()).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("medchain-bench: {error:#}");
			ExitCode::FAILURE
		},
	}
}

/// The accounts of a run.
struct Population {
	alice: Keypair,
	vault: AccountId,
	doctors: Vec<Keypair>,
	patients: Vec<Keypair>,
}

fn pair(uri: &str) -> Result<Keypair> {
	Ok(sr25519::Keypair::from_uri(&SecretUri::from_str(uri)?)?)
}

async fn run(args: Args) -> Result<()> {
	if args.count == 0 || args.doctors == 0 {
		bail!("--count and --doctors must be at least 1");
	}
	let node = match &args.url {
		Some(url) => {
			node::ensure_loopback(url)?;
			None
		},
		None => {
			let binary = match &args.node {
				Some(binary) => binary.clone(),
				None => std::env::current_exe()?.with_file_name("medchain-node"),
			};
			println!("starting {}", binary.display());
			Some((LocalNode::start(&binary, 8 * args.count.max(2_048)).await?, binary))
		},
	};
	let url =
		node.as_ref().map_or_else(|| args.url.clone().unwrap_or_default(), |n| n.0.url.clone());
	let mut chain = Chain::connect(&url).await?;

	// Each patient's pool holds at most `per_patient` submissions, `per_doctor` of them from
	// one doctor: the patients are as many as the submissions need.
	let at = chain.client.api().at_current_block().await?;
	let constants = at.constants();
	let per_patient = constants.entry(chain::constants().consent().max_pending_per_patient())?;
	let per_doctor = constants.entry(chain::constants().consent().max_pending_per_doctor())?;
	let room = (per_patient as usize).min(per_doctor as usize * args.doctors);
	let patients = args.count.div_ceil(room);
	let slot_ms = 2 * constants.entry(chain::constants().timestamp().minimum_period())?;
	let weights = constants.entry(chain::constants().system().block_weights())?;
	let max_normal_weight =
		weights.per_class.normal.max_total.map_or(weights.max_block.ref_time, |w| w.ref_time);
	let settings = Settings {
		node: node.as_ref().map_or(url.clone(), |(_, binary)| binary.display().to_string()),
		count: args.count,
		doctors: args.doctors,
		patients,
		concurrency: args.concurrency,
		slot_ms,
		max_normal_weight,
	};
	println!(
		"{} of each kind; {} doctors, {patients} patients; {} in flight; {slot_ms} ms slots",
		args.count, args.doctors, args.concurrency
	);

	let people = Population {
		alice: pair("//Alice")?,
		vault: account_of(&pair("//Alice//vault")?),
		doctors: (0..args.doctors)
			.map(|i| pair(&format!("//bench//doctor//{i}")))
			.collect::<Result<_>>()?,
		patients: (0..patients)
			.map(|i| pair(&format!("//bench//patient//{i}")))
			.collect::<Result<_>>()?,
	};

	let clock = Instant::now();
	let seen = Arc::new(Mutex::new(Seen::default()));
	let follower = {
		let (follower_chain, seen) = (Chain::connect(&url).await?, seen.clone());
		tokio::spawn(async move { load::follow(&follower_chain, seen, clock).await })
	};
	let timeout = Duration::from_secs(args.timeout);
	let phase = Phase { seen: &seen, clock, concurrency: args.concurrency, timeout };

	set_up(&mut chain, &phase, &people).await?;
	let first_block = seen.lock().await.blocks.len();

	let mut txs = Vec::new();
	let recipient = MultiAddress::Id(account_of(&people.alice));
	let transfers = (0..args.count)
		.map(|k| {
			let call = chain::transactions()
				.balances()
				.transfer_keep_alive(recipient.clone(), MED / 1_000);
			(&people.patients[k % patients], call)
		})
		.collect();
	let signed = chain.sign(transfers).await?;
	phase.measure(&chain, 0, &signed, &mut txs).await?;

	let submits = (0..args.count)
		.map(|k| {
			let (patient, doctor) = (&people.patients[k / room], &people.doctors[k % args.doctors]);
			let mut content = [0u8; 16];
			content[..8].copy_from_slice(&(k as u64).to_le_bytes());
			let locator = Locator { vault: people.vault, content };
			let call = chain::transactions().consent().submit(
				account_of(patient),
				b"Observation".to_vec(),
				locator,
				sp_crypto_hashing::blake2_256(&content),
				None,
			);
			(doctor, call)
		})
		.collect();
	let signed = chain.sign(submits).await?;
	phase.measure(&chain, 1, &signed, &mut txs).await?;

	// Each patient approves what waits in their pool, the patients taking turns.
	let mut pools = Vec::with_capacity(patients);
	for patient in &people.patients {
		pools.push(chain.client.pending(account_of(patient)).await?);
	}
	let mut approvals = Vec::with_capacity(args.count);
	for round in 0..room {
		for (patient, pool) in people.patients.iter().zip(&pools) {
			if let Some((id, _)) = pool.get(round) {
				approvals.push((patient, chain::transactions().consent().approve(*id)));
			}
		}
	}
	if approvals.len() != args.count {
		bail!("the pools hold {} submissions, not the {} submitted", approvals.len(), args.count);
	}
	let signed = chain.sign(approvals).await?;
	phase.measure(&chain, 2, &signed, &mut txs).await?;

	let views = (0..args.count)
		.map(|k| {
			let p = k % patients;
			let patient = account_of(&people.patients[p]);
			let call =
				chain::transactions().records().view_history(patient, PurposeOfUse::Treatment);
			(&people.doctors[p % args.doctors], call)
		})
		.collect();
	let signed = chain.sign(views).await?;
	phase.measure(&chain, 3, &signed, &mut txs).await?;

	follower.abort();
	let blocks = seen.lock().await.blocks.split_off(first_block);
	for tx in &mut txs {
		tx.block = tx.block.and_then(|block| block.checked_sub(first_block));
	}
	let proposals = match &node {
		Some((node, _)) => node.proposals.lock().await.clone(),
		None => Default::default(),
	};
	let report = report::build(settings, &txs, &blocks, &proposals);
	print!("{}", report::table(&report));
	std::fs::create_dir_all(&args.out)
		.with_context(|| format!("creating {}", args.out.display()))?;
	let json = args.out.join("bench.json");
	std::fs::write(&json, serde_json::to_string_pretty(&report)?)?;
	let svg = args.out.join("bench.svg");
	report::chart(&report, &svg)?;
	println!("wrote {} and {}", json.display(), svg.display());
	let failed: usize = report.kinds.iter().map(|kind| kind.failed + kind.refused).sum();
	if failed > 0 {
		bail!("{failed} extrinsics failed or were refused (see the table)");
	}
	Ok(())
}

/// What every phase shares: the blocks seen, the clock, and the bounds.
struct Phase<'a> {
	seen: &'a Mutex<Seen>,
	clock: Instant,
	concurrency: usize,
	timeout: Duration,
}

impl Phase<'_> {
	/// Submits `signed` and waits until all are in final blocks; fails on any refusal or
	/// failed dispatch, naming the step.
	async fn settle(&self, chain: &Chain, step: &str, signed: &[Signed]) -> Result<()> {
		let submitted = load::submit_all(&chain.rpc, signed, self.concurrency, self.clock).await;
		if let Some(refused) = submitted.iter().find_map(|s| s.refused.as_ref()) {
			bail!("set-up ({step}): the node refused an extrinsic: {refused}");
		}
		let hashes: Vec<_> = signed.iter().map(|s| s.hash).collect();
		if !load::wait_for(self.seen, &hashes, true, self.timeout).await {
			bail!("set-up ({step}): not all in final blocks within {:?}", self.timeout);
		}
		let seen = self.seen.lock().await;
		if hashes.iter().any(|hash| seen.landed[hash].1) {
			bail!("set-up ({step}): an extrinsic failed; is this a fresh development chain?");
		}
		Ok(())
	}

	/// Submits one kind's extrinsics, waits for their inclusion and finality, and adds what
	/// became of each to `txs`.
	async fn measure(
		&self,
		chain: &Chain,
		kind: usize,
		signed: &[Signed],
		txs: &mut Vec<Tx>,
	) -> Result<()> {
		println!("{}: submitting {}", KINDS[kind], signed.len());
		let submitted = load::submit_all(&chain.rpc, signed, self.concurrency, self.clock).await;
		let hashes: Vec<_> = signed
			.iter()
			.zip(&submitted)
			.filter(|(_, s)| s.refused.is_none())
			.map(|(signed, _)| signed.hash)
			.collect();
		let included = load::wait_for(self.seen, &hashes, false, self.timeout).await;
		let finalized = included && load::wait_for(self.seen, &hashes, true, self.timeout).await;
		if !finalized {
			bail!(
				"{}: not all in {} blocks within {:?}",
				KINDS[kind],
				if included { "final" } else { "best" },
				self.timeout
			);
		}
		let seen = self.seen.lock().await;
		for (signed, submission) in signed.iter().zip(submitted) {
			let landed = seen.landed.get(&signed.hash);
			txs.push(Tx {
				kind,
				submitted_at: submission.at,
				refused: submission.refused.is_some(),
				block: landed.map(|(block, _)| *block),
				failed: landed.is_some_and(|(_, failed)| *failed),
			});
		}
		Ok(())
	}
}

/// Funds, admits and registers the population, and has each patient grant one doctor access.
async fn set_up(chain: &mut Chain, phase: &Phase<'_>, people: &Population) -> Result<()> {
	println!("set-up: funding, admitting and registering");
	let mut funding = Vec::new();
	for (who, amount) in people
		.doctors
		.iter()
		.map(|d| (d, 10_000 * MED))
		.chain(people.patients.iter().map(|p| (p, 100 * MED)))
	{
		let dest = MultiAddress::Id(account_of(who));
		funding.push((
			&people.alice,
			chain::transactions().balances().transfer_keep_alive(dest, amount),
		));
	}
	let signed = chain.sign(funding).await?;
	phase.settle(chain, "funding", &signed).await?;

	let admissions = people
		.doctors
		.iter()
		.map(|doctor| {
			let key = sp_crypto_hashing::blake2_256(&account_of(doctor).0);
			let call = chain::transactions().registry().register_doctor(
				account_of(doctor),
				b"bench".to_vec(),
				key,
			);
			(&people.alice, call)
		})
		.collect();
	let signed = chain.sign(admissions).await?;
	phase.settle(chain, "admitting doctors", &signed).await?;

	let registrations = people
		.patients
		.iter()
		.map(|patient| {
			let key = sp_crypto_hashing::blake2_256(&account_of(patient).0);
			(patient, chain::transactions().registry().register_patient(key, b"bench".to_vec()))
		})
		.collect();
	let signed = chain.sign(registrations).await?;
	phase.settle(chain, "registering patients", &signed).await?;

	let grants = people
		.patients
		.iter()
		.enumerate()
		.map(|(p, patient)| {
			let doctor = account_of(&people.doctors[p % people.doctors.len()]);
			(patient, chain::transactions().consent().grant_access(doctor, None))
		})
		.collect();
	let signed = chain.sign(grants).await?;
	phase.settle(chain, "granting access", &signed).await?;
	Ok(())
}

//! Following the access log as it grows: the entries about one patient, finalized block by
//! finalized block, across restarts of the node.

use std::{collections::VecDeque, time::Duration};

use futures::Stream;

use crate::{chain, AccountId, AuditAction, BlockNumber, Entry, Error, Hash, MedChain};

/// Entries one view-function call asks for (the runtime's page size).
const PAGE: u32 = 100;
/// How often the finalized head is looked at: well under a block.
const POLL: Duration = Duration::from_millis(500);

/// A watch over the access-log entries about one patient. It starts after the entries already
/// finalized, reads each newly finalized block's entries once, and reconnects when the node
/// goes away, carrying on at the entry it had reached: none is missed or repeated.
pub struct PatientWatch {
	url: String,
	patient: AccountId,
	/// The position, among the patient's entries, of the next one to report.
	next: u64,
	/// The last finalized block read.
	last: Option<BlockNumber>,
	chain: Option<MedChain>,
	/// How long the node may stay unreachable before the watch gives up.
	reconnect: Duration,
}

impl PatientWatch {
	/// Connects to `url` and starts after the entries about `patient` finalized so far. When
	/// the node stays unreachable for longer than `reconnect`, the watch ends with the error.
	pub async fn start(url: &str, patient: AccountId, reconnect: Duration) -> Result<Self, Error> {
		let chain = MedChain::connect(url).await?;
		let at = chain.finalized_block().await?;
		let next = chain
			.stored_at(at, chain::storage().audit().patient_entry_count(), (patient,))
			.await?
			.unwrap_or_default();
		Ok(Self {
			url: url.to_owned(),
			patient,
			next,
			last: Some(at.0),
			chain: Some(chain),
			reconnect,
		})
	}

	/// How many entries about the patient were finalized before the next one the watch reports.
	pub fn position(&self) -> u64 {
		self.next
	}

	/// The next finalized block that brings entries about the patient, with those entries:
	/// emergency accesses first, the rest in log order.
	pub async fn next_block(&mut self) -> Result<(BlockNumber, Vec<Entry>), Error> {
		loop {
			let chain = match self.chain.take() {
				Some(chain) => chain,
				None => self.connect_again().await?,
			};
			match self.read_finalized(&chain).await {
				Ok(Some(found)) => {
					self.chain = Some(chain);
					return Ok(found);
				},
				Ok(None) => {
					self.chain = Some(chain);
					tokio::time::sleep(POLL).await;
				},
				// The node went away, or the connection did: connect again and read on.
				Err(_) => {},
			}
		}
	}

	/// The entries as a stream, one by one, ending after the first error.
	pub fn into_stream(self) -> impl Stream<Item = Result<Entry, Error>> {
		futures::stream::unfold(Some((self, VecDeque::new())), |state| async move {
			let (mut watch, mut queue) = state?;
			loop {
				if let Some(entry) = queue.pop_front() {
					return Some((Ok(entry), Some((watch, queue))));
				}
				match watch.next_block().await {
					Ok((_, entries)) => queue.extend(entries),
					Err(error) => return Some((Err(error), None)),
				}
			}
		})
	}

	async fn connect_again(&self) -> Result<MedChain, Error> {
		let deadline = tokio::time::Instant::now() + self.reconnect;
		loop {
			match MedChain::connect(&self.url).await {
				Ok(chain) => return Ok(chain),
				Err(error) if tokio::time::Instant::now() >= deadline => return Err(error),
				Err(_) => tokio::time::sleep(POLL).await,
			}
		}
	}

	/// The entries about the patient that the last finalized block brings, if it is new.
	async fn read_finalized(
		&mut self,
		chain: &MedChain,
	) -> Result<Option<(BlockNumber, Vec<Entry>)>, Error> {
		let (number, hash): (BlockNumber, Hash) = chain.finalized_block().await?;
		if self.last.is_some_and(|last| last >= number) {
			return Ok(None);
		}
		let mut entries = Vec::new();
		loop {
			let start = self.next + entries.len() as u64;
			let page = chain.patient_entries_at((number, hash), self.patient, start, PAGE).await?;
			let full = page.len() as u32 == PAGE;
			entries.extend(page);
			if !full {
				break;
			}
		}
		self.last = Some(number);
		self.next += entries.len() as u64;
		if entries.is_empty() {
			return Ok(None);
		}
		entries.sort_by_key(|entry| !is_emergency(entry));
		Ok(Some((number, entries)))
	}
}

/// Whether `entry` records a break-glass emergency access.
pub fn is_emergency(entry: &Entry) -> bool {
	matches!(entry.action, AuditAction::EmergencyAccess(_))
}

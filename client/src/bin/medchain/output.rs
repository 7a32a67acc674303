//! What the command line prints.
//!
//! Every result is first one of the `serde` types below. `--json` prints it as JSON; otherwise
//! a table is drawn from that same JSON value, its headers the JSON field names, so that the
//! two can never tell different stories.

use comfy_table::{presets::UTF8_HORIZONTAL_ONLY, Table, TableComponent};
use medchain_client::{
	council::OpenMotion,
	fhir::{disclosures_csv, grant_is_active, grant_kinds, purpose_of, Disclosure},
	is_emergency, AccessBasis, AccountBalance, AccountId, AuditAction, AuditReport, Candidate,
	Document, Entry, Error, Grant, Member, Outcome, PurposeOfUse, Record, RecordProof, Refusal,
	StakeLedger, Submission, Vault, MED,
};
use serde::Serialize;
use serde_json::Value;

/// An amount of MED as a decimal string, exact to the 12th decimal (`1.25`).
pub fn med(amount: u128) -> String {
	let fraction = format!("{:012}", amount % MED);
	let fraction = fraction.trim_end_matches('0');
	if fraction.is_empty() {
		format!("{}", amount / MED)
	} else {
		format!("{}.{fraction}", amount / MED)
	}
}

/// Bytes from the chain, with how they are written: `utf8` text, or `hex` with `0x`.
#[derive(Serialize)]
pub struct Bytes {
	encoding: &'static str,
	value: String,
}

impl From<&[u8]> for Bytes {
	fn from(bytes: &[u8]) -> Self {
		match std::str::from_utf8(bytes) {
			Ok(text) => Bytes { encoding: "utf8", value: text.to_owned() },
			Err(_) => Bytes { encoding: "hex", value: hex(bytes) },
		}
	}
}

fn hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// What a call did and the block that holds it.
#[derive(Serialize)]
pub struct CallOut {
	message: String,
	block: u32,
	block_hash: String,
	/// The events of MedChain's pallets, as `Pallet.Event`.
	events: Vec<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	submission: Option<u64>,
	#[serde(skip_serializing_if = "Option::is_none")]
	record: Option<u64>,
	#[serde(skip_serializing_if = "Option::is_none")]
	until: Option<u32>,
	#[serde(skip_serializing_if = "Option::is_none")]
	session_keys: Option<String>,
}

impl CallOut {
	/// A call's message and outcome.
	pub fn new(message: String, outcome: &Outcome) -> Self {
		CallOut {
			message,
			block: outcome.block_number,
			block_hash: format!("{:?}", outcome.block_hash),
			events: outcome.event_names.clone(),
			submission: None,
			record: None,
			until: None,
			session_keys: None,
		}
	}

	/// With the submission it created.
	pub fn submission(mut self, id: u64) -> Self {
		self.submission = Some(id);
		self
	}

	/// With the record it created or read.
	pub fn record(mut self, id: u64) -> Self {
		self.record = Some(id);
		self
	}

	/// With the last block of the access it opened.
	pub fn until(mut self, block: u32) -> Self {
		self.until = Some(block);
		self
	}

	/// With the session keys it set.
	pub fn session_keys(mut self, keys: &[u8]) -> Self {
		self.session_keys = Some(hex(keys));
		self
	}
}

/// A registered member.
#[derive(Serialize)]
pub struct MemberOut {
	account: String,
	role: String,
	status: String,
	encryption_key: Option<String>,
	metadata: Bytes,
	licence: Bytes,
	registered_at: u32,
}

impl MemberOut {
	pub fn new(who: &AccountId, member: &Member) -> Self {
		MemberOut {
			account: who.to_string(),
			role: format!("{:?}", member.role),
			status: format!("{:?}", member.status),
			encryption_key: member.encryption_key.as_ref().map(|key| hex(key)),
			metadata: member.metadata.0.as_slice().into(),
			licence: member.licence.0.as_slice().into(),
			registered_at: member.registered_at,
		}
	}
}

/// An account's balance, in MED.
#[derive(Serialize)]
pub struct BalanceOut {
	account: String,
	free_med: String,
	held_med: String,
	frozen_med: String,
}

impl BalanceOut {
	pub fn new(who: &AccountId, balance: &AccountBalance) -> Self {
		BalanceOut {
			account: who.to_string(),
			free_med: med(balance.free),
			held_med: med(balance.reserved),
			frozen_med: med(balance.frozen),
		}
	}
}

/// An account's stake, in MED.
#[derive(Serialize)]
pub struct StakeOut {
	account: String,
	bonded_med: String,
	unbonding: Vec<UnbondingOut>,
}

/// Stake on its way out.
#[derive(Serialize)]
pub struct UnbondingOut {
	value_med: String,
	unlock_at: u32,
}

impl StakeOut {
	pub fn new(who: &AccountId, ledger: Option<&StakeLedger>) -> Self {
		StakeOut {
			account: who.to_string(),
			bonded_med: med(ledger.map_or(0, |l| l.active)),
			unbonding: ledger
				.map(|l| {
					l.unlocking
						.0
						.iter()
						.map(|c| UnbondingOut { value_med: med(c.value), unlock_at: c.unlock_at })
						.collect()
				})
				.unwrap_or_default(),
		}
	}
}

/// A delegate candidate.
#[derive(Serialize)]
pub struct CandidateOut {
	index: u32,
	account: String,
	backing_med: String,
	bond_med: String,
	session_keys: bool,
	delegate: bool,
}

impl CandidateOut {
	/// The candidates, best backed first, marking the current delegates.
	pub fn list(
		candidates: &[(AccountId, Candidate, bool)],
		delegates: &[AccountId],
	) -> Vec<CandidateOut> {
		let mut sorted: Vec<_> = candidates.iter().collect();
		sorted.sort_by(|a, b| b.1.backing.cmp(&a.1.backing).then(a.1.index.cmp(&b.1.index)));
		sorted
			.into_iter()
			.map(|(who, c, keys)| CandidateOut {
				index: c.index,
				account: who.to_string(),
				backing_med: med(c.backing),
				bond_med: med(c.bond),
				session_keys: *keys,
				delegate: delegates.contains(who),
			})
			.collect()
	}
}

/// The delegates of a session.
#[derive(Serialize)]
pub struct DelegatesOut {
	session: u32,
	delegates: Vec<String>,
}

impl DelegatesOut {
	pub fn new(session: u32, delegates: &[AccountId]) -> Self {
		DelegatesOut { session, delegates: delegates.iter().map(ToString::to_string).collect() }
	}
}

/// A patient's grant to a doctor.
#[derive(Serialize)]
pub struct GrantOut {
	doctor: String,
	/// The FHIR resource types it covers; empty for every kind.
	kinds: Vec<String>,
	/// The HL7 v3 PurposeOfUse codes it covers.
	purposes: Vec<&'static str>,
	granted_at: u32,
	until: Option<u32>,
	revoked_at: Option<u32>,
	/// Whether it still runs.
	active: bool,
}

impl GrantOut {
	/// Every grant of every doctor, as they stand at block `now`.
	pub fn list(grants: &[(AccountId, Vec<Grant<u32>>)], now: u32) -> Vec<GrantOut> {
		grants
			.iter()
			.flat_map(|(doctor, grants)| grants.iter().map(move |grant| (doctor, grant)))
			.map(|(doctor, g)| GrantOut {
				doctor: doctor.to_string(),
				kinds: grant_kinds(g),
				purposes: g.purposes.0.iter().map(PurposeOfUse::code).collect(),
				granted_at: g.granted_at,
				until: g.until,
				revoked_at: g.revoked_at,
				active: grant_is_active(g, now),
			})
			.collect()
	}
}

/// On what basis a viewer may see a patient's history now for a purpose, or what they lack.
#[derive(Serialize)]
pub struct BasisOut {
	viewer: String,
	patient: String,
	purpose: &'static str,
	/// `None` when the viewer may not.
	basis: Option<String>,
	/// What the viewer lacks, when they may not.
	refusal: Option<String>,
	/// The refusal in words.
	lacks: Option<&'static str>,
}

impl BasisOut {
	pub fn new(
		viewer: &AccountId,
		patient: &AccountId,
		purpose: &PurposeOfUse,
		basis: &Result<AccessBasis, Refusal>,
	) -> Self {
		BasisOut {
			viewer: viewer.to_string(),
			patient: patient.to_string(),
			purpose: purpose.code(),
			basis: basis.as_ref().ok().map(|b| format!("{b:?}")),
			refusal: basis.as_ref().err().map(|r| r.name().to_owned()),
			lacks: basis.as_ref().err().map(Refusal::explain),
		}
	}
}

/// The columns of an accounting of disclosures, as a table shows it.
pub const DISCLOSURE_COLUMNS: [&str; 7] =
	["date", "recipient", "what", "purpose", "basis", "block", "entry"];

/// An access-log action in short: its name, with the basis and purpose of a view or a
/// release, the purpose and refusal of a refusal (`Released(Grant, TREAT)`).
pub fn describe(action: &AuditAction) -> String {
	match action {
		AuditAction::Viewed { basis, purpose } => format!("Viewed({basis:?}, {purpose})"),
		AuditAction::Released { basis, purpose } => format!("Released({basis:?}, {purpose})"),
		AuditAction::AccessDenied { purpose, refusal } => {
			format!("AccessDenied({purpose}, {})", refusal.name())
		},
		other => format!("{other:?}"),
	}
}

/// A submission in a consent pool.
#[derive(Serialize)]
pub struct SubmissionOut {
	id: u64,
	patient: String,
	doctor: String,
	kind: Bytes,
	vault: String,
	content_id: String,
	commitment: String,
	supersedes: Option<u64>,
	deposit_med: String,
	submitted_at: u32,
	expires_at: u32,
}

impl SubmissionOut {
	pub fn list(pending: &[(u64, Submission)]) -> Vec<SubmissionOut> {
		pending
			.iter()
			.map(|(id, s)| SubmissionOut {
				id: *id,
				patient: s.patient.to_string(),
				doctor: s.doctor.to_string(),
				kind: s.kind.0.as_slice().into(),
				vault: s.locator.vault.to_string(),
				content_id: hex(&s.locator.content),
				commitment: hex(&s.commitment),
				supersedes: s.supersedes,
				deposit_med: med(s.deposit),
				submitted_at: s.submitted_at,
				expires_at: s.expires_at,
			})
			.collect()
	}
}

/// An approved record.
#[derive(Serialize)]
pub struct RecordOut {
	id: u64,
	patient: String,
	author: String,
	kind: Bytes,
	version: u32,
	supersedes: Option<u64>,
	vault: String,
	content_id: String,
	commitment: String,
	block: u32,
	timestamp: u64,
	erased_at: Option<u32>,
}

impl From<&Record> for RecordOut {
	fn from(record: &Record) -> Self {
		RecordOut {
			id: record.id,
			patient: record.patient.to_string(),
			author: record.author.to_string(),
			kind: record.kind.0.as_slice().into(),
			version: record.version,
			supersedes: record.supersedes,
			vault: record.locator.vault.to_string(),
			content_id: hex(&record.locator.content),
			commitment: hex(&record.commitment),
			block: record.block,
			timestamp: record.timestamp,
			erased_at: record.erased_at,
		}
	}
}

/// An account and the encryption key derived from its secret.
#[derive(Serialize)]
pub struct KeyOut {
	pub account: String,
	pub encryption_key: String,
}

/// An open council motion.
#[derive(Serialize)]
pub struct MotionOut {
	hash: String,
	index: u32,
	threshold: u32,
	ayes: Vec<String>,
	nays: Vec<String>,
	end: u32,
}

impl MotionOut {
	pub fn list(motions: &[OpenMotion]) -> Vec<MotionOut> {
		motions
			.iter()
			.map(|m| MotionOut {
				hash: format!("{:?}", m.hash),
				index: m.index,
				threshold: m.threshold,
				ayes: m.ayes.iter().map(ToString::to_string).collect(),
				nays: m.nays.iter().map(ToString::to_string).collect(),
				end: m.end,
			})
			.collect()
	}
}

/// A registered vault.
#[derive(Serialize)]
pub struct VaultOut {
	account: String,
	endpoint: Bytes,
	active: bool,
	registered_at: u32,
}

impl VaultOut {
	pub fn new(account: &AccountId, vault: &Vault) -> Self {
		VaultOut {
			account: account.to_string(),
			endpoint: vault.endpoint.0.as_slice().into(),
			active: vault.active,
			registered_at: vault.registered_at,
		}
	}
}

/// A document a vault released, checked against its record's commitment.
#[derive(Serialize)]
pub struct DocumentOut {
	record: u64,
	kind: Bytes,
	size: usize,
	released_at: u32,
	/// The file it was written to.
	file: String,
}

impl DocumentOut {
	pub fn new(document: &Document, file: &std::path::Path) -> Self {
		DocumentOut {
			record: document.record.id,
			kind: document.record.kind.0.as_slice().into(),
			size: document.content.len(),
			released_at: document.released_at,
			file: file.display().to_string(),
		}
	}
}

/// A page of a patient's history.
#[derive(Serialize)]
pub struct HistoryOut {
	total: u32,
	records: Vec<RecordOut>,
}

impl HistoryOut {
	pub fn new(total: u32, records: &[Record]) -> Self {
		HistoryOut { total, records: records.iter().map(RecordOut::from).collect() }
	}
}

/// A record proven against a finalized block's state root.
#[derive(Serialize)]
pub struct ProofOut {
	verified: bool,
	record: RecordOut,
	block: u32,
	block_hash: String,
	state_root: String,
	proof_nodes: usize,
}

impl ProofOut {
	pub fn new(proof: &RecordProof, record: &Record) -> Self {
		ProofOut {
			verified: true,
			record: record.into(),
			block: proof.block_number,
			block_hash: format!("{:?}", proof.block_hash),
			state_root: format!("{:?}", proof.state_root),
			proof_nodes: proof.nodes.len(),
		}
	}
}

/// An access-log entry.
#[derive(Serialize)]
pub struct EntryOut {
	/// Whether it records a break-glass emergency access.
	emergency: bool,
	index: u64,
	block: u32,
	/// `None` when the chain itself acted (Root).
	actor: Option<String>,
	action: String,
	/// The HL7 v3 PurposeOfUse code of a view, release, refusal or emergency access.
	purpose: Option<&'static str>,
	subject: Option<String>,
	patient: Option<String>,
	submission: Option<u64>,
	record: Option<u64>,
	timestamp: u64,
}

impl EntryOut {
	pub fn list(entries: &[Entry]) -> Vec<EntryOut> {
		entries.iter().map(EntryOut::from).collect()
	}
}

impl From<&Entry> for EntryOut {
	fn from(e: &Entry) -> Self {
		EntryOut {
			emergency: is_emergency(e),
			index: e.index,
			block: e.block,
			actor: e.actor.as_ref().map(ToString::to_string),
			action: describe(&e.action),
			purpose: purpose_of(&e.action).map(|purpose| purpose.code()),
			subject: e.subject.as_ref().map(ToString::to_string),
			patient: e.patient.as_ref().map(ToString::to_string),
			submission: e.submission,
			record: e.record,
			timestamp: e.timestamp,
		}
	}
}

/// A verified access log.
#[derive(Serialize)]
pub struct AuditReportOut {
	verified: bool,
	entries: u64,
	head: String,
	block: u32,
	block_hash: String,
}

impl From<&AuditReport> for AuditReportOut {
	fn from(report: &AuditReport) -> Self {
		AuditReportOut {
			verified: true,
			entries: report.entries,
			head: format!("{:?}", report.head),
			block: report.block_number,
			block_hash: format!("{:?}", report.block_hash),
		}
	}
}

/// An error, for scripts: its kind, its message and, for the chain's errors, the pallet, the
/// variant and its documentation.
#[derive(Serialize)]
pub struct ErrorOut {
	kind: &'static str,
	message: String,
	#[serde(skip_serializing_if = "Option::is_none")]
	pallet: Option<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	variant: Option<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	doc: Option<String>,
	/// A vault's code for its refusal.
	#[serde(skip_serializing_if = "Option::is_none")]
	code: Option<String>,
}

impl ErrorOut {
	pub fn new(error: &Error) -> Self {
		let (pallet, variant, doc) = match error {
			Error::Module { pallet, variant, doc } => {
				(Some(pallet.clone()), Some(variant.clone()), Some(doc.clone()))
			},
			_ => (None, None, None),
		};
		let code = match error {
			Error::Vault { code, .. } => Some(code.clone()),
			_ => None,
		};
		ErrorOut { kind: error.kind(), message: error.to_string(), pallet, variant, doc, code }
	}

	/// A usage error, as the argument parser reported it.
	pub fn usage(message: String) -> Self {
		ErrorOut { kind: "usage", message, pallet: None, variant: None, doc: None, code: None }
	}

	/// `{"error": …}`, one line.
	pub fn to_json(&self) -> String {
		serde_json::json!({ "error": self }).to_string()
	}
}

/// Prints results as JSON or as tables and sentences drawn from the same JSON.
pub struct Output {
	/// JSON instead of tables.
	pub json: bool,
}

impl Output {
	fn print(&self, value: &impl Serialize, human: impl FnOnce(&str) -> String) {
		let json = serde_json::to_string(value).expect("output types serialize to JSON");
		if self.json {
			println!("{json}");
		} else {
			println!("{}", human(&json));
		}
	}

	/// A call's result: what it did and the block that holds it.
	pub fn call(&self, call: CallOut) {
		self.print(&call, |json| {
			let v = value(json);
			format!("{} (block {} {})", cell(&v["message"]), v["block"], cell(&v["block_hash"]))
		});
	}

	/// A document (a FHIR resource, a JSON export), as indented JSON either way.
	pub fn document(&self, document: &impl Serialize) {
		let json = serde_json::to_string_pretty(document).expect("documents serialize to JSON");
		println!("{json}");
	}

	/// An accounting of disclosures as CSV with a header row.
	pub fn csv(&self, rows: &[Disclosure]) {
		print!("{}", disclosures_csv(rows));
	}

	/// One item, as a table of its fields.
	pub fn item(&self, item: &impl Serialize) {
		self.print(item, |json| fields_table(&fields(json)));
	}

	/// A list of items, as a table of the named columns.
	pub fn list<T: Serialize>(&self, items: &[T], columns: &[&str]) {
		self.print(&items, |json| list_table(&value(json), columns));
	}

	/// One entry as a watch reports it: a line, an emergency access marked.
	pub fn watched(&self, entry: &EntryOut) {
		self.print(entry, |json| {
			let v = value(json);
			let marker = if v["emergency"] == true { "EMERGENCY " } else { "" };
			format!(
				"{marker}entry {} in block {}: {} by {}",
				v["index"],
				v["block"],
				cell(&v["action"]),
				cell(&v["actor"])
			)
		});
	}

	/// A page of a history.
	pub fn history(&self, history: &HistoryOut) {
		self.print(history, |json| {
			let v = value(json);
			let columns = ["id", "kind", "version", "supersedes", "author", "block"];
			let shown = v["records"].as_array().map_or(0, Vec::len);
			format!("{}\n{shown} of {} records", list_table(&v["records"], &columns), v["total"])
		});
	}

	/// A verified proof of a record.
	pub fn proof(&self, proof: &ProofOut) {
		self.print(proof, |json| {
			let v = value(json);
			format!(
				"record {} is in the state of finalized block {} ({})\nstate root {}, verified \
				 locally through {} trie nodes",
				v["record"]["id"],
				v["block"],
				cell(&v["block_hash"]),
				cell(&v["state_root"]),
				v["proof_nodes"]
			)
		});
	}

	/// A verified access log.
	pub fn audit_report(&self, report: &AuditReportOut) {
		self.print(report, |json| {
			let v = value(json);
			format!(
				"access log verified: {} entries hash to head {}, as stored at finalized block {}",
				v["entries"],
				cell(&v["head"]),
				v["block"]
			)
		});
	}

	/// On what basis a viewer may see a patient's records.
	pub fn basis(&self, basis: &BasisOut) {
		self.print(basis, |json| {
			let v = value(json);
			let (viewer, patient) = (cell(&v["viewer"]), cell(&v["patient"]));
			let purpose = cell(&v["purpose"]);
			match v["basis"].as_str() {
				Some(basis) => {
					format!("{viewer} may see {patient}'s records now for {purpose}, as {basis}")
				},
				None => format!(
					"{viewer} may not see {patient}'s records now for {purpose}: {}",
					cell(&v["lacks"])
				),
			}
		});
	}
}

/// Output JSON as a value.
fn value(json: &str) -> Value {
	serde_json::from_str(json).expect("the output's own JSON parses")
}

/// Output JSON's top-level fields, in the order the output type declares them.
fn fields(json: &str) -> Vec<(String, Value)> {
	struct Fields(Vec<(String, Value)>);
	impl<'de> serde::Deserialize<'de> for Fields {
		fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
			struct Visitor;
			impl<'de> serde::de::Visitor<'de> for Visitor {
				type Value = Fields;
				fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
					f.write_str("an object")
				}
				fn visit_map<A: serde::de::MapAccess<'de>>(
					self,
					mut map: A,
				) -> Result<Fields, A::Error> {
					let mut fields = Vec::new();
					while let Some(field) = map.next_entry()? {
						fields.push(field);
					}
					Ok(Fields(fields))
				}
			}
			deserializer.deserialize_map(Visitor)
		}
	}
	serde_json::from_str::<Fields>(json).expect("the output's own JSON is an object").0
}

/// A header: a JSON field name, its amounts marked as MED.
fn header(key: &str) -> String {
	match key.strip_suffix("_med") {
		Some(amount) => format!("{} (MED)", amount.replace('_', " ")),
		None => key.replace('_', " "),
	}
}

/// A JSON value as a table cell: `-` for none, bytes as they are written, lists one per line.
fn cell(value: &Value) -> String {
	match value {
		Value::Null => "-".into(),
		Value::Bool(yes) => if *yes { "yes" } else { "no" }.into(),
		Value::String(text) => text.clone(),
		Value::Array(items) if items.is_empty() => "-".into(),
		Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("\n"),
		Value::Object(fields) if fields.contains_key("encoding") => cell(&fields["value"]),
		Value::Object(fields) => fields
			.iter()
			.map(|(k, v)| format!("{} {}", header(k), cell(v)))
			.collect::<Vec<_>>()
			.join(", "),
		number => number.to_string(),
	}
}

fn table(header_row: Vec<String>, rows: Vec<Vec<String>>) -> String {
	let mut table = Table::new();
	table
		.load_preset(UTF8_HORIZONTAL_ONLY)
		.remove_style(TableComponent::HorizontalLines)
		.remove_style(TableComponent::MiddleIntersections)
		.set_header(header_row);
	for row in rows {
		table.add_row(row);
	}
	table.to_string()
}

/// Fields as a table of names and values.
fn fields_table(fields: &[(String, Value)]) -> String {
	let rows = fields.iter().map(|(k, v)| vec![header(k), cell(v)]).collect();
	table(vec!["field".into(), "value".into()], rows)
}

/// A list of objects as a table of the `columns` fields.
fn list_table(value: &Value, columns: &[&str]) -> String {
	let rows = value
		.as_array()
		.map(|items| {
			items.iter().map(|item| columns.iter().map(|c| cell(&item[*c])).collect()).collect()
		})
		.unwrap_or_default();
	table(columns.iter().map(|c| header(c)).collect(), rows)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_print_in_med() {
		assert_eq!(med(1000 * MED), "1000");
		assert_eq!(med(MED + MED / 4), "1.25");
		assert_eq!(med(1), "0.000000000001");
	}

	#[test]
	fn bytes_say_how_they_are_written() {
		let text = serde_json::to_value(Bytes::from(&b"Observation"[..])).unwrap();
		assert_eq!(text, serde_json::json!({"encoding": "utf8", "value": "Observation"}));
		let binary = serde_json::to_value(Bytes::from(&[0xff, 0x00][..])).unwrap();
		assert_eq!(binary, serde_json::json!({"encoding": "hex", "value": "0xff00"}));
		// Text that looks like hex is still text, and says so.
		let lookalike = serde_json::to_value(Bytes::from(&b"0xff00"[..])).unwrap();
		assert_eq!(lookalike["encoding"], "utf8");
	}

	#[test]
	fn tables_are_drawn_from_the_json_fields() {
		let out = StakeOut {
			account: "5Grw".into(),
			bonded_med: med(20 * MED),
			unbonding: vec![UnbondingOut { value_med: med(MED / 2), unlock_at: 40 }],
		};
		let drawn = fields_table(&fields(&serde_json::to_string(&out).unwrap()));
		let names: Vec<&str> = drawn
			.lines()
			.filter_map(|l| l.split_whitespace().next())
			.filter(|word| word.chars().all(|c| c.is_ascii_alphabetic()))
			.collect();
		assert_eq!(names, ["field", "account", "bonded", "unbonding"], "declared order: {drawn}");
		assert!(drawn.contains("bonded (MED)") && drawn.contains("20"), "{drawn}");
		assert!(drawn.contains("unlock at 40, value (MED) 0.5"), "{drawn}");
		let list =
			list_table(&serde_json::json!([{"id": 3, "supersedes": null}]), &["id", "supersedes"]);
		assert!(list.contains("supersedes") && list.contains('-'), "{list}");
	}
}

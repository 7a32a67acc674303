//! What leaves the chain in a form a hospital system reads: HL7 FHIR R4 `Consent` and
//! `AuditEvent` resources in `Bundle`s, and a patient's accounting of disclosures (who
//! received their information, when, what and why: 45 CFR 164.528).
//!
//! Accounts are identified by their SS58 address in the `urn:medchain:account` system, records
//! by their id in `urn:medchain:record`, log entries by their index in
//! `urn:medchain:audit-entry`; purposes of use are HL7 v3 ActReason codes.
//!
//! Times come from the chain: a log entry's own timestamp, and for a grant's blocks (given,
//! ending, revoked) the finalized block's timestamp moved by the slot duration for each block
//! between them, as a grant's end was reckoned when it was given.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, SecondsFormat};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::{
	chain, queries::call_view, AccessBasis, AccountId, AuditAction, BlockNumber, Entry, Error,
	Grant, Hash, MedChain, PurposeOfUse, RecordId, Refusal,
};

/// The HL7 v3 ActReason code system, whose PurposeOfUse codes name why records are asked for.
pub const ACT_REASON: &str = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
/// The identifier system of MedChain accounts (SS58 addresses).
pub const ACCOUNT_SYSTEM: &str = "urn:medchain:account";
/// The identifier system of MedChain records (their ids).
pub const RECORD_SYSTEM: &str = "urn:medchain:record";
/// The identifier system of access-log entries (their indices).
pub const ENTRY_SYSTEM: &str = "urn:medchain:audit-entry";
/// The code system of access-log actions (the runtime's `AuditAction` variants).
pub const ACTION_SYSTEM: &str = "urn:medchain:audit-action";

impl PurposeOfUse {
	/// Every purpose, in the order of the HL7 codes MedChain knows.
	pub const ALL: [Self; 7] = [
		Self::Treatment,
		Self::EmergencyTreatment,
		Self::Payment,
		Self::Operations,
		Self::PublicHealth,
		Self::Research,
		Self::PatientRequested,
	];

	/// The HL7 v3 ActReason code (`TREAT`, `ETREAT`, ...).
	pub fn code(&self) -> &'static str {
		match self {
			Self::Treatment => "TREAT",
			Self::EmergencyTreatment => "ETREAT",
			Self::Payment => "HPAYMT",
			Self::Operations => "HOPERAT",
			Self::PublicHealth => "PUBHLTH",
			Self::Research => "HRESCH",
			Self::PatientRequested => "PATRQT",
		}
	}

	/// The code's display name in HL7 v3 ActReason.
	pub fn display(&self) -> &'static str {
		match self {
			Self::Treatment => "treatment",
			Self::EmergencyTreatment => "emergency treatment",
			Self::Payment => "healthcare payment",
			Self::Operations => "healthcare operations",
			Self::PublicHealth => "public health",
			Self::Research => "healthcare research",
			Self::PatientRequested => "patient requested",
		}
	}

	/// The purpose whose HL7 code is `code` (any case).
	pub fn parse(code: &str) -> Result<Self, Error> {
		Self::ALL.into_iter().find(|purpose| purpose.code().eq_ignore_ascii_case(code)).ok_or_else(
			|| {
				let codes: Vec<_> = Self::ALL.iter().map(PurposeOfUse::code).collect();
				Error::Purpose(format!(
					"{code} is not a purpose of use MedChain knows; use one of {}",
					codes.join(", ")
				))
			},
		)
	}
}

impl std::fmt::Display for PurposeOfUse {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		f.write_str(self.code())
	}
}

impl Refusal {
	/// Every refusal.
	pub const ALL: [Self; 4] =
		[Self::NoAccess, Self::GrantEnded, Self::PurposeNotGranted, Self::KindNotGranted];

	/// The variant's name, as the runtime's metadata writes it (`KindNotGranted`).
	pub fn name(&self) -> &'static str {
		match self {
			Self::NoAccess => "NoAccess",
			Self::GrantEnded => "GrantEnded",
			Self::PurposeNotGranted => "PurposeNotGranted",
			Self::KindNotGranted => "KindNotGranted",
		}
	}

	/// The refusal whose variant is named `name`.
	pub fn from_name(name: &str) -> Option<Self> {
		Self::ALL.into_iter().find(|refusal| refusal.name() == name)
	}

	/// What the viewer lacked, in words.
	pub fn explain(&self) -> &'static str {
		match self {
			Self::NoAccess => "no grant, emergency access or role allows it",
			Self::GrantEnded => "every grant they held ran out or was revoked",
			Self::PurposeNotGranted => "no running grant covers the purpose",
			Self::KindNotGranted => "no running grant covers the record's kind",
		}
	}
}

/// A time in milliseconds since the Unix epoch as a FHIR `instant` (`2026-11-27T07:31:09.000Z`).
pub fn instant(ms: u64) -> String {
	DateTime::from_timestamp_millis(ms as i64)
		.unwrap_or_default()
		.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The start of a day (`2026-11-27`, UTC) in milliseconds since the Unix epoch.
pub fn parse_date(text: &str) -> Result<u64, Error> {
	NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
		.ok()
		.and_then(|day| day.and_hms_opt(0, 0, 0))
		.and_then(|start| u64::try_from(start.and_utc().timestamp_millis()).ok())
		.ok_or_else(|| Error::Date(format!("{text} is not a date such as 2026-11-27")))
}

/// A day in milliseconds.
pub const DAY_MS: u64 = 86_400_000;

/// A window of days: from the start of one to the end of another, both optional.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
	/// The first millisecond in it.
	pub from: Option<u64>,
	/// The last millisecond in it.
	pub to: Option<u64>,
}

impl Period {
	/// From the start of day `from` to the end of day `to` (`YYYY-MM-DD`, UTC).
	pub fn days(from: Option<&str>, to: Option<&str>) -> Result<Self, Error> {
		let from = from.map(parse_date).transpose()?;
		let to = to.map(|day| parse_date(day).map(|start| start + DAY_MS - 1)).transpose()?;
		if let (Some(from), Some(to)) = (from, to) {
			if from > to {
				return Err(Error::Date("the period ends before it starts".into()));
			}
		}
		Ok(Self { from, to })
	}

	/// Whether `ms` falls in the window.
	pub fn contains(&self, ms: u64) -> bool {
		self.from.is_none_or(|from| ms >= from) && self.to.is_none_or(|to| ms <= to)
	}
}

/// One disclosure of a patient's information, as the accounting lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
	/// When (a FHIR instant, UTC).
	pub date: String,
	/// Who received it (SS58).
	pub recipient: String,
	/// What was disclosed: a record's content, or the history (the list of records).
	pub what: String,
	/// The record disclosed, if one.
	pub record: Option<RecordId>,
	/// Its kind (FHIR resource type), if a record.
	pub kind: Option<String>,
	/// Why: the HL7 v3 PurposeOfUse code.
	pub purpose: String,
	/// On what basis the chain allowed it (grant, emergency, author, admin).
	pub basis: String,
	/// The block that logged it.
	pub block: BlockNumber,
	/// The access-log entry that logged it.
	pub entry: u64,
}

/// The fields of a [`Disclosure`], in order: the header of its CSV.
pub const DISCLOSURE_FIELDS: [&str; 9] =
	["date", "recipient", "what", "record", "kind", "purpose", "basis", "block", "entry"];

/// An accounting of disclosures as CSV, with a header row (also when there are no rows).
pub fn disclosures_csv(rows: &[Disclosure]) -> String {
	let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
	writer.write_record(DISCLOSURE_FIELDS).expect("CSV is written to memory");
	for row in rows {
		writer.serialize(row).expect("disclosures serialize to CSV");
	}
	let bytes = writer.into_inner().expect("CSV is written to memory");
	String::from_utf8_lossy(&bytes).into_owned()
}

/// An access-log entry with the hash of its block: its position on the chain.
#[derive(Clone, Debug)]
pub struct PlacedEntry {
	/// The entry.
	pub entry: Entry,
	/// The hash of the block it was logged in.
	pub block_hash: Hash,
}

/// A reference to an account.
fn account_reference(account: &AccountId) -> Value {
	json!({ "identifier": { "system": ACCOUNT_SYSTEM, "value": account.to_string() } })
}

fn purpose_concept(purpose: &PurposeOfUse) -> Value {
	json!({ "coding": [purpose_coding(purpose)] })
}

fn purpose_coding(purpose: &PurposeOfUse) -> Value {
	json!({ "system": ACT_REASON, "code": purpose.code(), "display": purpose.display() })
}

/// A FHIR `Bundle` of type `collection` holding `resources`, made at `timestamp`.
pub fn bundle(resources: Vec<Value>, timestamp: u64) -> Value {
	let entries: Vec<Value> = resources.into_iter().map(|r| json!({ "resource": r })).collect();
	json!({
		"resourceType": "Bundle",
		"type": "collection",
		"timestamp": instant(timestamp),
		"entry": entries,
	})
}

/// The purpose an entry was logged for, if it has one: the one asked for a view, a release or
/// a refusal, and emergency treatment for an emergency access.
pub fn purpose_of(action: &AuditAction) -> Option<PurposeOfUse> {
	match action {
		AuditAction::Viewed { purpose, .. }
		| AuditAction::Released { purpose, .. }
		| AuditAction::AccessDenied { purpose, .. } => Some(purpose.clone()),
		AuditAction::EmergencyAccess(_) => Some(PurposeOfUse::EmergencyTreatment),
		_ => None,
	}
}

/// The name of an entry's action (the `AuditAction` variant).
pub fn action_name(action: &AuditAction) -> String {
	let debug = format!("{action:?}");
	debug.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default().to_owned()
}

/// The FHIR `AuditEvent.action` code of an entry: Create, Read, Update, Delete or Execute.
fn action_code(action: &AuditAction) -> &'static str {
	match action {
		AuditAction::Viewed { .. }
		| AuditAction::Released { .. }
		| AuditAction::AccessDenied { .. } => "R",
		AuditAction::Registered(_) | AuditAction::Submitted | AuditAction::Approved => "C",
		AuditAction::Denied
		| AuditAction::Withdrawn
		| AuditAction::Expired
		| AuditAction::Erased => "D",
		AuditAction::Suspended
		| AuditAction::Reinstated
		| AuditAction::KeyRotated
		| AuditAction::AccessGranted
		| AuditAction::AccessRevoked
		| AuditAction::DoctorBlocked
		| AuditAction::DoctorUnblocked => "U",
		_ => "E",
	}
}

/// An access-log entry as a FHIR R4 `AuditEvent`: who (agent), what (entities: the patient,
/// the record, and the log entry with its chain position), the action, the purpose of use, the
/// outcome (a refusal is a failure, with what the viewer lacked) and when it was recorded.
pub fn audit_event(placed: &PlacedEntry, genesis: &Hash) -> Value {
	let entry = &placed.entry;
	let refusal = match &entry.action {
		AuditAction::AccessDenied { refusal, .. } => Some(refusal),
		_ => None,
	};
	let name = action_name(&entry.action);
	let mut agents = vec![match &entry.actor {
		Some(actor) => json!({ "who": account_reference(actor), "requestor": true }),
		None => {
			json!({ "who": { "display": "MedChain (the chain or its council)" }, "requestor": true })
		},
	}];
	if let Some(subject) = &entry.subject {
		agents.push(json!({ "who": account_reference(subject), "requestor": false }));
	}
	let mut entities = Vec::new();
	if let Some(patient) = &entry.patient {
		entities.push(json!({
			"what": account_reference(patient),
			"type": { "system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "1", "display": "Person" },
			"role": { "system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "1", "display": "Patient" },
		}));
	}
	if let Some(record) = entry.record {
		entities.push(json!({
			"what": { "identifier": { "system": RECORD_SYSTEM, "value": record.to_string() } },
			"type": { "system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2", "display": "System Object" },
			"role": { "system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "4", "display": "Domain Resource" },
		}));
	}
	entities.push(json!({
		"what": { "identifier": { "system": ENTRY_SYSTEM, "value": entry.index.to_string() } },
		"type": { "system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2", "display": "System Object" },
		"role": { "system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "13", "display": "Security Resource" },
		"detail": [
			{ "type": "block-number", "valueString": entry.block.to_string() },
			{ "type": "block-hash", "valueString": format!("{:?}", placed.block_hash) },
			{ "type": "entry-index", "valueString": entry.index.to_string() },
		],
	}));
	let event_type = if entry.patient.is_some() {
		json!({ "system": "http://dicom.nema.org/resources/ontology/DCM", "code": "110110", "display": "Patient Record" })
	} else {
		json!({ "system": "http://dicom.nema.org/resources/ontology/DCM", "code": "110100", "display": "Application Activity" })
	};
	let mut event = json!({
		"resourceType": "AuditEvent",
		"id": format!("medchain-entry-{}", entry.index),
		"type": event_type,
		"subtype": [{ "system": ACTION_SYSTEM, "code": name }],
		"action": action_code(&entry.action),
		"recorded": instant(entry.timestamp),
		"outcome": if refusal.is_some() { "4" } else { "0" },
		"agent": agents,
		"source": {
			"site": "MedChain",
			"observer": { "identifier": { "system": "urn:medchain:chain", "value": format!("{genesis:?}") } },
			"type": [{ "system": "http://terminology.hl7.org/CodeSystem/security-source-type", "code": "4", "display": "Application Server" }],
		},
		"entity": entities,
	});
	if let Some(refusal) = refusal {
		event["outcomeDesc"] = json!(format!("refused: {}", refusal.explain()));
	}
	if let Some(purpose) = purpose_of(&entry.action) {
		event["purposeOfEvent"] = json!([purpose_concept(&purpose)]);
	}
	event
}

/// The chain's clock at the finalized block, to put dates on other blocks.
#[derive(Clone, Copy, Debug)]
pub struct BlockClock {
	/// The finalized block.
	pub number: BlockNumber,
	/// Its timestamp (ms).
	pub time: u64,
	/// The slot duration (ms): one block each.
	pub slot: u64,
}

impl BlockClock {
	/// The time of block `block` (ms), reckoned from the finalized block one slot a block.
	pub fn time_of(&self, block: BlockNumber) -> u64 {
		let offset = i64::from(block) - i64::from(self.number);
		(self.time as i64).saturating_add(offset.saturating_mul(self.slot as i64)).max(0) as u64
	}
}

/// Whether a grant still runs at block `now`: not revoked and not past its end.
pub fn grant_is_active(grant: &Grant<BlockNumber>, now: BlockNumber) -> bool {
	grant.revoked_at.is_none() && grant.until.is_none_or(|until| now <= until)
}

/// The record kinds a grant covers, as text; empty for every kind.
pub fn grant_kinds(grant: &Grant<BlockNumber>) -> Vec<String> {
	grant.kinds.0.iter().map(|kind| String::from_utf8_lossy(&kind.0).into_owned()).collect()
}

/// A patient's grant to a doctor as a FHIR R4 `Consent`: a permit for the doctor as the
/// primary recipient, to the resource classes (none for every kind), for the purposes, over
/// the grant's period (ending when it was revoked, if it was); active while it runs.
pub fn consent(
	id: usize,
	patient: &AccountId,
	doctor: &AccountId,
	grant: &Grant<BlockNumber>,
	clock: &BlockClock,
) -> Value {
	let mut period = json!({ "start": instant(clock.time_of(grant.granted_at)) });
	let end = match (grant.revoked_at, grant.until) {
		(Some(revoked), Some(until)) => Some(revoked.min(until)),
		(revoked, until) => revoked.or(until),
	};
	if let Some(end) = end {
		period["end"] = json!(instant(clock.time_of(end)));
	}
	let mut provision = json!({
		"type": "permit",
		"period": period,
		"actor": [{
			"role": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "PRCP", "display": "primary information recipient" }] },
			"reference": account_reference(doctor),
		}],
		"purpose": grant.purposes.0.iter().map(purpose_coding).collect::<Vec<_>>(),
	});
	let kinds = grant_kinds(grant);
	if !kinds.is_empty() {
		provision["class"] = kinds
			.iter()
			.map(|kind| json!({ "system": "http://hl7.org/fhir/resource-types", "code": kind }))
			.collect();
	}
	json!({
		"resourceType": "Consent",
		"id": format!("medchain-grant-{id}"),
		"status": if grant_is_active(grant, clock.number) { "active" } else { "inactive" },
		"scope": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy", "display": "Privacy Consent" }] },
		"category": [{ "coding": [{ "system": "http://loinc.org", "code": "59284-0", "display": "Patient Consent" }] }],
		"patient": account_reference(patient),
		"dateTime": instant(clock.time_of(grant.granted_at)),
		"performer": [account_reference(patient)],
		"policyRule": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN", "display": "opt-in" }] },
		"provision": provision,
	})
}

/// The disclosure an entry about `patient` records, if it records one: a view of the history
/// or a release of a record's content to someone other than the patient. Refusals disclosed
/// nothing.
pub fn disclosure(entry: &Entry, patient: &AccountId, kind: Option<String>) -> Option<Disclosure> {
	let (basis, purpose): (&AccessBasis, &PurposeOfUse) = match &entry.action {
		AuditAction::Viewed { basis, purpose } | AuditAction::Released { basis, purpose } => {
			(basis, purpose)
		},
		_ => return None,
	};
	let recipient = entry.actor.as_ref().filter(|actor| *actor != patient)?;
	let what = match (&entry.action, entry.record) {
		(AuditAction::Released { .. }, Some(record)) => match &kind {
			Some(kind) => format!("record {record} ({kind})"),
			None => format!("record {record}"),
		},
		_ => "the history (the list of records)".to_owned(),
	};
	Some(Disclosure {
		date: instant(entry.timestamp),
		recipient: recipient.to_string(),
		what,
		record: entry.record.filter(|_| matches!(entry.action, AuditAction::Released { .. })),
		kind,
		purpose: purpose.code().to_owned(),
		basis: format!("{basis:?}"),
		block: entry.block,
		entry: entry.index,
	})
}

/// How many entries one request asks for; the runtime may return fewer.
const PAGE: u32 = 100;

impl MedChain {
	/// Every access-log entry at the finalized block (about `patient` only, when given) whose
	/// timestamp falls in `period`, oldest first, each with the hash of its block.
	pub async fn placed_entries(
		&self,
		patient: Option<&AccountId>,
		period: Period,
	) -> Result<Vec<PlacedEntry>, Error> {
		let finalized = self.finalized_block().await?;
		let at = self.at(finalized).await?;
		let mut entries = Vec::new();
		let mut next = 0;
		loop {
			let page: Vec<Entry> = match patient {
				Some(patient) => {
					let call =
						chain::view_functions().audit().patient_entries(*patient, next, PAGE);
					call_view(&at, call).await?
				},
				None => call_view(&at, chain::view_functions().audit().entries(next, PAGE)).await?,
			};
			next += page.len() as u64;
			let done = page.is_empty();
			entries.extend(page.into_iter().filter(|entry| period.contains(entry.timestamp)));
			if done {
				break;
			}
		}
		let mut hashes = BTreeMap::new();
		let mut placed = Vec::with_capacity(entries.len());
		for entry in entries {
			let block_hash = match hashes.get(&entry.block) {
				Some(hash) => *hash,
				None => {
					let hash = self.block_hash(entry.block).await?;
					hashes.insert(entry.block, hash);
					hash
				},
			};
			placed.push(PlacedEntry { entry, block_hash });
		}
		Ok(placed)
	}

	/// The chain's clock at the finalized block.
	pub async fn block_clock(&self) -> Result<BlockClock, Error> {
		let finalized = self.finalized_block().await?;
		let time = self.stored_at(finalized, chain::storage().timestamp().now(), ()).await?;
		let slot = self
			.at(finalized)
			.await?
			.constants()
			.entry(chain::constants().aura().slot_duration())
			.map_err(Error::node)?;
		Ok(BlockClock { number: finalized.0, time: time.unwrap_or_default(), slot })
	}

	/// The access log as a FHIR R4 `Bundle` of `AuditEvent`s, read at the finalized block: every
	/// entry, or those about `patient`, recorded in `period`.
	pub async fn fhir_audit(
		&self,
		patient: Option<&AccountId>,
		period: Period,
	) -> Result<Value, Error> {
		let entries = self.placed_entries(patient, period).await?;
		let genesis = self.block_hash(0).await?;
		let clock = self.block_clock().await?;
		let events = entries.iter().map(|entry| audit_event(entry, &genesis)).collect();
		Ok(bundle(events, clock.time))
	}

	/// `patient`'s grants, running and ended, as a FHIR R4 `Bundle` of `Consent`s, read at the
	/// finalized block.
	pub async fn fhir_consents(&self, patient: &AccountId) -> Result<Value, Error> {
		let clock = self.block_clock().await?;
		let at = self.at(self.finalized_block().await?).await?;
		let grants = call_view(&at, chain::view_functions().consent().grants(*patient)).await?;
		let consents = grants
			.iter()
			.flat_map(|(doctor, grants)| grants.iter().map(move |grant| (doctor, grant)))
			.enumerate()
			.map(|(n, (doctor, grant))| consent(n, patient, doctor, grant, &clock))
			.collect();
		Ok(bundle(consents, clock.time))
	}

	/// `patient`'s accounting of disclosures in `period`, read at the finalized block: every
	/// view of their history and every release of a record's content to someone else, oldest
	/// first, each with the entry that logged it.
	pub async fn disclosures(
		&self,
		patient: &AccountId,
		period: Period,
	) -> Result<Vec<(Disclosure, PlacedEntry)>, Error> {
		let entries = self.placed_entries(Some(patient), period).await?;
		let mut kinds: BTreeMap<RecordId, Option<String>> = BTreeMap::new();
		let mut rows = Vec::new();
		for placed in entries {
			let kind = match (&placed.entry.action, placed.entry.record) {
				(AuditAction::Released { .. }, Some(id)) => match kinds.get(&id) {
					Some(kind) => kind.clone(),
					None => {
						let kind = self
							.record(id)
							.await?
							.map(|record| String::from_utf8_lossy(&record.kind.0).into_owned());
						kinds.insert(id, kind.clone());
						kind
					},
				},
				_ => None,
			};
			if let Some(row) = disclosure(&placed.entry, patient, kind) {
				rows.push((row, placed));
			}
		}
		Ok(rows)
	}

	/// `patient`'s accounting of disclosures in `period` as a FHIR R4 `Bundle` of the
	/// `AuditEvent`s that logged them.
	pub async fn fhir_disclosures(
		&self,
		patient: &AccountId,
		period: Period,
	) -> Result<Value, Error> {
		let rows = self.disclosures(patient, period).await?;
		let genesis = self.block_hash(0).await?;
		let clock = self.block_clock().await?;
		Ok(bundle(
			rows.iter().map(|(_, placed)| audit_event(placed, &genesis)).collect(),
			clock.time,
		))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::chain::runtime_types::bounded_collections::bounded_vec::BoundedVec;

	fn account(seed: u8) -> AccountId {
		AccountId::from([seed; 32])
	}

	fn entry(index: u64, actor: u8, action: AuditAction, record: Option<RecordId>) -> Entry {
		Entry {
			index,
			actor: Some(account(actor)),
			action,
			subject: None,
			patient: Some(account(1)),
			submission: None,
			record,
			block: 40 + index as u32,
			timestamp: 1_795_000_000_000 + index * 6_000,
		}
	}

	#[test]
	fn purposes_read_and_write_their_hl7_codes() {
		for purpose in PurposeOfUse::ALL {
			assert_eq!(PurposeOfUse::parse(purpose.code()).unwrap(), purpose);
		}
		assert_eq!(PurposeOfUse::parse("etreat").unwrap(), PurposeOfUse::EmergencyTreatment);
		let message = PurposeOfUse::parse("CARE").unwrap_err().to_string();
		assert!(message.contains("CARE") && message.contains("TREAT, ETREAT"), "{message}");
	}

	#[test]
	fn dates_are_whole_utc_days() {
		assert_eq!(instant(0), "1970-01-01T00:00:00.000Z");
		assert_eq!(parse_date("1970-01-02").unwrap(), DAY_MS);
		assert!(parse_date("02/01/1970").is_err());
		let period = Period::days(Some("1970-01-02"), Some("1970-01-02")).unwrap();
		assert!(!period.contains(DAY_MS - 1));
		assert!(period.contains(DAY_MS) && period.contains(2 * DAY_MS - 1));
		assert!(!period.contains(2 * DAY_MS));
		assert!(Period::days(Some("1970-01-03"), Some("1970-01-02")).is_err());
		assert!(Period::default().contains(0));
	}

	#[test]
	fn only_views_and_releases_to_others_are_disclosures() {
		let patient = account(1);
		let released =
			AuditAction::Released { basis: AccessBasis::Grant, purpose: PurposeOfUse::Treatment };
		let row = disclosure(
			&entry(3, 2, released.clone(), Some(7)),
			&patient,
			Some("Observation".into()),
		)
		.unwrap();
		assert_eq!(row.recipient, account(2).to_string());
		assert_eq!(row.what, "record 7 (Observation)");
		assert_eq!((row.purpose.as_str(), row.basis.as_str()), ("TREAT", "Grant"));
		assert_eq!((row.block, row.entry, row.record), (43, 3, Some(7)));
		assert_eq!(row.date, instant(1_795_000_018_000));
		let viewed = AuditAction::Viewed {
			basis: AccessBasis::Emergency,
			purpose: PurposeOfUse::EmergencyTreatment,
		};
		let row = disclosure(&entry(4, 2, viewed, None), &patient, None).unwrap();
		assert_eq!(
			(row.what.as_str(), row.purpose.as_str()),
			("the history (the list of records)", "ETREAT")
		);
		assert!(
			disclosure(&entry(5, 1, released, Some(7)), &patient, None).is_none(),
			"the patient's own"
		);
		let refused = AuditAction::AccessDenied {
			purpose: PurposeOfUse::Research,
			refusal: Refusal::PurposeNotGranted,
		};
		assert!(disclosure(&entry(6, 2, refused, Some(7)), &patient, None).is_none());
	}

	#[test]
	fn disclosures_write_as_csv_with_a_header() {
		let viewed =
			AuditAction::Viewed { basis: AccessBasis::Grant, purpose: PurposeOfUse::Payment };
		let row = disclosure(&entry(4, 2, viewed, None), &account(1), None).unwrap();
		let csv = disclosures_csv(&[row.clone(), row.clone()]);
		let lines: Vec<_> = csv.lines().collect();
		assert_eq!(lines[0], "date,recipient,what,record,kind,purpose,basis,block,entry");
		assert_eq!(lines.len(), 3);
		assert!(
			lines[1].ends_with(",the history (the list of records),,,HPAYMT,Grant,44,4"),
			"{}",
			lines[1]
		);
		let value = serde_json::to_value(&row).unwrap();
		let mut names: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
		let mut fields = DISCLOSURE_FIELDS.map(str::to_owned).to_vec();
		names.sort();
		fields.sort();
		assert_eq!(names, fields, "the header names every field");
		assert_eq!(disclosures_csv(&[]).trim_end(), lines[0], "no rows: the header alone");
	}

	#[test]
	fn a_refusal_is_a_failed_audit_event_with_its_chain_position() {
		let refused = AuditAction::AccessDenied {
			purpose: PurposeOfUse::Research,
			refusal: Refusal::KindNotGranted,
		};
		let placed =
			PlacedEntry { entry: entry(6, 2, refused, Some(7)), block_hash: Hash::repeat_byte(9) };
		let event = audit_event(&placed, &Hash::zero());
		assert_eq!(event["outcome"], "4");
		assert_eq!(event["outcomeDesc"], "refused: no running grant covers the record's kind");
		assert_eq!(event["action"], "R");
		assert_eq!(event["subtype"][0]["code"], "AccessDenied");
		assert_eq!(event["purposeOfEvent"][0]["coding"][0]["code"], "HRESCH");
		let position = &event["entity"][2]["detail"];
		assert_eq!(position[0]["valueString"], "46");
		assert_eq!(position[1]["valueString"], format!("{:?}", Hash::repeat_byte(9)));
		assert_eq!(position[2]["valueString"], "6");
	}

	#[test]
	fn a_revoked_grant_is_an_inactive_consent_ending_when_revoked() {
		let grant = Grant {
			granted_at: 10,
			until: Some(100),
			kinds: BoundedVec(vec![BoundedVec(b"Observation".to_vec())]),
			purposes: BoundedVec(vec![PurposeOfUse::Treatment]),
			revoked_at: Some(20),
		};
		let clock = BlockClock { number: 30, time: 300_000, slot: 6_000 };
		let consent = consent(0, &account(1), &account(2), &grant, &clock);
		assert_eq!(consent["status"], "inactive");
		assert_eq!(consent["provision"]["period"]["start"], instant(300_000 - 20 * 6_000));
		assert_eq!(consent["provision"]["period"]["end"], instant(300_000 - 10 * 6_000));
		assert_eq!(consent["provision"]["class"][0]["code"], "Observation");
		assert_eq!(consent["provision"]["purpose"][0]["code"], "TREAT");
		let running = Grant { revoked_at: None, kinds: BoundedVec(vec![]), ..grant };
		let consent = super::consent(1, &account(1), &account(2), &running, &clock);
		assert_eq!(consent["status"], "active");
		assert!(consent["provision"].get("class").is_none(), "every kind");
	}
}

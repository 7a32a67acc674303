//! What the command line prints: aligned tables for people, JSON with `--json`.

use comfy_table::{presets::UTF8_HORIZONTAL_ONLY, Table, TableComponent};
use medchain_client::{
	AccountId, AuditReport, Candidate, Entry, Grant, Member, Outcome, Record, RecordProof,
	StakeLedger, Submission, MED,
};
use serde_json::{json, Value};

/// Prints results as tables or JSON.
pub struct Output {
	/// JSON instead of tables.
	pub json: bool,
}

/// An amount of MED, with its decimals.
pub fn med(amount: u128) -> String {
	let fraction = format!("{:012}", amount % MED);
	let fraction = fraction.trim_end_matches('0');
	if fraction.is_empty() {
		format!("{} MED", amount / MED)
	} else {
		format!("{}.{fraction} MED", amount / MED)
	}
}

/// Bytes as text when they are UTF-8, as hex otherwise.
fn text(bytes: &[u8]) -> String {
	match std::str::from_utf8(bytes) {
		Ok(text) => text.to_owned(),
		Err(_) => format!("0x{}", hex::encode(bytes)),
	}
}

fn hex32(bytes: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn opt<T: ToString>(value: Option<T>) -> String {
	value.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
	let mut table = Table::new();
	table
		.load_preset(UTF8_HORIZONTAL_ONLY)
		.remove_style(TableComponent::HorizontalLines)
		.remove_style(TableComponent::MiddleIntersections)
		.set_header(header.to_vec());
	for row in rows {
		table.add_row(row);
	}
	table.to_string()
}

fn record_json(record: &Record) -> Value {
	json!({
		"id": record.id,
		"patient": record.patient.to_string(),
		"author": record.author.to_string(),
		"kind": text(&record.kind.0),
		"content_hash": hex32(&record.content_hash),
		"payload": text(&record.payload.0),
		"supersedes": record.supersedes,
		"version": record.version,
		"block": record.block,
		"timestamp": record.timestamp,
	})
}

fn print_json(value: Value) {
	println!("{value}");
}

impl Output {
	/// A call's result: what it did and the block that holds it.
	pub fn outcome(&self, message: &str, outcome: &Outcome) {
		self.outcome_with(message, outcome, json!({}));
	}

	/// A call that created something numbered: a submission or a record.
	pub fn created(&self, what: &str, id: u64, message: &str, outcome: &Outcome) {
		self.outcome_with(message, outcome, json!({ what: id }));
	}

	fn outcome_with(&self, message: &str, outcome: &Outcome, mut extra: Value) {
		if self.json {
			extra["message"] = json!(message);
			extra["block"] = json!(outcome.block_number);
			extra["block_hash"] = json!(format!("{:?}", outcome.block_hash));
			extra["events"] = json!(outcome.event_names);
			print_json(extra);
		} else {
			println!("{message} (block {} {:?})", outcome.block_number, outcome.block_hash);
		}
	}

	/// A registered member.
	pub fn member(&self, who: &AccountId, member: &Member) {
		let key = member.encryption_key.as_ref().map(hex32);
		if self.json {
			return print_json(json!({
				"account": who.to_string(),
				"role": format!("{:?}", member.role),
				"status": format!("{:?}", member.status),
				"encryption_key": key,
				"metadata": text(&member.metadata.0),
				"licence": text(&member.licence.0),
				"registered_at": member.registered_at,
			}));
		}
		let rows = vec![
			vec!["account".into(), who.to_string()],
			vec!["role".into(), format!("{:?}", member.role)],
			vec!["status".into(), format!("{:?}", member.status)],
			vec!["encryption key".into(), opt(key)],
			vec!["licence".into(), text(&member.licence.0)],
			vec!["registered at".into(), member.registered_at.to_string()],
		];
		println!("{}", table(&["field", "value"], rows));
	}

	/// An account's stake.
	pub fn ledger(&self, who: &AccountId, ledger: Option<&StakeLedger>) {
		let active = ledger.map_or(0, |l| l.active);
		let unlocking: Vec<(u128, u32)> = ledger
			.map(|l| l.unlocking.0.iter().map(|c| (c.value, c.unlock_at)).collect())
			.unwrap_or_default();
		if self.json {
			let unlocking: Vec<Value> = unlocking
				.iter()
				.map(|(value, at)| json!({ "value": value.to_string(), "unlock_at": at }))
				.collect();
			return print_json(json!({
				"account": who.to_string(),
				"active": active.to_string(),
				"unlocking": unlocking,
			}));
		}
		let mut rows = vec![vec!["bonded".into(), med(active), "-".into()]];
		rows.extend(
			unlocking
				.iter()
				.map(|(value, at)| vec!["unbonding".into(), med(*value), at.to_string()]),
		);
		println!("{}", table(&["stake", "amount", "unlocks at block"], rows));
	}

	/// The delegate candidates, marking the current delegates.
	pub fn candidates(&self, candidates: &[(AccountId, Candidate, bool)], delegates: &[AccountId]) {
		let mut sorted: Vec<_> = candidates.iter().collect();
		sorted.sort_by(|a, b| b.1.backing.cmp(&a.1.backing).then(a.1.index.cmp(&b.1.index)));
		if self.json {
			let list: Vec<Value> = sorted
				.iter()
				.map(|(who, c, keys)| {
					json!({
						"account": who.to_string(),
						"index": c.index,
						"backing": c.backing.to_string(),
						"bond": c.bond.to_string(),
						"session_keys": keys,
						"delegate": delegates.contains(who),
					})
				})
				.collect();
			return print_json(json!(list));
		}
		let rows = sorted
			.iter()
			.map(|(who, c, keys)| {
				vec![
					c.index.to_string(),
					who.to_string(),
					med(c.backing),
					if *keys { "yes" } else { "no" }.into(),
					if delegates.contains(who) { "yes" } else { "no" }.into(),
				]
			})
			.collect();
		println!("{}", table(&["#", "candidate", "backing", "keys", "delegate"], rows));
	}

	/// The current delegates.
	pub fn delegates(&self, session: u32, delegates: &[AccountId]) {
		if self.json {
			let list: Vec<String> = delegates.iter().map(ToString::to_string).collect();
			return print_json(json!({ "session": session, "delegates": list }));
		}
		let rows = delegates.iter().map(|d| vec![d.to_string()]).collect();
		println!("{}", table(&[&format!("delegates of session {session}")], rows));
	}

	/// A patient's grants.
	pub fn grants(&self, grants: &[(AccountId, Grant<u32>)]) {
		if self.json {
			let list: Vec<Value> = grants
				.iter()
				.map(|(doctor, g)| {
					json!({ "doctor": doctor.to_string(), "granted_at": g.granted_at, "until": g.until })
				})
				.collect();
			return print_json(json!(list));
		}
		let rows = grants
			.iter()
			.map(|(doctor, g)| vec![doctor.to_string(), g.granted_at.to_string(), opt(g.until)])
			.collect();
		println!("{}", table(&["doctor", "granted at", "until"], rows));
	}

	/// A patient's consent pool.
	pub fn pending(&self, pending: &[(u64, Submission)]) {
		if self.json {
			let list: Vec<Value> = pending
				.iter()
				.map(|(id, s)| {
					json!({
						"id": id,
						"patient": s.patient.to_string(),
						"doctor": s.doctor.to_string(),
						"kind": text(&s.kind.0),
						"content_hash": hex32(&s.content_hash),
						"payload": text(&s.payload.0),
						"supersedes": s.supersedes,
						"deposit": s.deposit.to_string(),
						"submitted_at": s.submitted_at,
						"expires_at": s.expires_at,
					})
				})
				.collect();
			return print_json(json!(list));
		}
		let rows = pending
			.iter()
			.map(|(id, s)| {
				vec![
					id.to_string(),
					s.doctor.to_string(),
					text(&s.kind.0),
					opt(s.supersedes),
					s.expires_at.to_string(),
				]
			})
			.collect();
		println!("{}", table(&["submission", "doctor", "kind", "amends", "expires at"], rows));
	}

	/// A page of a patient's history.
	pub fn records(&self, total: u32, records: &[Record]) {
		if self.json {
			let list: Vec<Value> = records.iter().map(record_json).collect();
			return print_json(json!({ "total": total, "records": list }));
		}
		let rows = records
			.iter()
			.map(|r| {
				vec![
					r.id.to_string(),
					text(&r.kind.0),
					r.version.to_string(),
					opt(r.supersedes),
					r.author.to_string(),
					r.block.to_string(),
				]
			})
			.collect();
		println!("{}", table(&["record", "kind", "version", "amends", "author", "block"], rows));
		println!("{} of {total} records", records.len());
	}

	/// One record.
	pub fn record(&self, record: &Record) {
		if self.json {
			return print_json(record_json(record));
		}
		let rows = vec![
			vec!["record".into(), record.id.to_string()],
			vec!["patient".into(), record.patient.to_string()],
			vec!["author".into(), record.author.to_string()],
			vec!["kind".into(), text(&record.kind.0)],
			vec!["version".into(), record.version.to_string()],
			vec!["amends".into(), opt(record.supersedes)],
			vec!["content hash".into(), hex32(&record.content_hash)],
			vec!["payload".into(), text(&record.payload.0)],
			vec!["approved in block".into(), record.block.to_string()],
		];
		println!("{}", table(&["field", "value"], rows));
	}

	/// A verified proof of a record.
	pub fn proof(&self, proof: &RecordProof, record: &Record) {
		if self.json {
			return print_json(json!({
				"verified": true,
				"record": record_json(record),
				"block": proof.block_number,
				"block_hash": format!("{:?}", proof.block_hash),
				"state_root": format!("{:?}", proof.state_root),
				"proof_nodes": proof.nodes.len(),
			}));
		}
		println!(
			"record {} is in the state of finalized block {} ({:?})\nstate root {:?}, verified locally through {} trie nodes",
			record.id,
			proof.block_number,
			proof.block_hash,
			proof.state_root,
			proof.nodes.len()
		);
	}

	/// Access-log entries.
	pub fn entries(&self, entries: &[Entry]) {
		if self.json {
			let list: Vec<Value> = entries
				.iter()
				.map(|e| {
					json!({
						"index": e.index,
						"actor": e.actor.as_ref().map(ToString::to_string),
						"action": format!("{:?}", e.action),
						"subject": e.subject.as_ref().map(ToString::to_string),
						"patient": e.patient.as_ref().map(ToString::to_string),
						"submission": e.submission,
						"record": e.record,
						"block": e.block,
						"timestamp": e.timestamp,
					})
				})
				.collect();
			return print_json(json!(list));
		}
		let rows = entries
			.iter()
			.map(|e| {
				vec![
					e.index.to_string(),
					e.block.to_string(),
					e.actor.as_ref().map_or_else(|| "root".into(), ToString::to_string),
					format!("{:?}", e.action),
					opt(e.patient.as_ref()),
					opt(e.record),
				]
			})
			.collect();
		println!("{}", table(&["entry", "block", "actor", "action", "patient", "record"], rows));
	}

	/// A verified access log.
	pub fn audit_report(&self, report: &AuditReport) {
		if self.json {
			return print_json(json!({
				"verified": true,
				"entries": report.entries,
				"head": format!("{:?}", report.head),
				"block": report.block_number,
				"block_hash": format!("{:?}", report.block_hash),
			}));
		}
		println!(
			"access log verified: {} entries hash to head {:?}, as stored at finalized block {}",
			report.entries, report.head, report.block_number
		);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_print_in_med() {
		assert_eq!(med(1000 * MED), "1000 MED");
		assert_eq!(med(MED + MED / 4), "1.25 MED");
		assert_eq!(med(1), "0.000000000001 MED");
	}

	#[test]
	fn bytes_print_as_text_or_hex() {
		assert_eq!(text(b"Observation"), "Observation");
		assert_eq!(text(&[0xff, 0x00]), "0xff00");
	}
}

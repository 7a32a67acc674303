//! Every pallet's invariants (`try_state`) on the state of a live chain: the state a dev node
//! reached in the end-to-end record custody test (registrations, records, vault releases,
//! grants, emergency access, elections), exported over RPC. `scripts/test.sh` runs this after
//! the end-to-end tests, with `$MEDCHAIN_LIVE_STATE` naming the export.

use std::collections::BTreeMap;

use medchain_runtime::{Audit, Consent, Dpos, Records, Registry, Runtime};
use sp_core::{bytes::from_hex, storage::Storage};

#[test]
fn a_live_chains_state_keeps_every_invariant() {
	let path = std::env::var("MEDCHAIN_LIVE_STATE")
		.expect("$MEDCHAIN_LIVE_STATE names the state the end-to-end tests exported");
	let text = std::fs::read(&path).unwrap_or_else(|e| panic!("{path} is readable: {e}"));
	let pairs: BTreeMap<String, String> = serde_json::from_slice(&text).expect("a JSON object");
	let hex = |text: &str| from_hex(text).expect("hex");
	let top = pairs.iter().map(|(key, value)| (hex(key), hex(value))).collect();
	let mut ext = sp_io::TestExternalities::new(Storage { top, ..Default::default() });
	ext.execute_with(|| {
		assert!(
			pallet_records::Records::<Runtime>::iter().count() > 0,
			"the exported state holds records"
		);
		assert!(pallet_audit::Head::<Runtime>::get().count > 10, "and a used access log");
		Registry::do_try_state().expect("registry invariants");
		Consent::do_try_state().expect("consent invariants");
		Records::do_try_state().expect("records invariants");
		Audit::do_try_state().expect("audit invariants");
		Dpos::do_try_state().expect("dpos invariants");
	});

	// The check has teeth: the same state with one record's amendment link cut fails.
	let mut ext = sp_io::TestExternalities::new(Storage {
		top: pairs.iter().map(|(key, value)| (hex(key), hex(value))).collect(),
		..Default::default()
	});
	ext.execute_with(|| {
		let (_, length) =
			pallet_records::HistoryLength::<Runtime>::iter().next().expect("a history");
		let patient =
			pallet_records::HistoryLength::<Runtime>::iter_keys().next().expect("a patient");
		pallet_records::HistoryLength::<Runtime>::insert(&patient, length + 1);
		assert!(Records::do_try_state().is_err(), "a history index pointing nowhere is caught");
	});
}

//! The portal in a real headless Chromium: a dev node and a vault serving the built portal,
//! and the browser tests of `portal/tests/` against them (Node.js with playwright-core and
//! axe-core, the distribution's Chromium). `scripts/test.sh` builds the portal first.

use std::process::Command;

use medchain_e2e::{cli_binary, dies_with_parent, repository, Node, Vault};

#[test]
fn a_patient_walks_the_pipeline_in_the_portal() {
	let portal = repository().join("portal");
	let dist = portal.join("dist");
	assert!(
		dist.join("index.html").is_file(),
		"the portal is not built: run scripts/test.sh, or `node portal/build.mjs`"
	);
	// The screenshots go where $MEDCHAIN_SCREENSHOTS says (the README's come from
	// `portal/screenshots`), else to a directory removed afterwards.
	let scratch = tempfile::tempdir().unwrap();
	let screenshots = std::env::var_os("MEDCHAIN_SCREENSHOTS")
		.map_or_else(|| scratch.path().to_owned(), std::path::PathBuf::from);
	let node = Node::dev("portal");
	// A 1 MiB limit, so that the doctor's page refuses a file just over it.
	let vault = Vault::start(
		&node,
		"//Alice//vault",
		&["--portal", dist.to_str().unwrap(), "--max-upload-mib", "1"],
	);
	let output = dies_with_parent(Command::new("node"))
		.current_dir(&portal)
		.args(["--test", "--test-concurrency=1", "tests/portal.test.mjs"])
		.env("PORTAL_URL", vault.url())
		.env("NODE_URL", node.ws_url())
		.env("VAULT_URL", vault.url())
		.env("MEDCHAIN_CLI", cli_binary())
		.env("SCREENSHOTS", &screenshots)
		.output()
		.expect("node runs the portal's browser tests");
	let stdout = String::from_utf8_lossy(&output.stdout);
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(output.status.success(), "the portal's browser tests failed:\n{stdout}\n{stderr}");
	assert!(stdout.contains("# fail 0"), "{stdout}");
	assert!(!stdout.contains("# pass 0"), "the browser tests ran: {stdout}");
	for page in [
		"register",
		"consent-pool",
		"record-open",
		"emergency-alert",
		"scoped-grant",
		"doctor",
		"admin",
		"delegates",
	] {
		let shot = screenshots.join(format!("{page}.png"));
		let bytes = std::fs::read(&shot).unwrap_or_else(|e| panic!("{}: {e}", shot.display()));
		assert!(bytes.starts_with(b"\x89PNG"), "{} is a PNG", shot.display());
	}
}

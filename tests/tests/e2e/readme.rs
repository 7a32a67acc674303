//! The README as a newcomer reads it: its walkthrough runs as written against a development
//! chain, none of its commands builds outside the shared build directory, every environment
//! variable the scripts read is documented, and the toolchain it builds with is pinned.

use std::{collections::BTreeSet, process::Command};

use medchain_e2e::{cli_binary, repository, Node, Vault};

fn read(path: &str) -> String {
	let path = repository().join(path);
	std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()))
}

/// The lines of the README's `sh` code blocks, each block with the line before its fence.
fn shell_blocks(readme: &str) -> Vec<(String, Vec<String>)> {
	let mut blocks = Vec::new();
	let mut lines = readme.lines().peekable();
	let mut previous = "";
	while let Some(line) = lines.next() {
		if line.trim() == "```sh" {
			let body = lines.by_ref().take_while(|l| l.trim() != "```").map(str::to_owned);
			blocks.push((previous.to_owned(), body.collect()));
		}
		previous = line;
	}
	blocks
}

/// The exit code a walkthrough line promises: `# refused (exit N)`, or else 0.
fn promised_exit(line: &str) -> i32 {
	line.split_once("(exit ")
		.and_then(|(_, rest)| rest.split_once(')'))
		.map(|(code, _)| code.parse().expect("an exit code is a number"))
		.unwrap_or(0)
}

#[test]
fn the_walkthrough_runs_as_written() {
	let readme = read("README.md");
	let (_, walkthrough) = shell_blocks(&readme)
		.into_iter()
		.find(|(before, _)| before.starts_with("<!-- walkthrough"))
		.expect("the README marks its walkthrough");
	assert!(walkthrough.len() >= 10, "the walkthrough has its commands: {walkthrough:?}");

	let node = Node::dev("readme");
	let vault = Vault::start(&node, "//Alice//vault", &[]);
	// `medchain` on the PATH, as the README's `export PATH=...` puts it there; files the
	// walkthrough writes go to a directory of their own.
	let bin = tempfile::tempdir().unwrap();
	let work = tempfile::tempdir().unwrap();
	std::os::unix::fs::symlink(cli_binary(), bin.path().join("medchain")).unwrap();
	let path = format!("{}:{}", bin.path().display(), std::env::var("PATH").unwrap_or_default());
	for line in walkthrough.iter().filter(|l| !l.trim().is_empty()) {
		let output = Command::new("bash")
			.args(["-c", line])
			.env("PATH", &path)
			.current_dir(work.path())
			.env("MEDCHAIN_URL", node.ws_url())
			.env("MEDCHAIN_VAULT", vault.url())
			.env_remove("MEDCHAIN_SURI")
			.output()
			.expect("bash runs");
		let expected = promised_exit(line);
		assert_eq!(
			output.status.code(),
			Some(expected),
			"`{line}` exits with {expected}; it printed:\n{}{}",
			String::from_utf8_lossy(&output.stdout),
			String::from_utf8_lossy(&output.stderr)
		);
	}
	// What the walkthrough did is on chain: Charlie's release, the doctor's refusal and the
	// granted release, in order; the stranger's request never reached the chain.
	let log = Command::new(cli_binary())
		.args(["--url", &node.ws_url(), "--json", "audit", "log", "--patient", "//Charlie"])
		.output()
		.unwrap();
	let log: serde_json::Value = serde_json::from_slice(&log.stdout).unwrap();
	let actions: Vec<&str> =
		log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
	let releases: Vec<&str> = actions
		.into_iter()
		.filter(|a| a.starts_with("Released") || a.starts_with("AccessDenied"))
		.collect();
	assert_eq!(
		releases,
		["Released(Patient, PATRQT)", "AccessDenied(TREAT, NoAccess)", "Released(Grant, TREAT)"]
	);
}

/// No command in the README runs cargo directly: `scripts/cargo.sh` runs it with the build
/// directory every script shares.
#[test]
fn readme_commands_build_in_the_shared_directory() {
	let readme = read("README.md");
	let bare: Vec<String> = shell_blocks(&readme)
		.into_iter()
		.flat_map(|(_, lines)| lines)
		.filter(|line| line.split_whitespace().any(|word| word == "cargo"))
		.collect();
	assert!(bare.is_empty(), "README commands that build in ./target: {bare:?}");
	assert!(readme.contains("scripts/cargo.sh build --release -p medchain-node"));
}

/// `rust-toolchain.toml` names an exact release, so that a new release's lints do not reach
/// `scripts/test.sh` (which denies warnings) unasked.
#[test]
fn the_toolchain_is_pinned() {
	let toolchain = read("rust-toolchain.toml");
	let channel = toolchain
		.lines()
		.find_map(|l| l.trim().strip_prefix("channel = "))
		.expect("rust-toolchain.toml names a channel")
		.trim_matches('"');
	let parts: Vec<&str> = channel.split('.').collect();
	assert!(
		parts.len() == 3 && parts.iter().all(|p| p.parse::<u32>().is_ok()),
		"the channel {channel} is an exact release such as 1.95.0"
	);
}

/// The environment variables a shell script reads: those it uses but never sets, and those it
/// gives a default (`${NAME:-default}`).
fn variables_read(script: &str) -> BTreeSet<String> {
	let name = |text: &str| -> String {
		if !text.starts_with(|c: char| c.is_ascii_uppercase()) {
			return String::new();
		}
		text.chars()
			.take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
			.collect()
	};
	let mut set = BTreeSet::new();
	let mut used = BTreeSet::new();
	let mut defaulted = BTreeSet::new();
	for line in script.lines() {
		let code = line.trim_start().trim_start_matches("export ").trim_start_matches("local ");
		let assigned = name(code);
		if !assigned.is_empty() && code[assigned.len()..].starts_with('=') {
			set.insert(assigned);
		}
		for (at, _) in line.match_indices('$') {
			let rest = &line[at + 1..];
			let braced = rest.strip_prefix('{');
			let used_name = name(braced.unwrap_or(rest));
			if used_name.is_empty() {
				continue;
			}
			if braced.is_some_and(|b| b[used_name.len()..].starts_with(":-")) {
				defaulted.insert(used_name.clone());
			}
			used.insert(used_name);
		}
	}
	let from_outside = used.into_iter().filter(|n| !set.contains(n));
	from_outside.chain(defaulted).collect()
}

#[test]
fn every_variable_the_scripts_read_is_documented() {
	let readme = read("README.md");
	let shell = ["HOME", "PATH", "BASH_SOURCE", "PIPESTATUS", "SECONDS"];
	// The scripts source `lib.sh`: what one sets, the others may use.
	let scripts: String = std::fs::read_dir(repository().join("scripts"))
		.unwrap()
		.map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
		.collect();
	let undocumented: Vec<String> = variables_read(&scripts)
		.into_iter()
		.filter(|v| !shell.contains(&v.as_str()) && !readme.contains(&format!("`{v}`")))
		.collect();
	assert!(undocumented.is_empty(), "read by the scripts, not in the README: {undocumented:?}");
	let sample = "x=\"${CARGO_TARGET_DIR:-/t}\"\ny=$x $1\nz=\"$OUTSIDE\"\nSET=1\necho $SET\n";
	assert_eq!(
		variables_read(sample),
		BTreeSet::from(["CARGO_TARGET_DIR".into(), "OUTSIDE".into()])
	);
}

/// `scripts/setup.sh` installs the tools the scripts call that a fresh machine may lack.
#[test]
fn setup_installs_what_the_scripts_call() {
	let setup = read("scripts/setup.sh");
	let network = read("scripts/local-network.sh");
	assert!(network.contains("curl "), "local-network.sh asks its nodes over HTTP with curl");
	assert!(setup.contains("command -v curl"), "setup.sh installs curl where it is missing");
}

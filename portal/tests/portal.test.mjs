// The portal in a real headless Chromium against a real dev node and vault (started by the
// end-to-end test `tests/tests/e2e/portal.rs`, which sets the variables below). A doctor's part
// is played with the `medchain` CLI, as a hospital's system would; the patient's in the page.
//
//   PORTAL_URL       the portal, served by the vault
//   NODE_URL         the node's WebSocket URL
//   MEDCHAIN_CLI     the medchain binary
//   VAULT_URL        the vault's URL, for the CLI's uploads
//   SCREENSHOTS      where the main pages' screenshots go (optional)
//   CHROMIUM         the browser (default /usr/bin/chromium)

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through tests/tests/e2e/portal.rs`);
  return value;
};
const PORTAL = env("PORTAL_URL");
const NODE = env("NODE_URL");
const CLI = env("MEDCHAIN_CLI");
const VAULT = env("VAULT_URL");
const SHOTS = process.env.SCREENSHOTS;
const TIMEOUT = 60_000;

const EVE = "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw";
const BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const CHARLIE = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
const DAVE = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

const work = mkdtempSync(join(tmpdir(), "medchain-portal-"));
let browser;
let page;

/** Runs the CLI as `suri`; resolves with its exit code and JSON output. */
function cli(suri, ...args) {
  return new Promise((resolve) => {
    execFile(
      CLI,
      ["--json", ...args],
      {
        env: { ...process.env, MEDCHAIN_URL: NODE, MEDCHAIN_SURI: suri, MEDCHAIN_VAULT: VAULT },
        timeout: TIMEOUT,
      },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

/** Runs the CLI as `suri`, which must succeed; resolves with its JSON output. */
async function medchain(suri, ...args) {
  const { code, stdout, stderr } = await cli(suri, ...args);
  assert.equal(code, 0, `medchain ${args.join(" ")} failed: ${stderr}`);
  return stdout.trim() === "" ? {} : JSON.parse(stdout);
}

/** The page's violations axe-core rates serious or critical. */
async function accessibilityProblems() {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(() => globalThis.axe.run());
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(", ")}`);
}

async function screenshot(name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The portal as Eve, a development account: the account is in the URL, so that a reload
 * keeps it; the menu shows it. */
async function signIn() {
  await page.goto(`${PORTAL}/?node=${encodeURIComponent(NODE)}&account=${EVE}`);
  const menu = page.getByLabel("Signed in as");
  await menu.locator("option", { hasText: "Eve (development account)" }).waitFor({ state: "attached" });
  assert.equal(await menu.inputValue(), EVE);
}

/** Waits until the progress line says the action was finalized. */
async function finalized(what) {
  await page.getByRole("status").filter({ hasText: `${what}: finalized in block` }).waitFor({ timeout: TIMEOUT });
}

/** Reloads until `locator` shows: the page reads finalized state, which a CLI call has just
 * reached; each load connects afresh, so each gets a few seconds. */
async function eventually(locator) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    try {
      await locator.waitFor({ timeout: 8_000 });
      return;
    } catch {
      if (Date.now() > deadline) {
        await screenshot("failure");
        const shown = await page.locator("body").innerText();
        throw new Error(`never shown: ${locator}; the page shows:\n${shown}`);
      }
    }
    await page.reload();
  }
}

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.setDefaultTimeout(TIMEOUT);
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

test("a new patient registers, consents, opens a record and sees who looked", async () => {
  await signIn();
  await page.getByText("This account is not registered yet.").waitFor();
  assert.deepEqual(await accessibilityProblems(), []);
  await screenshot("register");
  await page.getByLabel(/A note for your hospital/).fill("registered at the front desk");
  await page.getByRole("button", { name: "Register as a patient" }).click();
  await finalized("Registration");
  await page.getByText(/Registered patient \(active\)/).waitFor();

  // Bob, a doctor, puts two documents for Eve through the vault.
  const observation =
    '{"resourceType":"Observation","code":{"text":"HbA1c"},"valueQuantity":{"value":48,"unit":"mmol/mol"}}';
  writeFileSync(join(work, "hba1c.json"), observation);
  writeFileSync(join(work, "note.txt"), "a note filed for the wrong patient");
  const kept = await medchain("//Bob", "record", "put", join(work, "hba1c.json"), "--patient", EVE, "--kind", "Observation");
  const discarded = await medchain("//Bob", "record", "put", join(work, "note.txt"), "--patient", EVE, "--kind", "DocumentReference");
  await eventually(page.getByRole("heading", { name: "Waiting for your consent (2)" }));
  const pool = page.getByRole("table").filter({ hasText: "Records doctors submitted" });
  assert.match(await pool.innerText(), /Observation/);
  assert.match(await pool.innerText(), /DocumentReference/);
  assert.deepEqual(await accessibilityProblems(), []);
  await screenshot("consent-pool");

  await page.getByRole("button", { name: `Approve submission ${kept.submission}` }).click();
  await finalized(`Approving submission ${kept.submission}`);
  await page.getByRole("button", { name: `Deny submission ${discarded.submission}` }).click();
  await finalized(`Denying submission ${discarded.submission}`);
  await page.getByText("Nothing is waiting for your consent.").waitFor();
  await page.getByRole("heading", { name: "Your records (1)" }).waitFor();
  const history = page.getByRole("table").filter({ hasText: "Your tamper-proof history" });
  assert.match(await history.innerText(), /Observation\s+v1/);
  assert.doesNotMatch(await history.innerText(), /DocumentReference/);

  // The record opens in the page: the vault releases it sealed to Eve's key.
  const recordId = (await history.locator("tbody tr td").first().innerText()).trim();
  await page.getByRole("button", { name: `Open record ${recordId}` }).click();
  const content = page.getByLabel(`Content of record ${recordId}`);
  await content.waitFor();
  assert.equal(await content.innerText(), observation);
  await screenshot("record-open");

  // Charlie, a patient with no right to Eve's records, tries to read her history.
  const attempt = await cli("//Charlie", "record", "view-history", EVE);
  assert.equal(attempt.code, 4, `the CLI reports the refusal: ${attempt.stderr}`);
  await page.reload();
  const log = page.getByRole("table").filter({ hasText: "Every entry about you on the access log" });
  await eventually(log.getByText("was refused your record history"));
  const refused = log.locator("tr", { hasText: "was refused your record history" });
  assert.match(await refused.innerText(), new RegExp(`${CHARLIE.slice(0, 6)}…${CHARLIE.slice(-6)}`));
  const released = log.locator("tr", { hasText: `received the content of record ${recordId}` });
  assert.match(await released.innerText(), /as patient/);
  // Newest first: the refusal came last.
  assert.match(await log.locator("tbody tr").first().innerText(), /was refused your record history/);
});

test("the grant form checks its input next to each field and sends nothing bad", async () => {
  await signIn();
  await page.getByRole("heading", { name: "Who may see your records" }).waitFor();
  const entries = async () => (await page.getByText(/in all\)/).innerText()).match(/\((\d+) in all\)/)[1];
  const before = await entries();

  await page.getByLabel("Doctor's account (SS58)").fill("not-an-address");
  await page.getByRole("button", { name: "Grant access" }).click();
  assert.match(await page.locator("#grant-doctor-error").innerText(), /not an SS58 address/);

  await page.getByLabel("Doctor's account (SS58)").fill(BOB);
  await page.getByLabel(/^Until/).fill("2020-01-01");
  await page.getByRole("button", { name: "Grant access" }).click();
  assert.match(await page.locator("#grant-until-error").innerText(), /the date has passed/);
  assert.equal(await page.locator("#grant-doctor-error").innerText(), "");
  assert.equal(await page.locator("#progress").innerText(), "");

  // A chain error shows the error's documentation, not a code: Charlie is no doctor.
  await page.getByLabel(/^Until/).fill("");
  await page.getByLabel("Doctor's account (SS58)").fill(CHARLIE);
  await page.getByRole("button", { name: "Grant access" }).click();
  const failure = page.getByRole("status").filter({ hasText: "Granting access failed" });
  await failure.waitFor({ timeout: TIMEOUT });
  assert.match(await failure.innerText(), /doctor/i);
  assert.match(await failure.innerText(), /NotActiveDoctor/);
  await page.reload();
  assert.equal(await entries(), before, "nothing was logged for refused input");
});

test("the patient grants and revokes, scopes a grant, downloads the accounting, and an emergency access raises the alert", async () => {
  await signIn();
  await page.getByRole("heading", { name: "Who may see your records" }).waitFor();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Doctor's account (SS58)").fill(BOB);
  await page.getByLabel(/^Until/).fill(tomorrow);
  await page.getByRole("button", { name: "Grant access" }).click();
  await finalized("Granting access");
  const access = page.getByRole("table").filter({ hasText: "Blocks come every" });
  await access.getByText("grant: every kind, for TREAT").waitFor();
  assert.match(await access.innerText(), new RegExp(`${BOB.slice(0, 6)}…${BOB.slice(-6)}`));
  await page.getByRole("button", { name: `Revoke access of ${BOB}` }).click();
  await finalized("Revoking access");
  // The revoked grant stays listed, inactive, with the block it ended in.
  await access.getByText(/^revoked at block \d+$/).waitFor();
  assert.match(await access.innerText(), /inactive/);

  // Dave, admitted as a doctor (CLI), gets a scoped grant: Observations for payment only. No
  // purpose is refused next to its field.
  const { encryption_key } = await medchain("//Dave", "key");
  await medchain("//Alice", "register", "doctor", DAVE, "--licence", "GMC-4", "--encryption-key", encryption_key);
  await page.getByLabel("Doctor's account (SS58)").fill(DAVE);
  await page.getByLabel(/^Kinds/).fill("Observation");
  await page.getByLabel(/^\s*TREAT \(/).uncheck();
  await page.getByRole("button", { name: "Grant access" }).click();
  assert.match(await page.locator("#grant-purposes-error").innerText(), /choose at least one purpose/);
  await page.getByLabel(/^\s*HPAYMT \(/).check();
  await page.getByRole("button", { name: "Grant access" }).click();
  await finalized("Granting access");
  await access.getByText("grant: Observation, for HPAYMT").waitFor();
  assert.deepEqual(await accessibilityProblems(), []);
  await screenshot("scoped-grant");
  // Dave (CLI) is refused the record for treatment, told what he lacks, and served for payment.
  const history = page.getByRole("table").filter({ hasText: "Your tamper-proof history" });
  const record = (await history.locator("tbody tr td").first().innerText()).trim();
  const treatment = await cli("//Dave", "record", "get", record, "--purpose", "TREAT");
  assert.equal(treatment.code, 4, treatment.stderr);
  assert.match(treatment.stderr, /for TREAT: no running grant covers the purpose/);
  await medchain("//Dave", "record", "get", record, "--purpose", "HPAYMT", "--out", join(work, "paid.json"));
  // The accounting of disclosures, downloaded from the page, holds that release once its block
  // is finalized.
  await page.reload();
  let rows = [];
  let paid = [];
  for (let attempt = 0; attempt < 30 && paid.length === 0; attempt += 1) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "disclosures.csv");
    rows = readFileSync(await download.path(), "utf8").trim().split("\n");
    assert.equal(rows[0], "date,recipient,what,record,kind,purpose,basis,block,entry");
    paid = rows.filter((row) => row.includes(DAVE) && row.includes(",HPAYMT,Grant,"));
    if (paid.length === 0) await page.waitForTimeout(1_000);
  }
  assert.equal(paid.length, 1, rows.join("\n"));
  assert.match(paid[0], new RegExp(`,record ${record} \\(Observation\\),${record},Observation,`));
  await page.getByRole("button", { name: `Revoke access of ${DAVE}` }).click();
  await finalized("Revoking access");

  await medchain("//Bob", "access", "emergency", EVE, "--reason", "unconscious");
  await eventually(page.getByRole("heading", { name: "Emergency access to your records since your last visit" }));
  const alert = page.getByRole("alert").filter({ hasText: "Emergency access" });
  assert.match(await alert.innerText(), /Unconscious/);
  assert.deepEqual(await accessibilityProblems(), []);
  await screenshot("emergency-alert");
  await page.getByRole("button", { name: "I have seen this" }).click();
  await page.reload();
  await page.getByRole("heading", { name: "Who saw my records" }).waitFor();
  assert.equal(await page.getByText("Emergency access to your records since your last visit").count(), 0);
  // The emergency access is a grant-like basis until it ends; the patient can end it.
  assert.match(await page.getByRole("table").filter({ hasText: "Blocks come every" }).innerText(), /emergency \(Unconscious\)/);
});

test("a doctor uploads in the portal, and each form refuses bad input next to its field", async () => {
  const BOB_PAGE = `${PORTAL}/?node=${encodeURIComponent(NODE)}&account=${BOB}`;
  await page.goto(BOB_PAGE);
  await page.getByRole("heading", { name: "Upload a document for a patient" }).waitFor();
  const waiting = page.getByRole("heading", { name: /Your submissions waiting for consent/ });
  const before = await waiting.innerText();

  await page.getByLabel("Patient's account (SS58)").first().fill("xyz");
  await page.getByLabel(/^Kind/).fill("");
  await page.getByRole("button", { name: "Upload and submit" }).click();
  assert.match(await page.locator("#upload-patient-error").innerText(), /not an SS58 address/);
  assert.match(await page.locator("#upload-kind-error").innerText(), /enter the kind of record/);
  assert.match(await page.locator("#upload-file-error").innerText(), /choose the document/);

  // One byte over the vault's limit (the test's vault takes 1 MiB).
  await page.getByLabel("Patient's account (SS58)").first().fill(EVE);
  await page.getByLabel(/^Kind/).fill("Observation");
  await page.getByLabel("Document", { exact: true }).setInputFiles({
    name: "scan.bin",
    mimeType: "application/octet-stream",
    buffer: Buffer.alloc(1024 * 1024 + 1, 7),
  });
  await page.getByRole("button", { name: "Upload and submit" }).click();
  assert.match(await page.locator("#upload-file-error").innerText(), /over this vault's limit of 1048576 bytes/);
  assert.equal(await page.locator("#upload-patient-error").innerText(), "");
  assert.equal(await page.locator("#progress").innerText(), "", "nothing was sent");
  assert.equal(await waiting.innerText(), before);

  const potassium = '{"resourceType":"Observation","code":{"text":"Potassium"},"valueQuantity":{"value":4.1,"unit":"mmol/L"}}';
  await page.getByLabel("Document", { exact: true }).setInputFiles({
    name: "potassium.json",
    mimeType: "application/json",
    buffer: Buffer.from(potassium),
  });
  await page.getByRole("button", { name: "Upload and submit" }).click();
  await finalized("Submitting potassium.json to the patient's consent pool");
  const mine = page.getByRole("table").filter({ hasText: "Each waits until its patient approves" });
  assert.match(await mine.innerText(), new RegExp(`${EVE.slice(0, 6)}…${EVE.slice(-6)}\\s+Observation`));
  const submission = (await mine.locator("tbody tr td").first().innerText()).trim();

  // An emergency access needs a reason; none chosen, nothing is sent.
  const shown = await page.locator("#progress").innerText();
  await page.getByLabel("Patient's account (SS58)").last().fill(EVE);
  await page.getByRole("button", { name: "Invoke emergency access" }).click();
  assert.match(await page.locator("#emergency-reason-error").innerText(), /choose the reason/);
  assert.equal(await page.locator("#progress").innerText(), shown, "nothing was sent");
  assert.deepEqual(await accessibilityProblems(), []);
  await screenshot("doctor");

  // Eve approves it in her page; Bob, its author, opens the record by number.
  await signIn();
  await page.getByRole("button", { name: `Approve submission ${submission}` }).click();
  await finalized(`Approving submission ${submission}`);
  const history = page.getByRole("table").filter({ hasText: "Your tamper-proof history" });
  const record = (await history.locator("tbody tr td").first().innerText()).trim();
  await page.goto(BOB_PAGE);
  await page.getByLabel("Record number").fill(record);
  await page.getByRole("button", { name: "Open", exact: true }).click();
  const content = page.getByLabel(`Content of record ${record}`);
  await content.waitFor();
  assert.equal(await content.innerText(), potassium);
});

test("an admin admits a doctor, suspends and reinstates, filters the log and verifies it", async () => {
  const FERDIE = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";
  const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  // Ferdie, no member yet, reads the encryption key the admin needs.
  await page.goto(`${PORTAL}/?node=${encodeURIComponent(NODE)}&account=${FERDIE}`);
  const key = (await page.locator("#encryption-key").innerText()).trim();
  assert.match(key, /^0x[0-9a-f]{64}$/);

  const ALICE_PAGE = `${PORTAL}/?node=${encodeURIComponent(NODE)}&account=${ALICE}`;
  await page.goto(ALICE_PAGE);
  await page.getByRole("heading", { name: "Members" }).waitFor();
  await page.getByLabel("Account (SS58)").fill(FERDIE);
  await page.getByLabel(/^Encryption key/).fill("0x1234");
  await page.getByRole("button", { name: "Admit as doctor" }).click();
  assert.match(await page.locator("#member-licence-error").innerText(), /enter the doctor's licence/);
  assert.match(await page.locator("#member-key-error").innerText(), /64 hex digits/);
  assert.equal(await page.locator("#progress").innerText(), "", "nothing was sent");

  await page.getByLabel(/^Licence/).fill("GMC-1234567");
  await page.getByLabel(/^Encryption key/).fill(key);
  await page.getByRole("button", { name: "Admit as doctor" }).click();
  await finalized("Admitting the doctor");
  await page.getByLabel("Account (SS58)").fill(FERDIE);
  await page.getByRole("button", { name: "Suspend" }).click();
  await finalized("Suspending");
  await page.getByLabel("Account (SS58)").fill(FERDIE);
  await page.getByRole("button", { name: "Reinstate" }).click();
  await finalized("Reinstating");
  // Reinstating an active member is refused with the error's documentation.
  await page.getByLabel("Account (SS58)").fill(FERDIE);
  await page.getByRole("button", { name: "Reinstate" }).click();
  await page.getByRole("status").filter({ hasText: "Reinstating failed" }).waitFor();
  assert.match(await page.locator("#progress").innerText(), /NotSuspended/);

  // The log, filtered by action: Ferdie's admission, suspension and reinstatement are there.
  await page.getByLabel(/^Action/).fill("Suspended");
  await page.getByRole("button", { name: "Filter" }).click();
  const log = page.getByRole("table").filter({ hasText: "only action Suspended" });
  await log.locator("tbody tr").first().waitFor();
  const rows = await log.locator("tbody tr").allInnerTexts();
  assert.ok(rows.length >= 1 && rows.every((row) => /Suspended:/.test(row)), rows.join("\n"));
  await page.getByLabel(/^Action/).fill("");
  await page.getByLabel("Patient (SS58)").fill(EVE);
  await page.getByRole("button", { name: "Filter" }).click();
  const eveLog = page.getByRole("table").filter({ hasText: `only patient ${EVE.slice(0, 6)}` });
  await eveLog.locator("tbody tr").first().waitFor();
  const eve = await eveLog.locator("tbody tr").allInnerTexts();
  assert.ok(eve.length > 5, eve.join("\n"));
  assert.ok(eve.every((row) => row.includes(`${EVE.slice(0, 6)}…${EVE.slice(-6)}`)), eve.join("\n"));

  await page.getByRole("button", { name: "Verify the log's hash chain" }).click();
  const verdict = page.locator("#verify-result");
  await verdict.filter({ hasText: /Verified|Mismatch|could not/ }).waitFor();
  assert.match(await verdict.innerText(), /^Verified: the \d+ entries hash to the chain's head 0x[0-9a-f]{64}\.$/);
  assert.deepEqual(await accessibilityProblems(), []);
  await screenshot("admin");

  // Ferdie now has the doctor's page.
  await page.goto(`${PORTAL}/?node=${encodeURIComponent(NODE)}&account=${FERDIE}`);
  await page.getByText(/Registered doctor \(active\), licence GMC-1234567/).waitFor();
});

test("a token holder bonds and votes on the delegates' page", async () => {
  const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  await page.goto(`${PORTAL}/?node=${encodeURIComponent(NODE)}&account=${DAVE}#delegates`);
  await page.getByRole("heading", { name: /Delegates of this session \(1\)/ }).waitFor();
  const candidates = page.getByRole("table").filter({ hasText: "Ordered by backing" });
  assert.match(await candidates.innerText(), new RegExp(`${ALICE.slice(0, 6)}…${ALICE.slice(-6)}.*delegate`));
  await page.getByText("Nothing bonded.").waitFor();

  await page.getByRole("button", { name: "Vote for the chosen candidates" }).click();
  assert.match(await page.locator("#vote-error").innerText(), /choose at least one candidate/);
  await page.getByLabel("Amount (MED)").fill("a lot");
  await page.getByRole("button", { name: "Bond", exact: true }).click();
  assert.match(await page.locator("#stake-amount-error").innerText(), /enter an amount in MED/);
  assert.equal(await page.locator("#progress").innerText(), "", "nothing was sent");

  await page.getByLabel("Amount (MED)").fill("2500");
  await page.getByRole("button", { name: "Bond", exact: true }).click();
  await finalized("Bonding");
  await page.getByText("Bonded: 2,500 MED; unlocking: nothing.").waitFor();
  await page.getByLabel(`Vote for ${ALICE}`).check();
  await page.getByRole("button", { name: "Vote for the chosen candidates" }).click();
  await finalized("Voting");
  await page.getByText(/^Your vote:/).waitFor();
  assert.match(await page.getByText(/^Your vote:/).innerText(), new RegExp(`${ALICE.slice(0, 6)}…${ALICE.slice(-6)}`));
  assert.ok(await page.getByLabel(`Vote for ${ALICE}`).isChecked());
  assert.deepEqual(await accessibilityProblems(), []);
  await screenshot("delegates");
});

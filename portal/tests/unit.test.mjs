// The portal's logic outside the browser: its keys match the Rust client's (the same account
// from the same secret URI, the same encryption key as the client's test vector in
// client/src/custody.rs, the same signed vault request), and its forms' checks. The modules are
// bundled for Node.js first.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import { verify } from "@scure/sr25519";
import { build } from "esbuild";

const dir = mkdtempSync(join(tmpdir(), "medchain-keys-"));
let keys;
let patient;
let doctor;
let admin;
let delegates;

/** The module `src/<name>.ts`, bundled for Node.js. */
async function load(name) {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(`../src/${name}.ts`, import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile,
    logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}

before(async () => {
  keys = await load("keys");
  patient = await load("patient");
  doctor = await load("doctor");
  admin = await load("admin");
  delegates = await load("delegates");
});

after(() => rmSync(dir, { recursive: true, force: true }));

test("dev accounts are the well-known ones", () => {
  assert.equal(keys.identityFromSuri("//Alice").address, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
  assert.equal(keys.identityFromSuri("//Eve").address, "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw");
  // The Rust client's vault account of the dev chain: a two-step hard derivation.
  assert.equal(
    keys.identityFromSuri("//Alice//vault").address,
    keys.identityFromSuri("bottom drive obey lake curtain smoke basket hold race lonely fit walk//Alice//vault").address,
  );
});

test("the encryption key is the Rust client's for the same secret", async () => {
  const alice = await keys.encryptionPublicKey(keys.identityFromSuri("//Alice"));
  assert.equal(keys.toHex(alice), "bc3cb44ebec3ec7c3db116098baa5052d615054e0d7c99b8304263b134faad6a");
  const bob = await keys.encryptionPublicKey(keys.identityFromSuri("//Bob"));
  assert.notEqual(keys.toHex(bob), keys.toHex(alice));
});

test("a secret the portal cannot use is refused with its reason", () => {
  assert.throws(() => keys.identityFromSuri(""), /enter a secret/);
  assert.throws(() => keys.identityFromSuri("//Alice/soft"), /soft derivation \/soft is not supported/);
  assert.throws(() => keys.identityFromSuri("//Alice///pw"), /passwords/);
  assert.throws(() => keys.identityFromSuri("not a mnemonic at all"), /neither a valid mnemonic/);
  const seed = keys.identityFromSuri(`0x${"11".repeat(32)}`);
  assert.equal(seed.publicKey.length, 32);
});

test("chain codes follow Substrate: numbers as u64, long names hashed", () => {
  assert.equal(keys.toHex(keys.chainCode("1")), "01" + "00".repeat(31));
  assert.equal(keys.toHex(keys.chainCode("vault").slice(0, 6)), "147661756c74");
  assert.equal(keys.chainCode("x".repeat(40)).length, 32);
  assert.notEqual(keys.toHex(keys.chainCode("x".repeat(40)).slice(0, 2)), "a000");
});

test("a signed vault request verifies under the signer's account and covers every part", () => {
  const bob = keys.identityFromSuri("//Bob");
  const vault = keys.identityFromSuri("//Alice//vault").publicKey;
  const nonce = new Uint8Array(16).fill(1);
  const body = new TextEncoder().encode("body");
  const message = keys.requestMessage(vault, "POST", "/v1/documents", 5n, nonce, body);
  const signature = bob.sign(message);
  assert.ok(verify(message, signature, bob.publicKey));
  const other = keys.requestMessage(vault, "POST", "/v1/documents", 6n, nonce, body);
  assert.ok(!verify(other, signature, bob.publicKey));
});

test("a grant's end date becomes a block, and a past date is refused", () => {
  const now = Date.parse("2026-06-01T12:00:00Z");
  // Until the end of 2 June: 36 hours at 6-second blocks.
  assert.equal(patient.untilBlock("2026-06-02", 1_000, 6_000, now), 1_000 + (36 * 3600) / 6);
  assert.match(patient.untilBlock("2026-05-31", 1_000, 6_000, now), /the date has passed/);
  assert.match(patient.untilBlock("", 1_000, 6_000, now), /enter a date/);
});

test("a doctor's account must be SS58", () => {
  assert.equal(patient.checkAddress("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"), undefined);
  assert.match(patient.checkAddress(""), /enter the doctor's account/);
  assert.match(patient.checkAddress(" ", "patient"), /enter the patient's account/);
  assert.match(patient.checkAddress("not-an-address"), /not an SS58 address/);
  // A valid checksum but the wrong length: a 1-byte payload.
  assert.match(patient.checkAddress("F7NZ"), /not an SS58 address|not an account/);
});

test("log entries read as sentences, an emergency loudest", () => {
  const entry = (action, extra = {}) => ({ index: 0n, action, block: 1, timestamp: 0n, ...extra });
  const denied = (purpose, refusal) => ({
    type: "AccessDenied",
    value: { purpose: { type: purpose }, refusal: { type: refusal } },
  });
  assert.equal(
    patient.describeEntry(entry(denied("Treatment", "NoAccess"))),
    "was refused your record history for TREAT: no grant, emergency access or role allows it",
  );
  assert.equal(
    patient.describeEntry(entry(denied("Research", "KindNotGranted"), { record: 4n })),
    "was refused the content of record 4 for HRESCH: no running grant covers the record's kind",
  );
  const released = { type: "Released", value: { basis: { type: "Emergency" }, purpose: { type: "EmergencyTreatment" } } };
  assert.equal(
    patient.describeEntry(entry(released, { record: 2n })),
    "received the content of record 2 (as emergency, for ETREAT)",
  );
  assert.equal(
    patient.describeEntry(entry({ type: "EmergencyAccess", value: { type: "Unconscious" } })),
    "EMERGENCY ACCESS (Unconscious)",
  );
  assert.equal(patient.when(0n), "1970-01-01 00:00:00 UTC");
});

test("an upload needs a kind of 1 to 64 bytes and a file within the vault's limit", () => {
  assert.equal(doctor.checkKind("Observation"), undefined);
  assert.match(doctor.checkKind("  "), /enter the kind of record/);
  assert.match(doctor.checkKind("x".repeat(65)), /longer than 64 bytes/);
  assert.equal(doctor.checkKind("é".repeat(32)), undefined);
  assert.match(doctor.checkKind("é".repeat(33)), /longer than 64 bytes/);
  assert.equal(doctor.checkFile(10, 10), undefined);
  assert.match(doctor.checkFile(11, 10), /11 bytes, over this vault's limit of 10 bytes/);
  assert.match(doctor.checkFile(undefined, 10), /choose the document/);
  assert.match(doctor.checkFile(0, 10), /empty/);
});

test("the admin's log filter reads from the URL and picks entries", () => {
  const { filter, page } = admin.filterFromHash("#admin/log?action=AccessDenied&since=2026-11-01&page=2");
  assert.deepEqual(filter, { action: "AccessDenied", since: "2026-11-01" });
  assert.equal(page, 2);
  assert.deepEqual(admin.filterFromHash("#patient"), { filter: {}, page: 0 });
  const entry = { actor: "A", patient: "P", action: { type: "AccessDenied" }, timestamp: BigInt(Date.parse("2026-11-02T00:00:00Z")) };
  assert.ok(admin.matches(entry, filter));
  assert.ok(!admin.matches(entry, { ...filter, since: "2026-11-03" }));
  assert.ok(!admin.matches(entry, { action: "Viewed" }));
  assert.ok(!admin.matches(entry, { patient: "Q" }));
  assert.ok(admin.matches(entry, { actor: "A", patient: "P" }));
  assert.equal(admin.describeFilter({}), "");
  assert.equal(admin.describeFilter({ action: "Viewed", since: "2026-11-01" }), "; only action Viewed, since 2026-11-01");
});

test("amounts in MED are read and written with 12 decimals", () => {
  assert.equal(delegates.parseMed("100"), 100n * 10n ** 12n);
  assert.equal(delegates.parseMed(" 0.5 "), 5n * 10n ** 11n);
  assert.equal(delegates.parseMed("1_000"), 1000n * 10n ** 12n);
  assert.equal(delegates.parseMed("0.000000000001"), 1n);
  assert.match(delegates.parseMed("0.0000000000001"), /enter an amount/);
  assert.match(delegates.parseMed("abc"), /enter an amount in MED/);
  assert.match(delegates.parseMed("-5"), /enter an amount/);
  assert.match(delegates.parseMed("0"), /more than 0/);
  assert.equal(delegates.formatMed(1_500n * 10n ** 12n + 25n * 10n ** 10n), "1,500.25 MED");
  assert.equal(delegates.formatMed(0n), "0 MED");
});

// The patient's page: registration, the consent pool, the record history, access grants and
// "who saw my records".

import { ss58Decode } from "@polkadot-labs/hdkd-helpers";

import type { Account, Api, Chain } from "./chain";
import { account, actions, field, h, short, table } from "./dom";
import { encryptionPublicKey, toHex } from "./keys";
import { PURPOSES, type Purpose, REFUSALS, purposeCode } from "./purposes";
import { VaultError, disclosures, openRecord, vaultHealth } from "./vault";

/** What a page needs from the app: the chain, the signer, and a way to run a transaction. */
export interface Context {
  chain: Chain;
  account: Account;
  /** Signs and submits a transaction, shows its progress, and re-renders the page once it is
   * finalized; resolves to whether it succeeded. */
  run(what: string, tx: Parameters<typeof import("./chain").submit>[0]): Promise<boolean>;
  /** Shows a message on the progress line. */
  say(message: string, state?: "" | "ok" | "failed"): void;
}

/** Entries of "who saw my records" on one page. */
export const LOG_PAGE = 10;

const text = new TextDecoder();

type Entry = Awaited<ReturnType<Api["view"]["Audit"]["patient_entries"]>>[number];

/** An access-log entry in words, as the patient reads it. */
export function describeEntry(entry: Entry): string {
  const action = entry.action;
  switch (action.type) {
    case "Registered":
      return `registered as ${action.value.type.toLowerCase()}`;
    case "Submitted":
      return `submitted a record to your consent pool (submission ${entry.submission})`;
    case "Approved":
      return `approved submission ${entry.submission}: now record ${entry.record}`;
    case "Denied":
      return `denied submission ${entry.submission}`;
    case "Withdrawn":
      return `withdrew submission ${entry.submission}`;
    case "Expired":
      return `cleared expired submission ${entry.submission}`;
    case "AccessGranted":
      return `granted access to ${short(entry.subject ?? "")}`;
    case "AccessRevoked":
      return `revoked access of ${short(entry.subject ?? "")}`;
    case "DoctorBlocked":
      return `blocked ${short(entry.subject ?? "")}`;
    case "DoctorUnblocked":
      return `unblocked ${short(entry.subject ?? "")}`;
    case "EmergencyAccess":
      return `EMERGENCY ACCESS (${action.value.type})`;
    case "Viewed":
      return `viewed your record history (as ${action.value.basis.type.toLowerCase()}, for ${purposeCode(action.value.purpose.type)})`;
    case "Released":
      return `received the content of record ${entry.record} (as ${action.value.basis.type.toLowerCase()}, for ${purposeCode(action.value.purpose.type)})`;
    case "AccessDenied": {
      const why = `for ${purposeCode(action.value.purpose.type)}: ${REFUSALS[action.value.refusal.type] ?? action.value.refusal.type}`;
      return entry.record === undefined
        ? `was refused your record history ${why}`
        : `was refused the content of record ${entry.record} ${why}`;
    }
    case "Erased":
      return `erased the content of record ${entry.record}`;
    default:
      return action.type;
  }
}

/** A time on the chain's clock (milliseconds) as people read it, in UTC. */
export function when(ms: bigint | number): string {
  return new Date(Number(ms)).toISOString().replace("T", " ").slice(0, 19) + " UTC";
}

function seenKey(address: string): string {
  return `medchain:seen:${address}`;
}

export async function patientPage(ctx: Context, logPage: number): Promise<HTMLElement[]> {
  const { api } = ctx.chain;
  const me = ctx.account.address;
  const member = await api.query.Registry.Members.getValue(me);
  if (!member) {
    const key = ctx.account.identity ? await encryptionPublicKey(ctx.account.identity) : undefined;
    return [registration(ctx, key)];
  }
  if (member.role.type !== "Patient") {
    return [
      h(
        "section",
        {},
        h("h2", {}, "Patient"),
        h("p", {}, `This account is registered as ${member.role.type.toLowerCase()}, not as a patient.`),
      ),
    ];
  }
  const [alert, pool, history, access, log] = await Promise.all([
    emergencyAlert(ctx),
    consentPool(ctx),
    recordHistory(ctx),
    accessGrants(ctx),
    whoSawMyRecords(ctx, logPage),
  ]);
  const status = member.status.type === "Active" ? "active" : "suspended";
  return [
    ...(alert ? [alert] : []),
    h(
      "section",
      { "aria-labelledby": "me" },
      h("h2", { id: "me" }, "You"),
      h("p", {}, `Registered patient (${status}) since block ${member.registered_at}. Account `, h("code", {}, me)),
    ),
    pool,
    history,
    access,
    log,
  ];
}

function registration(ctx: Context, key: Uint8Array | undefined): HTMLElement {
  const note = field("register-note", "A note for your hospital (optional, no clinical text)", {
    maxlength: "256",
  });
  const submit = h("button", { type: "submit" }, "Register as a patient");
  const explain = ctx.account.identity
    ? h(
        "p",
        {},
        "Registering publishes the public half of your encryption key, which this page derives from your secret; vaults seal your records to it.",
      )
    : h(
        "p",
        { class: "alert" },
        "Registering needs your encryption key, which is derived from your account's secret: sign in with your secret phrase above (it stays in this page).",
      );
  if (!ctx.account.identity) submit.setAttribute("disabled", "");
  const form = h("form", { class: "inline", "aria-label": "Register" }, note.wrapper, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!key) return;
    await ctx.run(
      "Registration",
      ctx.chain.api.tx.Registry.register_patient({
        encryption_key: `0x${toHex(key)}`,
        metadata: new TextEncoder().encode(note.input.value),
      }),
    );
  });
  return h(
    "section",
    { "aria-labelledby": "register" },
    h("h2", { id: "register" }, "Register"),
    h("p", {}, "This account is not registered yet."),
    explain,
    form,
    key
      ? h(
          "p",
          { class: "muted" },
          "A doctor does not register here: an admin admits them with their account and this encryption key: ",
          h("code", { id: "encryption-key" }, `0x${toHex(key)}`),
        )
      : null,
  );
}

async function emergencyAlert(ctx: Context): Promise<HTMLElement | undefined> {
  const { api } = ctx.chain;
  const me = ctx.account.address;
  const total = await api.query.Audit.PatientEntryCount.getValue(me);
  const seen = BigInt(localStorage.getItem(seenKey(me)) ?? "0");
  if (total <= seen) return undefined;
  const fresh: Entry[] = [];
  for (let start = seen; start < total; start += 100n) {
    fresh.push(...(await api.view.Audit.patient_entries(me, start, 100)));
  }
  const emergencies = fresh.filter((entry) => entry.action.type === "EmergencyAccess");
  const acknowledge = () => {
    localStorage.setItem(seenKey(me), total.toString());
  };
  if (emergencies.length === 0) {
    acknowledge();
    return undefined;
  }
  const dismiss = h("button", { type: "button", class: "secondary" }, "I have seen this");
  const box = h(
    "section",
    { class: "alert", role: "alert", "aria-labelledby": "emergency" },
    h("h2", { id: "emergency" }, "Emergency access to your records since your last visit"),
    h(
      "ul",
      {},
      ...emergencies.map((entry) =>
        h(
          "li",
          {},
          `${when(entry.timestamp)}: ${short(entry.actor ?? "")} invoked emergency access (${entry.action.type === "EmergencyAccess" ? entry.action.value.type : ""}).`,
        ),
      ),
    ),
    dismiss,
  );
  dismiss.addEventListener("click", () => {
    acknowledge();
    box.remove();
  });
  return box;
}

async function consentPool(ctx: Context): Promise<HTMLElement> {
  const { api } = ctx.chain;
  const ids = await api.query.Consent.PendingPool.getValue(ctx.account.address);
  const submissions = await Promise.all(
    ids.map(async (id) => ({ id, submission: await api.query.Consent.Submissions.getValue(id) })),
  );
  const pending = submissions.flatMap(({ id, submission }) => (submission ? [{ id, ...submission }] : []));
  return h(
    "section",
    { "aria-labelledby": "pool" },
    h("h2", { id: "pool" }, `Waiting for your consent (${pending.length})`),
    table(
      "Records doctors submitted; approve to add one to your history, deny to discard it.",
      ["Submission", "From", "Kind", "Submitted at", "Expires at", "Your decision"],
      pending,
      (s) => [
        String(s.id),
        account(s.doctor),
        text.decode(s.kind),
        `block ${s.submitted_at}`,
        `block ${s.expires_at}`,
        h(
          "span",
          {},
          h(
            "button",
            {
              type: "button",
              "aria-label": `Approve submission ${s.id}`,
              onclick: () => ctx.run(`Approving submission ${s.id}`, api.tx.Consent.approve({ id: s.id })),
            },
            "Approve",
          ),
          " ",
          h(
            "button",
            {
              type: "button",
              class: "secondary",
              "aria-label": `Deny submission ${s.id}`,
              onclick: () => ctx.run(`Denying submission ${s.id}`, api.tx.Consent.deny({ id: s.id })),
            },
            "Deny",
          ),
        ),
      ],
      "Nothing is waiting for your consent.",
    ),
  );
}

async function recordHistory(ctx: Context): Promise<HTMLElement> {
  const { api } = ctx.chain;
  const me = ctx.account.address;
  const length = await api.query.Records.HistoryLength.getValue(me);
  const ids = await Promise.all(
    Array.from({ length }, (_, n) => api.query.Records.History.getValue(me, n)),
  );
  const records = (
    await Promise.all(ids.map((id) => (id === undefined ? undefined : api.query.Records.Records.getValue(id))))
  ).filter((record) => record !== undefined);
  const viewer = h("div", { id: "record-viewer", "aria-live": "polite" });
  return h(
    "section",
    { "aria-labelledby": "history" },
    h("h2", { id: "history" }, `Your records (${records.length})`),
    table(
      "Your tamper-proof history; an amendment is a new version of the record it amends.",
      ["Record", "Kind", "Version", "Author", "Added", ""],
      records.reverse(),
      (r) => {
        const kind = text.decode(r.kind);
        return [
          String(r.id),
          kind,
          r.supersedes === undefined ? `v${r.version}` : `v${r.version} (amends record ${r.supersedes})`,
          account(r.author),
          `${when(r.timestamp)} (block ${r.block})`,
          r.erased_at === undefined
            ? h(
                "button",
                {
                  type: "button",
                  "aria-label": `Open record ${r.id}`,
                  onclick: () => showRecord(api, ctx, r.id, viewer, "PATRQT"),
                },
                "Open",
              )
            : `erased at block ${r.erased_at}`,
        ];
      },
      "No records yet.",
    ),
    viewer,
  );
}

/** The block a date falls in, counted from the best block at the chain's block time; `Error`
 * text for a date that is not in the future. */
export function untilBlock(date: string, best: number, blockTimeMs: number, now = Date.now()): number | string {
  const start = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(start)) return "enter a date";
  // The grant lasts to the end of that day (UTC).
  const end = start + 86_400_000;
  if (end <= now) return "the date has passed: choose a date from today on";
  return best + Math.floor((end - now) / blockTimeMs);
}

/** Whether `address` is an SS58 account; the error text (naming `whose` account) when it is
 * not. */
export function checkAddress(address: string, whose = "doctor"): string | undefined {
  if (address.trim() === "") return `enter the ${whose}'s account`;
  try {
    const [payload] = ss58Decode(address.trim());
    if (payload.length !== 32) return "not an account: an SS58 address of a 32-byte key is expected";
    return undefined;
  } catch {
    return "not an SS58 address (it should look like 5FHneW46…)";
  }
}

async function accessGrants(ctx: Context): Promise<HTMLElement> {
  const { api } = ctx.chain;
  const me = ctx.account.address;
  const [grants, emergencies, best] = await Promise.all([
    api.query.Consent.Grants.getEntries(me),
    api.query.Consent.EmergencyAccesses.getEntries(me),
    api.query.System.Number.getValue({ at: "best" }),
  ]);
  const doctor = field("grant-doctor", "Doctor's account (SS58)", { autocomplete: "off", size: "50" });
  const until = field("grant-until", "Until (optional; empty means until you revoke)", { type: "date" });
  const kinds = field("grant-kinds", "Kinds (optional; FHIR resource types, comma-separated; empty means every kind)", {
    autocomplete: "off",
    size: "40",
  });
  const purposeBoxes = PURPOSES.map(([name, code, words]) => {
    const box = h("input", { type: "checkbox", id: `grant-purpose-${code}`, value: name, checked: name === "Treatment" });
    return { name, box, label: h("label", { for: `grant-purpose-${code}` }, box, ` ${code} (${words})`) };
  });
  const purposesError = h("p", { id: "grant-purposes-error", class: "field-error", role: "alert" });
  const purposes = h(
    "fieldset",
    { class: "purposes", "aria-describedby": "grant-purposes-error" },
    h("legend", {}, "For"),
    ...purposeBoxes.map(({ label }) => label),
    purposesError,
  );
  const form = h(
    "form",
    { class: "inline", "aria-label": "Grant access", novalidate: true },
    doctor.wrapper,
    until.wrapper,
    kinds.wrapper,
    purposes,
    actions("Grant access"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    doctor.error.textContent = checkAddress(doctor.input.value) ?? "";
    let end: number | undefined;
    if (until.input.value !== "") {
      const block = untilBlock(until.input.value, best, ctx.chain.blockTimeMs);
      if (typeof block === "string") until.error.textContent = block;
      else {
        until.error.textContent = "";
        end = block;
      }
    } else until.error.textContent = "";
    const chosen: Purpose[] = purposeBoxes.filter(({ box }) => box.checked).map(({ name }) => name);
    purposesError.textContent = chosen.length === 0 ? "choose at least one purpose" : "";
    const named = kinds.input.value
      .split(",")
      .map((kind) => kind.trim())
      .filter((kind) => kind !== "");
    kinds.error.textContent = named.length > 8 ? "name at most 8 kinds, or none for every kind" : "";
    if (doctor.error.textContent || until.error.textContent || kinds.error.textContent || purposesError.textContent) {
      return;
    }
    const who = doctor.input.value.trim();
    const unscoped = named.length === 0 && chosen.length === 1 && chosen[0] === "Treatment";
    await ctx.run(
      "Granting access",
      unscoped
        ? api.tx.Consent.grant_access({ doctor: who, until: end })
        : api.tx.Consent.grant_scoped({
            doctor: who,
            kinds: named.map((kind) => new TextEncoder().encode(kind)),
            purposes: chosen.map((type) => ({ type, value: undefined })),
            until: end,
          }),
    );
  });
  const rows = [
    ...grants.flatMap(({ keyArgs: [, who], value }) =>
      value.map((grant) => {
        const running = grant.revoked_at === undefined && (grant.until === undefined || best <= grant.until);
        const scope = grant.kinds.length === 0 ? "every kind" : grant.kinds.map((kind) => text.decode(kind)).join(", ");
        const ended =
          grant.revoked_at !== undefined
            ? `revoked at block ${grant.revoked_at}`
            : grant.until === undefined
              ? "until you revoke it"
              : `${running ? "" : "ended at "}block ${grant.until}`;
        return {
          who,
          basis: `grant: ${scope}, for ${grant.purposes.map((p) => purposeCode(p.type)).join(", ")}`,
          until: ended,
          since: grant.granted_at,
          running,
        };
      }),
    ),
    ...emergencies.map(({ keyArgs: [, who], value }) => ({
      who,
      basis: `emergency (${value.reason.type}), for ETREAT`,
      until: `block ${value.until}`,
      since: value.invoked_at,
      running: best <= value.until,
    })),
  ];
  return h(
    "section",
    { "aria-labelledby": "access" },
    h("h2", { id: "access" }, "Who may see your records"),
    table(
      `Blocks come every ${ctx.chain.blockTimeMs / 1000} s; the best block is ${best}.`,
      ["Doctor", "Basis", "Since", "Until", ""],
      rows,
      (row) => [
        account(row.who),
        row.basis,
        `block ${row.since}`,
        row.until,
        row.running
          ? h(
              "button",
              {
                type: "button",
                class: "secondary",
                "aria-label": `Revoke access of ${row.who}`,
                onclick: () => ctx.run("Revoking access", api.tx.Consent.revoke_access({ doctor: row.who })),
              },
              "Revoke",
            )
          : "inactive",
      ],
      "No doctor has access beyond your own doctors' records.",
    ),
    h("h3", {}, "Grant a doctor access"),
    form,
  );
}

async function whoSawMyRecords(ctx: Context, page: number): Promise<HTMLElement> {
  const { api } = ctx.chain;
  const me = ctx.account.address;
  const total = await api.query.Audit.PatientEntryCount.getValue(me);
  const pages = Math.max(1, Math.ceil(Number(total) / LOG_PAGE));
  const current = Math.min(page, pages - 1);
  const end = total - BigInt(current * LOG_PAGE);
  const start = end > BigInt(LOG_PAGE) ? end - BigInt(LOG_PAGE) : 0n;
  const entries = end > 0n ? await api.view.Audit.patient_entries(me, start, Number(end - start)) : [];
  const pageLink = (to: number, label: string) =>
    h("a", { href: `#patient/log/${to}`, "aria-label": `${label} page of the access log` }, label);
  return h(
    "section",
    { "aria-labelledby": "log" },
    h("h2", { id: "log" }, "Who saw my records"),
    accounting(ctx),
    table(
      `Every entry about you on the access log, newest first (${total} in all).`,
      ["When", "Who", "What", "Entry"],
      entries.reverse(),
      (entry) => [
        when(entry.timestamp),
        entry.actor === me
          ? "you"
          : entry.actor
            ? account(entry.actor)
            : "the chain",
        entry.action.type === "EmergencyAccess"
          ? h("strong", {}, describeEntry(entry))
          : describeEntry(entry),
        `#${entry.index} (block ${entry.block})`,
      ],
      "Nothing on the log about you yet.",
    ),
    h(
      "nav",
      { class: "pager", "aria-label": "Access log pages" },
      current > 0 ? pageLink(current - 1, "Newer") : null,
      h("span", {}, `page ${current + 1} of ${pages}`),
      current + 1 < pages ? pageLink(current + 1, "Older") : null,
    ),
  );
}

/** The download of the patient's accounting of disclosures, from the vault serving the page. */
function accounting(ctx: Context): HTMLElement {
  const status = h("span", { class: "muted", "aria-live": "polite" });
  const download = (format: "csv" | "fhir") => async () => {
    const identity = ctx.account.identity;
    if (!identity) {
      status.textContent = "Downloading signs the request with your secret: sign in with it above.";
      return;
    }
    try {
      status.textContent = "Asking the vault…";
      const health = await vaultHealth(location.origin);
      const file = await disclosures(identity, location.origin, health.account, format);
      const link = h("a", {
        href: URL.createObjectURL(file),
        download: format === "csv" ? "disclosures.csv" : "disclosures.fhir.json",
      });
      document.body.append(link);
      link.click();
      link.remove();
      status.textContent = `Downloaded (${file.size} bytes).`;
    } catch (error) {
      status.textContent = error instanceof VaultError ? error.message : String(error);
    }
  };
  return h(
    "p",
    {},
    "Your accounting of disclosures (who received your records, when, what and why): ",
    h("button", { type: "button", class: "secondary", onclick: download("csv") }, "Download CSV"),
    " ",
    h("button", { type: "button", class: "secondary", onclick: download("fhir") }, "Download FHIR"),
    " ",
    status,
  );
}

/** Opens record `id` into `viewer` (a patient's own, or one a doctor may see) for `purpose` (an
 * HL7 v3 code), or shows why it cannot be opened. */
export async function showRecord(
  api: Api,
  ctx: Context,
  id: bigint,
  viewer: HTMLElement,
  purpose: string,
): Promise<void> {
  viewer.replaceChildren(h("p", {}, `Asking the vault for record ${id}…`));
  const identity = ctx.account.identity;
  if (!identity) {
    viewer.replaceChildren(
      h("p", { class: "alert" }, "Opening a record needs your secret in this page: sign in with it above."),
    );
    return;
  }
  try {
    const { record, document } = await openRecord(api, identity, id, purpose);
    const kind = text.decode(record.kind);
    viewer.replaceChildren(
      h("h3", {}, `Record ${id} (${kind}), added ${when(record.timestamp)}`),
      h("p", { class: "muted" }, "Released by the vault, opened with your key, and matched against the commitment on chain."),
      h("pre", { class: "document", "aria-label": `Content of record ${id}` }, text.decode(document)),
      h(
        "a",
        {
          href: URL.createObjectURL(new Blob([document.slice()], { type: "application/octet-stream" })),
          download: `record-${id}${kind === "" ? "" : `-${kind}`}`,
        },
        `Download record ${id}`,
      ),
    );
  } catch (error) {
    const message = error instanceof VaultError ? error.message : String(error);
    viewer.replaceChildren(h("p", { class: "alert", role: "alert" }, message));
  }
}

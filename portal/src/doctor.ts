// The doctor's page: upload a document for a patient (to the vault, then the submission on
// chain), their pending submissions, opening a record they may see, and emergency access.

import type { Api } from "./chain";
import { account, actions, field, h, short, table } from "./dom";
import { checkAddress, type Context, showRecord } from "./patient";
import { PURPOSES } from "./purposes";
import { type Uploaded, upload, vaultHealth } from "./vault";

const text = new TextDecoder();

/** An emergency reason as the chain names it (typed from the metadata: a drift fails the build). */
type Reason = Parameters<Api["tx"]["Consent"]["emergency_access"]>[0]["reason"]["type"];

/** The reasons a doctor may give for emergency access. */
export const EMERGENCY_REASONS: ReadonlyArray<readonly [Reason, string]> = [
  ["Unconscious", "The patient is unconscious and cannot consent"],
  ["LifeThreatening", "The patient's life is at immediate risk"],
  ["CannotCommunicate", "The patient cannot communicate"],
  ["Other", "Another urgent clinical need (documented in the hospital's system)"],
];

/** Whether `kind` can name a record: 1 to 64 bytes (an HL7 FHIR resource type such as
 * `Observation`); the error text when it cannot. */
export function checkKind(kind: string): string | undefined {
  const bytes = new TextEncoder().encode(kind.trim()).length;
  if (bytes === 0) return "enter the kind of record, e.g. Observation";
  if (bytes > 64) return "the kind is longer than 64 bytes";
  return undefined;
}

/** Whether a file of `size` bytes fits the vault's `limit`; the error text when it does not. */
export function checkFile(size: number | undefined, limit: number): string | undefined {
  if (size === undefined) return "choose the document to upload";
  if (size === 0) return "the file is empty";
  if (size > limit) {
    return `the file is ${size} bytes, over this vault's limit of ${limit} bytes`;
  }
  return undefined;
}

export async function doctorPage(ctx: Context): Promise<HTMLElement[]> {
  const { api } = ctx.chain;
  const me = ctx.account.address;
  const member = await api.query.Registry.Members.getValue(me);
  const status = member?.status.type === "Active" ? "active" : "suspended";
  return [
    h(
      "section",
      { "aria-labelledby": "me" },
      h("h2", { id: "me" }, "You"),
      h(
        "p",
        {},
        `Registered doctor (${status}), licence ${text.decode(member?.licence ?? new Uint8Array())}. Account `,
        h("code", {}, me),
      ),
    ),
    await uploadForm(ctx),
    await mySubmissions(ctx),
    openForm(ctx),
    emergencyForm(ctx),
  ];
}

async function uploadForm(ctx: Context): Promise<HTMLElement> {
  const { api } = ctx.chain;
  const health = await vaultHealth(location.origin).catch(() => undefined);
  const patient = field("upload-patient", "Patient's account (SS58)", { autocomplete: "off", size: "50" });
  const kind = field("upload-kind", "Kind (an HL7 FHIR resource type)", { value: "Observation", maxlength: "64" });
  const file = field("upload-file", "Document", { type: "file" });
  const form = h(
    "form",
    { class: "inline", "aria-label": "Upload a document", novalidate: true },
    patient.wrapper,
    kind.wrapper,
    file.wrapper,
    actions("Upload and submit"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!health) return;
    const chosen = file.input.files?.[0];
    patient.error.textContent = checkAddress(patient.input.value, "patient") ?? "";
    kind.error.textContent = checkKind(kind.input.value) ?? "";
    file.error.textContent = checkFile(chosen?.size, health.max_upload) ?? "";
    if (patient.error.textContent || kind.error.textContent || file.error.textContent || !chosen) return;
    const identity = ctx.account.identity;
    if (!identity) {
      file.error.textContent = "uploading signs the request with your secret: sign in with it above";
      return;
    }
    let uploaded: Uploaded;
    try {
      ctx.say(`Uploading ${chosen.name} to the vault…`);
      uploaded = await upload(
        identity,
        location.origin,
        health.account,
        patient.input.value.trim(),
        kind.input.value.trim(),
        new Uint8Array(await chosen.arrayBuffer()),
      );
    } catch (error) {
      ctx.say(`Uploading failed: ${(error as Error).message}`, "failed");
      return;
    }
    await ctx.run(
      `Submitting ${chosen.name} to the patient's consent pool`,
      api.tx.Consent.submit({
        patient: patient.input.value.trim(),
        kind: new TextEncoder().encode(kind.input.value.trim()),
        locator: { vault: uploaded.vault, content: `0x${uploaded.content_id}` },
        commitment: `0x${uploaded.commitment}`,
        supersedes: undefined,
      }),
    );
  });
  return h(
    "section",
    { "aria-labelledby": "upload" },
    h("h2", { id: "upload" }, "Upload a document for a patient"),
    health
      ? h(
          "p",
          { class: "muted" },
          `The document goes to this hospital's vault (${short(health.account)}, at most ${health.max_upload} bytes), encrypted at rest; the chain keeps where it is and a salted commitment, and the patient decides.`,
        )
      : h("p", { class: "alert" }, "This page is not served by a vault, so it cannot upload: open the portal at your hospital's vault."),
    form,
  );
}

async function mySubmissions(ctx: Context): Promise<HTMLElement> {
  const { api } = ctx.chain;
  const me = ctx.account.address;
  const mine = (await api.query.Consent.Submissions.getEntries())
    .filter(({ value }) => value.doctor === me)
    .map(({ keyArgs: [id], value }) => ({ id, ...value }))
    .sort((a, b) => Number(b.id - a.id));
  return h(
    "section",
    { "aria-labelledby": "mine" },
    h("h2", { id: "mine" }, `Your submissions waiting for consent (${mine.length})`),
    table(
      "Each waits until its patient approves or denies it, or it expires.",
      ["Submission", "Patient", "Kind", "Submitted at", "Expires at", ""],
      mine,
      (s) => [
        String(s.id),
        account(s.patient),
        text.decode(s.kind),
        `block ${s.submitted_at}`,
        `block ${s.expires_at}`,
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            "aria-label": `Withdraw submission ${s.id}`,
            onclick: () => ctx.run(`Withdrawing submission ${s.id}`, api.tx.Consent.withdraw({ id: s.id })),
          },
          "Withdraw",
        ),
      ],
      "None waiting.",
    ),
  );
}

function openForm(ctx: Context): HTMLElement {
  const record = field("open-record", "Record number", { inputmode: "numeric", size: "10" });
  const purpose = h(
    "select",
    { id: "open-purpose", name: "open-purpose" },
    ...PURPOSES.map(([, code, words]) => h("option", { value: code, selected: code === "TREAT" }, `${code} (${words})`)),
  );
  const viewer = h("div", { id: "record-viewer", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "inline", "aria-label": "Open a record", novalidate: true },
    record.wrapper,
    h("div", { class: "field" }, h("label", { for: "open-purpose" }, "For"), purpose),
    actions("Open"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = record.input.value.trim();
    record.error.textContent = /^[0-9]+$/.test(value) ? "" : "enter a record number, e.g. 0";
    if (record.error.textContent) return;
    await showRecord(ctx.chain.api, ctx, BigInt(value), viewer, purpose.value);
  });
  return h(
    "section",
    { "aria-labelledby": "open" },
    h("h2", { id: "open" }, "Open a record"),
    h(
      "p",
      { class: "muted" },
      "The vault asks the chain whether you may see it for that purpose (you wrote it, a grant of the patient covers its kind and the purpose, or you invoked emergency access, always logged as ETREAT); the release or the refusal, saying what you lacked, goes on the patient's access log.",
    ),
    form,
    viewer,
  );
}

function emergencyForm(ctx: Context): HTMLElement {
  const { api } = ctx.chain;
  const patient = field("emergency-patient", "Patient's account (SS58)", { autocomplete: "off", size: "50" });
  const reason = h(
    "select",
    { id: "emergency-reason", name: "emergency-reason", "aria-describedby": "emergency-reason-error" },
    h("option", { value: "" }, "Choose the reason"),
    ...EMERGENCY_REASONS.map(([value, label]) => h("option", { value }, label)),
  );
  const reasonError = h("p", { id: "emergency-reason-error", class: "field-error", role: "alert" });
  const form = h(
    "form",
    { class: "inline", "aria-label": "Emergency access", novalidate: true },
    patient.wrapper,
    h("div", { class: "field" }, h("label", { for: "emergency-reason" }, "Reason"), reason, reasonError),
    actions("Invoke emergency access"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    patient.error.textContent = checkAddress(patient.input.value, "patient") ?? "";
    reasonError.textContent = reason.value === "" ? "choose the reason: it goes on the patient's log" : "";
    if (patient.error.textContent || reasonError.textContent) return;
    await ctx.run(
      "Emergency access",
      api.tx.Consent.emergency_access({
        patient: patient.input.value.trim(),
        reason: { type: reason.value as Reason, value: undefined },
      }),
    );
  });
  return h(
    "section",
    { "aria-labelledby": "emergency" },
    h("h2", { id: "emergency" }, "Emergency access"),
    h(
      "p",
      { class: "muted" },
      "Break-glass access to a patient's records for a limited time, when they cannot consent. The patient sees it at once, with the reason.",
    ),
    form,
  );
}

// The admin's page: admit, suspend and reinstate doctors; page and filter the whole access log;
// verify the log's hash chain against the head the chain holds.

import { medchain } from "@polkadot-api/descriptors";
import { blake2b256 } from "@polkadot-labs/hdkd-helpers";
import { getTypedCodecs } from "polkadot-api";

import type { Api } from "./chain";
import { account, actions, field, h, short, table } from "./dom";
import { concat, fromHex, toHex } from "./keys";
import { checkAddress, type Context, describeEntry, when } from "./patient";

/** Entries of the whole log on one page. */
export const ADMIN_PAGE = 20;
/** Entries one view-function call returns (the runtime's `MaxPageSize`). */
const FETCH = 100;

type Entry = Awaited<ReturnType<Api["view"]["Audit"]["entries"]>>[number];

/** The log's filters, as the URL carries them (`#admin/log?actor=…&patient=…&action=…&since=…`). */
export interface LogFilter {
  actor?: string;
  patient?: string;
  action?: string;
  /** Only entries at or after this day (YYYY-MM-DD, UTC). */
  since?: string;
}

/** The filter in words, for the table's caption: "" when there is none. */
export function describeFilter(filter: LogFilter): string {
  const parts = [
    filter.actor && `actor ${short(filter.actor)}`,
    filter.patient && `patient ${short(filter.patient)}`,
    filter.action && `action ${filter.action}`,
    filter.since && `since ${filter.since}`,
  ].filter(Boolean);
  return parts.length === 0 ? "" : `; only ${parts.join(", ")}`;
}

/** Whether `entry` passes `filter`. */
export function matches(entry: Entry, filter: LogFilter): boolean {
  if (filter.actor && entry.actor !== filter.actor) return false;
  if (filter.patient && entry.patient !== filter.patient) return false;
  if (filter.action && entry.action.type !== filter.action) return false;
  if (filter.since && Number(entry.timestamp) < Date.parse(`${filter.since}T00:00:00Z`)) return false;
  return true;
}

/** Every entry of the log from `start` to `end` (exclusive), in pages of the runtime's size. */
async function entriesBetween(api: Api, start: bigint, end: bigint): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let at = start; at < end; at += BigInt(FETCH)) {
    const count = Number(end - at < BigInt(FETCH) ? end - at : BigInt(FETCH));
    out.push(...(await api.view.Audit.entries(at, count)));
  }
  return out;
}

/**
 * Recomputes the log's hash chain from its entries, as anyone holding an exported log can:
 * head = BLAKE2b-256(SCALE(previous head, entry)), from the zero hash. Returns the number of
 * entries and whether the head matches the chain's.
 */
export async function verifyLog(api: Api): Promise<{ count: bigint; head: string; ok: boolean }> {
  const codecs = await getTypedCodecs(medchain);
  const [count, chainHead] = await api.view.Audit.head();
  const entries = await entriesBetween(api, 0n, count);
  let head = new Uint8Array(32);
  for (const entry of entries) {
    head = blake2b256(concat(head, codecs.query.Audit.Entries.value.enc(entry)));
  }
  const ok = entries.length === Number(count) && `0x${toHex(head)}` === chainHead;
  return { count, head: chainHead, ok };
}

export async function adminPage(ctx: Context, filter: LogFilter, page: number): Promise<HTMLElement[]> {
  return [membersForm(ctx), await logSection(ctx, filter, page), verifySection(ctx)];
}

function membersForm(ctx: Context): HTMLElement {
  const { api } = ctx.chain;
  const who = field("member-account", "Account (SS58)", { autocomplete: "off", size: "50" });
  const licence = field("member-licence", "Licence (to admit a doctor)", { maxlength: "64" });
  const key = field("member-key", "Encryption key (to admit a doctor; 0x and 64 hex digits)", {
    autocomplete: "off",
    size: "70",
  });
  const admit = h("button", { type: "submit", value: "admit" }, "Admit as doctor");
  const suspend = h("button", { type: "button", class: "secondary" }, "Suspend");
  const reinstate = h("button", { type: "button", class: "secondary" }, "Reinstate");
  const memberAccount = () => {
    who.error.textContent = checkAddress(who.input.value, "member") ?? "";
    return who.error.textContent ? undefined : who.input.value.trim();
  };
  const form = h(
    "form",
    { class: "inline", "aria-label": "Members", novalidate: true },
    who.wrapper,
    licence.wrapper,
    key.wrapper,
    actions(admit, suspend, reinstate),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const member = memberAccount();
    licence.error.textContent = licence.input.value.trim() === "" ? "enter the doctor's licence number" : "";
    key.error.textContent = /^0x[0-9a-fA-F]{64}$/.test(key.input.value.trim())
      ? ""
      : "the doctor's encryption key: 0x and 64 hex digits (their portal page or `medchain key` shows it)";
    if (!member || licence.error.textContent || key.error.textContent) return;
    await ctx.run(
      "Admitting the doctor",
      api.tx.Registry.register_doctor({
        who: member,
        licence: new TextEncoder().encode(licence.input.value.trim()),
        encryption_key: `0x${toHex(fromHex(key.input.value.trim()))}`,
      }),
    );
  });
  suspend.addEventListener("click", async () => {
    const member = memberAccount();
    if (member) await ctx.run("Suspending", api.tx.Registry.suspend({ who: member }));
  });
  reinstate.addEventListener("click", async () => {
    const member = memberAccount();
    if (member) await ctx.run("Reinstating", api.tx.Registry.reinstate({ who: member }));
  });
  return h(
    "section",
    { "aria-labelledby": "members" },
    h("h2", { id: "members" }, "Members"),
    h("p", { class: "muted" }, "Admit a doctor, or suspend and reinstate any member; each change goes on the log."),
    form,
  );
}

/** The filter a URL hash carries. */
export function filterFromHash(hash: string): { filter: LogFilter; page: number } {
  const [, query = ""] = hash.split("?");
  const params = new URLSearchParams(query);
  const filter: LogFilter = {};
  for (const key of ["actor", "patient", "action", "since"] as const) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return { filter, page: Number(params.get("page") ?? 0) || 0 };
}

function hashOf(filter: LogFilter, page: number): string {
  const params = new URLSearchParams({ ...filter, ...(page > 0 ? { page: String(page) } : {}) } as Record<string, string>);
  return `#admin/log?${params}`;
}

async function logSection(ctx: Context, filter: LogFilter, page: number): Promise<HTMLElement> {
  const { api } = ctx.chain;
  const [count] = await api.view.Audit.head();
  // Newest first: walk back from the end until the page is full or the log's start is reached.
  const wanted = (page + 1) * ADMIN_PAGE;
  const found: Entry[] = [];
  let end = count;
  while (end > 0n && found.length < wanted + 1) {
    const start = end > BigInt(FETCH) ? end - BigInt(FETCH) : 0n;
    const batch = await entriesBetween(api, start, end);
    found.push(...batch.reverse().filter((entry) => matches(entry, filter)));
    end = start;
  }
  const shown = found.slice(page * ADMIN_PAGE, wanted);
  const more = found.length > wanted;
  const form = h("form", { class: "inline", "aria-label": "Filter the log", novalidate: true });
  const actor = field("filter-actor", "Actor (SS58)", { value: filter.actor ?? "", size: "50" });
  const patient = field("filter-patient", "Patient (SS58)", { value: filter.patient ?? "", size: "50" });
  const action = field("filter-action", "Action (e.g. AccessDenied)", { value: filter.action ?? "" });
  const since = field("filter-since", "Since", { type: "date", value: filter.since ?? "" });
  form.append(
    actor.wrapper,
    patient.wrapper,
    action.wrapper,
    since.wrapper,
    actions("Filter"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    actor.error.textContent = actor.input.value.trim() ? (checkAddress(actor.input.value, "actor") ?? "") : "";
    patient.error.textContent = patient.input.value.trim()
      ? (checkAddress(patient.input.value, "patient") ?? "")
      : "";
    if (actor.error.textContent || patient.error.textContent) return;
    const next: LogFilter = {};
    if (actor.input.value.trim()) next.actor = actor.input.value.trim();
    if (patient.input.value.trim()) next.patient = patient.input.value.trim();
    if (action.input.value.trim()) next.action = action.input.value.trim();
    if (since.input.value) next.since = since.input.value;
    location.hash = hashOf(next, 0);
  });
  return h(
    "section",
    { "aria-labelledby": "log" },
    h("h2", { id: "log" }, "The access log"),
    form,
    table(
      `Newest first; ${count} entries in all${describeFilter(filter)}.`,
      ["Entry", "When", "Actor", "Patient", "What"],
      shown,
      (entry) => [
        `#${entry.index} (block ${entry.block})`,
        when(entry.timestamp),
        entry.actor ? account(entry.actor) : "the chain",
        entry.patient ? account(entry.patient) : "",
        `${entry.action.type}: ${describeEntry(entry)}`,
      ],
      "No entry matches.",
    ),
    h(
      "nav",
      { class: "pager", "aria-label": "Log pages" },
      page > 0 ? h("a", { href: hashOf(filter, page - 1) }, "Newer") : null,
      h("span", {}, `page ${page + 1}`),
      more ? h("a", { href: hashOf(filter, page + 1) }, "Older") : null,
    ),
  );
}

function verifySection(ctx: Context): HTMLElement {
  const result = h("p", { id: "verify-result", role: "status" });
  const button = h("button", { type: "button" }, "Verify the log's hash chain");
  button.addEventListener("click", async () => {
    result.textContent = "Reading every entry and recomputing the chain…";
    try {
      const { count, head, ok } = await verifyLog(ctx.chain.api);
      result.textContent = ok
        ? `Verified: the ${count} entries hash to the chain's head ${head}.`
        : `Mismatch: the ${count} entries do not hash to the chain's head ${head}.`;
      result.className = ok ? "progress ok" : "progress failed";
    } catch (error) {
      result.textContent = `The log could not be read: ${(error as Error).message}`;
      result.className = "progress failed";
    }
  });
  return h(
    "section",
    { "aria-labelledby": "verify" },
    h("h2", { id: "verify" }, "Verify the log"),
    h(
      "p",
      { class: "muted" },
      "Each entry moves the chain's head: head = BLAKE2b-256(previous head, entry). The page recomputes it from every entry and compares it with the head in finalized state.",
    ),
    button,
    result,
  );
}

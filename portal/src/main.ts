// The MedChain portal: connects to a node (`?node=ws://…`, else the page's host on port 9944),
// offers the accounts it can sign for, and shows the page of the account's role: an admin's, a
// doctor's, or else a patient's (with registration for an account that is no member yet); the
// delegates' page (`#delegates`) is anyone's.

import {
  type Account,
  type Chain,
  DEV_NAMES,
  TxError,
  accountFromSuri,
  connect,
  extensionAccounts,
  submit,
} from "./chain";
import { h } from "./dom";
import { SecretError } from "./keys";
import { adminPage, filterFromHash } from "./admin";
import { delegatesPage } from "./delegates";
import { doctorPage } from "./doctor";
import { type Context, patientPage } from "./patient";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const network = byId<HTMLParagraphElement>("network");
const progress = byId<HTMLParagraphElement>("progress");
const page = byId<HTMLElement>("page");
const menu = byId<HTMLSelectElement>("account");
const who = byId<HTMLFormElement>("who");
const secret = byId<HTMLInputElement>("secret");
const secretError = byId<HTMLParagraphElement>("secret-error");

/** The node's WebSocket URL: `?node=`, else the page's host on the default RPC port. */
export function nodeUrl(location: Location): string {
  const given = new URLSearchParams(location.search).get("node");
  if (given) return given;
  const host = location.hostname || "127.0.0.1";
  return `${location.protocol === "https:" ? "wss" : "ws"}://${host}:9944`;
}

let chain: Chain;
let accounts: Account[] = [];
let busy = false;

function current(): Account | undefined {
  return accounts.find((account) => account.address === menu.value);
}

function showAccounts(selected?: string): void {
  menu.replaceChildren(
    ...accounts.map((account) => h("option", { value: account.address }, account.label)),
  );
  if (selected) menu.value = selected;
}

function setProgress(message: string, state: "" | "ok" | "failed" = ""): void {
  progress.textContent = message;
  progress.className = `progress ${state}`;
}

async function render(): Promise<void> {
  const account = current();
  if (!account) {
    page.replaceChildren(h("p", {}, "Choose an account, or enter a secret of your own."));
    return;
  }
  const [, , logPage] = location.hash.slice(1).split("/");
  const context: Context = { chain, account, run, say: setProgress };
  try {
    const member = await chain.api.query.Registry.Members.getValue(account.address);
    const role = member?.role.type;
    const { filter, page: adminLogPage } = filterFromHash(location.hash);
    const pages = location.hash.startsWith("#delegates")
      ? await delegatesPage(context)
      : role === "Doctor"
        ? await doctorPage(context)
        : role === "Admin"
          ? await adminPage(context, filter, adminLogPage)
          : await patientPage(context, Number(logPage ?? 0) || 0);
    page.replaceChildren(...pages);
  } catch (error) {
    page.replaceChildren(h("p", { class: "alert", role: "alert" }, `The chain could not be read: ${(error as Error).message}`));
  }
}

async function run(what: string, tx: Parameters<typeof submit>[0]): Promise<boolean> {
  const account = current();
  if (!account || busy) return false;
  busy = true;
  for (const button of page.querySelectorAll("button")) button.setAttribute("disabled", "");
  // The last message shows once the page shows the state it speaks of.
  let outcome: [string, "ok" | "failed"];
  try {
    const { block } = await submit(tx, account, (step) => {
      const stage = {
        signing: "signing…",
        submitted: "sent to the node, waiting for a block…",
        "in-block": `in block ${"block" in step ? step.block : ""}, waiting for finality…`,
      }[step.stage];
      setProgress(`${what}: ${stage}`);
    });
    outcome = [`${what}: finalized in block ${block}.`, "ok"];
  } catch (error) {
    const message = error instanceof TxError ? error.message : String(error);
    outcome = [`${what} failed: ${message}`, "failed"];
  }
  busy = false;
  await render();
  setProgress(...outcome);
  return outcome[1] === "ok";
}

async function start(): Promise<void> {
  const url = nodeUrl(location);
  try {
    chain = await connect(url);
  } catch (error) {
    network.textContent = `Cannot reach the node at ${url}: ${String(error)}`;
    return;
  }
  network.textContent = `${chain.name} at ${url}`;
  if (chain.development) {
    accounts = DEV_NAMES.map((name) => accountFromSuri(`//${name}`, `${name} (development account)`));
  }
  accounts.push(...(await extensionAccounts()));
  showAccounts(new URLSearchParams(location.search).get("account") ?? undefined);
  menu.addEventListener("change", () => {
    setProgress("");
    void render();
  });
  who.addEventListener("submit", (event) => {
    event.preventDefault();
    try {
      const account = accountFromSuri(secret.value, "");
      account.label = `${account.address.slice(0, 8)}… (your secret)`;
      accounts = [account, ...accounts.filter((a) => a.address !== account.address)];
      secret.value = "";
      secretError.textContent = "";
      showAccounts(account.address);
      void render();
    } catch (error) {
      secretError.textContent = error instanceof SecretError ? error.message : String(error);
    }
  });
  window.addEventListener("hashchange", () => void render());
  await render();
}

void start();

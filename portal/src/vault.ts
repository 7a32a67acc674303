// Talking to vaults: every request is signed by the sender's account. A doctor uploads a
// document; a viewer asks the vault that keeps a record, which asks the chain first and seals
// the content to the viewer's encryption key; the page opens the seal and checks the content
// against the commitment on chain.

import { ss58Decode } from "@polkadot-labs/hdkd-helpers";

import type { Api } from "./chain";
import {
  type Identity,
  commitment,
  encryptionKeyPair,
  fromHex,
  releaseInfo,
  requestMessage,
  suite,
  toHex,
} from "./keys";

/** A vault's refusal or a failure to reach it, in words. */
export class VaultError extends Error {}

/** The URL of the vault with account `vault`, as the registry holds it. */
export async function vaultEndpoint(api: Api, vault: string): Promise<string> {
  const entry = await api.query.Registry.Vaults.getValue(vault);
  if (!entry) throw new VaultError(`${vault} is not a registered vault`);
  if (!entry.active) throw new VaultError(`the vault ${vault} is retired and releases nothing`);
  return new TextDecoder().decode(entry.endpoint).replace(/\/$/, "");
}

/** What a vault says of itself. */
export interface VaultHealth {
  /** The vault's account (SS58). */
  account: string;
  /** The genesis hash of the chain it serves. */
  genesis: string;
  /** The largest document it accepts, in bytes. */
  max_upload: number;
}

/** What an upload returns: where the content is and the commitment to it. */
export interface Uploaded {
  vault: string;
  content_id: string;
  commitment: string;
  size: number;
}

export async function vaultHealth(endpoint: string): Promise<VaultHealth> {
  const response = await fetch(`${endpoint}/v1/health`);
  if (!response.ok) throw new VaultError(`the vault at ${endpoint} answered ${response.status}`);
  return (await response.json()) as VaultHealth;
}

/** A request to the vault with account `vault`, signed by `identity` as every vault request
 * is; the vault's refusal becomes a `VaultError` with its words. */
async function signed(
  identity: Identity,
  endpoint: string,
  vault: string,
  path: string,
  body: Uint8Array,
): Promise<Response> {
  const [vaultId] = ss58Decode(vault);
  const time = BigInt(Date.now());
  const nonce = crypto.getRandomValues(new Uint8Array(16));
  const signature = identity.sign(requestMessage(vaultId, "POST", path, time, nonce, body));
  let response: Response;
  try {
    response = await fetch(endpoint + path, {
      method: "POST",
      headers: {
        "medchain-account": identity.address,
        "medchain-time": time.toString(),
        "medchain-nonce": toHex(nonce),
        "medchain-signature": toHex(signature),
      },
      body: body.length > 0 ? body.slice() : undefined,
    });
  } catch (error) {
    throw new VaultError(`the vault at ${endpoint} cannot be reached: ${String(error)}`);
  }
  if (!response.ok) {
    const refusal = (await response.json().catch(() => undefined)) as
      | { error?: string }
      | undefined;
    throw new VaultError(refusal?.error ?? `the vault answered ${response.status}`);
  }
  return response;
}

/** `identity`'s own accounting of disclosures from the vault at `endpoint` (account `vault`),
 * as `csv`, `json` or `fhir` (a FHIR R4 Bundle). */
export async function disclosures(
  identity: Identity,
  endpoint: string,
  vault: string,
  format: "csv" | "json" | "fhir",
): Promise<Blob> {
  const response = await signed(identity, endpoint, vault, `/v1/disclosures?format=${format}`, new Uint8Array());
  return await response.blob();
}

/** Puts `document` for `patient` in the vault at `endpoint` (account `vault`), as a doctor. */
export async function upload(
  identity: Identity,
  endpoint: string,
  vault: string,
  patient: string,
  kind: string,
  document: Uint8Array,
): Promise<Uploaded> {
  const query = `patient=${encodeURIComponent(patient)}&kind=${encodeURIComponent(kind)}`;
  const response = await signed(identity, endpoint, vault, `/v1/documents?${query}`, document);
  return (await response.json()) as Uploaded;
}

type Record = NonNullable<Awaited<ReturnType<Api["query"]["Records"]["Records"]["getValue"]>>>;

/** Record `id` and its document, released to `identity` by its vault for `purpose` (an HL7
 * v3 code) and checked. */
export async function openRecord(
  api: Api,
  identity: Identity,
  id: bigint,
  purpose: string,
): Promise<{ record: Record; document: Uint8Array }> {
  const record = await api.query.Records.Records.getValue(id);
  if (!record) throw new VaultError(`there is no record ${id}`);
  if (record.erased_at !== undefined) {
    throw new VaultError(`record ${id} was erased at block ${record.erased_at}`);
  }
  const vault = record.locator.vault;
  const endpoint = await vaultEndpoint(api, vault);
  const path = `/v1/records/${id}/release?purpose=${encodeURIComponent(purpose)}`;
  const response = await signed(identity, endpoint, vault, path, new Uint8Array());
  const encapped = response.headers.get("medchain-encapped-key");
  if (!encapped) throw new VaultError("the vault's answer carries no sealed key");
  const keys = await encryptionKeyPair(identity);
  const [vaultId] = ss58Decode(vault);
  const recipient = await suite.createRecipientContext({
    recipientKey: keys,
    enc: fromHex(encapped).slice().buffer,
    info: releaseInfo(vaultId, id).slice().buffer,
  });
  let opened: Uint8Array;
  try {
    opened = new Uint8Array(await recipient.open(await response.arrayBuffer()));
  } catch {
    throw new VaultError(
      "the release does not open with this account's encryption key: was the key rotated with another secret?",
    );
  }
  const salt = opened.subarray(0, 32);
  const document = opened.subarray(32);
  if (toHex(commitment(salt, document)) !== record.commitment.replace(/^0x/, "")) {
    throw new VaultError("the released content does not match the record's commitment on chain");
  }
  return { record, document };
}

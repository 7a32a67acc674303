// The portal's view of the chain: a typed client from the committed metadata, the accounts
// that sign, and transactions that report their progress and end with a plain message.

import { medchain } from "@polkadot-api/descriptors";
import { type PolkadotSigner, type TypedApi, type TxEvent } from "polkadot-api";
import { getInjectedExtensions, connectInjectedExtension } from "polkadot-api/pjs-signer";
import { getPolkadotSigner } from "polkadot-api/signer";
import { createWsClient } from "polkadot-api/ws";

import errorDocs from "./generated/errors.json";
import { type Identity, identityFromSuri } from "./keys";

export type Api = TypedApi<typeof medchain>;

/** A connection to a MedChain node. */
export interface Chain {
  api: Api;
  /** The node's WebSocket URL. */
  url: string;
  /** The chain's name, as the node reports it. */
  name: string;
  /** Whether it is a development or local test chain (by the names our node gives them),
   * whose well-known dev accounts the portal offers. */
  development: boolean;
  /** How long a block takes, in milliseconds. */
  blockTimeMs: number;
  disconnect(): void;
}

export async function connect(url: string): Promise<Chain> {
  const client = createWsClient(url);
  const api = client.getTypedApi(medchain);
  const spec = await client.getChainSpecData();
  const slot = await api.constants.Aura.SlotDuration();
  return {
    api,
    url,
    name: spec.name,
    development: /Development|Local Testnet/.test(spec.name),
    blockTimeMs: Number(slot),
    disconnect: () => client.destroy(),
  };
}

/** Someone the portal signs for. */
export interface Account {
  /** What the account menu shows. */
  label: string;
  address: string;
  signer: PolkadotSigner;
  /** The secret, when it lives in this page (a dev account or an entered secret): needed to
   * derive the encryption key that opens records and to sign vault requests. */
  identity?: Identity;
}

/** The well-known development accounts, offered on a development chain only. */
export const DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];

export function accountFromSuri(suri: string, label: string): Account {
  const identity = identityFromSuri(suri);
  return {
    label,
    address: identity.address,
    signer: getPolkadotSigner(identity.publicKey, "Sr25519", identity.sign),
    identity,
  };
}

/** Accounts of the browser extensions present (Polkadot.js, Talisman, SubWallet…), through
 * the injected-accounts standard; each extension asks its user before it shares any. */
export async function extensionAccounts(): Promise<Account[]> {
  const accounts: Account[] = [];
  for (const name of getInjectedExtensions()) {
    try {
      const extension = await connectInjectedExtension(name, "MedChain portal");
      for (const account of extension.getAccounts()) {
        accounts.push({
          label: `${account.name ?? account.address} (${name})`,
          address: account.address,
          signer: account.polkadotSigner,
        });
      }
    } catch {
      // The user declined to share this extension's accounts.
    }
  }
  return accounts;
}

type Docs = Record<string, Record<string, string>>;

/** A dispatch error in words: the error's documentation from the metadata. */
export function explain(dispatchError: { type: string; value: unknown }): string {
  if (dispatchError.type === "Module") {
    const module = dispatchError.value as { type: string; value?: { type: string } };
    const name = module.value?.type;
    const doc = name ? (errorDocs as Docs)[module.type]?.[name] : undefined;
    if (name && doc) return `${doc} (${module.type}.${name})`;
    return `${module.type}.${name ?? "unknown error"}`;
  }
  if (dispatchError.type === "BadOrigin") return "This account may not make this call.";
  const value = dispatchError.value as { type?: string } | undefined;
  return value?.type ? `${dispatchError.type}: ${value.type}` : dispatchError.type;
}

/** Where a transaction is, until a finalized block holds it. */
export type Progress =
  | { stage: "signing" }
  | { stage: "submitted" }
  | { stage: "in-block"; block: number };

/** A transaction refused by the pool or failed in its block. */
export class TxError extends Error {}

interface Submittable {
  signSubmitAndWatch(
    signer: PolkadotSigner,
  ): { subscribe(observer: { next(e: TxEvent): void; error(e: unknown): void }): unknown };
}

/**
 * Signs and submits `tx`, reporting each stage; resolves with the number of the finalized block
 * that holds it, and rejects with the error's documentation when it failed.
 */
export function submit(
  tx: Submittable,
  account: Account,
  onProgress: (progress: Progress) => void,
): Promise<{ block: number }> {
  onProgress({ stage: "signing" });
  return new Promise((resolve, reject) => {
    tx.signSubmitAndWatch(account.signer).subscribe({
      next(event) {
        if (event.type === "broadcasted") onProgress({ stage: "submitted" });
        if (event.type === "txBestBlocksState" && event.found) {
          if (!event.ok) {
            reject(new TxError(explain(event.dispatchError)));
            return;
          }
          onProgress({ stage: "in-block", block: event.block.number });
        }
        if (event.type === "finalized") {
          if (event.ok) {
            resolve({ block: event.block.number });
          } else {
            reject(new TxError(explain(event.dispatchError)));
          }
        }
      },
      error(error) {
        reject(new TxError(describe(error)));
      },
    });
  });
}

/** A refusal by the node (an invalid transaction) or a failure to reach it, in words. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    const invalid = (error as { error?: { type?: string; value?: { type?: string } } }).error;
    if (invalid?.type === "Invalid" && invalid.value?.type === "Payment") {
      return "The account cannot pay the transaction fee: it needs funds first.";
    }
    if (invalid?.type) {
      return `The node refused the transaction: ${invalid.type}${invalid.value?.type ? ` (${invalid.value.type})` : ""}.`;
    }
    return error.message;
  }
  return String(error);
}

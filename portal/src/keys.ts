// A person's keys in the browser: the sr25519 account key that signs, and the X25519 key that
// opens what vaults release to them, both from one secret URI, as the Rust client derives them.
// Secrets stay in this page's memory; nothing here sends them anywhere.

import { Chacha20Poly1305 } from "@hpke/chacha20poly1305";
import { CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from "@hpke/core";
import {
  DEV_PHRASE,
  blake2b256,
  mnemonicToMiniSecret,
  ss58Address,
  validateMnemonic,
} from "@polkadot-labs/hdkd-helpers";
import { HDKD, getPublicKey, secretFromSeed, sign } from "@scure/sr25519";

const encoder = new TextEncoder();

/** The prefix of the input keying material of a member's encryption key (as in the client). */
export const KEY_DERIVATION_CONTEXT = encoder.encode("medchain/encryption-key/v1");
/** The prefix of every commitment's hashed input. */
export const COMMITMENT_CONTEXT = encoder.encode("medchain/commitment/v1");
/** The prefix of every signed vault request. */
export const REQUEST_CONTEXT = encoder.encode("medchain/vault-request/v1");
/** The prefix of a release's HPKE `info`. */
export const RELEASE_CONTEXT = encoder.encode("medchain/release/v1");

/** The HPKE suite vaults seal releases with: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305. */
export const suite = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Chacha20Poly1305(),
});

/** A secret URI the portal cannot use, with the reason. */
export class SecretError extends Error {}

/** An account that signs in this page. */
export interface Identity {
  /** The sr25519 public key (the account id). */
  publicKey: Uint8Array;
  /** The account in SS58 (generic prefix 42). */
  address: string;
  /** Signs `message` with the account key. */
  sign(message: Uint8Array): Uint8Array;
  /** The 64-byte secret key in schnorrkel's encoding (scalar, then nonce). */
  secret: Uint8Array;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** SCALE's compact encoding of a length. */
function compactLength(n: number): Uint8Array {
  if (n < 1 << 6) return Uint8Array.of(n << 2);
  if (n < 1 << 14) return Uint8Array.of(((n << 2) | 1) & 0xff, n >> 6);
  const v = (n << 2) | 2;
  return Uint8Array.of(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
}

/** A derivation junction's chain code, as Substrate makes it: a number as a little-endian
 * u64, anything else SCALE-encoded as a string; longer than 32 bytes, its BLAKE2b-256 hash. */
export function chainCode(junction: string): Uint8Array {
  let encoded: Uint8Array;
  if (/^[0-9]+$/.test(junction) && BigInt(junction) < 1n << 64n) {
    encoded = new Uint8Array(8);
    new DataView(encoded.buffer).setBigUint64(0, BigInt(junction), true);
  } else {
    const bytes = encoder.encode(junction);
    encoded = concat(compactLength(bytes.length), bytes);
  }
  if (encoded.length > 32) return blake2b256(encoded);
  const code = new Uint8Array(32);
  code.set(encoded);
  return code;
}

/** @scure/sr25519 keeps the scalar as Ed25519 does (times the cofactor); schnorrkel's
 * `SecretKey::to_bytes`, which the Rust client derives from, keeps the scalar itself. */
function schnorrkelSecret(scureSecret: Uint8Array): Uint8Array {
  let scalar = 0n;
  for (let i = 31; i >= 0; i--) scalar = (scalar << 8n) | BigInt(scureSecret[i]!);
  scalar >>= 3n;
  const key = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    key[i] = Number(scalar & 0xffn);
    scalar >>= 8n;
  }
  return concat(key, scureSecret.subarray(32));
}

/**
 * The identity of a secret URI: a development account (`//Alice`), a mnemonic with hard
 * derivations (`word … word//hospital`), or a `0x` mini secret. Soft derivations (`/path`) and
 * passwords (`///`) are refused: a soft-derived key's nonce is random in sr25519, so its
 * encryption key could not be derived again.
 */
export function identityFromSuri(suri: string): Identity {
  const trimmed = suri.trim();
  if (trimmed === "") throw new SecretError("enter a secret: a mnemonic, a 0x seed or //Name");
  // As Substrate reads a secret URI: a phrase or seed, then derivations, then a password.
  const parts = /^(?<phrase>[^/]*)(?<paths>(?:\/\/?[^/]+)*)(?:\/\/\/(?<password>.*))?$/.exec(trimmed);
  if (!parts?.groups) throw new SecretError("the secret URI is malformed");
  const { phrase, paths, password } = parts.groups;
  if (password !== undefined) throw new SecretError("passwords (///) are not supported here");
  let miniSecret: Uint8Array;
  const words = phrase?.trim() || DEV_PHRASE;
  if (/^0x[0-9a-fA-F]{64}$/.test(words)) {
    miniSecret = Uint8Array.from(words.slice(2).match(/../g)!.map((b) => parseInt(b, 16)));
  } else if (validateMnemonic(words)) {
    miniSecret = mnemonicToMiniSecret(words);
  } else {
    throw new SecretError("the secret is neither a valid mnemonic nor a 0x seed of 32 bytes");
  }
  let secret: Uint8Array = secretFromSeed(miniSecret);
  for (const [, kind, junction] of (paths ?? "").matchAll(/(\/{1,2})([^/]+)/g)) {
    if (kind !== "//") {
      throw new SecretError(`soft derivation /${junction} is not supported: use //${junction}`);
    }
    secret = HDKD.secretHard(secret, chainCode(junction!));
  }
  const publicKey = getPublicKey(secret);
  const signing = secret;
  return {
    publicKey,
    address: ss58Address(publicKey, 42),
    sign: (message) => sign(signing, message),
    secret: schnorrkelSecret(secret),
  };
}

/** The X25519 key pair of a member, from their account secret (RFC 9180 DeriveKeyPair). */
export async function encryptionKeyPair(identity: Identity): Promise<CryptoKeyPair> {
  const ikm = concat(KEY_DERIVATION_CONTEXT, identity.secret);
  return suite.kem.deriveKeyPair(ikm.slice().buffer);
}

/** The 32-byte public encryption key the registry holds for `identity`. */
export async function encryptionPublicKey(identity: Identity): Promise<Uint8Array> {
  const pair = await encryptionKeyPair(identity);
  return new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey));
}

/** The HPKE `info` of a release of `record` by the vault with account id `vault`. */
export function releaseInfo(vault: Uint8Array, record: bigint): Uint8Array {
  const id = new Uint8Array(8);
  new DataView(id.buffer).setBigUint64(0, record, true);
  return concat(RELEASE_CONTEXT, vault, id);
}

/** The salted commitment to `content`, as the chain holds it. */
export function commitment(salt: Uint8Array, content: Uint8Array): Uint8Array {
  return blake2b256(concat(COMMITMENT_CONTEXT, salt, content));
}

/** What a signer signs for a request to the vault with account id `vault`. */
export function requestMessage(
  vault: Uint8Array,
  method: string,
  path: string,
  timeMs: bigint,
  nonce: Uint8Array,
  body: Uint8Array,
): Uint8Array {
  const time = new Uint8Array(8);
  new DataView(time.buffer).setBigUint64(0, timeMs, true);
  return concat(
    REQUEST_CONTEXT,
    vault,
    encoder.encode(`${method} ${path}`),
    time,
    nonce,
    blake2b256(body),
  );
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function fromHex(hex: string): Uint8Array {
  const digits = hex.startsWith("0x") ? hex.slice(2) : hex;
  if (digits.length % 2 !== 0 || /[^0-9a-fA-F]/.test(digits)) {
    throw new Error(`not hex: ${hex}`);
  }
  return Uint8Array.from(digits.match(/../g) ?? [], (b) => parseInt(b, 16));
}

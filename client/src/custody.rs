//! Record custody: what the client and the vault agree on.
//!
//! - **One secret per person.** A member's X25519 encryption key is derived from their account
//!   secret: the RFC 9180 `DeriveKeyPair` of DHKEM(X25519, HKDF-SHA256), with input keying
//!   material [`KEY_DERIVATION_CONTEXT`] followed by the 64 bytes of the account's sr25519
//!   secret key (schnorrkel's encoding: the scalar, then the nonce). The same secret URI always
//!   gives the same encryption key; `register` and `rotate-key` publish its public half.
//! - **Salted commitments.** [`commitment`] is BLAKE2b-256 over [`COMMITMENT_CONTEXT`], a
//!   random 32-byte salt and the content. The vault keeps the salt and hands it over, sealed,
//!   with the content; without it the commitment confirms no guess of the content.
//! - **Signed requests.** Every request to a vault carries the signer's account, the time, a
//!   random nonce and an sr25519 signature over [`request_message`]: the vault's account, the
//!   method, the path, the time, the nonce and the hash of the body. The vault refuses stale,
//!   replayed and badly signed requests.
//! - **Sealed releases.** The vault seals what it releases to the viewer's registered
//!   encryption key with HPKE (RFC 9180, base mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
//!   ChaCha20-Poly1305); the `info` names the vault and the record ([`release_info`]). The
//!   plaintext is the 32-byte salt followed by the document.

use hpke::{
	aead::ChaCha20Poly1305, kdf::HkdfSha256, kem::X25519HkdfSha256, Deserializable, Kem as _,
	OpModeR, OpModeS, Serializable,
};
use rand::RngCore;
use sp_core::Pair as _;

use crate::{account_of, keypair, AccountId, Error, Keypair, RecordId};

/// The prefix of the input keying material a member's encryption key is derived from.
pub const KEY_DERIVATION_CONTEXT: &[u8] = b"medchain/encryption-key/v1";
/// The prefix of every commitment's hashed input.
pub const COMMITMENT_CONTEXT: &[u8] = b"medchain/commitment/v1";
/// The prefix of every signed vault request.
pub const REQUEST_CONTEXT: &[u8] = b"medchain/vault-request/v1";

/// The header naming the signer of a vault request (SS58).
pub const ACCOUNT_HEADER: &str = "medchain-account";
/// The header with the request's time, in milliseconds since the Unix epoch.
pub const TIME_HEADER: &str = "medchain-time";
/// The header with the request's random nonce (16 bytes, hex).
pub const NONCE_HEADER: &str = "medchain-nonce";
/// The header with the request's sr25519 signature (hex).
pub const SIGNATURE_HEADER: &str = "medchain-signature";
/// The response header with the HPKE encapsulated key of a sealed release (hex).
pub const ENCAPPED_KEY_HEADER: &str = "medchain-encapped-key";
/// The response header with the number of the block that logged a release.
pub const RELEASE_BLOCK_HEADER: &str = "medchain-release-block";

type Kem = X25519HkdfSha256;

/// A member's X25519 key pair, derived from their account secret.
#[derive(Clone)]
pub struct EncryptionKeypair {
	secret: <Kem as hpke::Kem>::PrivateKey,
	public: [u8; 32],
}

impl EncryptionKeypair {
	/// The key pair derived from a 64-byte sr25519 secret key.
	pub fn from_account_secret(secret: &[u8]) -> Self {
		let ikm = [KEY_DERIVATION_CONTEXT, secret].concat();
		let (secret, public) = Kem::derive_keypair(&ikm);
		Self { secret, public: public.to_bytes().into() }
	}

	/// The public key, as the registry holds it.
	pub fn public(&self) -> [u8; 32] {
		self.public
	}

	/// Opens what a vault sealed to this key for `record`.
	pub fn open(
		&self,
		vault: &AccountId,
		record: RecordId,
		encapped_key: &[u8],
		ciphertext: &[u8],
	) -> Result<Vec<u8>, Error> {
		let encapped = <Kem as hpke::Kem>::EncappedKey::from_bytes(encapped_key)
			.map_err(|e| Error::Custody(format!("the sealed release's key is malformed: {e}")))?;
		hpke::single_shot_open::<ChaCha20Poly1305, HkdfSha256, Kem>(
			&OpModeR::Base,
			&self.secret,
			&encapped,
			&release_info(vault, record),
			ciphertext,
			&[],
		)
		.map_err(|_| {
			Error::Custody(
				"the sealed release does not open with this account's encryption key: was the \
				 key rotated with another secret?"
					.into(),
			)
		})
	}
}

/// A member's keys: the account key pair that signs, and the encryption key pair that opens
/// what vaults release to them. Both come from one secret URI.
#[derive(Clone)]
pub struct Identity {
	/// Signs transactions and vault requests.
	pub signer: Keypair,
	/// Opens sealed releases.
	pub encryption: EncryptionKeypair,
}

impl Identity {
	/// The keys of a secret URI (as [`keypair`] reads it).
	pub fn from_suri(suri: &str) -> Result<Self, Error> {
		let signer = keypair(suri)?;
		let pair = sp_core::sr25519::Pair::from_string(suri.trim(), None)
			.map_err(|e| Error::Secret(format!("{e:?}")))?;
		let secret = zeroize::Zeroizing::new(pair.to_raw_vec());
		Ok(Self { signer, encryption: EncryptionKeypair::from_account_secret(&secret) })
	}

	/// The account.
	pub fn account(&self) -> AccountId {
		account_of(&self.signer)
	}
}

/// The salted commitment to `content`.
pub fn commitment(salt: &[u8; 32], content: &[u8]) -> [u8; 32] {
	let mut input = Vec::with_capacity(COMMITMENT_CONTEXT.len() + 32 + content.len());
	input.extend_from_slice(COMMITMENT_CONTEXT);
	input.extend_from_slice(salt);
	input.extend_from_slice(content);
	sp_crypto_hashing::blake2_256(&input)
}

/// The document of an opened release (the salt, then the document), if it matches the
/// record's `commitment`.
pub fn check_release(opened: &[u8], commitment: &[u8; 32]) -> Result<Vec<u8>, Error> {
	let Some((salt, document)) = opened.split_first_chunk::<32>() else {
		return Err(Error::Custody("the release is too short to hold a salt".into()));
	};
	if self::commitment(salt, document) != *commitment {
		return Err(Error::Custody(
			"the released document does not match the record's commitment: the vault sent \
			 other content than the doctor submitted; it was not written"
				.into(),
		));
	}
	Ok(document.to_vec())
}

/// `n` random bytes from the operating system's generator.
pub fn random<const N: usize>() -> [u8; N] {
	let mut bytes = [0u8; N];
	rand::rng().fill_bytes(&mut bytes);
	bytes
}

/// The HPKE `info` of a release of `record` by `vault`.
pub fn release_info(vault: &AccountId, record: RecordId) -> Vec<u8> {
	[b"medchain/release/v1".as_slice(), &vault.0, &record.to_le_bytes()].concat()
}

/// Seals `plaintext` to `recipient`'s X25519 public key; returns the encapsulated key and the
/// ciphertext.
pub fn seal(
	recipient: &[u8; 32],
	info: &[u8],
	plaintext: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), Error> {
	let recipient = <Kem as hpke::Kem>::PublicKey::from_bytes(recipient)
		.map_err(|e| Error::Custody(format!("the registered encryption key is malformed: {e}")))?;
	let (encapped, ciphertext) = hpke::single_shot_seal::<ChaCha20Poly1305, HkdfSha256, Kem, _>(
		&OpModeS::Base,
		&recipient,
		info,
		plaintext,
		&[],
		&mut rand::rng(),
	)
	.map_err(|e| Error::Custody(format!("sealing failed: {e}")))?;
	Ok((encapped.to_bytes().to_vec(), ciphertext))
}

/// What a signer signs for a vault request.
pub fn request_message(
	vault: &AccountId,
	method: &str,
	path: &str,
	time_ms: u64,
	nonce: &[u8; 16],
	body: &[u8],
) -> Vec<u8> {
	[
		REQUEST_CONTEXT,
		&vault.0,
		method.as_bytes(),
		b" ",
		path.as_bytes(),
		&time_ms.to_le_bytes(),
		nonce,
		&sp_crypto_hashing::blake2_256(body),
	]
	.concat()
}

/// The headers that sign a request to `vault` as `signer`.
pub fn sign_request(
	signer: &Keypair,
	vault: &AccountId,
	method: &str,
	path: &str,
	body: &[u8],
) -> Vec<(&'static str, String)> {
	let time_ms = now_ms();
	let nonce = random::<16>();
	let message = request_message(vault, method, path, time_ms, &nonce, body);
	vec![
		(ACCOUNT_HEADER, account_of(signer).to_string()),
		(TIME_HEADER, time_ms.to_string()),
		(NONCE_HEADER, hex::encode(nonce)),
		(SIGNATURE_HEADER, hex::encode(signer.sign(&message).0)),
	]
}

/// Whether `signature` (64 bytes) is `account`'s signature of `message`.
pub fn verify(account: &AccountId, message: &[u8], signature: &[u8]) -> bool {
	let Ok(signature) = <[u8; 64]>::try_from(signature) else { return false };
	subxt_signer::sr25519::verify(
		&subxt_signer::sr25519::Signature(signature),
		message,
		&subxt_signer::sr25519::PublicKey(account.0),
	)
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|elapsed| elapsed.as_millis() as u64)
		.unwrap_or_default()
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The derivation's test vector: the portal and any other client must derive the same keys.
	#[test]
	fn encryption_keys_derive_from_the_account_secret() {
		let alice = Identity::from_suri("//Alice").unwrap();
		assert_eq!(
			hex::encode(alice.encryption.public()),
			"bc3cb44ebec3ec7c3db116098baa5052d615054e0d7c99b8304263b134faad6a"
		);
		let again = Identity::from_suri("//Alice").unwrap();
		assert_eq!(alice.encryption.public(), again.encryption.public());
		let bob = Identity::from_suri("//Bob").unwrap();
		assert_ne!(alice.encryption.public(), bob.encryption.public());
	}

	#[test]
	fn a_sealed_release_opens_only_for_its_recipient_and_record() {
		let vault = Identity::from_suri("//Alice//vault").unwrap().account();
		let charlie = Identity::from_suri("//Charlie").unwrap();
		let (encapped, ciphertext) =
			seal(&charlie.encryption.public(), &release_info(&vault, 3), b"salt and document")
				.unwrap();
		assert_eq!(
			charlie.encryption.open(&vault, 3, &encapped, &ciphertext).unwrap(),
			b"salt and document"
		);
		assert!(charlie.encryption.open(&vault, 4, &encapped, &ciphertext).is_err());
		let dave = Identity::from_suri("//Dave").unwrap();
		assert!(dave.encryption.open(&vault, 3, &encapped, &ciphertext).is_err());
	}

	#[test]
	fn a_request_signature_covers_every_part() {
		let bob = Identity::from_suri("//Bob").unwrap();
		let vault = Identity::from_suri("//Alice//vault").unwrap().account();
		let nonce = [1; 16];
		let message = request_message(&vault, "POST", "/v1/documents", 5, &nonce, b"body");
		let signature = bob.signer.sign(&message).0;
		assert!(verify(&bob.account(), &message, &signature));
		for other in [
			request_message(&vault, "POST", "/v1/documents", 6, &nonce, b"body"),
			request_message(&vault, "POST", "/v1/documents", 5, &[2; 16], b"body"),
			request_message(&vault, "POST", "/v1/documents", 5, &nonce, b"bodY"),
			request_message(&vault, "POST", "/v1/records/1", 5, &nonce, b"body"),
			request_message(&bob.account(), "POST", "/v1/documents", 5, &nonce, b"body"),
		] {
			assert!(!verify(&bob.account(), &other, &signature));
		}
		assert!(!verify(&vault, &message, &signature));
	}

	#[test]
	fn a_release_must_match_the_commitment() {
		let salt = [3; 32];
		let committed = commitment(&salt, b"potassium 4.1");
		let opened = [salt.as_slice(), b"potassium 4.1"].concat();
		assert_eq!(check_release(&opened, &committed).unwrap(), b"potassium 4.1");
		let swapped = [salt.as_slice(), b"potassium 6.9"].concat();
		let error = check_release(&swapped, &committed).unwrap_err().to_string();
		assert!(error.contains("does not match the record's commitment"), "{error}");
		assert!(check_release(&[1; 31], &committed).is_err(), "too short for a salt");
	}

	#[test]
	fn a_commitment_depends_on_salt_and_content() {
		let c = commitment(&[1; 32], b"glucose 5.4");
		assert_eq!(c, commitment(&[1; 32], b"glucose 5.4"));
		assert_ne!(c, commitment(&[2; 32], b"glucose 5.4"));
		assert_ne!(c, commitment(&[1; 32], b"glucose 5.5"));
		assert_ne!(c, sp_crypto_hashing::blake2_256(b"glucose 5.4"));
	}
}

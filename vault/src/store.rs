//! Where the vault keeps documents: an object store (a local directory or an S3-compatible
//! bucket), every document encrypted at rest under its own key, every key wrapped by the
//! vault's master key.
//!
//! Objects, by content id (16 random bytes, hex):
//! - `content/<id>`: a 24-byte nonce, then XChaCha20-Poly1305 of the commitment's salt and the
//!   document under the document's key (associated data: the id);
//! - `keys/<id>`: the document's key wrapped by the master key ([`WrappedKey`], JSON);
//! - `meta/<id>`: who uploaded it, for whom, and whether a record holds it ([`Meta`], JSON).
//!
//! Altered content or keys fail their authentication tag and are never served.

use std::{
	fs,
	io::Write,
	os::unix::fs::{OpenOptionsExt, PermissionsExt},
	path::{Path as FsPath, PathBuf},
	sync::Arc,
};

use chacha20poly1305::{
	aead::{Aead, KeyInit, Payload},
	XChaCha20Poly1305, XNonce,
};
use futures::TryStreamExt;
use medchain_client::custody::random;
use object_store::{local::LocalFileSystem, path::Path, ObjectStore, PutPayload};
use serde::{Deserialize, Serialize};

/// What can go wrong with stored objects.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
	/// No object with this id.
	#[error("no stored content has this id")]
	Missing,
	/// An object failed its authentication tag or does not parse: it was altered.
	#[error(
		"the stored {0} failed its integrity check and is not served; restore it from a backup"
	)]
	Altered(&'static str),
	/// The object store or the file system failed.
	#[error("storage: {0}")]
	Io(String),
}

impl From<object_store::Error> for StoreError {
	fn from(error: object_store::Error) -> Self {
		match error {
			object_store::Error::NotFound { .. } => StoreError::Missing,
			other => StoreError::Io(other.to_string()),
		}
	}
}

/// The vault's master key: 32 bytes in a file only its owner may read.
pub struct MasterKey {
	key: [u8; 32],
}

impl MasterKey {
	/// The key in `path`, created (mode 0600) with a fresh random key when there is none.
	pub fn load_or_create(path: &FsPath) -> Result<Self, StoreError> {
		if !path.exists() {
			write_secret(path, &random::<32>())?;
		}
		Self::load(path)
	}

	/// The key in `path`; refuses a file that others may read.
	pub fn load(path: &FsPath) -> Result<Self, StoreError> {
		let io = |e: std::io::Error| StoreError::Io(format!("{}: {e}", path.display()));
		let mode = fs::metadata(path).map_err(io)?.permissions().mode();
		if mode & 0o077 != 0 {
			return Err(StoreError::Io(format!(
				"{} may be read by others (mode {:o}); run chmod 600 on it",
				path.display(),
				mode & 0o777
			)));
		}
		let text = fs::read_to_string(path).map_err(io)?;
		let key = hex::decode(text.trim())
			.ok()
			.and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
			.ok_or_else(|| {
				StoreError::Io(format!("{} is not a 32-byte hex key", path.display()))
			})?;
		Ok(Self { key })
	}

	/// A short public name of the key, stored with every key it wraps.
	pub fn fingerprint(&self) -> String {
		hex::encode(&sp_crypto_hashing::blake2_256(&self.key)[..8])
	}

	fn wrap(&self, id: &str, record_key: &[u8; 32]) -> Result<WrappedKey, StoreError> {
		let (nonce, wrapped) = seal(&self.key, id, record_key)?;
		Ok(WrappedKey {
			master: self.fingerprint(),
			nonce: hex::encode(nonce),
			wrapped: hex::encode(wrapped),
		})
	}

	fn unwrap(&self, id: &str, wrapped: &WrappedKey) -> Result<[u8; 32], StoreError> {
		if wrapped.master != self.fingerprint() {
			return Err(StoreError::Io(format!(
				"the key of {id} is wrapped by master key {}, not by this vault's {}",
				wrapped.master,
				self.fingerprint()
			)));
		}
		let nonce = hex::decode(&wrapped.nonce).map_err(|_| StoreError::Altered("key"))?;
		let sealed = hex::decode(&wrapped.wrapped).map_err(|_| StoreError::Altered("key"))?;
		open(&self.key, id, &nonce, &sealed, "key")?
			.try_into()
			.map_err(|_| StoreError::Altered("key"))
	}
}

/// Writes `key` as hex to a new file at `path` with mode 0600.
pub fn write_secret(path: &FsPath, key: &[u8; 32]) -> Result<(), StoreError> {
	let io = |e: std::io::Error| StoreError::Io(format!("{}: {e}", path.display()));
	if let Some(parent) = path.parent() {
		fs::create_dir_all(parent).map_err(io)?;
	}
	let mut file =
		fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(io)?;
	file.write_all(hex::encode(key).as_bytes()).map_err(io)?;
	file.sync_all().map_err(io)
}

/// A document's key, wrapped by the master key.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WrappedKey {
	/// The fingerprint of the master key that wrapped it.
	pub master: String,
	/// The wrapping nonce (24 bytes, hex).
	pub nonce: String,
	/// The wrapped key and its tag (hex).
	pub wrapped: String,
}

/// What the vault knows about a document besides its content.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Meta {
	/// The doctor who uploaded it (SS58).
	pub doctor: String,
	/// The patient it is for (SS58).
	pub patient: String,
	/// Its record kind.
	pub kind: String,
	/// Its size in bytes.
	pub size: u64,
	/// When it was uploaded (milliseconds since the Unix epoch).
	pub uploaded_ms: u64,
	/// The approved record that holds it, once the vault has seen one.
	pub record: Option<u64>,
}

/// The vault's documents.
#[derive(Clone)]
pub struct Store {
	objects: Arc<dyn ObjectStore>,
	prefix: Path,
	master: Arc<MasterKey>,
}

impl Store {
	/// The store at `location` (`file:///dir`, `s3://bucket/prefix`, or a directory), with
	/// documents' keys wrapped by `master`. An S3 store takes its credentials, region and
	/// endpoint from `options` (`aws_access_key_id`, `aws_region`, `aws_endpoint`, ...; the
	/// vault passes its `AWS_*` environment variables).
	pub fn open(
		location: &str,
		master: MasterKey,
		options: impl IntoIterator<Item = (String, String)>,
	) -> Result<Self, StoreError> {
		let (objects, prefix): (Arc<dyn ObjectStore>, Path) = match url::Url::parse(location) {
			Ok(url) if url.scheme() != "file" => {
				let (store, prefix) = object_store::parse_url_opts(&url, options)?;
				(Arc::from(store), prefix)
			},
			parsed => {
				let dir = match parsed {
					Ok(url) => url.to_file_path().map_err(|_| {
						StoreError::Io(format!("{location} is not a local directory URL"))
					})?,
					Err(_) => PathBuf::from(location),
				};
				fs::create_dir_all(&dir)
					.map_err(|e| StoreError::Io(format!("{}: {e}", dir.display())))?;
				(Arc::new(LocalFileSystem::new_with_prefix(&dir)?), Path::default())
			},
		};
		Ok(Self { objects, prefix, master: Arc::new(master) })
	}

	fn path(&self, kind: &str, id: &str) -> Path {
		self.prefix.child(kind).child(id)
	}

	/// Stores `plaintext` (the salt and the document) under a fresh id with `meta`; returns
	/// the id. The content and its key are written before the metadata, so a listed document
	/// always has both.
	pub async fn put(&self, plaintext: &[u8], meta: &Meta) -> Result<String, StoreError> {
		let id = hex::encode(random::<16>());
		let record_key = random::<32>();
		let (nonce, sealed) = seal(&record_key, &id, plaintext)?;
		let content = [nonce.as_slice(), &sealed].concat();
		self.objects.put(&self.path("content", &id), PutPayload::from(content)).await?;
		self.write_json("keys", &id, &self.master.wrap(&id, &record_key)?).await?;
		self.write_meta(&id, meta).await?;
		Ok(id)
	}

	/// The salt and document stored under `id`, checked against their authentication tags.
	pub async fn get(&self, id: &str) -> Result<Vec<u8>, StoreError> {
		let wrapped: WrappedKey = self.read_json("keys", id, "key").await?;
		let record_key = self.master.unwrap(id, &wrapped)?;
		let content = self.objects.get(&self.path("content", id)).await?.bytes().await?;
		if content.len() < 24 {
			return Err(StoreError::Altered("content"));
		}
		let (nonce, sealed) = content.split_at(24);
		open(&record_key, id, nonce, sealed, "content")
	}

	/// The metadata of `id`.
	pub async fn meta(&self, id: &str) -> Result<Meta, StoreError> {
		self.read_json("meta", id, "metadata").await
	}

	/// Replaces the metadata of `id`.
	pub async fn write_meta(&self, id: &str, meta: &Meta) -> Result<(), StoreError> {
		self.write_json("meta", id, meta).await
	}

	/// Deletes the content, key and metadata of `id`.
	pub async fn delete(&self, id: &str) -> Result<(), StoreError> {
		for kind in ["content", "keys", "meta"] {
			match self.objects.delete(&self.path(kind, id)).await {
				Ok(()) | Err(object_store::Error::NotFound { .. }) => {},
				Err(other) => return Err(other.into()),
			}
		}
		Ok(())
	}

	/// The ids of every stored document.
	pub async fn ids(&self) -> Result<Vec<String>, StoreError> {
		self.list("meta").await
	}

	async fn list(&self, kind: &str) -> Result<Vec<String>, StoreError> {
		let prefix = self.prefix.child(kind);
		let objects: Vec<_> = self.objects.list(Some(&prefix)).try_collect().await?;
		Ok(objects.into_iter().filter_map(|o| o.location.filename().map(str::to_owned)).collect())
	}

	/// Re-wraps every document key wrapped by `old` with this store's master key; returns how
	/// many it re-wrapped. Content is not touched.
	pub async fn rewrap(&self, old: &MasterKey) -> Result<usize, StoreError> {
		let mut rewrapped = 0;
		for id in self.list("keys").await? {
			let wrapped: WrappedKey = self.read_json("keys", &id, "key").await?;
			if wrapped.master == self.master.fingerprint() {
				continue;
			}
			let record_key = old.unwrap(&id, &wrapped)?;
			self.write_json("keys", &id, &self.master.wrap(&id, &record_key)?).await?;
			rewrapped += 1;
		}
		Ok(rewrapped)
	}

	async fn write_json(
		&self,
		kind: &str,
		id: &str,
		value: &impl Serialize,
	) -> Result<(), StoreError> {
		let bytes = serde_json::to_vec(value).map_err(|e| StoreError::Io(e.to_string()))?;
		self.objects.put(&self.path(kind, id), PutPayload::from(bytes)).await?;
		Ok(())
	}

	async fn read_json<T: for<'de> Deserialize<'de>>(
		&self,
		kind: &str,
		id: &str,
		what: &'static str,
	) -> Result<T, StoreError> {
		let bytes = self.objects.get(&self.path(kind, id)).await?.bytes().await?;
		serde_json::from_slice(&bytes).map_err(|_| StoreError::Altered(what))
	}
}

/// XChaCha20-Poly1305 of `plaintext` under `key` with a random nonce, bound to `id`.
fn seal(key: &[u8; 32], id: &str, plaintext: &[u8]) -> Result<([u8; 24], Vec<u8>), StoreError> {
	let nonce = random::<24>();
	let cipher = XChaCha20Poly1305::new(key.into());
	let sealed = cipher
		.encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext, aad: id.as_bytes() })
		.map_err(|_| StoreError::Io("encryption failed".into()))?;
	Ok((nonce, sealed))
}

fn open(
	key: &[u8; 32],
	id: &str,
	nonce: &[u8],
	sealed: &[u8],
	what: &'static str,
) -> Result<Vec<u8>, StoreError> {
	if nonce.len() != 24 {
		return Err(StoreError::Altered(what));
	}
	XChaCha20Poly1305::new(key.into())
		.decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: id.as_bytes() })
		.map_err(|_| StoreError::Altered(what))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn meta() -> Meta {
		Meta {
			doctor: "d".into(),
			patient: "p".into(),
			kind: "Observation".into(),
			size: 3,
			uploaded_ms: 1,
			record: None,
		}
	}

	#[test]
	fn the_master_key_is_created_private() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("master.key");
		let key = MasterKey::load_or_create(&path).unwrap();
		assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
		assert_eq!(MasterKey::load(&path).unwrap().fingerprint(), key.fingerprint());
		fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
		assert!(MasterKey::load(&path).is_err(), "a key others may read is refused");
	}

	#[tokio::test]
	async fn content_is_encrypted_at_rest_and_tampering_is_caught() {
		let dir = tempfile::tempdir().unwrap();
		let master = MasterKey::load_or_create(&dir.path().join("master.key")).unwrap();
		let objects = dir.path().join("objects");
		let store = Store::open(objects.to_str().unwrap(), master, []).unwrap();
		let document = b"{\"resourceType\":\"Observation\",\"value\":\"5.4 mmol/L\"}";
		let id = store.put(document, &meta()).await.unwrap();
		assert_eq!(store.get(&id).await.unwrap(), document);
		assert_eq!(store.meta(&id).await.unwrap(), meta());
		assert_eq!(store.ids().await.unwrap(), vec![id.clone()]);

		let on_disk = fs::read(objects.join("content").join(&id)).unwrap();
		assert!(!on_disk.windows(11).any(|w| w == b"Observation"), "the content is not in clear");

		let mut altered = on_disk.clone();
		*altered.last_mut().unwrap() ^= 1;
		fs::write(objects.join("content").join(&id), altered).unwrap();
		assert!(matches!(store.get(&id).await, Err(StoreError::Altered("content"))));

		store.delete(&id).await.unwrap();
		assert!(store.ids().await.unwrap().is_empty());
		assert!(matches!(store.get(&id).await, Err(StoreError::Missing)));
	}

	/// An S3-compatible store is configured from a URL and options; with no server at the
	/// endpoint, writing fails with a storage error rather than anything being kept locally.
	#[tokio::test]
	async fn an_s3_compatible_store_is_configured_by_url_and_options() {
		let dir = tempfile::tempdir().unwrap();
		let master = MasterKey::load_or_create(&dir.path().join("master.key")).unwrap();
		let options = [
			("aws_access_key_id", "vault"),
			("aws_secret_access_key", "secret"),
			("aws_region", "eu-west-1"),
			("aws_endpoint", "http://127.0.0.1:1"),
			("aws_allow_http", "true"),
		]
		.map(|(k, v)| (k.to_owned(), v.to_owned()));
		let store = Store::open("s3://records/hospital-a", master, options).unwrap();
		assert_eq!(store.prefix.as_ref(), "hospital-a");
		assert!(matches!(store.put(b"document", &meta()).await, Err(StoreError::Io(_))));
		assert!(fs::read_dir(dir.path()).unwrap().count() == 1, "only the master key is local");
	}

	#[tokio::test]
	async fn rotating_the_master_key_rewraps_keys_and_leaves_content() {
		let dir = tempfile::tempdir().unwrap();
		let objects = dir.path().join("objects");
		let old_path = dir.path().join("old.key");
		let old = MasterKey::load_or_create(&old_path).unwrap();
		let store = Store::open(objects.to_str().unwrap(), old, []).unwrap();
		let id = store.put(b"document", &meta()).await.unwrap();
		let content_before = fs::read(objects.join("content").join(&id)).unwrap();

		let new = MasterKey::load_or_create(&dir.path().join("new.key")).unwrap();
		let rotated = Store::open(objects.to_str().unwrap(), new, []).unwrap();
		assert!(rotated.get(&id).await.is_err(), "the new key does not open old wrappings");
		let old = MasterKey::load(&old_path).unwrap();
		assert_eq!(rotated.rewrap(&old).await.unwrap(), 1);
		assert_eq!(rotated.rewrap(&old).await.unwrap(), 0, "a second pass has nothing to do");
		assert_eq!(rotated.get(&id).await.unwrap(), b"document");
		assert_eq!(fs::read(objects.join("content").join(&id)).unwrap(), content_before);
		assert!(store.get(&id).await.is_err(), "the old key no longer opens it");
	}
}

//! A hospital vault's HTTP API, and the record custody calls built on it.
//!
//! | method and path | signed by | does |
//! |---|---|---|
//! | `GET /v1/health` | — | the vault's account and the chain it serves ([`Health`]) |
//! | `POST /v1/documents?patient=P&kind=K` | an active doctor | stores the body, returns [`Uploaded`] |
//! | `POST /v1/records/{id}/release?purpose=TREAT` | the viewer | logs the release (or refusal, naming what the viewer lacked) on chain for the purpose of use, then returns the sealed content |
//! | `POST /v1/records/{id}/erase` | the patient or an admin | logs the erasure on chain, then deletes content and key ([`Erased`]) |
//! | `POST /v1/disclosures?format=csv\|json\|fhir[&from=DAY&to=DAY]` | the patient | their accounting of disclosures ([`crate::fhir`]), read at the finalized block |
//!
//! Every error is a JSON [`ApiError`] with an HTTP status that fits it.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::{
	custody::{check_release, sign_request, Identity, ENCAPPED_KEY_HEADER, RELEASE_BLOCK_HEADER},
	AccountId, BlockNumber, Error, Keypair, MedChain, NewRecord, Outcome, PurposeOfUse, Record,
	RecordId, Refusal, SubmissionId,
};

/// What `GET /v1/health` answers.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Health {
	/// The vault's account (SS58).
	pub account: String,
	/// The genesis hash of the chain it serves (hex).
	pub genesis: String,
	/// The largest document it accepts, in bytes: a client can refuse a larger one before
	/// sending it.
	pub max_upload: u64,
}

/// What an upload returns: where the content is and the commitment to it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Uploaded {
	/// The vault's account (SS58).
	pub vault: String,
	/// The vault's id for the content (16 bytes, hex).
	pub content_id: String,
	/// The salted commitment to the content (32 bytes, hex).
	pub commitment: String,
	/// The content's size in bytes.
	pub size: u64,
}

/// What an erasure returns.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Erased {
	/// The record whose content was erased.
	pub record: RecordId,
	/// The block that logged the erasure.
	pub block: BlockNumber,
}

/// The JSON body of every error a vault answers with.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct ApiError {
	/// A stable code for scripts (e.g. `access_denied`, `stale`, `too_large`).
	pub code: String,
	/// What went wrong and how to avoid it.
	pub error: String,
	/// For an erased record, the block that logged the erasure.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub erased_at: Option<BlockNumber>,
	/// For a refused release, what the viewer lacked (a `Refusal` variant, e.g.
	/// `KindNotGranted`).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub refusal: Option<String>,
}

/// A document a vault released, opened and checked against the record's commitment.
#[derive(Clone, Debug)]
pub struct Document {
	/// The record, as the chain holds it.
	pub record: Record,
	/// The document's bytes.
	pub content: Vec<u8>,
	/// The block that logged the release.
	pub released_at: BlockNumber,
}

/// A connection to one vault.
#[derive(Clone, Debug)]
pub struct VaultClient {
	url: String,
	account: AccountId,
	http: reqwest::Client,
}

impl VaultClient {
	/// Connects to the vault at `url` (e.g. `http://127.0.0.1:8700`) and learns its account.
	pub async fn connect(url: &str) -> Result<Self, Error> {
		let url = url.trim_end_matches('/').to_owned();
		let http = reqwest::Client::builder()
			.timeout(Duration::from_secs(120))
			.build()
			.map_err(|e| Error::Custody(format!("no HTTP client: {e}")))?;
		let response =
			http.get(format!("{url}/v1/health")).send().await.map_err(|e| unreachable(&url, e))?;
		let health: Health = response.json().await.map_err(|e| {
			Error::Custody(format!("{url} does not answer as a MedChain vault: {e}"))
		})?;
		let account = crate::parse_account(&health.account)?;
		Ok(Self { url, account, http })
	}

	/// The vault's URL.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// The vault's account.
	pub fn account(&self) -> &AccountId {
		&self.account
	}

	/// A doctor stores `document` for `patient` as a record of `kind`.
	pub async fn upload(
		&self,
		doctor: &Keypair,
		patient: &AccountId,
		kind: &str,
		document: Vec<u8>,
	) -> Result<Uploaded, Error> {
		let path = format!("/v1/documents?patient={patient}&kind={kind}");
		let response = self.signed(doctor, &path, document).await?;
		response.json().await.map_err(|e| Error::Custody(format!("a malformed upload answer: {e}")))
	}

	/// Asks for the release of `record` to `viewer` for `purpose`: returns the sealed salt and
	/// document and the block that logged the release.
	pub async fn release(
		&self,
		viewer: &Identity,
		record: RecordId,
		purpose: &PurposeOfUse,
	) -> Result<(Vec<u8>, BlockNumber), Error> {
		let path = format!("/v1/records/{record}/release?purpose={}", purpose.code());
		let response = self.signed(&viewer.signer, &path, Vec::new()).await?;
		let header = |name: &str| {
			response
				.headers()
				.get(name)
				.and_then(|value| value.to_str().ok())
				.map(str::to_owned)
				.ok_or_else(|| Error::Custody(format!("the release has no {name} header")))
		};
		let encapped = hex::decode(header(ENCAPPED_KEY_HEADER)?)
			.map_err(|_| Error::Custody("the release's encapsulated key is not hex".into()))?;
		let block = header(RELEASE_BLOCK_HEADER)?
			.parse()
			.map_err(|_| Error::Custody("the release's block is not a number".into()))?;
		let sealed = response.bytes().await.map_err(|e| unreachable(&self.url, e))?;
		let opened = viewer.encryption.open(&self.account, record, &encapped, &sealed)?;
		Ok((opened, block))
	}

	/// Asks the vault to erase `record`'s content, as its patient or an admin.
	pub async fn erase(&self, requester: &Keypair, record: RecordId) -> Result<Erased, Error> {
		let response =
			self.signed(requester, &format!("/v1/records/{record}/erase"), Vec::new()).await?;
		response
			.json()
			.await
			.map_err(|e| Error::Custody(format!("a malformed erasure answer: {e}")))
	}

	/// Sends a signed `POST` and turns an error answer into an [`Error`].
	async fn signed(
		&self,
		signer: &Keypair,
		path: &str,
		body: Vec<u8>,
	) -> Result<reqwest::Response, Error> {
		let mut request = self.http.post(format!("{}{path}", self.url));
		for (name, value) in sign_request(signer, &self.account, "POST", path, &body) {
			request = request.header(name, value);
		}
		let response = request.body(body).send().await.map_err(|e| unreachable(&self.url, e))?;
		if response.status().is_success() {
			return Ok(response);
		}
		let status = response.status().as_u16();
		let text = response.text().await.unwrap_or_default();
		let error = serde_json::from_str::<ApiError>(&text).unwrap_or(ApiError {
			code: "http".into(),
			error: format!("HTTP {status}: {text}"),
			erased_at: None,
			refusal: None,
		});
		Err(Error::Vault {
			status,
			code: error.code,
			message: error.error,
			erased_at: error.erased_at,
			refusal: error.refusal,
		})
	}
}

fn unreachable(url: &str, error: reqwest::Error) -> Error {
	Error::Connect { url: url.to_owned(), reason: format!("the vault does not answer: {error}") }
}

impl MedChain {
	/// The vault that keeps `record`'s content, at the endpoint the registry holds for it, or
	/// at `url` when given.
	pub async fn vault_of(&self, record: &Record, url: Option<&str>) -> Result<VaultClient, Error> {
		let endpoint = match url {
			Some(url) => url.to_owned(),
			None => {
				let vault = self.vault(record.locator.vault).await?.ok_or_else(|| {
					Error::NotFound(format!(
						"the vault {} of record {}",
						record.locator.vault, record.id
					))
				})?;
				String::from_utf8_lossy(&vault.endpoint.0).into_owned()
			},
		};
		let client = VaultClient::connect(&endpoint).await?;
		if client.account() != &record.locator.vault {
			return Err(Error::Custody(format!(
				"{endpoint} is the vault {}, but record {} is kept by {}",
				client.account(),
				record.id,
				record.locator.vault
			)));
		}
		Ok(client)
	}

	/// A doctor stores `document` in `vault`, then submits it to `patient`'s consent pool as
	/// a record of `kind`; returns the submission's id and what the vault returned.
	pub async fn put_record(
		&self,
		doctor: &Keypair,
		vault: &VaultClient,
		patient: AccountId,
		kind: &str,
		document: Vec<u8>,
		supersedes: Option<RecordId>,
	) -> Result<(SubmissionId, Uploaded, Outcome), Error> {
		let uploaded = vault.upload(doctor, &patient, kind, document).await?;
		let bytes = |text: &str| hex::decode(text).unwrap_or_default();
		let record = NewRecord {
			kind: kind.as_bytes().to_vec(),
			vault: *vault.account(),
			content: bytes(&uploaded.content_id)
				.try_into()
				.map_err(|_| Error::Custody("the vault's content id is not 16 bytes".into()))?,
			commitment: bytes(&uploaded.commitment)
				.try_into()
				.map_err(|_| Error::Custody("the vault's commitment is not 32 bytes".into()))?,
			supersedes,
		};
		let (id, outcome) = self.submit_record(doctor, patient, record).await?;
		Ok((id, uploaded, outcome))
	}

	/// Gets record `id`'s content from its vault (or the vault at `url`) for `purpose`: the
	/// release is logged, the sealed answer opened with the viewer's encryption key and
	/// checked against the record's commitment. A refusal is logged too and returned as
	/// [`Error::AccessDenied`], naming what the viewer lacked.
	pub async fn get_record(
		&self,
		viewer: &Identity,
		id: RecordId,
		purpose: PurposeOfUse,
		url: Option<&str>,
	) -> Result<Document, Error> {
		let (record, vault) = self.custody_of(id, url).await?;
		let (opened, released_at) = match vault.release(viewer, id, &purpose).await {
			Err(Error::Vault { code, refusal, .. }) if code == "access_denied" => {
				return Err(Error::AccessDenied {
					viewer: viewer.account(),
					patient: record.patient,
					record: Some(id),
					purpose,
					refusal: refusal
						.as_deref()
						.and_then(Refusal::from_name)
						.unwrap_or(Refusal::NoAccess),
				})
			},
			other => other?,
		};
		let content = check_release(&opened, &record.commitment)?;
		Ok(Document { record, content, released_at })
	}

	/// Asks the vault of record `id` (or the vault at `url`) to erase its content, as the
	/// record's patient or an admin.
	pub async fn erase_record(
		&self,
		requester: &Keypair,
		id: RecordId,
		url: Option<&str>,
	) -> Result<Erased, Error> {
		self.custody_of(id, url).await?.1.erase(requester, id).await
	}

	/// Record `id` and the vault that keeps its content (or the vault at `url`).
	async fn custody_of(
		&self,
		id: RecordId,
		url: Option<&str>,
	) -> Result<(Record, VaultClient), Error> {
		let record =
			self.record(id).await?.ok_or_else(|| Error::NotFound(format!("record {id}")))?;
		let vault = self.vault_of(&record, url).await?;
		Ok((record, vault))
	}
}

/// The vault's salt and a document, as a release seals them.
pub fn release_plaintext(salt: &[u8; 32], document: &[u8]) -> Vec<u8> {
	[salt.as_slice(), document].concat()
}

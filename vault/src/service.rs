//! The vault's HTTP service: signed requests, the chain's decisions, sealed releases.

use std::{
	collections::HashMap,
	net::SocketAddr,
	path::PathBuf,
	sync::{Arc, Mutex},
	time::Duration,
};

use axum::{
	body::Body,
	extract::{DefaultBodyLimit, Path, Query, Request, State},
	http::{header::CONTENT_TYPE, HeaderMap, HeaderName, Method, StatusCode},
	response::{IntoResponse, Response},
	routing::{get, post},
	Json, Router,
};
use medchain_client::fhir::{disclosures_csv, Period};
use medchain_client::{
	custody::{
		self, commitment, now_ms, release_info, request_message, ACCOUNT_HEADER,
		ENCAPPED_KEY_HEADER, NONCE_HEADER, RELEASE_BLOCK_HEADER, SIGNATURE_HEADER, TIME_HEADER,
	},
	keypair, parse_account, release_plaintext, AccountId, ApiError, Erased, Error as ChainError,
	Health, Keypair, MedChain, MemberStatus, PurposeOfUse, Record, RecordId, Role, Uploaded, Wait,
};
use medchain_primitives::is_fhir_resource_type;
use serde::Deserialize;
use tower_http::{
	cors::{Any, CorsLayer},
	services::ServeDir,
};

use crate::store::{MasterKey, Meta, Store, StoreError};

/// How the vault runs.
#[derive(Clone, Debug)]
pub struct Settings {
	/// The node's WebSocket URL.
	pub node: String,
	/// The address to listen on.
	pub listen: SocketAddr,
	/// The URL the vault registers on chain; `http://<listen>` when `None`.
	pub public_url: Option<String>,
	/// The directory of the master key (and of the objects, by default).
	pub data: PathBuf,
	/// Where objects go: a directory, `file:///dir` or `s3://bucket/prefix`; `<data>/objects`
	/// when `None`.
	pub store: Option<String>,
	/// The vault account's secret URI.
	pub suri: String,
	/// The largest document accepted, in bytes.
	pub max_upload: usize,
	/// How long an upload may wait for a record to hold it before it is removed.
	pub upload_ttl: Duration,
	/// How often uploads no record holds are looked for.
	pub sweep_interval: Duration,
	/// How far a request's time may be from the vault's clock.
	pub request_window: Duration,
	/// How long to wait for the node at start.
	pub connect_timeout: Duration,
	/// The directory of the portal's files, served at `/`; no portal when `None`.
	pub portal: Option<PathBuf>,
}

/// The name of the master key file in the data directory.
pub const MASTER_KEY_FILE: &str = "master.key";
/// The name of the next master key while a rotation runs.
pub const NEXT_MASTER_KEY_FILE: &str = "master.key.next";

struct Vault {
	chain: MedChain,
	signer: Keypair,
	account: AccountId,
	store: Store,
	settings: Settings,
	genesis: String,
	started_ms: u64,
	seen: Mutex<HashMap<SeenRequest, u64>>,
}

type Shared = Arc<Vault>;

/// A request already received: the signer's account and the request's nonce.
type SeenRequest = ([u8; 32], [u8; 16]);

/// A refusal: an HTTP status and a JSON [`ApiError`].
struct Refusal(StatusCode, ApiError);

impl Refusal {
	fn new(status: StatusCode, code: &str, error: impl Into<String>) -> Self {
		Self(
			status,
			ApiError { code: code.into(), error: error.into(), erased_at: None, refusal: None },
		)
	}
}

impl IntoResponse for Refusal {
	fn into_response(self) -> Response {
		(self.0, Json(self.1)).into_response()
	}
}

impl From<StoreError> for Refusal {
	fn from(error: StoreError) -> Self {
		let code = match error {
			StoreError::Missing => "missing",
			StoreError::Altered(_) => "integrity",
			StoreError::Io(_) => "storage",
		};
		Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, code, error.to_string())
	}
}

fn chain_failure(error: ChainError) -> Refusal {
	Refusal::new(StatusCode::BAD_GATEWAY, "chain", format!("the chain did not answer: {error}"))
}

/// Runs the vault until Ctrl-C or SIGTERM; `ready` is told the address once it listens.
pub async fn serve(
	settings: Settings,
	ready: impl FnOnce(SocketAddr, &AccountId),
) -> Result<(), String> {
	if settings.data.join(NEXT_MASTER_KEY_FILE).exists() {
		return Err(format!(
			"a master key rotation was interrupted in {}: run `medchain-vault rotate-master-key` again",
			settings.data.display()
		));
	}
	let master = MasterKey::load_or_create(&settings.data.join(MASTER_KEY_FILE))
		.map_err(|e| e.to_string())?;
	let location = settings
		.store
		.clone()
		.unwrap_or_else(|| settings.data.join("objects").to_string_lossy().into_owned());
	let store = Store::open(&location, master, aws_options()).map_err(|e| e.to_string())?;
	let signer = keypair(&settings.suri).map_err(|e| e.to_string())?;
	let account = medchain_client::account_of(&signer);
	let chain = connect(&settings).await?.waiting_for(Wait::InBlock);
	let genesis = format!("{:?}", chain.api().genesis_hash());

	let listener = tokio::net::TcpListener::bind(settings.listen)
		.await
		.map_err(|e| format!("cannot listen on {}: {e}", settings.listen))?;
	let address = listener.local_addr().map_err(|e| e.to_string())?;
	let public_url = settings.public_url.clone().unwrap_or_else(|| format!("http://{address}"));
	announce(&chain, &signer, &account, &public_url).await?;

	let vault = Arc::new(Vault {
		chain,
		signer,
		account,
		store,
		settings,
		genesis,
		started_ms: now_ms(),
		seen: Mutex::new(HashMap::new()),
	});
	tokio::spawn(sweep_forever(vault.clone()));
	let portal = vault.settings.portal.clone();
	let mut app = Router::new()
		.route("/v1/health", get(health))
		.route("/v1/documents", post(upload))
		.route("/v1/records/{id}/release", post(release))
		.route("/v1/records/{id}/erase", post(erase))
		.route("/v1/disclosures", post(disclosures))
		.layer(DefaultBodyLimit::disable())
		.layer(cors())
		.with_state(vault);
	if let Some(portal) = portal {
		app = app.fallback_service(ServeDir::new(portal));
	}
	ready(address, &account);
	axum::serve(listener, app).with_graceful_shutdown(stopped()).await.map_err(|e| e.to_string())
}

/// Browsers may call the vault from any hospital's portal: every request that reads or
/// changes anything is signed by its sender's account and carries no cookie, so another origin
/// gains nothing a signature does not give it. The portal reads the sealed key from a header.
fn cors() -> CorsLayer {
	CorsLayer::new()
		.allow_origin(Any)
		.allow_methods([Method::GET, Method::POST])
		.allow_headers([
			CONTENT_TYPE,
			HeaderName::from_static(ACCOUNT_HEADER),
			HeaderName::from_static(TIME_HEADER),
			HeaderName::from_static(NONCE_HEADER),
			HeaderName::from_static(SIGNATURE_HEADER),
		])
		.expose_headers([
			HeaderName::from_static(ENCAPPED_KEY_HEADER),
			HeaderName::from_static(RELEASE_BLOCK_HEADER),
		])
}

/// The `AWS_*` environment variables, as object store options.
fn aws_options() -> impl Iterator<Item = (String, String)> {
	std::env::vars()
		.filter(|(name, _)| name.starts_with("AWS_"))
		.map(|(name, value)| (name.to_lowercase(), value))
}

/// Connects to the node, retrying until `connect_timeout`.
async fn connect(settings: &Settings) -> Result<MedChain, String> {
	let deadline = tokio::time::Instant::now() + settings.connect_timeout;
	loop {
		match MedChain::connect(&settings.node).await {
			Ok(chain) => return Ok(chain),
			Err(error) if tokio::time::Instant::now() >= deadline => return Err(error.to_string()),
			Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
		}
	}
}

/// Checks the vault's registration and moves its registered endpoint to `url`.
async fn announce(
	chain: &MedChain,
	signer: &Keypair,
	account: &AccountId,
	url: &str,
) -> Result<(), String> {
	match chain.vault(*account).await.map_err(|e| e.to_string())? {
		None => eprintln!(
			"warning: the vault account {account} is not registered; an admin registers it with \
			 `medchain vault register {account} {url}`"
		),
		Some(vault) if !vault.active => {
			eprintln!("warning: the vault account {account} was retired; it cannot release records")
		},
		Some(vault) if vault.endpoint.0 != url.as_bytes() => {
			chain.set_vault_endpoint(signer, url).await.map_err(|e| e.to_string())?;
		},
		Some(_) => {},
	}
	Ok(())
}

async fn stopped() {
	let terminate = async {
		if let Ok(mut signal) =
			tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
		{
			signal.recv().await;
		}
	};
	tokio::select! {
		_ = tokio::signal::ctrl_c() => {},
		_ = terminate => {},
	}
}

async fn health(State(vault): State<Shared>) -> Json<Health> {
	Json(Health {
		account: vault.account.to_string(),
		genesis: vault.genesis.clone(),
		max_upload: vault.settings.max_upload as u64,
	})
}

/// Reads the body (at most `max_upload` bytes) and checks the request's signature; returns the
/// signer and the body.
async fn authenticate(vault: &Vault, request: Request) -> Result<(AccountId, Vec<u8>), Refusal> {
	let (parts, body) = request.into_parts();
	let too_large = || {
		Refusal::new(
			StatusCode::PAYLOAD_TOO_LARGE,
			"too_large",
			format!(
				"the document is larger than this vault's limit of {} bytes",
				vault.settings.max_upload
			),
		)
	};
	let body = read_body(body, vault.settings.max_upload).await.ok_or_else(too_large)?;
	let path = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
	let account = check_signature(vault, parts.method.as_str(), path, &parts.headers, &body)?;
	Ok((account, body))
}

/// The body, if it is at most `limit` bytes. A longer body is read on (up to eight times the
/// limit) and dropped, so that the client, still sending, gets the refusal rather than a
/// broken connection.
async fn read_body(body: Body, limit: usize) -> Option<Vec<u8>> {
	use futures::StreamExt;
	let mut stream = body.into_data_stream();
	let (mut kept, mut seen) = (Vec::new(), 0usize);
	while let Some(Ok(chunk)) = stream.next().await {
		seen = seen.saturating_add(chunk.len());
		if seen <= limit {
			kept.extend_from_slice(&chunk);
		} else if seen > limit.saturating_mul(8) {
			break;
		}
	}
	(seen <= limit).then_some(kept)
}

fn check_signature(
	vault: &Vault,
	method: &str,
	path: &str,
	headers: &HeaderMap,
	body: &[u8],
) -> Result<AccountId, Refusal> {
	let unauthorized =
		|code: &str, error: String| Refusal::new(StatusCode::UNAUTHORIZED, code, error);
	let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
	let (Some(account), Some(time), Some(nonce), Some(signature)) = (
		header(ACCOUNT_HEADER),
		header(TIME_HEADER),
		header(NONCE_HEADER),
		header(SIGNATURE_HEADER),
	) else {
		return Err(unauthorized(
			"unsigned",
			format!(
				"the request is not signed: send {ACCOUNT_HEADER}, {TIME_HEADER}, {NONCE_HEADER} and \
				 {SIGNATURE_HEADER} (medchain-client signs for you)"
			),
		));
	};
	let malformed =
		|what: &str| unauthorized("bad_signature", format!("the request's {what} is malformed"));
	let account = parse_account(account).map_err(|_| malformed("account"))?;
	let time: u64 = time.parse().map_err(|_| malformed("time"))?;
	let nonce: [u8; 16] = hex::decode(nonce)
		.ok()
		.and_then(|n| n.try_into().ok())
		.ok_or_else(|| malformed("nonce"))?;
	let signature = hex::decode(signature).map_err(|_| malformed("signature"))?;
	let message = request_message(&vault.account, method, path, time, &nonce, body);
	if !custody::verify(&account, &message, &signature) {
		return Err(unauthorized(
			"bad_signature",
			format!("the signature is not {account}'s over this request to this vault"),
		));
	}
	let now = now_ms();
	let window = vault.settings.request_window.as_millis() as u64;
	if time + window < now || time > now + window || time + 1_000 < vault.started_ms {
		return Err(unauthorized(
			"stale",
			format!(
				"the request was signed at {time} ms, not within {} s of the vault's clock: check \
				 the clock and send a new request",
				window / 1_000
			),
		));
	}
	let mut seen = vault.seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
	seen.retain(|_, signed| *signed + 2 * window >= now);
	if seen.insert((account.0, nonce), time).is_some() {
		return Err(unauthorized(
			"replayed",
			"this request was already received; sign a new one".into(),
		));
	}
	Ok(account)
}

#[derive(Deserialize)]
struct UploadQuery {
	patient: String,
	kind: String,
}

async fn upload(State(vault): State<Shared>, request: Request) -> Result<Response, Refusal> {
	let query = Query::<UploadQuery>::try_from_uri(request.uri()).map_err(|_| {
		Refusal::new(
			StatusCode::BAD_REQUEST,
			"bad_request",
			"name the patient and the kind: ?patient=P&kind=K",
		)
	})?;
	let (doctor, document) = authenticate(&vault, request).await?;
	let bad = |error: String| Refusal::new(StatusCode::BAD_REQUEST, "bad_request", error);
	let patient = parse_account(&query.patient).map_err(|e| bad(e.to_string()))?;
	if !is_fhir_resource_type(query.kind.as_bytes()) {
		return Err(bad(format!(
			"{} is not an HL7 FHIR R4 resource type; name one such as Observation or \
			 DiagnosticReport, spelt as FHIR spells it",
			query.kind
		)));
	}
	check_fhir_document(&query.kind, &document)?;
	if !vault.is_active(&doctor, Role::Doctor).await? {
		return Err(Refusal::new(
			StatusCode::FORBIDDEN,
			"not_doctor",
			format!("{doctor} is not an active doctor; only active doctors upload documents"),
		));
	}
	if !vault.is_active(&patient, Role::Patient).await? {
		return Err(bad(format!("{patient} is not an active patient")));
	}
	let salt = custody::random::<32>();
	let committed = commitment(&salt, &document);
	let meta = Meta {
		doctor: doctor.to_string(),
		patient: patient.to_string(),
		kind: query.kind.clone(),
		size: document.len() as u64,
		uploaded_ms: now_ms(),
		record: None,
	};
	let id = vault.store.put(&release_plaintext(&salt, &document), &meta).await?;
	eprintln!("stored {id}: {} bytes from {doctor} for {patient}", document.len());
	let uploaded = Uploaded {
		vault: vault.account.to_string(),
		content_id: id,
		commitment: hex::encode(committed),
		size: document.len() as u64,
	};
	Ok((StatusCode::CREATED, Json(uploaded)).into_response())
}

/// Refuses a document that is FHIR JSON (an object with a `resourceType`) of another resource
/// type than `kind`; any other document (a PDF, an image, plain JSON) is taken as it is.
fn check_fhir_document(kind: &str, document: &[u8]) -> Result<(), Refusal> {
	let Ok(serde_json::Value::Object(object)) = serde_json::from_slice(document) else {
		return Ok(());
	};
	match object.get("resourceType") {
		None => Ok(()),
		Some(serde_json::Value::String(found)) if found == kind => Ok(()),
		Some(found) => Err(Refusal::new(
			StatusCode::UNPROCESSABLE_ENTITY,
			"wrong_resource_type",
			format!(
				"the document is FHIR JSON of resourceType {found}, not the {kind} its kind names; \
				 give the kind of the document"
			),
		)),
	}
}

#[derive(Deserialize)]
struct ReleaseQuery {
	purpose: String,
}

async fn release(
	State(vault): State<Shared>,
	Path(id): Path<RecordId>,
	request: Request,
) -> Result<Response, Refusal> {
	let bad = |error: String| Refusal::new(StatusCode::BAD_REQUEST, "bad_request", error);
	let query = Query::<ReleaseQuery>::try_from_uri(request.uri()).map_err(|_| {
		bad("name why you ask: ?purpose=TREAT (an HL7 v3 PurposeOfUse code)".into())
	})?;
	let purpose = PurposeOfUse::parse(&query.purpose).map_err(|e| bad(e.to_string()))?;
	let (viewer, _) = authenticate(&vault, request).await?;
	let record = vault.custody(id).await?;
	let content_id = hex::encode(record.locator.content);
	let no_key = || {
		Refusal::new(
			StatusCode::CONFLICT,
			"no_encryption_key",
			format!("{viewer} has no registered encryption key; set one with `medchain member rotate-key`"),
		)
	};
	// Only members may ask: a stranger's request would make the vault pay for a refusal on
	// the chain. A member without a key could not open a release.
	let recipient = vault
		.chain
		.member(viewer)
		.await
		.map_err(chain_failure)?
		.ok_or_else(|| {
			Refusal::new(
				StatusCode::FORBIDDEN,
				"not_registered",
				format!(
					"{viewer} is not a registered member: only members may ask a vault for \
					 records; register first"
				),
			)
		})?
		.encryption_key
		.ok_or_else(no_key)?;
	// Read and check the content before the release is logged: a damaged document is not
	// released, so no release may be logged for it.
	let plaintext = vault.store.get(&content_id).await?;
	let outcome = match vault.chain.release(&vault.signer, id, viewer, purpose).await {
		Ok((_, outcome)) => outcome,
		Err(ChainError::AccessDenied { purpose, refusal, .. }) => {
			eprintln!("refused record {id} to {viewer} for {purpose}: {}", refusal.name());
			let mut denied = Refusal::new(
				StatusCode::FORBIDDEN,
				"access_denied",
				format!(
					"{viewer} may not see record {id} for {purpose}: {}; the refusal is on the \
					 access log",
					refusal.explain()
				),
			);
			denied.1.refusal = Some(refusal.name().to_owned());
			return Err(denied);
		},
		Err(other) => return Err(chain_failure(other)),
	};
	let (encapped, sealed) =
		custody::seal(&recipient, &release_info(&vault.account, id), &plaintext)
			.map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "seal", e.to_string()))?;
	vault.note_record(&content_id, id).await;
	eprintln!("released record {id} to {viewer} (block {})", outcome.block_number);
	Ok((
		StatusCode::OK,
		[
			(ENCAPPED_KEY_HEADER, hex::encode(encapped)),
			(RELEASE_BLOCK_HEADER, outcome.block_number.to_string()),
			("content-type", "application/octet-stream".to_owned()),
		],
		sealed,
	)
		.into_response())
}

#[derive(Deserialize)]
struct DisclosuresQuery {
	format: String,
	from: Option<String>,
	to: Option<String>,
}

/// The signer's own accounting of disclosures, read at the finalized block, as a file.
async fn disclosures(State(vault): State<Shared>, request: Request) -> Result<Response, Refusal> {
	let bad = |error: String| Refusal::new(StatusCode::BAD_REQUEST, "bad_request", error);
	let query = Query::<DisclosuresQuery>::try_from_uri(request.uri())
		.map_err(|_| bad("name the format: ?format=csv, json or fhir".into()))?;
	let (patient, _) = authenticate(&vault, request).await?;
	let period =
		Period::days(query.from.as_deref(), query.to.as_deref()).map_err(|e| bad(e.to_string()))?;
	let (content_type, body) = match query.format.as_str() {
		"csv" => {
			let rows = vault.chain.disclosures(&patient, period).await.map_err(chain_failure)?;
			let rows: Vec<_> = rows.into_iter().map(|(row, _)| row).collect();
			("text/csv", disclosures_csv(&rows))
		},
		"json" => {
			let rows = vault.chain.disclosures(&patient, period).await.map_err(chain_failure)?;
			let rows: Vec<_> = rows.into_iter().map(|(row, _)| row).collect();
			("application/json", serde_json::to_string_pretty(&rows).unwrap_or_default())
		},
		"fhir" => {
			let bundle =
				vault.chain.fhir_disclosures(&patient, period).await.map_err(chain_failure)?;
			("application/fhir+json", serde_json::to_string_pretty(&bundle).unwrap_or_default())
		},
		other => return Err(bad(format!("{other} is not a format: use csv, json or fhir"))),
	};
	Ok((StatusCode::OK, [("content-type", content_type)], body).into_response())
}

async fn erase(
	State(vault): State<Shared>,
	Path(id): Path<RecordId>,
	request: Request,
) -> Result<Response, Refusal> {
	let (requester, _) = authenticate(&vault, request).await?;
	let record = vault.custody(id).await?;
	let outcome = match vault.chain.erase(&vault.signer, id, requester).await {
		Ok(outcome) => outcome,
		Err(ChainError::Module { variant, doc, .. }) if variant == "NotPatientOrAdmin" => {
			return Err(Refusal::new(StatusCode::FORBIDDEN, "not_patient_or_admin", doc))
		},
		Err(other) => return Err(chain_failure(other)),
	};
	vault.store.delete(&hex::encode(record.locator.content)).await?;
	eprintln!("erased record {id} for {requester} (block {})", outcome.block_number);
	Ok(Json(Erased { record: id, block: outcome.block_number }).into_response())
}

impl Vault {
	async fn is_active(&self, who: &AccountId, role: Role) -> Result<bool, Refusal> {
		let member = self.chain.member(*who).await.map_err(chain_failure)?;
		Ok(member.is_some_and(|m| m.role == role && m.status == MemberStatus::Active))
	}

	/// Record `id`, if this vault keeps its content and it was not erased.
	async fn custody(&self, id: RecordId) -> Result<Record, Refusal> {
		let record = self.chain.record(id).await.map_err(chain_failure)?.ok_or_else(|| {
			Refusal::new(StatusCode::NOT_FOUND, "unknown_record", format!("no record has id {id}"))
		})?;
		if record.locator.vault != self.account {
			return Err(Refusal::new(
				StatusCode::CONFLICT,
				"not_custodian",
				format!("record {id} is kept by the vault {}, not this one", record.locator.vault),
			));
		}
		if let Some(block) = record.erased_at {
			let mut refusal = Refusal::new(
				StatusCode::GONE,
				"erased",
				format!("record {id}'s content was erased at block {block}"),
			);
			refusal.1.erased_at = Some(block);
			return Err(refusal);
		}
		Ok(record)
	}

	/// Notes that approved record `record` holds the document `content_id`.
	async fn note_record(&self, content_id: &str, record: RecordId) {
		if let Ok(mut meta) = self.store.meta(content_id).await {
			if meta.record.is_none() {
				meta.record = Some(record);
				let _ = self.store.write_meta(content_id, &meta).await;
			}
		}
	}

	/// Removes uploads no record holds that waited longer than `upload_ttl`, and the content of
	/// records erased on chain whose deletion did not finish.
	async fn sweep(&self) -> Result<usize, String> {
		let mut removed = 0;
		for id in self.store.ids().await.map_err(|e| e.to_string())? {
			let Ok(mut meta) = self.store.meta(&id).await else { continue };
			let remove = match meta.record {
				Some(record) => {
					let on_chain = self.chain.record(record).await.map_err(|e| e.to_string())?;
					on_chain.is_some_and(|r| r.erased_at.is_some())
				},
				None if now_ms().saturating_sub(meta.uploaded_ms)
					< self.settings.upload_ttl.as_millis() as u64 =>
				{
					false
				},
				None => match self.holder(&id, &meta).await? {
					Holder::Pending => false,
					Holder::Record(record) => {
						meta.record = Some(record);
						self.store.write_meta(&id, &meta).await.map_err(|e| e.to_string())?;
						false
					},
					Holder::Nobody => true,
				},
			};
			if remove {
				self.store.delete(&id).await.map_err(|e| e.to_string())?;
				eprintln!("removed {id}: no record holds it");
				removed += 1;
			}
		}
		Ok(removed)
	}

	/// What on chain holds the upload `id`: a pending submission, an approved record, or
	/// nothing.
	async fn holder(&self, id: &str, meta: &Meta) -> Result<Holder, String> {
		let patient = parse_account(&meta.patient).map_err(|e| e.to_string())?;
		let ours = |locator: &medchain_client::Locator<AccountId>| {
			locator.vault == self.account && hex::encode(locator.content) == id
		};
		let pending = self.chain.pending(patient).await.map_err(|e| e.to_string())?;
		if pending.iter().any(|(_, submission)| ours(&submission.locator)) {
			return Ok(Holder::Pending);
		}
		let length = self.chain.history_length(patient).await.map_err(|e| e.to_string())?;
		let mut start = 0;
		while start < length {
			let page = self.chain.history(patient, start, 100).await.map_err(|e| e.to_string())?;
			if page.is_empty() {
				break;
			}
			if let Some(record) = page.iter().find(|record| ours(&record.locator)) {
				return Ok(Holder::Record(record.id));
			}
			start += page.len() as u32;
		}
		Ok(Holder::Nobody)
	}
}

enum Holder {
	Pending,
	Record(RecordId),
	Nobody,
}

async fn sweep_forever(vault: Shared) {
	loop {
		tokio::time::sleep(vault.settings.sweep_interval).await;
		if let Err(error) = vault.sweep().await {
			eprintln!("warning: sweeping uploads failed: {error}");
		}
	}
}

/// Rotates the master key in `data`: a new key wraps every document key; content is not
/// touched. An interrupted rotation resumes where it stopped when run again.
pub async fn rotate_master_key(
	data: &std::path::Path,
	store: Option<String>,
) -> Result<usize, String> {
	let current = data.join(MASTER_KEY_FILE);
	let next = data.join(NEXT_MASTER_KEY_FILE);
	let old = MasterKey::load(&current).map_err(|e| e.to_string())?;
	let new = MasterKey::load_or_create(&next).map_err(|e| e.to_string())?;
	let location = store.unwrap_or_else(|| data.join("objects").to_string_lossy().into_owned());
	let store = Store::open(&location, new, aws_options()).map_err(|e| e.to_string())?;
	let rewrapped = store.rewrap(&old).await;
	let rewrapped = rewrapped.map_err(|e| e.to_string())?;
	std::fs::rename(&next, &current).map_err(|e| format!("{}: {e}", current.display()))?;
	Ok(rewrapped)
}

//! What can go wrong, as one error type whose messages name the problem.

use subxt::{
	error::{DispatchError, TransactionEventsError},
	Metadata,
};

use crate::{
	chain::{
		council,
		runtime_types::sp_runtime::{DispatchError as RuntimeDispatchError, ModuleError},
	},
	AccountId, Event, PurposeOfUse, RecordId, Refusal,
};

/// An error of the client.
#[derive(Debug, thiserror::Error)]
pub enum Error {
	/// The chain refused the call with one of its pallets' errors.
	#[error("{pallet}.{variant}: {doc}")]
	Module {
		/// The pallet, as the runtime names it (e.g. `Consent`).
		pallet: String,
		/// The error variant (e.g. `NotActiveDoctor`).
		variant: String,
		/// The error's documentation: why it happens and how to avoid it.
		doc: String,
	},
	/// The chain refused the call with an error of its own (e.g. `BadOrigin`).
	#[error("the chain refused the call: {0}")]
	Dispatch(String),
	/// The viewer may not see the patient's records for the purpose asked; the refusal, with
	/// what the viewer lacked, is in the access log.
	#[error("access denied: {viewer} may not see {patient}'s records{} for {purpose}: {}", record.map(|r| format!(" (record {r})")).unwrap_or_default(), refusal.explain())]
	AccessDenied {
		/// Who asked.
		viewer: AccountId,
		/// Whose records.
		patient: AccountId,
		/// The record asked for, or `None` for the whole history.
		record: Option<RecordId>,
		/// Why they asked.
		purpose: PurposeOfUse,
		/// What they lacked: any access, a running grant, the purpose or the record's kind.
		refusal: Refusal,
	},
	/// The node rejected or dropped the transaction before any block included it.
	#[error("the node rejected the transaction: {0}")]
	Rejected(String),
	/// The node could not be reached.
	#[error("cannot connect to {url}: {reason}")]
	Connect {
		/// The URL tried.
		url: String,
		/// What went wrong.
		reason: String,
	},
	/// The node did not answer, or a call did not reach the stage waited for, in time.
	#[error("timed out after {seconds} s {waiting_for}")]
	TimedOut {
		/// How long was waited.
		seconds: u64,
		/// What was being waited for.
		waiting_for: String,
	},
	/// Something asked for does not exist.
	#[error("not found: {0}")]
	NotFound(String),
	/// A secret could not be turned into a key pair (the secret itself is never shown).
	#[error("invalid secret: {0}")]
	Secret(String),
	/// An account could not be parsed.
	#[error("invalid account: {0}")]
	Account(String),
	/// A storage proof did not verify against the state root.
	#[error("the proof does not verify: {0}")]
	Proof(String),
	/// The access log's recomputed hash chain differs from the head stored on chain.
	#[error("the access log does not verify: {0}")]
	AuditLog(String),
	/// The node answered, but not as the chain's metadata says it should.
	#[error("node: {0}")]
	Node(String),
	/// A vault refused the request; `code` names why for scripts (`access_denied`, `erased`,
	/// `stale`, `too_large`, ...).
	#[error("the vault refused: {message}")]
	Vault {
		/// The HTTP status.
		status: u16,
		/// The vault's code for the problem.
		code: String,
		/// What went wrong and how to avoid it.
		message: String,
		/// For an erased record, the block that logged the erasure.
		erased_at: Option<u32>,
		/// For a refused release, what the viewer lacked (a `Refusal` variant's name).
		refusal: Option<String>,
	},
	/// A key, a seal or a commitment of record custody did not work out.
	#[error("{0}")]
	Custody(String),
	/// A purpose of use is not one of the HL7 v3 codes MedChain knows.
	#[error("invalid purpose: {0}")]
	Purpose(String),
	/// A date is not a day such as `2026-11-27`, or a period ends before it starts.
	#[error("invalid date: {0}")]
	Date(String),
}

impl Error {
	/// A stable, machine-readable name of the kind of error, for scripts.
	pub fn kind(&self) -> &'static str {
		match self {
			Error::Module { .. } => "module",
			Error::Dispatch(_) => "dispatch",
			Error::AccessDenied { .. } => "access_denied",
			Error::Rejected(_) => "rejected",
			Error::Connect { .. } => "unreachable",
			Error::TimedOut { .. } => "timed_out",
			Error::NotFound(_) => "not_found",
			Error::Secret(_) => "secret",
			Error::Account(_) => "account",
			Error::Proof(_) => "proof",
			Error::AuditLog(_) => "audit_log",
			Error::Node(_) => "node",
			Error::Vault { .. } => "vault",
			Error::Custody(_) => "custody",
			Error::Purpose(_) => "purpose",
			Error::Date(_) => "date",
		}
	}

	/// An error of the node or of decoding what it sent.
	pub(crate) fn node(error: impl Into<subxt::Error>) -> Self {
		Error::Node(error.into().to_string())
	}

	/// An error of a raw RPC call.
	pub(crate) fn rpc(error: subxt_rpcs::Error) -> Self {
		Error::Node(error.to_string())
	}

	/// The error of a transaction's events: a dispatch error becomes [`Error::Module`] or
	/// [`Error::Dispatch`].
	pub(crate) fn from_events(error: TransactionEventsError, metadata: &Metadata) -> Self {
		match error {
			TransactionEventsError::ExtrinsicFailed(DispatchError::Module(module)) => {
				let [pallet, variant, ..] = module.bytes();
				module_error(metadata, pallet, variant)
			},
			TransactionEventsError::ExtrinsicFailed(other) => Error::Dispatch(other.to_string()),
			other => Error::node(other),
		}
	}
}

/// The pallet, variant and documentation of the `variant`-th error of the `pallet`-th pallet.
fn module_error(metadata: &Metadata, pallet: u8, variant: u8) -> Error {
	let found = metadata.pallet_by_error_index(pallet).and_then(|p| {
		p.error_variant_by_index(variant)
			.map(|v| (p.name().to_owned(), v.name.clone(), v.docs.join(" ")))
	});
	match found {
		Some((pallet, variant, doc)) => Error::Module { pallet, variant, doc },
		None => Error::Dispatch(format!("error {variant} of pallet {pallet}")),
	}
}

/// A council motion that executes succeeds even when the call inside fails; the `Executed`
/// event carries that call's result, which this turns into an error.
pub(crate) fn check_motion(events: &[Event], metadata: &Metadata) -> Result<(), Error> {
	for event in events {
		if let Event::Council(council::Event::Executed { result: Err(error), .. }) = event {
			return Err(match error {
				RuntimeDispatchError::Module(ModuleError { index, error }) => {
					module_error(metadata, *index, error[0])
				},
				other => Error::Dispatch(format!("{other:?}")),
			});
		}
	}
	Ok(())
}

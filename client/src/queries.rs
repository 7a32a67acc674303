//! Queries: the pallets' view functions and storage, read at the best block.

use subxt::{
	config::substrate::DigestItem,
	ext::{frame_decode::view_functions::decode_view_function_response, scale_decode::IntoVisitor},
	storage::Address,
	view_functions::Payload,
	OnlineClientAtBlock,
};

use codec::{Decode, Encode};

use crate::{
	chain::{self, runtime_types::pallet_balances::types::ExtraFlags},
	AccessBasis, AccountBalance, AccountId, BlockNumber, Candidate, Config, Entry, Error, Grant,
	Hash, MedChain, Member, PurposeOfUse, Record, RecordId, Refusal, Role, StakeLedger, Submission,
	SubmissionId, Vault,
};

/// The consensus engine id of Aura's pre-runtime digest, which carries the block's slot.
const AURA_ENGINE: [u8; 4] = *b"aura";

/// The runtime API that executes pallet view functions.
const VIEW_FUNCTION_API: &str = "RuntimeViewFunction_execute_view_function";

/// Calls a view function at block `at`.
///
/// The runtime API takes the view function's id and its SCALE-encoded inputs as one byte
/// vector, and answers with a `Result` that holds the encoded output; subxt's own view-function
/// call passes the inputs without their length and reads the answer without the `Result`, so
/// the call is made here through the raw runtime API, with subxt's encoding and decoding of
/// the inputs and the output.
pub(crate) async fn call_view<P: Payload>(
	at: &OnlineClientAtBlock<Config>,
	call: P,
) -> Result<P::ReturnType, Error> {
	let view = at.view_functions();
	view.validate(&call).map_err(Error::node)?;
	let encoded = view.encode_args(&call).map_err(Error::node)?;
	let (query_id, input) = encoded.split_at(encoded.len().min(32));
	let mut args = query_id.to_vec();
	input.encode_to(&mut args);
	let answer =
		at.runtime_apis().call_raw(VIEW_FUNCTION_API, Some(&args)).await.map_err(Error::node)?;
	let name = || format!("{}.{}", call.pallet_name(), call.function_name());
	let output = match answer.split_first() {
		Some((0, output)) => Vec::<u8>::decode(&mut &output[..])
			.map_err(|e| Error::Node(format!("the answer of {} does not decode: {e}", name())))?,
		_ => return Err(Error::Node(format!("the runtime could not execute {}", name()))),
	};
	let metadata = at.metadata_ref();
	decode_view_function_response(
		call.pallet_name(),
		call.function_name(),
		&mut &output[..],
		metadata,
		metadata.types(),
		P::ReturnType::into_visitor(),
	)
	.map_err(|e| Error::Node(format!("the output of {} does not decode: {e:?}", name())))
}

impl MedChain {
	/// A client at the block with `number` and `hash`.
	pub(crate) async fn at(
		&self,
		(number, hash): (BlockNumber, Hash),
	) -> Result<OnlineClientAtBlock<Config>, Error> {
		self.api.at_block_hash_and_number(hash, number.into()).await.map_err(Error::node)
	}

	/// Calls a view function at the best block.
	async fn view<P: Payload>(&self, call: P) -> Result<P::ReturnType, Error> {
		call_view(&self.at(self.best_block().await?).await?, call).await
	}

	/// Reads a storage item at the best block.
	pub(crate) async fn stored<A: Address>(
		&self,
		address: A,
		key: A::KeyParts,
	) -> Result<Option<A::Value>, Error>
	where
		A::Value: subxt::ext::scale_decode::DecodeAsType,
	{
		self.stored_at(self.best_block().await?, address, key).await
	}

	/// Reads a storage item at the block with `number` and `hash`.
	pub(crate) async fn stored_at<A: Address>(
		&self,
		block: (BlockNumber, Hash),
		address: A,
		key: A::KeyParts,
	) -> Result<Option<A::Value>, Error>
	where
		A::Value: subxt::ext::scale_decode::DecodeAsType,
	{
		let at = self.at(block).await?;
		let value = at.storage().try_fetch(address, key).await.map_err(Error::node)?;
		value.map(|value| value.decode_as::<A::Value>()).transpose().map_err(Error::node)
	}

	/// The registered member `who`: role, status, keys and references; `None` if unregistered.
	pub async fn member(&self, who: AccountId) -> Result<Option<Member>, Error> {
		self.stored(chain::storage().registry().members(), (who,)).await
	}

	/// A registered vault: its endpoint and whether it is active; `None` if unregistered.
	pub async fn vault(&self, account: AccountId) -> Result<Option<Vault>, Error> {
		self.stored(chain::storage().registry().vaults(), (account,)).await
	}

	/// The approved record `id` (kind, author, locator, commitment), or `None`. It holds no
	/// clinical content: [`MedChain::get_record`] asks the record's vault for that.
	pub async fn record(&self, id: RecordId) -> Result<Option<Record>, Error> {
		self.view(chain::view_functions().records().record(id)).await
	}

	/// Up to `count` records of `patient`'s history from position `start`, oldest first (a page
	/// holds at most the runtime's `MaxPageSize`).
	pub async fn history(
		&self,
		patient: AccountId,
		start: u32,
		count: u32,
	) -> Result<Vec<Record>, Error> {
		self.view(chain::view_functions().records().history(patient, start, count)).await
	}

	/// How many records `patient`'s history holds.
	pub async fn history_length(&self, patient: AccountId) -> Result<u32, Error> {
		self.view(chain::view_functions().records().history_length(patient)).await
	}

	/// The submissions waiting in `patient`'s consent pool.
	pub async fn pending(
		&self,
		patient: AccountId,
	) -> Result<Vec<(SubmissionId, Submission)>, Error> {
		self.view(chain::view_functions().consent().pending(patient)).await
	}

	/// The doctors `patient` granted access to, each with their grants, running and ended.
	pub async fn grants(
		&self,
		patient: AccountId,
	) -> Result<Vec<(AccountId, Vec<Grant<u32>>)>, Error> {
		self.view(chain::view_functions().consent().grants(patient)).await
	}

	/// Whether `viewer` may see `patient`'s history now for `purpose`: on what basis, or what
	/// they lack.
	pub async fn viewer_basis(
		&self,
		viewer: AccountId,
		patient: AccountId,
		purpose: PurposeOfUse,
	) -> Result<Result<AccessBasis, Refusal>, Error> {
		self.view(chain::view_functions().consent().viewer_basis(viewer, patient, purpose)).await
	}

	/// The purpose `who` asks for records for when they name none: their own records for a
	/// patient (`PATRQT`), treatment for a doctor (`TREAT`), operations for an admin
	/// (`HOPERAT`) and anyone else.
	pub async fn default_purpose(&self, who: AccountId) -> Result<PurposeOfUse, Error> {
		Ok(match self.member(who).await?.map(|member| member.role) {
			Some(Role::Patient) => PurposeOfUse::PatientRequested,
			Some(Role::Doctor) => PurposeOfUse::Treatment,
			_ => PurposeOfUse::Operations,
		})
	}

	/// Up to `count` entries of the access log from index `start`, oldest first.
	pub async fn audit_entries(&self, start: u64, count: u32) -> Result<Vec<Entry>, Error> {
		self.view(chain::view_functions().audit().entries(start, count)).await
	}

	/// Up to `count` of the access log's entries about `patient`, from their `start`-th.
	pub async fn patient_entries(
		&self,
		patient: AccountId,
		start: u64,
		count: u32,
	) -> Result<Vec<Entry>, Error> {
		self.patient_entries_at(self.best_block().await?, patient, start, count).await
	}

	/// [`patient_entries`](Self::patient_entries) at the block with `number` and `hash`.
	pub(crate) async fn patient_entries_at(
		&self,
		block: (BlockNumber, Hash),
		patient: AccountId,
		start: u64,
		count: u32,
	) -> Result<Vec<Entry>, Error> {
		let call = chain::view_functions().audit().patient_entries(patient, start, count);
		call_view(&self.at(block).await?, call).await
	}

	/// The number of entries in the access log and the head of its hash chain.
	pub async fn audit_head(&self) -> Result<(u64, Hash), Error> {
		self.view(chain::view_functions().audit().head()).await
	}

	/// Every delegate candidate with its candidacy and whether it has session keys.
	pub async fn candidates(&self) -> Result<Vec<(AccountId, Candidate, bool)>, Error> {
		self.view(chain::view_functions().dpos().candidates()).await
	}

	/// The delegates of the current session.
	pub async fn delegates(&self) -> Result<Vec<AccountId>, Error> {
		self.view(chain::view_functions().dpos().delegates()).await
	}

	/// `who`'s bonded and unbonding stake, or `None` if it never bonded.
	pub async fn ledger(&self, who: AccountId) -> Result<Option<StakeLedger>, Error> {
		self.stored(chain::storage().dpos().ledger(), (who,)).await
	}

	/// The current session's index.
	pub async fn session_index(&self) -> Result<u32, Error> {
		Ok(self.stored(chain::storage().session().current_index(), ()).await?.unwrap_or_default())
	}

	/// The accounts whose keys author and finalize in the current session.
	pub async fn validators(&self) -> Result<Vec<AccountId>, Error> {
		Ok(self.stored(chain::storage().session().validators(), ()).await?.unwrap_or_default())
	}

	/// The balance of `who`: free, held (deposits and stake) and frozen.
	pub async fn balance(&self, who: AccountId) -> Result<AccountBalance, Error> {
		let account = self.stored(chain::storage().system().account(), (who,)).await?;
		Ok(account.map(|account| account.data).unwrap_or(AccountBalance {
			free: 0,
			reserved: 0,
			frozen: 0,
			flags: ExtraFlags(0),
		}))
	}

	/// The free balance of `who`.
	pub async fn free_balance(&self, who: AccountId) -> Result<u128, Error> {
		Ok(self.balance(who).await?.free)
	}

	/// The hash of block `number` on the node's best chain.
	pub async fn block_hash(&self, number: BlockNumber) -> Result<Hash, Error> {
		let hash =
			self.legacy.chain_get_block_hash(Some(number.into())).await.map_err(Error::rpc)?;
		hash.ok_or_else(|| Error::NotFound(format!("block {number}")))
	}

	/// The delegate that authored block `number` (not genesis): the Aura slot in the block's
	/// header, among the validators of the session its parent block was in.
	pub async fn block_author(&self, number: BlockNumber) -> Result<AccountId, Error> {
		let hash = self.block_hash(number).await?;
		let header = self.header(hash).await?;
		let slot = header
			.digest
			.logs
			.iter()
			.find_map(|item| match item {
				DigestItem::PreRuntime(AURA_ENGINE, data) => u64::decode(&mut &data[..]).ok(),
				_ => None,
			})
			.ok_or_else(|| Error::NotFound(format!("an Aura slot in block {number}")))?;
		let parent = self.at((number.saturating_sub(1), header.parent_hash)).await?;
		let validators = parent
			.storage()
			.fetch(chain::storage().session().validators(), ())
			.await
			.map_err(Error::node)?
			.decode()
			.map_err(Error::node)?;
		let index = usize::try_from(slot % validators.len().max(1) as u64).unwrap_or_default();
		validators
			.get(index)
			.cloned()
			.ok_or_else(|| Error::NotFound(format!("the validators of block {number}'s session")))
	}
}

//! # Records pallet
//!
//! Each patient's tamper-proof record history: the records they approved, in order, with
//! amendments that link to what they supersede and never overwrite it; the releases of their
//! content by the vaults that keep it, authorised or refused on the record; and erasure.
//!
//! ## Pallet API
//!
//! | call | origin | errors | event |
//! |---|---|---|---|
//! | [`view_history`](Pallet::view_history) | signed: a registered member | `NotRegistered` | `HistoryViewed`, or `AccessDenied` when refused |
//! | [`release`](Pallet::release) | signed: the record's vault, active | `NotActiveVault`, `UnknownRecord`, `NotCustodian`, `RecordErased` | `RecordReleased`, or `AccessDenied` when refused |
//! | [`erase`](Pallet::erase) | signed: the record's vault, active | `NotActiveVault`, `UnknownRecord`, `NotCustodian`, `RecordErased`, `NotPatientOrAdmin` | `RecordErased` |
//!
//! A refusal is not a failed extrinsic: the call completes, so that the refusal is kept in the
//! access log and in an `AccessDenied` event (a failed extrinsic would roll both back), and
//! changes nothing else. Every view and release, allowed or refused, appends an access-log
//! entry naming the purpose of use the viewer gave (an HL7 v3 PurposeOfUse code; emergency
//! treatment whenever the basis is an emergency access) and, for a refusal, what the viewer
//! lacked: any access, a running grant, a grant for the purpose, or one for the record's kind.
//!
//! ## Record custody
//!
//! A record's content never reaches the chain: the record holds a [`Locator`] (the vault that
//! keeps the content and the vault's id for it) and a salted [`Commitment`] to the content. A
//! viewer asks the vault; the vault, as the record's custodian, calls [`release`](Pallet::release)
//! naming the viewer. The chain decides at that block, from the access policy, whether the
//! viewer may see it, and writes the release or the refusal to the log; the vault hands the
//! content over only once the release is in a block. A grant revoked in an earlier block is
//! therefore always honoured.
//!
//! View functions: [`record`](Pallet::record), [`history`](Pallet::history) (paged) and
//! [`history_length`](Pallet::history_length).
//!
//! ## Overview
//!
//! Records arrive only through [`medchain_primitives::RecordStore`], which the consent pallet
//! calls when a patient approves a submission. A record keeps its author, kind, locator,
//! commitment, the record it supersedes, its version (one more than the version it
//! supersedes), the block and time it was approved, and the block its content was erased in. Who may view is decided
//! by [`Config::AccessPolicy`], which names the basis (patient, author, grant, emergency, admin).
//!
//! ## Low Level / Implementation Details
//!
//! [`Records`] by id; [`History`] and [`HistoryLength`] index each patient's records in
//! approval order, so pages cost only what they return. [`SupersededBy`] marks amended records,
//! so that only the latest version can be amended. `try_state` checks that every index points
//! at a record of its patient and that amendment links and versions agree.
//!
//! Storage version 1 replaced a record's payload and content hash with a locator and a salted
//! commitment and added the erasure block. MedChain has no production chain yet, so no
//! migration exists; one will be written when a live chain's storage changes.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use frame_support::traits::Time;
use medchain_primitives::{
	AccessPolicy, AccessRequest, AuditAction, AuditEvent, AuditTrail, Commitment, Locator,
	NewRecord, PurposeOfUse, RecordId, RecordKind, RecordStore, Refusal, Roles,
};
use sp_runtime::DispatchError;

/// The time type of the clock records are stamped with.
pub type MomentOf<T> = <<T as Config>::Time as Time>::Moment;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// An approved record.
	#[derive(
		Encode,
		Decode,
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		DebugNoBound,
		TypeInfo,
		MaxEncodedLen,
	)]
	#[scale_info(skip_type_params(T))]
	#[codec(mel_bound())]
	pub struct Record<T: Config> {
		/// The record's id.
		pub id: RecordId,
		/// Whose record it is.
		pub patient: T::AccountId,
		/// The doctor who wrote it.
		pub author: T::AccountId,
		/// What kind of record it is (e.g. an HL7 FHIR resource type).
		pub kind: RecordKind,
		/// Where its content is kept.
		pub locator: Locator<T::AccountId>,
		/// The salted commitment to its content.
		pub commitment: Commitment,
		/// The record this one amends.
		pub supersedes: Option<RecordId>,
		/// 1 for an original record; one more than the record it amends otherwise.
		pub version: u32,
		/// The block in which the patient approved it.
		pub block: BlockNumberFor<T>,
		/// That block's timestamp.
		pub timestamp: MomentOf<T>,
		/// The block in which its vault erased its content, if it did.
		pub erased_at: Option<BlockNumberFor<T>>,
	}

	/// The storage layout's version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who may view a patient's records, and on what basis.
		type AccessPolicy: AccessPolicy<Self::AccountId>;
		/// Which accounts are active vaults.
		type Roles: Roles<Self::AccountId>;
		/// The access log.
		type AuditTrail: AuditTrail<Self::AccountId>;
		/// The clock records are stamped with (the runtime's timestamp pallet).
		type Time: Time;
		/// The most records one page of a history query returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;
		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The id the next record gets.
	#[pallet::storage]
	pub type NextRecordId<T: Config> = StorageValue<_, RecordId, ValueQuery>;

	/// Every approved record, by id.
	// Twox64Concat: ids are sequential, not chosen by users.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Twox64Concat, RecordId, Record<T>>;

	/// How many records each patient's history holds.
	// Blake2: accounts are chosen by their users.
	#[pallet::storage]
	pub type HistoryLength<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The n-th record of a patient's history, by the patient and n.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, u32, RecordId>;

	/// The amendment of each amended record.
	#[pallet::storage]
	pub type SupersededBy<T: Config> = StorageMap<_, Twox64Concat, RecordId, RecordId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A record joined a patient's history.
		RecordAdded { id: RecordId, patient: T::AccountId, version: u32 },
		/// A record's vault released its content to an authorised viewer.
		RecordReleased {
			record: RecordId,
			viewer: T::AccountId,
			vault: T::AccountId,
			basis: AccessBasis,
			purpose: PurposeOfUse,
		},
		/// A record's vault erased its content at the request of `by`.
		RecordErased { record: RecordId, by: T::AccountId, vault: T::AccountId },
		/// An authorised viewer viewed a patient's history of `records` records.
		HistoryViewed {
			viewer: T::AccountId,
			patient: T::AccountId,
			records: u32,
			basis: AccessBasis,
			purpose: PurposeOfUse,
		},
		/// A viewer was refused a record's content (`record`) or a patient's history (`record`
		/// is `None`) for `purpose`; `refusal` names what they lacked.
		AccessDenied {
			viewer: T::AccountId,
			patient: T::AccountId,
			record: Option<RecordId>,
			purpose: PurposeOfUse,
			refusal: Refusal,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No record has this id; list the patient's history for the ids it holds.
		UnknownRecord,
		/// The caller is not an active vault; an admin registers vaults in the registry.
		NotActiveVault,
		/// The record's content is kept by another vault; only its custodian releases or
		/// erases it.
		NotCustodian,
		/// The record's content was erased; the commitment and the log remain, the content
		/// cannot be released or erased again.
		RecordErased,
		/// Only the record's patient, or an active admin at their request, may have its
		/// content erased.
		NotPatientOrAdmin,
		/// Only registered members may ask to view a history (and so write to a patient's
		/// log); register first.
		NotRegistered,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Views a patient's whole history for `purpose`. An authorised viewer gets
		/// `HistoryViewed`, naming the basis and the number of records; anyone else gets
		/// `AccessDenied`, naming what they lacked. Both are written to the access log with the
		/// purpose; the call succeeds either way.
		///
		/// Origin: signed, a registered member. Errors: `NotRegistered`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::view_history())]
		pub fn view_history(
			origin: OriginFor<T>,
			patient: T::AccountId,
			purpose: PurposeOfUse,
		) -> DispatchResult {
			let viewer = ensure_signed(origin)?;
			ensure!(T::Roles::role_of(&viewer).is_some(), Error::<T>::NotRegistered);
			let request = AccessRequest { author: None, kind: None, purpose };
			let event = match T::AccessPolicy::access_basis(&viewer, &patient, request) {
				Ok(basis) => {
					let purpose = basis.purpose(purpose);
					Self::deposit_event(Event::HistoryViewed {
						viewer: viewer.clone(),
						patient: patient.clone(),
						records: HistoryLength::<T>::get(&patient),
						basis,
						purpose,
					});
					AuditEvent::new(Some(viewer), AuditAction::Viewed { basis, purpose })
				},
				Err(refusal) => Self::refuse(viewer, patient.clone(), None, purpose, refusal),
			};
			T::AuditTrail::log(event.patient(patient));
			Ok(())
		}

		/// Writes the release of a record's content to `viewer` for `purpose` on the access
		/// log, or its refusal: the chain decides from the access policy at this block, by the
		/// record's author and kind and the purpose. An authorised viewer gets
		/// `RecordReleased`, naming the basis; anyone else `AccessDenied`, naming what they
		/// lacked. The vault hands the content over only after a block includes the release.
		/// The call succeeds either way so that a refusal stays on the record.
		///
		/// Origin: signed, the active vault that keeps the record's content.
		/// Errors: `NotActiveVault`, `UnknownRecord`, `NotCustodian`, `RecordErased`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::release())]
		pub fn release(
			origin: OriginFor<T>,
			record_id: RecordId,
			viewer: T::AccountId,
			purpose: PurposeOfUse,
		) -> DispatchResult {
			let vault = ensure_signed(origin)?;
			let record = Self::custody(&vault, record_id)?;
			let request =
				AccessRequest { author: Some(&record.author), kind: Some(&record.kind), purpose };
			let basis = T::AccessPolicy::access_basis(&viewer, &record.patient, request);
			let patient = record.patient;
			let event = match basis {
				Ok(basis) => {
					let purpose = basis.purpose(purpose);
					Self::deposit_event(Event::RecordReleased {
						record: record_id,
						viewer: viewer.clone(),
						vault: vault.clone(),
						basis,
						purpose,
					});
					AuditEvent::new(Some(viewer), AuditAction::Released { basis, purpose })
				},
				Err(refusal) => {
					Self::refuse(viewer, patient.clone(), Some(record_id), purpose, refusal)
				},
			};
			T::AuditTrail::log(event.subject(vault).patient(patient).record(record_id));
			Ok(())
		}

		/// Records that the vault erased a record's content at the request of `requester`, the
		/// patient or an active admin. The record keeps its commitment and the log keeps every
		/// entry; the content can no longer be released.
		///
		/// Origin: signed, the active vault that keeps the record's content. Emits
		/// `RecordErased`. Errors: `NotActiveVault`, `UnknownRecord`, `NotCustodian`,
		/// `RecordErased`, `NotPatientOrAdmin`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::erase())]
		pub fn erase(
			origin: OriginFor<T>,
			record_id: RecordId,
			requester: T::AccountId,
		) -> DispatchResult {
			let vault = ensure_signed(origin)?;
			let record = Self::custody(&vault, record_id)?;
			let request =
				AccessRequest { author: None, kind: None, purpose: PurposeOfUse::PatientRequested };
			let basis = T::AccessPolicy::access_basis(&requester, &record.patient, request);
			ensure!(
				matches!(basis, Ok(AccessBasis::Patient | AccessBasis::Admin)),
				Error::<T>::NotPatientOrAdmin
			);
			let now = frame_system::Pallet::<T>::block_number();
			Records::<T>::mutate(record_id, |stored| {
				if let Some(stored) = stored {
					stored.erased_at = Some(now);
				}
			});
			Self::deposit_event(Event::RecordErased {
				record: record_id,
				by: requester.clone(),
				vault: vault.clone(),
			});
			T::AuditTrail::log(
				AuditEvent::new(Some(requester), AuditAction::Erased)
					.subject(vault)
					.patient(record.patient)
					.record(record_id),
			);
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A record by id.
		pub fn record(id: RecordId) -> Option<Record<T>> {
			Records::<T>::get(id)
		}

		/// Up to `count` records (at most `MaxPageSize`) of `patient`'s history from the
		/// `start`-th, in approval order.
		pub fn history(patient: T::AccountId, start: u32, count: u32) -> Vec<Record<T>> {
			let end = start
				.saturating_add(count.min(T::MaxPageSize::get()))
				.min(HistoryLength::<T>::get(&patient));
			(start..end)
				.filter_map(|n| History::<T>::get(&patient, n))
				.filter_map(Records::<T>::get)
				.collect()
		}

		/// How many records `patient`'s history holds.
		pub fn history_length(patient: T::AccountId) -> u32 {
			HistoryLength::<T>::get(&patient)
		}
	}
}

pub use medchain_primitives::AccessBasis;

impl<T: Config> Pallet<T> {
	/// The record `vault` keeps under `record_id`, if `vault` is active, the record exists,
	/// `vault` is its custodian and its content was not erased.
	fn custody(vault: &T::AccountId, record_id: RecordId) -> Result<Record<T>, Error<T>> {
		frame_support::ensure!(T::Roles::is_active_vault(vault), Error::<T>::NotActiveVault);
		let record = Records::<T>::get(record_id).ok_or(Error::<T>::UnknownRecord)?;
		frame_support::ensure!(&record.locator.vault == vault, Error::<T>::NotCustodian);
		frame_support::ensure!(record.erased_at.is_none(), Error::<T>::RecordErased);
		Ok(record)
	}

	/// Emits `AccessDenied` and returns the access-log event of the refusal.
	fn refuse(
		viewer: T::AccountId,
		patient: T::AccountId,
		record: Option<RecordId>,
		purpose: PurposeOfUse,
		refusal: Refusal,
	) -> AuditEvent<T::AccountId> {
		Self::deposit_event(Event::AccessDenied {
			viewer: viewer.clone(),
			patient,
			record,
			purpose,
			refusal,
		});
		AuditEvent::new(Some(viewer), AuditAction::AccessDenied { purpose, refusal })
	}

	/// Checks that every history index points at a record of its patient, that lengths match,
	/// that amendment links and versions agree, and that no record was erased before it was
	/// approved.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextRecordId::<T>::get();
		let mut indexed = 0u64;
		for (patient, length) in HistoryLength::<T>::iter() {
			for n in 0..length {
				let id = History::<T>::get(&patient, n).ok_or("a history index is missing")?;
				let record = Records::<T>::get(id).ok_or("a history index points nowhere")?;
				frame_support::ensure!(
					record.patient == patient,
					"a history holds another's record"
				);
				indexed += 1;
			}
		}
		let mut stored = 0u64;
		for (id, record) in Records::<T>::iter() {
			frame_support::ensure!(id == record.id && id < next, "a record's id is wrong");
			frame_support::ensure!(
				record.erased_at.is_none_or(|erased| erased >= record.block),
				"a record was erased before it was approved"
			);
			match record.supersedes {
				Some(old) => {
					let old_record = Records::<T>::get(old).ok_or("an amendment of nothing")?;
					frame_support::ensure!(
						old_record.patient == record.patient
							&& old_record.version + 1 == record.version
							&& SupersededBy::<T>::get(old) == Some(id),
						"an amendment's link or version is wrong"
					);
				},
				None => frame_support::ensure!(record.version == 1, "an original is not version 1"),
			}
			stored += 1;
		}
		frame_support::ensure!(indexed == stored, "a record is missing from its history");
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// The version of `record`, if a new record of `patient` may amend it.
	fn amendable_version(patient: &T::AccountId, record: RecordId) -> Option<u32> {
		Records::<T>::get(record)
			.filter(|r| &r.patient == patient && !SupersededBy::<T>::contains_key(record))
			.map(|r| r.version)
	}
}

impl<T: Config> RecordStore<T::AccountId> for Pallet<T> {
	fn can_supersede(patient: &T::AccountId, record: RecordId) -> bool {
		Self::amendable_version(patient, record).is_some()
	}

	fn insert(record: NewRecord<T::AccountId>) -> Result<RecordId, DispatchError> {
		let NewRecord { patient, author, kind, locator, commitment, supersedes } = record;
		let version = match supersedes {
			Some(old) => Self::amendable_version(&patient, old)
				.ok_or(DispatchError::Other("the record to amend cannot be amended"))?
				.saturating_add(1),
			None => 1,
		};
		let id = NextRecordId::<T>::get();
		let next_id = id.checked_add(1).ok_or(DispatchError::Other("record ids are exhausted"))?;
		let position = HistoryLength::<T>::get(&patient);
		let length =
			position.checked_add(1).ok_or(DispatchError::Other("the patient's history is full"))?;
		NextRecordId::<T>::put(next_id);
		if let Some(old) = supersedes {
			SupersededBy::<T>::insert(old, id);
		}
		History::<T>::insert(&patient, position, id);
		HistoryLength::<T>::insert(&patient, length);
		Records::<T>::insert(
			id,
			Record::<T> {
				id,
				patient: patient.clone(),
				author,
				kind,
				locator,
				commitment,
				supersedes,
				version,
				block: frame_system::Pallet::<T>::block_number(),
				timestamp: T::Time::now(),
				erased_at: None,
			},
		);
		Self::deposit_event(Event::RecordAdded { id, patient, version });
		Ok(id)
	}
}

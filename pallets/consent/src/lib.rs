//! # Consent pallet
//!
//! The patient decides: what doctors submit waits in the patient's consent pool until the
//! patient approves it into their record history or denies it, and only doctors the patient
//! granted access (or a doctor invoking break-glass emergency access, on the record) see the
//! patient's records.
//!
//! ## Pallet API
//!
//! | call | origin | errors | event |
//! |---|---|---|---|
//! | [`submit`](Pallet::submit) | signed: an active doctor | `NotActiveDoctor`, `NotActivePatient`, `BlockedByPatient`, `NotFhirResourceType`, `UnknownVault`, `CannotSupersede`, `PendingPoolFull`, `TooManyFromDoctor`, `InsufficientBalance` | `Submitted` |
//! | [`approve`](Pallet::approve) | signed: the submission's patient, active | `UnknownSubmission`, `NotSubmissionPatient`, `NotActivePatient`, `AuthorNotActive`, `SubmissionExpired`, `CannotSupersede` | `Approved` |
//! | [`deny`](Pallet::deny) | signed: the submission's patient | `UnknownSubmission`, `NotSubmissionPatient` | `Denied` |
//! | [`withdraw`](Pallet::withdraw) | signed: the submission's doctor | `UnknownSubmission`, `NotSubmissionDoctor` | `Withdrawn` |
//! | [`expire`](Pallet::expire) | signed: anyone | `UnknownSubmission`, `NotExpired` | `Expired` |
//! | [`grant_access`](Pallet::grant_access) | signed: an active patient | `NotActivePatient`, `NotActiveDoctor`, `GrantEndsInPast`, `TooManyGrants`, `TooManyGrantsForDoctor` | `AccessGranted` |
//! | [`grant_scoped`](Pallet::grant_scoped) | signed: an active patient | as `grant_access`, and `NoPurpose`, `TooManyKinds`, `NotFhirResourceType` | `AccessGranted` |
//! | [`revoke_access`](Pallet::revoke_access) | signed: the patient | `NoAccessToRevoke` | `AccessRevoked` |
//! | [`emergency_access`](Pallet::emergency_access) | signed: an active doctor | `NotActiveDoctor`, `NotActivePatient` | `EmergencyAccessInvoked` |
//! | [`block_doctor`](Pallet::block_doctor) | signed: an active patient | `NotActivePatient`, `AlreadyBlocked`, `TooManyBlocked` | `DoctorBlocked` |
//! | [`unblock_doctor`](Pallet::unblock_doctor) | signed: the patient | `NotBlocked` | `DoctorUnblocked` |
//!
//! Every call also appends an entry to the access log through [`Config::AuditTrail`].
//! View functions: [`pending`](Pallet::pending) (a patient's pool), [`grants`](Pallet::grants)
//! and [`viewer_basis`](Pallet::viewer_basis).
//!
//! ## Overview
//!
//! A submission carries a record kind (e.g. an HL7 FHIR resource type), the locator of its
//! content (the registered vault that keeps it and the vault's id for it), a salted commitment
//! to the content, and optionally the earlier record of the same patient it amends. No clinical
//! content reaches the chain: an emergency access names its reason by a code. The doctor pays a deposit, held until the submission
//! leaves the pool: approved, denied, withdrawn, or expired after `ConsentWindow` blocks, when
//! anyone may clear it. Each case returns the deposit in full. One doctor holds at most
//! `MaxPendingPerDoctor` places of a patient's pool, and a patient may block a doctor from
//! submitting to them at all, so no doctor can keep a pool full. A submission whose doctor is
//! no longer active (suspended) cannot be approved; the patient denies it or it expires.
//!
//! Record kinds are HL7 FHIR R4 resource type names (`Observation`, `DiagnosticReport`, ...);
//! anything else is refused.
//!
//! The pallet implements [`medchain_primitives::AccessPolicy`]: the patient sees their own
//! records; an active admin sees any; an active doctor sees the records they wrote, a
//! patient's records while an emergency access of theirs runs (always for emergency treatment,
//! `ETREAT`), and what a running grant of theirs covers.
//!
//! ## Scoped grants
//!
//! A grant names the record kinds it covers (none: every kind), the purposes of use it covers
//! (HL7 v3 PurposeOfUse codes: treatment, emergency treatment, payment, operations, public
//! health, research, the patient's request) and the last block it runs (none: until revoked).
//! A patient can hold up to `MaxGrantsPerDoctor` grants for one doctor, e.g. `Observation` for
//! treatment until June and every kind for emergency treatment. A grant with the same kinds
//! and purposes as one the doctor holds replaces it. [`grant_access`](Pallet::grant_access)
//! gives the unscoped grant: every kind, for treatment. A refused access names what was
//! missing ([`medchain_primitives::Refusal`]): any access at all, a running grant, the
//! purpose, or the kind. Revoking ends every grant of the doctor and their emergency access;
//! ended grants stay listed (inactive, with the block they ended in) until their place is
//! needed, so that a patient's consents can be exported with their history.
//!
//! ## Low Level / Implementation Details
//!
//! [`Submissions`] holds pending submissions by id and [`PendingPool`] each patient's ids, a
//! bounded list (`MaxPendingPerPatient`); [`PendingFromDoctor`] counts each doctor's places in
//! each pool, so that a submission checks the doctor's share without reading the pool's
//! submissions. Grants live in a double map by patient and doctor, each value the doctor's
//! bounded list of grants (`MaxGrantsPerDoctor`), the doctors counted per patient
//! (`MaxGrantsPerPatient`); grants that ended free their places when a new one needs them.
//! Blocked doctors are a double map counted per patient (`MaxBlockedPerPatient`). No hook
//! does any work: expiry is a call. `try_state` checks that
//! pools, pending counts and submissions agree, that every doctor's held deposit equals their submissions'
//! deposits, and that grant counts are right.
//!
//! Storage version 1 replaced a submission's payload and content hash with a locator and a
//! salted commitment, and an emergency access's free-text reason with a code; version 2 added
//! [`PendingFromDoctor`]; version 3 made grants scoped lists. MedChain has no production chain yet, so no migration exists; one
//! will be written when a live chain's storage changes.

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
use frame_support::traits::{
	fungible::{Inspect, Mutate, MutateHold},
	tokens::Precision,
	Get,
};
use medchain_primitives::{
	is_fhir_resource_type, AccessBasis, AccessPolicy, AccessRequest, AuditAction, AuditEvent,
	AuditTrail, Commitment, EmergencyReason, Locator, NewRecord, PurposeOfUse, Purposes, RecordId,
	RecordKind, RecordStore, Refusal, Role, Roles, SubmissionId, MAX_GRANT_KINDS,
};
use sp_runtime::traits::Saturating;

/// A balance of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// A record waiting for its patient's decision.
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
	pub struct Submission<T: Config> {
		/// Whose record it would be.
		pub patient: T::AccountId,
		/// The doctor who submitted it, and whose deposit is held.
		pub doctor: T::AccountId,
		/// What kind of record it is (e.g. an HL7 FHIR resource type).
		pub kind: RecordKind,
		/// Where its content is kept.
		pub locator: Locator<T::AccountId>,
		/// The salted commitment to its content.
		pub commitment: Commitment,
		/// The earlier record of the same patient it amends.
		pub supersedes: Option<RecordId>,
		/// The deposit held from the doctor.
		pub deposit: BalanceOf<T>,
		/// When it was submitted.
		pub submitted_at: BlockNumberFor<T>,
		/// The last block in which the patient may approve it.
		pub expires_at: BlockNumberFor<T>,
	}

	/// A patient's grant of access to a doctor: to some record kinds or all, for some
	/// purposes, until a block or until revoked.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
	pub struct Grant<BlockNumber> {
		/// When the grant was given.
		pub granted_at: BlockNumber,
		/// The last block of access, or `None` until revoked.
		pub until: Option<BlockNumber>,
		/// The FHIR resource types it covers, sorted; empty for every kind.
		pub kinds: BoundedVec<RecordKind, ConstU32<MAX_GRANT_KINDS>>,
		/// The purposes of use it covers, sorted; never empty.
		pub purposes: Purposes,
		/// The block in which the patient revoked it, if they did.
		pub revoked_at: Option<BlockNumber>,
	}

	impl<BlockNumber: PartialOrd + Copy> Grant<BlockNumber> {
		/// Whether the grant still runs at block `now`: not revoked and not past its end.
		pub fn is_active(&self, now: BlockNumber) -> bool {
			self.revoked_at.is_none() && self.until.is_none_or(|until| now <= until)
		}

		/// Whether the grant covers `purpose`.
		pub fn covers_purpose(&self, purpose: PurposeOfUse) -> bool {
			self.purposes.contains(&purpose)
		}

		/// Whether the grant covers records of `kind`; a history (`None`) is covered by any.
		pub fn covers_kind(&self, kind: Option<&[u8]>) -> bool {
			self.kinds.is_empty()
				|| kind.is_none_or(|kind| self.kinds.iter().any(|k| k.as_slice() == kind))
		}
	}

	/// A doctor's grants from one patient.
	pub type GrantsOf<T> = BoundedVec<Grant<BlockNumberFor<T>>, <T as Config>::MaxGrantsPerDoctor>;

	/// A doctor and their grants from one patient, as the `grants` view function lists them.
	pub type DoctorGrants<T> =
		(<T as frame_system::Config>::AccountId, Vec<Grant<BlockNumberFor<T>>>);

	/// Break-glass access a doctor invoked to a patient's records.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
	pub struct Emergency<BlockNumber> {
		/// Why the doctor needed access.
		pub reason: EmergencyReason,
		/// When they invoked it.
		pub invoked_at: BlockNumber,
		/// The last block of access.
		pub until: BlockNumber,
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A doctor's deposit for a submission in a consent pool.
		SubmissionDeposit,
	}

	/// The storage layout's version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;
		/// Who is a patient, a doctor or an admin.
		type Roles: Roles<Self::AccountId>;
		/// Where approved records go.
		type Records: RecordStore<Self::AccountId>;
		/// The access log.
		type AuditTrail: AuditTrail<Self::AccountId>;
		/// The deposit of any submission.
		#[pallet::constant]
		type SubmissionDepositBase: Get<BalanceOf<Self>>;
		/// The deposit per byte of a submission's kind.
		#[pallet::constant]
		type SubmissionDepositPerByte: Get<BalanceOf<Self>>;
		/// Blocks a patient has to decide on a submission.
		#[pallet::constant]
		type ConsentWindow: Get<BlockNumberFor<Self>>;
		/// The most submissions waiting in one patient's pool.
		#[pallet::constant]
		type MaxPendingPerPatient: Get<u32>;
		/// The most submissions of one doctor waiting in one patient's pool.
		#[pallet::constant]
		type MaxPendingPerDoctor: Get<u32>;
		/// The most doctors one patient may block.
		#[pallet::constant]
		type MaxBlockedPerPatient: Get<u32>;
		/// Blocks emergency access lasts.
		#[pallet::constant]
		type EmergencyWindow: Get<BlockNumberFor<Self>>;
		/// The most doctors one patient may grant access to at once.
		#[pallet::constant]
		type MaxGrantsPerPatient: Get<u32>;
		/// The most grants one patient may hold for one doctor (running or ended).
		#[pallet::constant]
		type MaxGrantsPerDoctor: Get<u32>;
		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The id the next submission gets.
	#[pallet::storage]
	pub type NextSubmissionId<T: Config> = StorageValue<_, SubmissionId, ValueQuery>;

	/// Pending submissions, by id.
	// Twox64Concat: ids are sequential, not chosen by users.
	#[pallet::storage]
	pub type Submissions<T: Config> = StorageMap<_, Twox64Concat, SubmissionId, Submission<T>>;

	/// Each patient's consent pool: the ids of their pending submissions, oldest first.
	// Blake2: accounts are chosen by their users.
	#[pallet::storage]
	pub type PendingPool<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<SubmissionId, T::MaxPendingPerPatient>,
		ValueQuery,
	>;

	/// How many submissions each doctor has waiting in each patient's pool, by patient and
	/// doctor (at most `MaxPendingPerDoctor`; no entry for none).
	#[pallet::storage]
	pub type PendingFromDoctor<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// Access grants, by patient and doctor: the doctor's grants, running and ended, oldest
	/// first.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		GrantsOf<T>,
	>;

	/// How many doctors each patient holds grants for (entries of [`Grants`]).
	#[pallet::storage]
	pub type GrantCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Doctors each patient blocked from submitting to them, with the block they did it in.
	#[pallet::storage]
	pub type Blocked<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BlockNumberFor<T>,
	>;

	/// How many doctors each patient blocked.
	#[pallet::storage]
	pub type BlockedCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Emergency accesses, by patient and doctor; a new one replaces the doctor's last.
	#[pallet::storage]
	pub type EmergencyAccesses<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Emergency<BlockNumberFor<T>>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A doctor submitted a record to a patient's consent pool.
		Submitted {
			id: SubmissionId,
			patient: T::AccountId,
			doctor: T::AccountId,
			deposit: BalanceOf<T>,
			expires_at: BlockNumberFor<T>,
		},
		/// The patient approved a submission; it is now record `record` of their history.
		Approved { id: SubmissionId, patient: T::AccountId, record: RecordId },
		/// The patient denied a submission; it was discarded.
		Denied { id: SubmissionId, patient: T::AccountId },
		/// The doctor withdrew their submission.
		Withdrawn { id: SubmissionId, doctor: T::AccountId },
		/// A submission ran out of time and was cleared.
		Expired { id: SubmissionId, patient: T::AccountId },
		/// A patient granted a doctor access to some kinds (none: every kind) for some
		/// purposes, until a block or until revoked.
		AccessGranted {
			patient: T::AccountId,
			doctor: T::AccountId,
			until: Option<BlockNumberFor<T>>,
			kinds: BoundedVec<RecordKind, ConstU32<MAX_GRANT_KINDS>>,
			purposes: Purposes,
		},
		/// A patient revoked a doctor's access (a grant, an emergency access, or both).
		AccessRevoked { patient: T::AccountId, doctor: T::AccountId },
		/// A patient blocked a doctor from submitting to them.
		DoctorBlocked { patient: T::AccountId, doctor: T::AccountId },
		/// A patient unblocked a doctor.
		DoctorUnblocked { patient: T::AccountId, doctor: T::AccountId },
		/// A doctor invoked emergency access to a patient's records.
		EmergencyAccessInvoked {
			patient: T::AccountId,
			doctor: T::AccountId,
			until: BlockNumberFor<T>,
			reason: EmergencyReason,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller (or the doctor named) is not an active doctor: register them with an
		/// admin, or have an admin reinstate them.
		NotActiveDoctor,
		/// The caller (or the patient named) is not an active patient: they register
		/// themselves, or an admin reinstates them.
		NotActivePatient,
		/// A record kind is not an HL7 FHIR R4 resource type name; use one such as
		/// `Observation` or `DiagnosticReport`, spelt as FHIR spells it.
		NotFhirResourceType,
		/// The locator names no active vault: upload the content to a vault the registry
		/// lists, and use the locator it returns.
		UnknownVault,
		/// The record to amend does not exist, belongs to another patient, or was amended
		/// already; amend the latest version of one of this patient's records.
		CannotSupersede,
		/// The patient's consent pool is full; wait for them to decide on what is pending.
		PendingPoolFull,
		/// The doctor cannot pay the deposit; fund the account first.
		InsufficientBalance,
		/// No pending submission has this id: it was decided, withdrawn or cleared.
		UnknownSubmission,
		/// Only the submission's patient may approve or deny it.
		NotSubmissionPatient,
		/// Only the doctor who submitted it may withdraw it.
		NotSubmissionDoctor,
		/// The consent window has closed; the submission can only be cleared with `expire`.
		SubmissionExpired,
		/// The consent window is still open; wait until it closes.
		NotExpired,
		/// The grant would end in the past; give a future block, or none.
		GrantEndsInPast,
		/// The patient holds grants for `MaxGrantsPerPatient` doctors, all still running; revoke
		/// one doctor's access first.
		TooManyGrants,
		/// The patient holds `MaxGrantsPerDoctor` running grants for this doctor; revoke their
		/// access, or give a grant with the same kinds and purposes as one of them to replace it.
		TooManyGrantsForDoctor,
		/// A grant must name at least one purpose of use (e.g. treatment).
		NoPurpose,
		/// A grant names more than 8 record kinds; name none to cover every kind.
		TooManyKinds,
		/// The doctor has no access to revoke.
		NoAccessToRevoke,
		/// The patient blocked this doctor from submitting to them; the patient may unblock.
		BlockedByPatient,
		/// This doctor already has `MaxPendingPerDoctor` submissions waiting for this patient;
		/// wait for the patient to decide on them, or withdraw one.
		TooManyFromDoctor,
		/// The doctor who submitted this is no longer active (suspended); deny it, or let it
		/// expire.
		AuthorNotActive,
		/// The doctor is blocked already.
		AlreadyBlocked,
		/// The doctor is not blocked.
		NotBlocked,
		/// The patient blocked `MaxBlockedPerPatient` doctors; unblock one first.
		TooManyBlocked,
		/// Every submission id has been given out; the chain can take no more submissions.
		SubmissionIdsExhausted,
		/// The deposit does not fit the balance type: the runtime's deposit constants are
		/// wrong.
		DepositOverflow,
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
		/// Submits a record to `patient`'s consent pool, holding a deposit from the caller
		/// (`SubmissionDepositBase` plus `SubmissionDepositPerByte` for each byte of the kind)
		/// until the submission leaves the pool. The content stays in the vault `locator`
		/// names; the chain keeps the locator and the salted `commitment` the vault returned.
		///
		/// `kind` is an HL7 FHIR R4 resource type name, such as `Observation`.
		///
		/// Origin: signed, an active doctor the patient has not blocked. Emits `Submitted`.
		/// Errors: `NotActiveDoctor`, `NotActivePatient`, `BlockedByPatient`,
		/// `NotFhirResourceType`, `UnknownVault`, `CannotSupersede`, `PendingPoolFull`,
		/// `TooManyFromDoctor`, `InsufficientBalance`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit())]
		pub fn submit(
			origin: OriginFor<T>,
			patient: T::AccountId,
			kind: Vec<u8>,
			locator: Locator<T::AccountId>,
			commitment: Commitment,
			supersedes: Option<RecordId>,
		) -> DispatchResult {
			let doctor = ensure_signed(origin)?;
			ensure!(T::Roles::is_active(&doctor, Role::Doctor), Error::<T>::NotActiveDoctor);
			ensure!(T::Roles::is_active(&patient, Role::Patient), Error::<T>::NotActivePatient);
			ensure!(!Blocked::<T>::contains_key(&patient, &doctor), Error::<T>::BlockedByPatient);
			let kind = Self::fhir_kind(kind)?;
			ensure!(T::Roles::is_active_vault(&locator.vault), Error::<T>::UnknownVault);
			if let Some(old) = supersedes {
				ensure!(T::Records::can_supersede(&patient, old), Error::<T>::CannotSupersede);
			}
			let mut pool = PendingPool::<T>::get(&patient);
			let from_doctor = PendingFromDoctor::<T>::get(&patient, &doctor);
			let id = NextSubmissionId::<T>::get();
			let next_id = id.checked_add(1).ok_or(Error::<T>::SubmissionIdsExhausted)?;
			pool.try_push(id).map_err(|_| Error::<T>::PendingPoolFull)?;
			ensure!(from_doctor < T::MaxPendingPerDoctor::get(), Error::<T>::TooManyFromDoctor);
			let deposit = Self::deposit_for(kind.len()).ok_or(Error::<T>::DepositOverflow)?;
			T::Currency::hold(&HoldReason::SubmissionDeposit.into(), &doctor, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;

			let now = frame_system::Pallet::<T>::block_number();
			let expires_at = now.saturating_add(T::ConsentWindow::get());
			PendingPool::<T>::insert(&patient, pool);
			PendingFromDoctor::<T>::insert(&patient, &doctor, from_doctor.saturating_add(1));
			NextSubmissionId::<T>::put(next_id);
			let submission = Submission::<T> {
				patient: patient.clone(),
				doctor: doctor.clone(),
				kind,
				locator,
				commitment,
				supersedes,
				deposit,
				submitted_at: now,
				expires_at,
			};
			Submissions::<T>::insert(id, submission);
			Self::deposit_event(Event::Submitted {
				id,
				patient: patient.clone(),
				doctor: doctor.clone(),
				deposit,
				expires_at,
			});
			T::AuditTrail::log(
				AuditEvent::new(Some(doctor), AuditAction::Submitted)
					.patient(patient)
					.submission(id),
			);
			Ok(())
		}

		/// Approves a submission: it joins the caller's record history and the doctor's deposit
		/// returns.
		///
		/// Origin: signed, the submission's patient, active. Emits `Approved`.
		/// Errors: `UnknownSubmission`, `NotSubmissionPatient`, `NotActivePatient`,
		/// `AuthorNotActive`, `SubmissionExpired`, `CannotSupersede` (the record it amends was
		/// amended meanwhile).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(origin: OriginFor<T>, id: SubmissionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let submission = Submissions::<T>::get(id).ok_or(Error::<T>::UnknownSubmission)?;
			ensure!(submission.patient == who, Error::<T>::NotSubmissionPatient);
			ensure!(T::Roles::is_active(&who, Role::Patient), Error::<T>::NotActivePatient);
			ensure!(
				T::Roles::is_active(&submission.doctor, Role::Doctor),
				Error::<T>::AuthorNotActive
			);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= submission.expires_at, Error::<T>::SubmissionExpired);
			if let Some(old) = submission.supersedes {
				ensure!(T::Records::can_supersede(&who, old), Error::<T>::CannotSupersede);
			}

			Self::remove(id, &submission)?;
			let Submission { patient, doctor, kind, locator, commitment, supersedes, .. } =
				submission;
			let record = T::Records::insert(NewRecord {
				patient: patient.clone(),
				author: doctor,
				kind,
				locator,
				commitment,
				supersedes,
			})?;
			Self::deposit_event(Event::Approved { id, patient: patient.clone(), record });
			T::AuditTrail::log(
				AuditEvent::new(Some(who), AuditAction::Approved)
					.patient(patient)
					.submission(id)
					.record(record),
			);
			Ok(())
		}

		/// Denies a submission: it is discarded and the doctor's deposit returns.
		///
		/// Origin: signed, the submission's patient. Emits `Denied`.
		/// Errors: `UnknownSubmission`, `NotSubmissionPatient`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deny())]
		pub fn deny(origin: OriginFor<T>, id: SubmissionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let submission = Submissions::<T>::get(id).ok_or(Error::<T>::UnknownSubmission)?;
			ensure!(submission.patient == who, Error::<T>::NotSubmissionPatient);
			Self::remove(id, &submission)?;
			Self::deposit_event(Event::Denied { id, patient: who.clone() });
			T::AuditTrail::log(
				AuditEvent::new(Some(who.clone()), AuditAction::Denied).patient(who).submission(id),
			);
			Ok(())
		}

		/// Withdraws the caller's own submission; the deposit returns.
		///
		/// Origin: signed, the doctor who submitted it. Emits `Withdrawn`.
		/// Errors: `UnknownSubmission`, `NotSubmissionDoctor`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, id: SubmissionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let submission = Submissions::<T>::get(id).ok_or(Error::<T>::UnknownSubmission)?;
			ensure!(submission.doctor == who, Error::<T>::NotSubmissionDoctor);
			Self::remove(id, &submission)?;
			Self::deposit_event(Event::Withdrawn { id, doctor: who.clone() });
			T::AuditTrail::log(
				AuditEvent::new(Some(who), AuditAction::Withdrawn)
					.patient(submission.patient)
					.submission(id),
			);
			Ok(())
		}

		/// Clears a submission whose consent window has closed; the deposit returns to its
		/// doctor.
		///
		/// Origin: signed, anyone. Emits `Expired`. Errors: `UnknownSubmission`, `NotExpired`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::expire())]
		pub fn expire(origin: OriginFor<T>, id: SubmissionId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let submission = Submissions::<T>::get(id).ok_or(Error::<T>::UnknownSubmission)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now > submission.expires_at, Error::<T>::NotExpired);
			Self::remove(id, &submission)?;
			Self::deposit_event(Event::Expired { id, patient: submission.patient.clone() });
			T::AuditTrail::log(
				AuditEvent::new(Some(who), AuditAction::Expired)
					.patient(submission.patient)
					.submission(id),
			);
			Ok(())
		}

		/// Grants `doctor` access to every kind of the caller's records, for treatment, until
		/// block `until` (inclusive), or until revoked when `until` is `None`: the unscoped
		/// grant. It replaces the doctor's last unscoped grant; see
		/// [`grant_scoped`](Pallet::grant_scoped) for other scopes.
		///
		/// Origin: signed, an active patient. Emits `AccessGranted`.
		/// Errors: `NotActivePatient`, `NotActiveDoctor`, `GrantEndsInPast`, `TooManyGrants`,
		/// `TooManyGrantsForDoctor`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::grant_access())]
		pub fn grant_access(
			origin: OriginFor<T>,
			doctor: T::AccountId,
			until: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let patient = ensure_signed(origin)?;
			Self::grant(patient, doctor, Vec::new(), alloc::vec![PurposeOfUse::Treatment], until)
		}

		/// Grants `doctor` access to the caller's records of `kinds` (HL7 FHIR R4 resource
		/// types; none for every kind), for `purposes` (HL7 v3 PurposeOfUse), until block
		/// `until` (inclusive) or until revoked when `None`. A grant of the same kinds and
		/// purposes replaces the doctor's earlier one; otherwise it is added beside the
		/// doctor's other grants, making room by dropping those that ended. When the patient
		/// holds grants for `MaxGrantsPerPatient` doctors, doctors whose grants all ended are
		/// dropped first.
		///
		/// Origin: signed, an active patient. Emits `AccessGranted`.
		/// Errors: `NotActivePatient`, `NotActiveDoctor`, `NoPurpose`, `TooManyKinds`,
		/// `NotFhirResourceType`, `GrantEndsInPast`, `TooManyGrants`, `TooManyGrantsForDoctor`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::grant_scoped(kinds.len().min(MAX_GRANT_KINDS as usize) as u32))]
		pub fn grant_scoped(
			origin: OriginFor<T>,
			doctor: T::AccountId,
			kinds: Vec<Vec<u8>>,
			purposes: Vec<PurposeOfUse>,
			until: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let patient = ensure_signed(origin)?;
			Self::grant(patient, doctor, kinds, purposes, until)
		}

		/// Revokes `doctor`'s access to the caller's records: every running grant (each stays
		/// listed, inactive, with the block it was revoked in) and any emergency access they
		/// invoked.
		///
		/// Origin: signed, the patient. Emits `AccessRevoked`. Errors: `NoAccessToRevoke`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke_access())]
		pub fn revoke_access(origin: OriginFor<T>, doctor: T::AccountId) -> DispatchResult {
			let patient = ensure_signed(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			let mut grants = Grants::<T>::get(&patient, &doctor).unwrap_or_default();
			let mut granted = false;
			for grant in grants.iter_mut().filter(|grant| grant.is_active(now)) {
				grant.revoked_at = Some(now);
				granted = true;
			}
			let emergency = EmergencyAccesses::<T>::take(&patient, &doctor).is_some();
			ensure!(granted || emergency, Error::<T>::NoAccessToRevoke);
			if granted {
				Grants::<T>::insert(&patient, &doctor, grants);
			}
			Self::deposit_event(Event::AccessRevoked {
				patient: patient.clone(),
				doctor: doctor.clone(),
			});
			T::AuditTrail::log(AuditEvent::by_patient(patient, AuditAction::AccessRevoked, doctor));
			Ok(())
		}

		/// Invokes break-glass access to `patient`'s records for `EmergencyWindow` blocks. The
		/// reason's code is kept on chain and the access is logged with it, so the patient and
		/// admins see it.
		///
		/// Origin: signed, an active doctor. Emits `EmergencyAccessInvoked`.
		/// Errors: `NotActiveDoctor`, `NotActivePatient`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::emergency_access())]
		pub fn emergency_access(
			origin: OriginFor<T>,
			patient: T::AccountId,
			reason: EmergencyReason,
		) -> DispatchResult {
			let doctor = ensure_signed(origin)?;
			ensure!(T::Roles::is_active(&doctor, Role::Doctor), Error::<T>::NotActiveDoctor);
			ensure!(T::Roles::is_active(&patient, Role::Patient), Error::<T>::NotActivePatient);
			let now = frame_system::Pallet::<T>::block_number();
			let until = now.saturating_add(T::EmergencyWindow::get());
			EmergencyAccesses::<T>::insert(
				&patient,
				&doctor,
				Emergency { reason, invoked_at: now, until },
			);
			Self::deposit_event(Event::EmergencyAccessInvoked {
				patient: patient.clone(),
				doctor: doctor.clone(),
				until,
				reason,
			});
			T::AuditTrail::log(
				AuditEvent::new(Some(doctor), AuditAction::EmergencyAccess(reason))
					.patient(patient),
			);
			Ok(())
		}
		/// Blocks `doctor` from submitting to the caller's consent pool. What the doctor
		/// submitted already stays until decided.
		///
		/// Origin: signed, an active patient. Emits `DoctorBlocked`.
		/// Errors: `NotActivePatient`, `AlreadyBlocked`, `TooManyBlocked`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::block_doctor())]
		pub fn block_doctor(origin: OriginFor<T>, doctor: T::AccountId) -> DispatchResult {
			let patient = ensure_signed(origin)?;
			ensure!(T::Roles::is_active(&patient, Role::Patient), Error::<T>::NotActivePatient);
			ensure!(!Blocked::<T>::contains_key(&patient, &doctor), Error::<T>::AlreadyBlocked);
			let count = BlockedCount::<T>::get(&patient);
			ensure!(count < T::MaxBlockedPerPatient::get(), Error::<T>::TooManyBlocked);
			BlockedCount::<T>::insert(&patient, count.saturating_add(1));
			Blocked::<T>::insert(&patient, &doctor, frame_system::Pallet::<T>::block_number());
			Self::deposit_event(Event::DoctorBlocked {
				patient: patient.clone(),
				doctor: doctor.clone(),
			});
			T::AuditTrail::log(AuditEvent::by_patient(patient, AuditAction::DoctorBlocked, doctor));
			Ok(())
		}

		/// Lets `doctor` submit to the caller's consent pool again.
		///
		/// Origin: signed, the patient. Emits `DoctorUnblocked`. Errors: `NotBlocked`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::unblock_doctor())]
		pub fn unblock_doctor(origin: OriginFor<T>, doctor: T::AccountId) -> DispatchResult {
			let patient = ensure_signed(origin)?;
			Blocked::<T>::take(&patient, &doctor).ok_or(Error::<T>::NotBlocked)?;
			BlockedCount::<T>::mutate(&patient, |count| count.saturating_dec());
			Self::deposit_event(Event::DoctorUnblocked {
				patient: patient.clone(),
				doctor: doctor.clone(),
			});
			T::AuditTrail::log(AuditEvent::by_patient(
				patient,
				AuditAction::DoctorUnblocked,
				doctor,
			));
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A patient's consent pool: their pending submissions with ids, oldest first.
		pub fn pending(patient: T::AccountId) -> Vec<(SubmissionId, Submission<T>)> {
			PendingPool::<T>::get(&patient)
				.into_iter()
				.filter_map(|id| Submissions::<T>::get(id).map(|s| (id, s)))
				.collect()
		}

		/// The doctors a patient granted access to, each with their grants, running and ended
		/// (at most `MaxGrantsPerPatient` doctors).
		pub fn grants(patient: T::AccountId) -> Vec<DoctorGrants<T>> {
			Grants::<T>::iter_prefix(&patient)
				.take(T::MaxGrantsPerPatient::get() as usize)
				.map(|(doctor, grants)| (doctor, grants.into_inner()))
				.collect()
		}

		/// The basis on which `viewer` may see `patient`'s history now for `purpose`, or what
		/// they lack.
		pub fn viewer_basis(
			viewer: T::AccountId,
			patient: T::AccountId,
			purpose: PurposeOfUse,
		) -> Result<AccessBasis, Refusal> {
			<Self as AccessPolicy<T::AccountId>>::access_basis(
				&viewer,
				&patient,
				AccessRequest { author: None, kind: None, purpose },
			)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The deposit of a submission whose kind is `bytes` bytes long, unless it overflows the
	/// balance type.
	pub fn deposit_for(bytes: usize) -> Option<BalanceOf<T>> {
		use sp_runtime::traits::{CheckedAdd, CheckedMul};
		let bytes: BalanceOf<T> = (bytes as u32).into();
		T::SubmissionDepositPerByte::get()
			.checked_mul(&bytes)
			.and_then(|per_byte| T::SubmissionDepositBase::get().checked_add(&per_byte))
	}

	/// `kind` as a record kind, if it names an HL7 FHIR R4 resource type.
	fn fhir_kind(kind: Vec<u8>) -> Result<RecordKind, Error<T>> {
		frame_support::ensure!(is_fhir_resource_type(&kind), Error::<T>::NotFhirResourceType);
		kind.try_into().map_err(|_| Error::<T>::NotFhirResourceType)
	}

	/// Checks and stores `patient`'s grant to `doctor`; see [`Pallet::grant_scoped`].
	fn grant(
		patient: T::AccountId,
		doctor: T::AccountId,
		kinds: Vec<Vec<u8>>,
		purposes: Vec<PurposeOfUse>,
		until: Option<frame_system::pallet_prelude::BlockNumberFor<T>>,
	) -> sp_runtime::DispatchResult {
		use frame_support::ensure;
		ensure!(T::Roles::is_active(&patient, Role::Patient), Error::<T>::NotActivePatient);
		ensure!(T::Roles::is_active(&doctor, Role::Doctor), Error::<T>::NotActiveDoctor);
		// Each purpose once, in code order: one linear pass over the input for each of the
		// seven codes, no sort whose cost would grow faster than the call's length.
		let purposes: Vec<_> =
			PurposeOfUse::ALL.into_iter().filter(|purpose| purposes.contains(purpose)).collect();
		let purposes: Purposes = purposes.try_into().map_err(|_| Error::<T>::NoPurpose)?;
		ensure!(!purposes.is_empty(), Error::<T>::NoPurpose);
		ensure!(kinds.len() as u32 <= MAX_GRANT_KINDS, Error::<T>::TooManyKinds);
		let mut kinds = kinds.into_iter().map(Self::fhir_kind).collect::<Result<Vec<_>, _>>()?;
		kinds.sort();
		kinds.dedup();
		let kinds = kinds.try_into().map_err(|_| Error::<T>::TooManyKinds)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(until.is_none_or(|until| until >= now), Error::<T>::GrantEndsInPast);

		let existing = Grants::<T>::get(&patient, &doctor);
		if existing.is_none() {
			if GrantCount::<T>::get(&patient) >= T::MaxGrantsPerPatient::get() {
				Self::remove_ended_grants(&patient, now);
			}
			ensure!(
				GrantCount::<T>::get(&patient) < T::MaxGrantsPerPatient::get(),
				Error::<T>::TooManyGrants
			);
		}
		let mut grants = existing.clone().unwrap_or_default();
		let grant = Grant { granted_at: now, until, kinds, purposes, revoked_at: None };
		grants.retain(|old| old.kinds != grant.kinds || old.purposes != grant.purposes);
		if grants.is_full() {
			grants.retain(|old| old.is_active(now));
		}
		grants.try_push(grant.clone()).map_err(|_| Error::<T>::TooManyGrantsForDoctor)?;
		if existing.is_none() {
			GrantCount::<T>::mutate(&patient, |count| count.saturating_inc());
		}
		Grants::<T>::insert(&patient, &doctor, grants);
		Self::deposit_event(Event::AccessGranted {
			patient: patient.clone(),
			doctor: doctor.clone(),
			until,
			kinds: grant.kinds,
			purposes: grant.purposes,
		});
		T::AuditTrail::log(AuditEvent::by_patient(patient, AuditAction::AccessGranted, doctor));
		Ok(())
	}

	/// Removes `patient`'s doctors whose grants all ended before `now`.
	fn remove_ended_grants(
		patient: &T::AccountId,
		now: frame_system::pallet_prelude::BlockNumberFor<T>,
	) {
		let ended: Vec<_> = Grants::<T>::iter_prefix(patient)
			.filter(|(_, grants)| !grants.iter().any(|grant| grant.is_active(now)))
			.map(|(doctor, _)| doctor)
			.collect();
		for doctor in &ended {
			Grants::<T>::remove(patient, doctor);
		}
		GrantCount::<T>::mutate(patient, |count| {
			*count = count.saturating_sub(ended.len() as u32);
		});
	}

	/// Takes a submission out of the pool and returns its deposit to its doctor.
	fn remove(id: SubmissionId, submission: &Submission<T>) -> sp_runtime::DispatchResult {
		PendingPool::<T>::mutate(&submission.patient, |pool| pool.retain(|pending| *pending != id));
		PendingFromDoctor::<T>::mutate_exists(&submission.patient, &submission.doctor, |count| {
			*count = count.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		Submissions::<T>::remove(id);
		T::Currency::release(
			&HoldReason::SubmissionDeposit.into(),
			&submission.doctor,
			submission.deposit,
			Precision::BestEffort,
		)?;
		Ok(())
	}

	/// Checks that pools, each doctor's pending counts and submissions agree, that each
	/// doctor's held deposit equals the deposits of their submissions, and that grant and block
	/// counts are right and within bounds, and that every grant names known kinds and at least
	/// one purpose, each once.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		use sp_runtime::traits::Zero;
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut from_doctor: BTreeMap<(T::AccountId, T::AccountId), u32> = BTreeMap::new();
		for (id, submission) in Submissions::<T>::iter() {
			frame_support::ensure!(
				PendingPool::<T>::get(&submission.patient).contains(&id),
				"a submission is missing from its patient's pool"
			);
			let count = from_doctor
				.entry((submission.patient.clone(), submission.doctor.clone()))
				.or_default();
			*count = count.saturating_add(1);
			let total = held.entry(submission.doctor.clone()).or_insert_with(Zero::zero);
			*total = total.saturating_add(submission.deposit);
		}
		let counted: BTreeMap<_, _> = PendingFromDoctor::<T>::iter()
			.map(|(patient, doctor, count)| ((patient, doctor), count))
			.collect();
		frame_support::ensure!(
			counted == from_doctor,
			"a doctor's count of pending submissions differs from their submissions"
		);
		for (patient, pool) in PendingPool::<T>::iter() {
			for id in pool {
				let submission = Submissions::<T>::get(id).ok_or("a pool holds an unknown id")?;
				frame_support::ensure!(submission.patient == patient, "a pool holds another's id");
			}
		}
		let reason = HoldReason::SubmissionDeposit.into();
		for (doctor, total) in held {
			frame_support::ensure!(
				T::Currency::balance_on_hold(&reason, &doctor) == total,
				"a doctor's held deposit differs from their submissions' deposits"
			);
		}
		for (patient, count) in BlockedCount::<T>::iter() {
			frame_support::ensure!(
				Blocked::<T>::iter_prefix(&patient).count() as u32 == count
					&& count <= T::MaxBlockedPerPatient::get(),
				"a blocked count is wrong"
			);
		}
		for (patient, count) in GrantCount::<T>::iter() {
			frame_support::ensure!(
				Grants::<T>::iter_prefix(&patient).count() as u32 == count,
				"a grant count is wrong"
			);
			frame_support::ensure!(count <= T::MaxGrantsPerPatient::get(), "too many grants");
		}
		for (patient, _, grants) in Grants::<T>::iter() {
			frame_support::ensure!(
				GrantCount::<T>::contains_key(&patient),
				"a patient's grants are not counted"
			);
			for grant in &grants {
				frame_support::ensure!(
					!grant.purposes.is_empty()
						&& grant.purposes.windows(2).all(|pair| pair[0] < pair[1])
						&& grant.kinds.windows(2).all(|pair| pair[0] < pair[1])
						&& grant.kinds.iter().all(|kind| is_fhir_resource_type(kind)),
					"a grant's purposes or kinds are empty, repeated or unknown"
				);
				frame_support::ensure!(
					grant.revoked_at.is_none_or(|revoked| revoked >= grant.granted_at),
					"a grant was revoked before it was given"
				);
			}
		}
		Ok(())
	}
}

impl<T: Config> AccessPolicy<T::AccountId> for Pallet<T> {
	/// The patient, an active admin and a record's author are not limited by purpose or kind.
	/// A doctor's running emergency access covers everything, logged as emergency treatment;
	/// otherwise a running grant must cover both the purpose and the kind. A refusal names
	/// the first of these the doctor lacks: any grant, a running one, the purpose, the kind.
	fn access_basis(
		viewer: &T::AccountId,
		patient: &T::AccountId,
		request: AccessRequest<T::AccountId>,
	) -> Result<AccessBasis, Refusal> {
		if viewer == patient {
			return Ok(AccessBasis::Patient);
		}
		if T::Roles::is_active(viewer, Role::Admin) {
			return Ok(AccessBasis::Admin);
		}
		if !T::Roles::is_active(viewer, Role::Doctor) {
			return Err(Refusal::NoAccess);
		}
		if request.author == Some(viewer) {
			return Ok(AccessBasis::Author);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let grants = Grants::<T>::get(patient, viewer).unwrap_or_default();
		let running = || grants.iter().filter(|grant| grant.is_active(now));
		if running()
			.any(|grant| grant.covers_purpose(request.purpose) && grant.covers_kind(request.kind))
		{
			return Ok(AccessBasis::Grant);
		}
		let emergency = EmergencyAccesses::<T>::get(patient, viewer)
			.is_some_and(|emergency| now <= emergency.until);
		if emergency {
			return Ok(AccessBasis::Emergency);
		}
		Err(if grants.is_empty() {
			Refusal::NoAccess
		} else if running().next().is_none() {
			Refusal::GrantEnded
		} else if !running().any(|grant| grant.covers_purpose(request.purpose)) {
			Refusal::PurposeNotGranted
		} else {
			Refusal::KindNotGranted
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn fill_grants_for_benchmark(viewer: &T::AccountId, patient: &T::AccountId, kind: &[u8]) {
		let now = frame_system::Pallet::<T>::block_number();
		let grants: Vec<_> = (0..T::MaxGrantsPerDoctor::get() as usize)
			.map(|n| Grant {
				granted_at: now,
				until: None,
				kinds: Self::benchmark_kinds(MAX_GRANT_KINDS as usize, n, kind),
				purposes: Purposes::truncate_from(alloc::vec![PurposeOfUse::Treatment]),
				revoked_at: None,
			})
			.collect();
		if !Grants::<T>::contains_key(patient, viewer) {
			GrantCount::<T>::mutate(patient, |count| count.saturating_inc());
		}
		Grants::<T>::insert(patient, viewer, GrantsOf::<T>::truncate_from(grants));
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// `count` of the longest FHIR resource types, sorted, other than `except`, starting from
	/// the `offset`-th longest: the largest kinds a grant can name.
	pub fn benchmark_kinds(
		count: usize,
		offset: usize,
		except: &[u8],
	) -> frame_support::BoundedVec<RecordKind, frame_support::traits::ConstU32<MAX_GRANT_KINDS>> {
		let mut names = medchain_primitives::FHIR_RESOURCE_TYPES.to_vec();
		names.sort_by_key(|name| core::cmp::Reverse(name.len()));
		let mut kinds: Vec<RecordKind> = names
			.into_iter()
			.filter(|name| name.as_bytes() != except)
			.skip(offset)
			.take(count)
			.map(|name| RecordKind::truncate_from(name.as_bytes().to_vec()))
			.collect();
		kinds.sort();
		frame_support::BoundedVec::truncate_from(kinds)
	}
}

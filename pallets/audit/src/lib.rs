//! # Audit pallet
//!
//! MedChain's access log: an append-only account of every registration, submission, consent
//! decision, grant, view and refusal, which admins audit and patients read for their own records.
//!
//! ## Pallet API
//!
//! The pallet has no calls: the other pallets report to it through
//! [`medchain_primitives::AuditTrail`], which it implements. Clients read it through view
//! functions:
//!
//! - [`entries`](Pallet::entries): a page of the whole log, oldest first;
//! - [`patient_entries`](Pallet::patient_entries): a page of the entries about one patient;
//! - [`head`](Pallet::head): the number of entries and the hash-chain head.
//!
//! ## Overview
//!
//! Each entry names the actor (none for the chain itself or a council decision), the action,
//! the account acted upon, the patient, submission and record concerned, and the block and time
//! it happened at. Entries are never changed or removed.
//!
//! ## Low Level / Implementation Details
//!
//! Every entry moves the chain's head: `head = hash(SCALE(previous head, entry))` with the
//! system hasher (BLAKE2-256), starting from the zero hash. Anyone holding an exported log can
//! recompute the head and compare it with [`Head`] at a finalized block. [`Head`] keeps the
//! log's length beside the hash, as one value: every entry moves both, so an entry costs one
//! read and one write of them rather than two of each. A per-patient index
//! ([`PatientEntries`], [`PatientEntryCount`]) pages a patient's entries without scanning the log.
//! Both counters are 64-bit, so no position is ever reused: a patient's count never exceeds the
//! log's, and the log would need 2^64 entries (some 58 million years at 10,000 a second) to
//! reach the end of its range, where the increment is defensive rather than wrapping.
//! `try_state` recomputes the head from the entries and checks every index.
//!
//! Storage version 1 joined the log's length (formerly its own value) to the head. MedChain has
//! no production chain yet, so no migration exists; one will be written when a live chain's
//! storage changes.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use frame_support::traits::{DefensiveSaturating, Get, Time};
use medchain_primitives::{
	AuditAction, AuditEvent, AuditTrail, EntryIndex, RecordId, SubmissionId,
};
use sp_runtime::traits::Hash;

/// The time type of the clock the log stamps entries with.
pub type MomentOf<T> = <<T as Config>::Time as Time>::Moment;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// One entry of the access log.
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
	pub struct Entry<T: Config> {
		/// The entry's position in the log, from 0.
		pub index: EntryIndex,
		/// Who acted; `None` for Root or the chain itself.
		pub actor: Option<T::AccountId>,
		/// What happened.
		pub action: AuditAction,
		/// The account acted upon, when it is not the actor.
		pub subject: Option<T::AccountId>,
		/// The patient whose records are concerned, if any.
		pub patient: Option<T::AccountId>,
		/// The submission concerned, if any.
		pub submission: Option<SubmissionId>,
		/// The record concerned, if any.
		pub record: Option<RecordId>,
		/// The block it happened in.
		pub block: BlockNumberFor<T>,
		/// The block's timestamp.
		pub timestamp: MomentOf<T>,
	}

	/// The log's length and the hash-chain head over its entries.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, Default, TypeInfo, MaxEncodedLen)]
	pub struct LogHead<Hash> {
		/// How many entries the log holds; the next entry's index.
		pub count: EntryIndex,
		/// The hash chain over every entry so far; the zero hash for an empty log.
		pub hash: Hash,
	}

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The clock entries are stamped with (the runtime's timestamp pallet).
		type Time: Time;
		/// The most entries one page of a query returns.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;
	}

	/// The entries, by index.
	// Twox64Concat: indices are sequential, not chosen by users.
	#[pallet::storage]
	pub type Entries<T: Config> = StorageMap<_, Twox64Concat, EntryIndex, Entry<T>>;

	/// How many entries the log holds and the hash-chain head over them; no entries and the
	/// zero hash for an empty log.
	#[pallet::storage]
	pub type Head<T: Config> = StorageValue<_, LogHead<T::Hash>, ValueQuery>;

	/// How many entries concern each patient. It has the log's own width: a patient's entries
	/// are never more than the log's, so their count cannot wrap onto an earlier position.
	// Blake2: accounts are chosen by their users.
	#[pallet::storage]
	pub type PatientEntryCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, EntryIndex, ValueQuery>;

	/// The n-th entry about a patient, by the patient and n.
	#[pallet::storage]
	pub type PatientEntries<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, EntryIndex, EntryIndex>;

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Up to `count` entries (at most `MaxPageSize`) from index `start`, oldest first.
		pub fn entries(start: EntryIndex, count: u32) -> Vec<Entry<T>> {
			let end = start.saturating_add(Self::page(count).into()).min(Head::<T>::get().count);
			(start..end).filter_map(Entries::<T>::get).collect()
		}

		/// Up to `count` entries (at most `MaxPageSize`) about `patient`, from their `start`-th.
		pub fn patient_entries(
			patient: T::AccountId,
			start: EntryIndex,
			count: u32,
		) -> Vec<Entry<T>> {
			let end = start
				.saturating_add(Self::page(count).into())
				.min(PatientEntryCount::<T>::get(&patient));
			(start..end)
				.filter_map(|n| PatientEntries::<T>::get(&patient, n))
				.filter_map(Entries::<T>::get)
				.collect()
		}

		/// The number of entries and the hash-chain head over them.
		pub fn head() -> (EntryIndex, T::Hash) {
			let LogHead { count, hash } = Head::<T>::get();
			(count, hash)
		}
	}
}

impl<T: Config> Pallet<T> {
	fn page(count: u32) -> u32 {
		count.min(T::MaxPageSize::get())
	}

	/// The head that follows `previous` once `entry` is appended.
	pub fn next_head(previous: &T::Hash, entry: &Entry<T>) -> T::Hash {
		T::Hashing::hash_of(&(previous, entry))
	}

	/// Checks the log: every index below the count holds its entry, the head recomputes from
	/// the entries, and every patient index points at an entry about that patient.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let LogHead { count, hash } = Head::<T>::get();
		let mut head = T::Hash::default();
		for index in 0..count {
			let entry = Entries::<T>::get(index).ok_or("an entry below the count is missing")?;
			frame_support::ensure!(entry.index == index, "an entry is stored at another index");
			head = Self::next_head(&head, &entry);
		}
		frame_support::ensure!(Entries::<T>::iter_keys().count() as u64 == count, "extra entries");
		frame_support::ensure!(head == hash, "the head does not match the entries");
		for (patient, n) in PatientEntryCount::<T>::iter() {
			for i in 0..n {
				let index =
					PatientEntries::<T>::get(&patient, i).ok_or("a patient index is missing")?;
				let entry = Entries::<T>::get(index).ok_or("a patient index points nowhere")?;
				frame_support::ensure!(
					entry.patient.as_ref() == Some(&patient),
					"a patient index points at another patient's entry"
				);
			}
		}
		Ok(())
	}
}

impl<T: Config> AuditTrail<T::AccountId> for Pallet<T> {
	fn log(event: AuditEvent<T::AccountId>) -> EntryIndex {
		let AuditEvent { actor, action, subject, patient, submission, record } = event;
		let mut head = Head::<T>::get();
		let index = head.count;
		let entry = Entry::<T> {
			index,
			actor,
			action,
			subject,
			patient,
			submission,
			record,
			block: frame_system::Pallet::<T>::block_number(),
			timestamp: T::Time::now(),
		};
		if let Some(patient) = &entry.patient {
			PatientEntryCount::<T>::mutate(patient, |n| {
				PatientEntries::<T>::insert(patient, *n, index);
				*n = n.defensive_saturating_add(1);
			});
		}
		head.hash = Self::next_head(&head.hash, &entry);
		head.count = index.defensive_saturating_add(1);
		Head::<T>::put(head);
		Entries::<T>::insert(index, entry);
		index
	}
}

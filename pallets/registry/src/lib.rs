//! # Registry pallet
//!
//! Who is who on MedChain: patients, doctors and admins, whether they may act, and the public
//! key each of them receives encrypted records with.
//!
//! ## Pallet API
//!
//! | call | origin | errors | event |
//! |---|---|---|---|
//! | [`register_patient`](Pallet::register_patient) | signed: the person themself | `AlreadyRegistered`, `MetadataTooLong` | `PatientRegistered` |
//! | [`register_doctor`](Pallet::register_doctor) | `AdminOrigin` (Root or an active admin) | `AlreadyRegistered`, `EmptyLicence`, `LicenceTooLong` | `DoctorRegistered` |
//! | [`register_admin`](Pallet::register_admin) | `CouncilOrigin` | `AlreadyRegistered` | `AdminRegistered` |
//! | [`remove_admin`](Pallet::remove_admin) | `CouncilOrigin` | `NotAdmin` | `AdminRemoved` |
//! | [`suspend`](Pallet::suspend) | `AdminOrigin` | `NotRegistered`, `AlreadySuspended`, `CannotSuspendSelf` | `MemberSuspended` |
//! | [`reinstate`](Pallet::reinstate) | `AdminOrigin` | `NotRegistered`, `NotSuspended` | `MemberReinstated` |
//! | [`rotate_encryption_key`](Pallet::rotate_encryption_key) | signed: the member | `NotRegistered`, `MemberSuspended` | `EncryptionKeyRotated` |
//! | [`register_vault`](Pallet::register_vault) | `CouncilOrigin` | `VaultAlreadyRegistered`, `EmptyEndpoint`, `EndpointTooLong` | `VaultRegistered` |
//! | [`set_vault_endpoint`](Pallet::set_vault_endpoint) | signed: the vault | `UnknownVault`, `VaultRetired`, `EmptyEndpoint`, `EndpointTooLong` | `VaultEndpointChanged` |
//! | [`retire_vault`](Pallet::retire_vault) | `CouncilOrigin` | `UnknownVault`, `VaultRetired` | `VaultRetired` |
//!
//! Every call also appends an entry to the access log through [`Config::AuditTrail`].
//!
//! ## Overview
//!
//! An account holds one role. Patients register themselves; doctors are admitted by an admin
//! (clinical administration); admins, and vaults, by the consortium's council
//! (`CouncilOrigin`, a majority of the hospitals in the runtime). An admin may suspend a member, who then may not act in their role, and
//! reinstate them. The chain keeps no clinical text: a patient's `metadata` is a reference or a
//! hash, and records are encrypted to the `encryption_key` of their reader by the client.
//!
//! The pallet implements [`medchain_primitives::Roles`], which the other clinical pallets ask,
//! and provides [`EnsureAdmin`], the origin of "Root or an active admin".
//!
//! The registry also lists the hospitals' **vaults**: the services that keep records' content
//! off chain. The council registers a vault's account with the URL it answers at; the vault
//! may move its own URL; the council retires it. Only active vaults may take new records and write
//! releases to the access log.
//!
//! ## Low Level / Implementation Details
//!
//! Two maps keyed by account: [`Members`] and [`Vaults`]. Invariants (checked by `try_state`):
//! patients and doctors have an encryption key, only doctors have a licence, only patients have
//! metadata, every vault has an endpoint.
//!
//! Storage version 1 added [`Vaults`]. MedChain has no production chain yet, so no migration
//! exists; one will be written when a live chain's storage changes.

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
use core::marker::PhantomData;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;
use medchain_primitives::{
	AuditAction, AuditEvent, AuditTrail, EncryptionKey, MemberStatus, Role, Roles,
};
use sp_runtime::traits::Zero;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// A registered member.
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
	pub struct Member<T: Config> {
		/// Patient, doctor or admin.
		pub role: Role,
		/// Whether the member may act.
		pub status: MemberStatus,
		/// The public key records are encrypted to; admins may have none.
		pub encryption_key: Option<EncryptionKey>,
		/// A patient's opaque reference or hash; empty for other roles.
		pub metadata: BoundedVec<u8, T::MaxMetadataLen>,
		/// A doctor's licence reference; empty for other roles.
		pub licence: BoundedVec<u8, T::MaxLicenceLen>,
		/// When the member registered.
		pub registered_at: BlockNumberFor<T>,
	}

	/// A hospital's vault: the service that keeps records' content.
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
	pub struct Vault<T: Config> {
		/// The URL the vault answers at (e.g. `https://vault.hospital.example`).
		pub endpoint: BoundedVec<u8, T::MaxEndpointLen>,
		/// Whether it may take new records and release content.
		pub active: bool,
		/// When it was registered.
		pub registered_at: BlockNumberFor<T>,
	}

	/// The storage layout's version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who may admit doctors and suspend or reinstate members. Succeeds with the admin's
		/// account, or `None` for Root. The runtime uses [`EnsureAdmin`].
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Option<Self::AccountId>>;
		/// Who admits and removes admins and registers and retires vaults: the consortium's
		/// council in the runtime.
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The access log.
		type AuditTrail: AuditTrail<Self::AccountId>;
		/// The longest patient metadata, in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;
		/// The longest doctor licence reference, in bytes.
		#[pallet::constant]
		type MaxLicenceLen: Get<u32>;
		/// The longest vault endpoint URL, in bytes.
		#[pallet::constant]
		type MaxEndpointLen: Get<u32>;
		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Every registered member, by account.
	// Blake2 because accounts are chosen by their users.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Member<T>>;

	/// Every registered vault, by account.
	// Blake2 because accounts are chosen by their users.
	#[pallet::storage]
	pub type Vaults<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Vault<T>>;

	/// Members registered at genesis, so that a chain can start with a demo population.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Admins.
		pub admins: Vec<T::AccountId>,
		/// Doctors: account, licence reference, encryption key.
		pub doctors: Vec<(T::AccountId, Vec<u8>, EncryptionKey)>,
		/// Patients: account, encryption key, metadata.
		pub patients: Vec<(T::AccountId, EncryptionKey, Vec<u8>)>,
		/// Vaults: account, endpoint URL.
		pub vaults: Vec<(T::AccountId, Vec<u8>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			fn fail(what: &str) -> ! {
				panic!("registry genesis: {what}")
			}
			for admin in &self.admins {
				Pallet::<T>::insert_member(
					admin,
					Role::Admin,
					None,
					Default::default(),
					Default::default(),
				)
				.unwrap_or_else(|_| fail("an admin is registered twice"));
			}
			for (doctor, licence, key) in &self.doctors {
				let licence: BoundedVec<u8, T::MaxLicenceLen> =
					licence.clone().try_into().unwrap_or_else(|_| fail("licence too long"));
				Pallet::<T>::insert_member(
					doctor,
					Role::Doctor,
					Some(*key),
					Default::default(),
					licence,
				)
				.unwrap_or_else(|_| fail("a doctor is registered twice"));
			}
			for (patient, key, metadata) in &self.patients {
				let metadata: BoundedVec<u8, T::MaxMetadataLen> =
					metadata.clone().try_into().unwrap_or_else(|_| fail("metadata too long"));
				Pallet::<T>::insert_member(
					patient,
					Role::Patient,
					Some(*key),
					metadata,
					Default::default(),
				)
				.unwrap_or_else(|_| fail("a patient is registered twice"));
			}
			for (vault, endpoint) in &self.vaults {
				let endpoint = Pallet::<T>::endpoint(endpoint.clone())
					.unwrap_or_else(|_| fail("a vault endpoint is empty or too long"));
				if Vaults::<T>::contains_key(vault) {
					fail("a vault is registered twice");
				}
				Vaults::<T>::insert(
					vault,
					Vault { endpoint, active: true, registered_at: Zero::zero() },
				);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A person registered themself as a patient.
		PatientRegistered { who: T::AccountId },
		/// An admin (or Root, when `by` is `None`) admitted a doctor.
		DoctorRegistered { who: T::AccountId, by: Option<T::AccountId> },
		/// The council admitted an admin.
		AdminRegistered { who: T::AccountId },
		/// The council removed an admin.
		AdminRemoved { who: T::AccountId },
		/// A member was suspended and may not act until reinstated.
		MemberSuspended { who: T::AccountId, by: Option<T::AccountId> },
		/// A suspended member was reinstated.
		MemberReinstated { who: T::AccountId, by: Option<T::AccountId> },
		/// A member replaced their encryption key.
		EncryptionKeyRotated { who: T::AccountId },
		/// The council registered a vault.
		VaultRegistered { vault: T::AccountId },
		/// A vault moved to a new endpoint URL.
		VaultEndpointChanged { vault: T::AccountId },
		/// The council retired a vault.
		VaultRetired { vault: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account already holds a role; an account holds one role at most. Use another
		/// account for another role.
		AlreadyRegistered,
		/// The account is not registered. Register it first.
		NotRegistered,
		/// The member is already suspended.
		AlreadySuspended,
		/// The member is not suspended, so there is nothing to reinstate.
		NotSuspended,
		/// The member is suspended and may not act; an admin can reinstate them.
		MemberSuspended,
		/// An admin may not suspend themself; ask another admin or the council.
		CannotSuspendSelf,
		/// The account is not an admin.
		NotAdmin,
		/// The metadata is longer than `MaxMetadataLen`; store a reference or a hash instead.
		MetadataTooLong,
		/// The licence reference is longer than `MaxLicenceLen`.
		LicenceTooLong,
		/// A doctor needs a licence reference; give the licence number or its registry URI.
		EmptyLicence,
		/// This account is already a registered vault; it may move its endpoint with
		/// `set_vault_endpoint`.
		VaultAlreadyRegistered,
		/// No vault is registered with this account; an admin registers it first.
		UnknownVault,
		/// The vault was retired and may not act; an admin registers a new vault account.
		VaultRetired,
		/// A vault needs the URL it answers at.
		EmptyEndpoint,
		/// The endpoint URL is longer than `MaxEndpointLen`; use a shorter host name.
		EndpointTooLong,
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
		/// Registers the caller as a patient, with the public key records are encrypted to and
		/// opaque `metadata` (a reference or a hash, never clinical text).
		///
		/// Origin: signed, by the person themself. Emits `PatientRegistered`.
		/// Errors: `AlreadyRegistered`, `MetadataTooLong`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_patient(metadata.len() as u32))]
		pub fn register_patient(
			origin: OriginFor<T>,
			encryption_key: EncryptionKey,
			metadata: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let metadata = metadata.try_into().map_err(|_| Error::<T>::MetadataTooLong)?;
			Self::insert_member(
				&who,
				Role::Patient,
				Some(encryption_key),
				metadata,
				Default::default(),
			)?;
			Self::deposit_event(Event::PatientRegistered { who: who.clone() });
			T::AuditTrail::log(
				AuditEvent::new(Some(who.clone()), AuditAction::Registered(Role::Patient))
					.patient(who),
			);
			Ok(())
		}

		/// Admits `who` as a doctor with a licence reference and an encryption key.
		///
		/// Origin: `AdminOrigin` (Root or an active admin). Emits `DoctorRegistered`.
		/// Errors: `AlreadyRegistered`, `EmptyLicence`, `LicenceTooLong`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_doctor(licence.len() as u32))]
		pub fn register_doctor(
			origin: OriginFor<T>,
			who: T::AccountId,
			licence: Vec<u8>,
			encryption_key: EncryptionKey,
		) -> DispatchResult {
			let by = T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!licence.is_empty(), Error::<T>::EmptyLicence);
			let licence = licence.try_into().map_err(|_| Error::<T>::LicenceTooLong)?;
			Self::insert_member(
				&who,
				Role::Doctor,
				Some(encryption_key),
				Default::default(),
				licence,
			)?;
			Self::deposit_event(Event::DoctorRegistered { who: who.clone(), by: by.clone() });
			T::AuditTrail::log(
				AuditEvent::new(by, AuditAction::Registered(Role::Doctor)).subject(who),
			);
			Ok(())
		}

		/// Admits `who` as an admin.
		///
		/// Origin: `CouncilOrigin`. Emits `AdminRegistered`. Errors: `AlreadyRegistered`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_admin())]
		pub fn register_admin(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::insert_member(&who, Role::Admin, None, Default::default(), Default::default())?;
			Self::deposit_event(Event::AdminRegistered { who: who.clone() });
			T::AuditTrail::log(
				AuditEvent::new(None, AuditAction::Registered(Role::Admin)).subject(who),
			);
			Ok(())
		}

		/// Suspends a member: they may not act in their role until reinstated.
		///
		/// Origin: `AdminOrigin`. Emits `MemberSuspended`.
		/// Errors: `NotRegistered`, `AlreadySuspended`, `CannotSuspendSelf`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = T::AdminOrigin::ensure_origin(origin)?;
			ensure!(by.as_ref() != Some(&who), Error::<T>::CannotSuspendSelf);
			Self::set_status(&who, MemberStatus::Suspended, Error::<T>::AlreadySuspended)?;
			Self::deposit_event(Event::MemberSuspended { who: who.clone(), by: by.clone() });
			T::AuditTrail::log(Self::member_event(by, AuditAction::Suspended, who));
			Ok(())
		}

		/// Reinstates a suspended member.
		///
		/// Origin: `AdminOrigin`. Emits `MemberReinstated`. Errors: `NotRegistered`, `NotSuspended`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = T::AdminOrigin::ensure_origin(origin)?;
			Self::set_status(&who, MemberStatus::Active, Error::<T>::NotSuspended)?;
			Self::deposit_event(Event::MemberReinstated { who: who.clone(), by: by.clone() });
			T::AuditTrail::log(Self::member_event(by, AuditAction::Reinstated, who));
			Ok(())
		}

		/// Replaces the caller's encryption key. Records written afterwards are encrypted to the
		/// new key; the client re-encrypts older ones if it wishes.
		///
		/// Origin: signed, by an active member. Emits `EncryptionKeyRotated`.
		/// Errors: `NotRegistered`, `MemberSuspended`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::rotate_encryption_key())]
		pub fn rotate_encryption_key(
			origin: OriginFor<T>,
			new_key: EncryptionKey,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Members::<T>::try_mutate(&who, |member| -> DispatchResult {
				let member = member.as_mut().ok_or(Error::<T>::NotRegistered)?;
				ensure!(member.status == MemberStatus::Active, Error::<T>::MemberSuspended);
				member.encryption_key = Some(new_key);
				Ok(())
			})?;
			Self::deposit_event(Event::EncryptionKeyRotated { who: who.clone() });
			T::AuditTrail::log(Self::member_event(Some(who.clone()), AuditAction::KeyRotated, who));
			Ok(())
		}

		/// Registers `vault` as a hospital's vault answering at `endpoint` (a URL). From then on
		/// doctors may keep records' content in it, and it writes the releases of that content
		/// to the access log.
		///
		/// Origin: `CouncilOrigin`. Emits `VaultRegistered`.
		/// Errors: `VaultAlreadyRegistered`, `EmptyEndpoint`, `EndpointTooLong`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::register_vault(endpoint.len() as u32))]
		pub fn register_vault(
			origin: OriginFor<T>,
			vault: T::AccountId,
			endpoint: Vec<u8>,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			ensure!(!Vaults::<T>::contains_key(&vault), Error::<T>::VaultAlreadyRegistered);
			let endpoint = Self::endpoint(endpoint)?;
			let registered_at = frame_system::Pallet::<T>::block_number();
			Vaults::<T>::insert(&vault, Vault { endpoint, active: true, registered_at });
			Self::deposit_event(Event::VaultRegistered { vault: vault.clone() });
			T::AuditTrail::log(AuditEvent::new(None, AuditAction::VaultRegistered).subject(vault));
			Ok(())
		}

		/// Moves the calling vault to a new endpoint URL, e.g. when it starts on another host or
		/// port.
		///
		/// Origin: signed, an active vault. Emits `VaultEndpointChanged`.
		/// Errors: `UnknownVault`, `VaultRetired`, `EmptyEndpoint`, `EndpointTooLong`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_vault_endpoint(endpoint.len() as u32))]
		pub fn set_vault_endpoint(origin: OriginFor<T>, endpoint: Vec<u8>) -> DispatchResult {
			let vault = ensure_signed(origin)?;
			let endpoint = Self::endpoint(endpoint)?;
			Vaults::<T>::try_mutate(&vault, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownVault)?;
				ensure!(entry.active, Error::<T>::VaultRetired);
				entry.endpoint = endpoint;
				Ok(())
			})?;
			Self::deposit_event(Event::VaultEndpointChanged { vault });
			Ok(())
		}

		/// Retires a vault: it may no longer take new records or release content. Records it
		/// keeps stay on chain with their commitments.
		///
		/// Origin: `CouncilOrigin`. Emits `VaultRetired`. Errors: `UnknownVault`, `VaultRetired`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::retire_vault())]
		pub fn retire_vault(origin: OriginFor<T>, vault: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Vaults::<T>::try_mutate(&vault, |entry| -> DispatchResult {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownVault)?;
				ensure!(entry.active, Error::<T>::VaultRetired);
				entry.active = false;
				Ok(())
			})?;
			Self::deposit_event(Event::VaultRetired { vault: vault.clone() });
			T::AuditTrail::log(AuditEvent::new(None, AuditAction::VaultRetired).subject(vault));
			Ok(())
		}

		/// Removes the admin `who` from the registry.
		///
		/// Origin: `CouncilOrigin`. Emits `AdminRemoved`. Errors: `NotAdmin`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_admin())]
		pub fn remove_admin(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			let member = Members::<T>::get(&who).filter(|m| m.role == Role::Admin);
			ensure!(member.is_some(), Error::<T>::NotAdmin);
			Members::<T>::remove(&who);
			Self::deposit_event(Event::AdminRemoved { who: who.clone() });
			T::AuditTrail::log(AuditEvent::new(None, AuditAction::AdminRemoved).subject(who));
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A registered vault, by account.
		pub fn vault(account: T::AccountId) -> Option<Vault<T>> {
			Vaults::<T>::get(account)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Checks a vault endpoint: not empty, at most `MaxEndpointLen` bytes.
	fn endpoint(
		endpoint: Vec<u8>,
	) -> Result<frame_support::BoundedVec<u8, T::MaxEndpointLen>, Error<T>> {
		frame_support::ensure!(!endpoint.is_empty(), Error::<T>::EmptyEndpoint);
		endpoint.try_into().map_err(|_| Error::<T>::EndpointTooLong)
	}

	fn insert_member(
		who: &T::AccountId,
		role: Role,
		encryption_key: Option<EncryptionKey>,
		metadata: frame_support::BoundedVec<u8, T::MaxMetadataLen>,
		licence: frame_support::BoundedVec<u8, T::MaxLicenceLen>,
	) -> Result<(), Error<T>> {
		if Members::<T>::contains_key(who) {
			return Err(Error::<T>::AlreadyRegistered);
		}
		let registered_at = frame_system::Pallet::<T>::block_number();
		let status = MemberStatus::Active;
		Members::<T>::insert(
			who,
			Member { role, status, encryption_key, metadata, licence, registered_at },
		);
		Ok(())
	}

	/// Moves `who` to `status`; `unchanged` is the error when they already have it.
	fn set_status(
		who: &T::AccountId,
		status: MemberStatus,
		unchanged: Error<T>,
	) -> Result<(), Error<T>> {
		Members::<T>::try_mutate(who, |member| {
			let member = member.as_mut().ok_or(Error::<T>::NotRegistered)?;
			if member.status == status {
				return Err(unchanged);
			}
			member.status = status;
			Ok(())
		})
	}

	/// An access-log event about a member; it concerns the member's records when a patient.
	fn member_event(
		actor: Option<T::AccountId>,
		action: AuditAction,
		who: T::AccountId,
	) -> AuditEvent<T::AccountId> {
		let mut event = AuditEvent::new(actor, action);
		if event.actor.as_ref() != Some(&who) {
			event = event.subject(who.clone());
		}
		match Members::<T>::get(&who).map(|m| m.role) {
			Some(Role::Patient) => event.patient(who),
			_ => event,
		}
	}

	/// Checks the registry's invariants: patients and doctors have an encryption key, only
	/// doctors have a licence (and every doctor has one), only patients have metadata.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (_, member) in Members::<T>::iter() {
			let needs_key = member.role != Role::Admin;
			frame_support::ensure!(
				!needs_key || member.encryption_key.is_some(),
				"a patient or doctor has no encryption key"
			);
			frame_support::ensure!(
				(member.role == Role::Doctor) != member.licence.is_empty(),
				"a licence is held by a non-doctor, or a doctor has none"
			);
			frame_support::ensure!(
				member.role == Role::Patient || member.metadata.is_empty(),
				"metadata is held by a non-patient"
			);
		}
		for (_, vault) in Vaults::<T>::iter() {
			frame_support::ensure!(!vault.endpoint.is_empty(), "a vault has no endpoint");
		}
		Ok(())
	}
}

impl<T: Config> Roles<T::AccountId> for Pallet<T> {
	fn role_of(who: &T::AccountId) -> Option<(Role, MemberStatus)> {
		Members::<T>::get(who).map(|member| (member.role, member.status))
	}

	fn is_active_vault(who: &T::AccountId) -> bool {
		Vaults::<T>::get(who).is_some_and(|vault| vault.active)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &T::AccountId, role: Role) {
		let (key, licence) = match role {
			Role::Admin => (None, Default::default()),
			Role::Doctor => {
				(Some([0u8; 32]), frame_support::BoundedVec::truncate_from(b"MD-1".to_vec()))
			},
			Role::Patient => (Some([0u8; 32]), Default::default()),
		};
		let _ = Self::insert_member(who, role, key, Default::default(), licence);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_vault_for_benchmark(who: &T::AccountId) {
		let endpoint = frame_support::BoundedVec::truncate_from(b"http://vault".to_vec());
		Vaults::<T>::insert(who, Vault { endpoint, active: true, registered_at: Zero::zero() });
	}
}

/// The origin "Root or an active admin": succeeds with `None` for Root and with the admin's
/// account otherwise.
pub struct EnsureAdmin<T>(PhantomData<T>);

impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for EnsureAdmin<T> {
	type Success = Option<T::AccountId>;

	fn try_origin(origin: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
		match origin.clone().into() {
			Ok(RawOrigin::Root) => Ok(None),
			Ok(RawOrigin::Signed(who)) if Pallet::<T>::is_active(&who, Role::Admin) => {
				Ok(Some(who))
			},
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		Ok(RawOrigin::Root.into())
	}
}

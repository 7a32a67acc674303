//! # Governance pallet
//!
//! Runtime upgrades without a single key: the consortium's council authorises the hash of a new
//! runtime, and anyone then supplies the code with `system.apply_authorized_upgrade`, which
//! checks it against the hash and that the spec name stays and the spec version rises.
//!
//! ## Pallet API
//!
//! | call | origin | errors | event |
//! |---|---|---|---|
//! | [`authorize_upgrade`](Pallet::authorize_upgrade) | `UpgradeOrigin` (two thirds of the council in the runtime) | — | `UpgradeAuthorized` |
//!
//! ## Overview
//!
//! MedChain has no sudo key: what needs Root in FRAME's system pallet is reached through the
//! calls of this pallet, each behind its own council threshold. A council motion carries the
//! 32-byte hash, not the runtime itself, so motions stay small; the code travels once, in the
//! transaction that applies it.
//!
//! ## Low Level / Implementation Details
//!
//! The authorisation is frame-system's `AuthorizedUpgrade`, with version checks on; the pallet
//! keeps no storage of its own.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "runtime-benchmarks")]
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

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who authorises a runtime upgrade: two thirds of the council in the runtime.
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The runtime whose code hashes to `code_hash` may now be applied by anyone with
		/// `system.apply_authorized_upgrade`.
		UpgradeAuthorized { code_hash: T::Hash },
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Authorises an upgrade to the runtime whose code hashes (BLAKE2-256) to `code_hash`.
		/// Applying it checks that the spec name stays and the spec version rises.
		///
		/// Origin: `UpgradeOrigin`. Emits `UpgradeAuthorized`. Errors: none beyond a bad origin.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::authorize_upgrade())]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Self::deposit_event(Event::UpgradeAuthorized { code_hash });
			Ok(())
		}
	}
}

//! The MedChain runtime.
//!
//! A solo-chain runtime for hospital consortia. Blocks are authored by Aura and finalized by
//! GRANDPA; both take their authorities from pallet-session, whose validators are the delegates
//! that `dpos` elects by stake-weighted approval votes at each session (Delegated
//! Proof-of-Stake). pallet-authorship tells `dpos` who authored each block, so that delegates
//! that author nothing for a whole session lose their candidacy. Balances are in MED, with 12
//! decimals.
//!
//! The clinical pallets: `registry` (members and roles), `consent` (the consent pool, grants and
//! emergency access), `records` (approved record histories and viewing) and `audit` (the
//! hash-chained access log). They know each other only through the traits of
//! `medchain-primitives`, wired here: the registry provides `Roles`, consent the `AccessPolicy`,
//! records the `RecordStore`, audit the `AuditTrail`.
//!
//! - [`configs`]: the `Config` of every pallet.
//! - [`genesis`]: the named genesis presets (`development`, `local_testnet`).
//! - [`apis`]: the runtime APIs that nodes, wallets and Polkadot.js apps call.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

/// The benchmarks the runtime's `Benchmark` API runs: every MedChain pallet's calls, balance
/// transfers, and the transaction extensions every signed extrinsic passes through.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benches {
	frame_benchmarking::define_benchmarks!(
		[pallet_registry, Registry]
		[pallet_consent, Consent]
		[pallet_records, Records]
		[pallet_dpos, Dpos]
		[pallet_governance, Governance]
		[pallet_balances, Balances]
		[pallet_transaction_payment, TransactionPayment]
		[frame_system_extensions, frame_system_benchmarking::extensions::Pallet::<Runtime>]
	);
}

pub mod apis;
pub mod configs;
pub mod genesis;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_support::genesis_builder_helper;
#[cfg(feature = "std")]
pub use sp_runtime::BuildStorage;

/// A block number.
pub type BlockNumber = u32;
/// A transaction signature.
pub type Signature = MultiSignature;
/// An account: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// An amount of MED, in its smallest unit.
pub type Balance = u128;
/// An account's transaction counter.
pub type Nonce = u32;
/// The hash of a block or of state.
pub type Hash = sp_core::H256;

/// Smallest units in one MED (12 decimals).
pub const MED: Balance = 1_000_000_000_000;
/// One thousandth of a MED.
pub const MILLI_MED: Balance = MED / 1_000;
/// The token's symbol, as wallets show it.
pub const TOKEN_SYMBOL: &str = "MED";
/// The token's decimals, as wallets show them.
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address prefix (the generic Substrate prefix).
pub const SS58_PREFIX: u16 = 42;

/// Target time between blocks; Aura's slot duration: 6 s.
#[cfg(not(feature = "fast-runtime"))]
pub const MILLISECS_PER_BLOCK: u64 = 6_000;
/// Target time between blocks under `fast-runtime` (the dev chain and the tests): 2 s, so that
/// waiting for inclusion, finality and session changes takes a third of the time.
#[cfg(feature = "fast-runtime")]
pub const MILLISECS_PER_BLOCK: u64 = 2_000;
/// Aura's slot duration. It cannot change once the chain runs.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
/// Blocks in a minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks in an hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks in a day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Types the node sees without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// A block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// A block with opaque extrinsics.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;

	impl_opaque_keys! {
		/// The keys a delegate's node signs with: Aura for blocks, GRANDPA for finality.
		pub struct SessionKeys {
			/// Authors blocks.
			pub aura: Aura,
			/// Votes on finality.
			pub grandpa: Grandpa,
		}
	}
}

pub use opaque::SessionKeys;

/// Declares [`VERSION`] with the given `spec_version` (a literal, as `runtime_version` reads it
/// at compile time for the blob's version section).
macro_rules! declare_version {
	($spec_version:tt) => {
		/// The runtime's version.
		#[runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("medchain"),
			impl_name: alloc::borrow::Cow::Borrowed("medchain"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "next-version"))]
declare_version!(100);
// The next version, which the upgrade test proposes to a running network: one
// `spec_version` higher, with consent's `MaxPendingPerDoctor` raised as its visible change.
#[cfg(feature = "next-version")]
declare_version!(101);

/// The address format: an account, or an index to one.
pub type Address = MultiAddress<AccountId, ()>;
/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// The checks every signed transaction goes through, as wallets and subxt sign them.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
);
/// An extrinsic as it arrives.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;
/// Dispatches calls and runs the pallets' hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

#[frame_support::runtime]
mod runtime {
	/// The MedChain runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(5)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(6)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(7)]
	pub type Governance = pallet_governance;
	#[runtime::pallet_index(8)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(9)]
	pub type Dpos = pallet_dpos;
	#[runtime::pallet_index(10)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(11)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(12)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(13)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(14)]
	pub type Offences = pallet_offences;

	#[runtime::pallet_index(20)]
	pub type Registry = pallet_registry;
	#[runtime::pallet_index(21)]
	pub type Consent = pallet_consent;
	#[runtime::pallet_index(22)]
	pub type Records = pallet_records;
	#[runtime::pallet_index(23)]
	pub type Audit = pallet_audit;
}

#[cfg(test)]
mod tests;

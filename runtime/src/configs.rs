//! The `Config` of every pallet in the runtime.

use alloc::vec::Vec;
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
};
use frame_system::limits::BlockWeights;
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use crate::weights::{BlockExecutionWeight, ExtrinsicBaseWeight};
use crate::{
	AccountId, Audit, Aura, Balance, Balances, Block, BlockNumber, Consent, Council, Dpos,
	Historical, Nonce, Offences, PalletInfo, Records, Registry, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask, SessionKeys, System,
	Timestamp, DAYS, HOURS, MED, MILLI_MED, SLOT_DURATION, SS58_PREFIX, VERSION,
};

/// The largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;
/// The most compute a block may take.
const MAX_BLOCK_WEIGHT: Weight = Weight::from_parts(2 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
/// Share of a block's weight and length that normal transactions may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute in a six-second block, normal transactions filling at most three
	/// quarters; the base weights of a block and of an extrinsic are measured
	/// (`crate::weights`).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |class| class.base_extrinsic = ExtrinsicBaseWeight::get())
		.for_class(DispatchClass::Normal, |class| {
			class.max_total = Some(NORMAL_DISPATCH_RATIO * MAX_BLOCK_WEIGHT)
		})
		.for_class(DispatchClass::Operational, |class| {
			class.max_total = Some(MAX_BLOCK_WEIGHT);
			class.reserved = Some(MAX_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAX_BLOCK_WEIGHT);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// Five MiB a block, of which normal transactions may fill three quarters.
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(MAX_BLOCK_LENGTH)
			.modify_max_length_for_class(DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
			})
			.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = crate::Hash;
	type BlockHashCount = BlockHashCount;
	// The node stores state in ParityDb.
	type DbWeight = ParityDbWeight;
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::SubstrateWeight<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

/// The most authorities Aura and GRANDPA accept.
pub type MaxAuthorities = ConstU32<32>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

/// Sessions whose delegates' keys stay provable, so that an equivocation in them can be
/// reported: the unbonding period's two sessions, while the offender's stake is still held.
pub const HISTORY_DEPTH: u32 = 2;

parameter_types! {
	/// How long a report of an equivocation stays valid in the transaction pool.
	pub const ReportLongevity: u64 = HISTORY_DEPTH as u64 * SESSION_PERIOD as u64;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	// The set changes at most once a session.
	type MaxSetIdSessionEntries = ConstU64<{ HISTORY_DEPTH as u64 }>;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// A delegate is identified by its account alone: the slash reads its stake when applied.
	type FullIdentification = AccountId;
	type FullIdentificationOf = sp_runtime::traits::ConvertInto;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = Dpos;
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = crate::UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

/// Equivocation reports the node finds are submitted as unsigned transactions.
impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> crate::UncheckedExtrinsic {
		crate::UncheckedExtrinsic::new_bare(call)
	}
}

/// The least an account may hold; below it the account is removed.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_MED;

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<0>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = crate::weights::pallet_transaction_payment::SubstrateWeight<Runtime>;
}

// Fees are burnt, not paid to the block author, so the fee benchmark needs no set-up.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// The council of hospitals' instance of pallet-collective and pallet-membership.
pub type CouncilInstance = pallet_collective::Instance1;
/// More than half of the council: membership, admins and vaults.
pub type CouncilMajority =
	pallet_collective::EnsureProportionMoreThan<AccountId, CouncilInstance, 1, 2>;
/// At least two thirds of the council: runtime upgrades and anything touching consensus.
pub type CouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilInstance, 2, 3>;

parameter_types! {
	/// A motion may take half of a block's weight.
	pub MaxCouncilProposalWeight: Weight =
		Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

/// How long a council motion stays open for votes.
#[cfg(not(feature = "fast-runtime"))]
pub const MOTION_DURATION: BlockNumber = 3 * DAYS;
/// How long a council motion stays open for votes: ten blocks, for tests.
#[cfg(feature = "fast-runtime")]
pub const MOTION_DURATION: BlockNumber = 10;

impl pallet_collective::Config<CouncilInstance> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = ConstU32<MOTION_DURATION>;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = ConstU32<16>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// Members change only through the membership pallet.
	type SetMembersOrigin = frame_system::EnsureNever<()>;
	type MaxProposalWeight = MaxCouncilProposalWeight;
	type DisapproveOrigin = CouncilMajority;
	type KillOrigin = CouncilMajority;
	type Consideration = ();
}

impl pallet_membership::Config<CouncilInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CouncilMajority;
	type RemoveOrigin = CouncilMajority;
	type SwapOrigin = CouncilMajority;
	type ResetOrigin = CouncilMajority;
	type PrimeOrigin = CouncilMajority;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = ConstU32<16>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_governance::Config for Runtime {
	type UpgradeOrigin = CouncilTwoThirds;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
}

/// Blocks in a session: an hour.
#[cfg(not(feature = "fast-runtime"))]
pub const SESSION_PERIOD: BlockNumber = crate::HOURS;
/// Blocks in a session for tests and the dev chain (`fast-runtime`): ten, 20 s of 2 s blocks.
#[cfg(feature = "fast-runtime")]
pub const SESSION_PERIOD: BlockNumber = 10;

parameter_types! {
	pub const SessionPeriod: BlockNumber = SESSION_PERIOD;
	pub const SessionOffset: BlockNumber = 0;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	// The delegates elected by stake-weighted votes, with each session's keys kept provable.
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, DelegateSessions>;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = ConstU128<MED>;
}

/// The delegates `dpos` elects, as pallet-session's history records them: each session's
/// keys stay provable for [`HISTORY_DEPTH`] sessions, then are pruned.
pub struct DelegateSessions;

impl pallet_session::SessionManager<AccountId> for DelegateSessions {
	fn new_session(new_index: u32) -> Option<Vec<AccountId>> {
		<Dpos as pallet_session::SessionManager<_>>::new_session(new_index)
	}

	fn end_session(end_index: u32) {
		<Dpos as pallet_session::SessionManager<_>>::end_session(end_index)
	}

	fn start_session(start_index: u32) {
		<Dpos as pallet_session::SessionManager<_>>::start_session(start_index);
		Historical::prune_up_to(start_index.saturating_sub(HISTORY_DEPTH));
	}
}

impl pallet_session::historical::SessionManager<AccountId, AccountId> for DelegateSessions {
	fn new_session(new_index: u32) -> Option<Vec<(AccountId, AccountId)>> {
		<Self as pallet_session::SessionManager<_>>::new_session(new_index)
			.map(|delegates| delegates.into_iter().map(|who| (who.clone(), who)).collect())
	}

	fn start_session(start_index: u32) {
		<Self as pallet_session::SessionManager<_>>::start_session(start_index)
	}

	fn end_session(end_index: u32) {
		<Self as pallet_session::SessionManager<_>>::end_session(end_index)
	}
}

impl pallet_registry::Config for Runtime {
	type AdminOrigin = pallet_registry::EnsureAdmin<Runtime>;
	type CouncilOrigin = CouncilMajority;
	type AuditTrail = Audit;
	type MaxMetadataLen = ConstU32<256>;
	type MaxLicenceLen = ConstU32<64>;
	type MaxEndpointLen = ConstU32<128>;
	type WeightInfo = pallet_registry::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Submissions one doctor may have waiting in one patient's pool; the next version raises
	/// it, as the change an upgrade makes visible.
	pub const MaxPendingPerDoctor: u32 = if cfg!(feature = "next-version") { 5 } else { 4 };
}

impl pallet_consent::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Roles = Registry;
	type Records = Records;
	type AuditTrail = Audit;
	type SubmissionDepositBase = ConstU128<{ 100 * MILLI_MED }>;
	/// The longest kind (a 33-byte FHIR resource type) holds 0.00033 MED more.
	type SubmissionDepositPerByte = ConstU128<{ MILLI_MED / 100 }>;
	type ConsentWindow = ConstU32<{ 7 * DAYS }>;
	type MaxPendingPerPatient = ConstU32<32>;
	type MaxPendingPerDoctor = MaxPendingPerDoctor;
	type MaxBlockedPerPatient = ConstU32<64>;
	type EmergencyWindow = ConstU32<{ 4 * HOURS }>;
	type MaxGrantsPerPatient = ConstU32<64>;
	/// Room for a few scopes side by side, e.g. Observations for treatment, everything for
	/// emergency treatment, and one for payment.
	type MaxGrantsPerDoctor = ConstU32<4>;
	type WeightInfo = pallet_consent::weights::SubstrateWeight<Runtime>;
}

impl pallet_records::Config for Runtime {
	type AccessPolicy = Consent;
	type Roles = Registry;
	type AuditTrail = Audit;
	type Time = Timestamp;
	type MaxPageSize = ConstU32<100>;
	type WeightInfo = pallet_records::weights::SubstrateWeight<Runtime>;
}

impl pallet_audit::Config for Runtime {
	type Time = Timestamp;
	type MaxPageSize = ConstU32<100>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = Dpos;
}

impl pallet_dpos::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CouncilOrigin = CouncilTwoThirds;
	// Only delegates with keys are elected; an offender leaves the queued set.
	type SessionKeys = pallet_dpos::PalletSession<Runtime>;
	type AuditTrail = Audit;
	type MinBond = ConstU128<{ 10 * MED }>;
	type CandidacyBond = ConstU128<{ 1_000 * MED }>;
	type UnbondingPeriod = ConstU32<{ 2 * SESSION_PERIOD }>;
	type MaxUnlockingChunks = ConstU32<16>;
	type MaxVotes = ConstU32<16>;
	type MaxCandidates = ConstU32<100>;
	type MaxDelegates = MaxAuthorities;
	type MinDelegates = ConstU32<1>;
	type FinalitySetId = GrandpaSetId;
	type WeightInfo = pallet_dpos::weights::SubstrateWeight<Runtime>;
}

/// The id of the current GRANDPA authority set, which delegates' votes sign.
pub struct GrandpaSetId;

impl frame_support::traits::Get<sp_consensus_grandpa::SetId> for GrandpaSetId {
	fn get() -> sp_consensus_grandpa::SetId {
		pallet_grandpa::CurrentSetId::<Runtime>::get()
	}
}

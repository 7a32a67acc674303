//! Types and traits that MedChain's pallets share.
//!
//! No pallet depends on another pallet's crate. Each one states what it needs as a trait from
//! here, and the runtime wires the pallet that provides it:
//!
//! - [`Roles`]: who is a patient, a doctor or an admin, whether they are active, and which
//!   accounts are registered vaults (provided by `pallet-registry`);
//! - [`AccessPolicy`]: may an account see a patient's records, and on what basis
//!   (provided by `pallet-consent`);
//! - [`RecordStore`]: the history approved records join (provided by `pallet-records`);
//! - [`AuditTrail`]: the access log every pallet reports to (provided by `pallet-audit`).
//!
//! It also holds the vocabulary clinical access is described in: HL7 FHIR R4 resource types for
//! record kinds ([`is_fhir_resource_type`]) and the HL7 v3 PurposeOfUse codes for why records
//! are asked for ([`PurposeOfUse`]).

#![cfg_attr(not(feature = "std"), no_std)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::DispatchError;

/// Identifies an approved record.
pub type RecordId = u64;
/// Identifies a submission waiting in a patient's consent pool.
pub type SubmissionId = u64;
/// Identifies an entry of the access log.
pub type EntryIndex = u64;
/// A salted commitment to a record's clinical content: BLAKE2b-256 over a domain tag, a
/// random 32-byte salt and the content. The salt stays with the vault, so the commitment
/// confirms no guess of the content; the vault hands it to a viewer with the content, who
/// recomputes the commitment.
pub type Commitment = [u8; 32];
/// The id a vault gives a document it stores: random, so it says nothing about the content.
pub type ContentId = [u8; 16];
/// A member's X25519 public key (RFC 9180 HPKE), to which vaults seal what they release.
pub type EncryptionKey = [u8; 32];

/// The longest record kind, in bytes: room for any HL7 FHIR resource type name.
pub const MAX_KIND_LEN: u32 = 64;

/// What kind of record this is: an HL7 FHIR R4 resource type name such as `Observation`.
pub type RecordKind = BoundedVec<u8, ConstU32<MAX_KIND_LEN>>;

/// The resource types of HL7 FHIR R4 (4.0.1), sorted, less the abstract `Resource` and
/// `DomainResource`.
pub const FHIR_RESOURCE_TYPES: [&str; 146] = [
	"Account",
	"ActivityDefinition",
	"AdverseEvent",
	"AllergyIntolerance",
	"Appointment",
	"AppointmentResponse",
	"AuditEvent",
	"Basic",
	"Binary",
	"BiologicallyDerivedProduct",
	"BodyStructure",
	"Bundle",
	"CapabilityStatement",
	"CarePlan",
	"CareTeam",
	"CatalogEntry",
	"ChargeItem",
	"ChargeItemDefinition",
	"Claim",
	"ClaimResponse",
	"ClinicalImpression",
	"CodeSystem",
	"Communication",
	"CommunicationRequest",
	"CompartmentDefinition",
	"Composition",
	"ConceptMap",
	"Condition",
	"Consent",
	"Contract",
	"Coverage",
	"CoverageEligibilityRequest",
	"CoverageEligibilityResponse",
	"DetectedIssue",
	"Device",
	"DeviceDefinition",
	"DeviceMetric",
	"DeviceRequest",
	"DeviceUseStatement",
	"DiagnosticReport",
	"DocumentManifest",
	"DocumentReference",
	"EffectEvidenceSynthesis",
	"Encounter",
	"Endpoint",
	"EnrollmentRequest",
	"EnrollmentResponse",
	"EpisodeOfCare",
	"EventDefinition",
	"Evidence",
	"EvidenceVariable",
	"ExampleScenario",
	"ExplanationOfBenefit",
	"FamilyMemberHistory",
	"Flag",
	"Goal",
	"GraphDefinition",
	"Group",
	"GuidanceResponse",
	"HealthcareService",
	"ImagingStudy",
	"Immunization",
	"ImmunizationEvaluation",
	"ImmunizationRecommendation",
	"ImplementationGuide",
	"InsurancePlan",
	"Invoice",
	"Library",
	"Linkage",
	"List",
	"Location",
	"Measure",
	"MeasureReport",
	"Media",
	"Medication",
	"MedicationAdministration",
	"MedicationDispense",
	"MedicationKnowledge",
	"MedicationRequest",
	"MedicationStatement",
	"MedicinalProduct",
	"MedicinalProductAuthorization",
	"MedicinalProductContraindication",
	"MedicinalProductIndication",
	"MedicinalProductIngredient",
	"MedicinalProductInteraction",
	"MedicinalProductManufactured",
	"MedicinalProductPackaged",
	"MedicinalProductPharmaceutical",
	"MedicinalProductUndesirableEffect",
	"MessageDefinition",
	"MessageHeader",
	"MolecularSequence",
	"NamingSystem",
	"NutritionOrder",
	"Observation",
	"ObservationDefinition",
	"OperationDefinition",
	"OperationOutcome",
	"Organization",
	"OrganizationAffiliation",
	"Parameters",
	"Patient",
	"PaymentNotice",
	"PaymentReconciliation",
	"Person",
	"PlanDefinition",
	"Practitioner",
	"PractitionerRole",
	"Procedure",
	"Provenance",
	"Questionnaire",
	"QuestionnaireResponse",
	"RelatedPerson",
	"RequestGroup",
	"ResearchDefinition",
	"ResearchElementDefinition",
	"ResearchStudy",
	"ResearchSubject",
	"RiskAssessment",
	"RiskEvidenceSynthesis",
	"Schedule",
	"SearchParameter",
	"ServiceRequest",
	"Slot",
	"Specimen",
	"SpecimenDefinition",
	"StructureDefinition",
	"StructureMap",
	"Subscription",
	"Substance",
	"SubstanceNucleicAcid",
	"SubstancePolymer",
	"SubstanceProtein",
	"SubstanceReferenceInformation",
	"SubstanceSourceMaterial",
	"SubstanceSpecification",
	"SupplyDelivery",
	"SupplyRequest",
	"Task",
	"TerminologyCapabilities",
	"TestReport",
	"TestScript",
	"ValueSet",
	"VerificationResult",
	"VisionPrescription",
];

/// Whether `kind` is the name of an HL7 FHIR R4 resource type (case-sensitive, as FHIR writes
/// it).
pub fn is_fhir_resource_type(kind: &[u8]) -> bool {
	FHIR_RESOURCE_TYPES.binary_search_by(|name| name.as_bytes().cmp(kind)).is_ok()
}

/// The longest FHIR R4 resource type name, in bytes (`MedicinalProductUndesirableEffect`): the
/// longest kind a submission or a grant can carry.
pub const LONGEST_FHIR_RESOURCE_TYPE: &str = "MedicinalProductUndesirableEffect";

/// The most record kinds one grant names.
pub const MAX_GRANT_KINDS: u32 = 8;

/// Why an account asks for a patient's records: a code of the HL7 v3 PurposeOfUse value set
/// (code system `http://terminology.hl7.org/CodeSystem/v3-ActReason`).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
)]
pub enum PurposeOfUse {
	/// `TREAT`: the patient's treatment.
	Treatment,
	/// `ETREAT`: emergency treatment; every emergency access is for this purpose.
	EmergencyTreatment,
	/// `HPAYMT`: payment for the patient's care.
	Payment,
	/// `HOPERAT`: the provider's healthcare operations (quality, audit, administration).
	Operations,
	/// `PUBHLTH`: public health reporting.
	PublicHealth,
	/// `HRESCH`: research.
	Research,
	/// `PATRQT`: the patient's own request, or one made on their instruction.
	PatientRequested,
}

impl PurposeOfUse {
	/// Every purpose, in code order.
	pub const ALL: [Self; 7] = [
		Self::Treatment,
		Self::EmergencyTreatment,
		Self::Payment,
		Self::Operations,
		Self::PublicHealth,
		Self::Research,
		Self::PatientRequested,
	];

	/// The HL7 v3 ActReason code.
	pub fn code(self) -> &'static str {
		match self {
			Self::Treatment => "TREAT",
			Self::EmergencyTreatment => "ETREAT",
			Self::Payment => "HPAYMT",
			Self::Operations => "HOPERAT",
			Self::PublicHealth => "PUBHLTH",
			Self::Research => "HRESCH",
			Self::PatientRequested => "PATRQT",
		}
	}

	/// The purpose whose HL7 v3 code is `code` (case-insensitive).
	pub fn from_code(code: &str) -> Option<Self> {
		Self::ALL.into_iter().find(|purpose| purpose.code().eq_ignore_ascii_case(code))
	}
}

/// The purposes a grant covers: at least one, each once.
pub type Purposes = BoundedVec<PurposeOfUse, ConstU32<7>>;

/// Where a record's content is kept: the registered vault that holds it, and the id the vault
/// gave it. Clinical content itself never goes on chain.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Locator<AccountId> {
	/// The vault's account, registered in the registry.
	pub vault: AccountId,
	/// The document's id in that vault.
	pub content: ContentId,
}

/// Why a doctor invoked emergency access: a code, so that no free text about a patient
/// reaches the chain.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum EmergencyReason {
	/// The patient is unconscious and cannot consent.
	Unconscious,
	/// The patient's life is at immediate risk.
	LifeThreatening,
	/// The patient cannot communicate (confusion, language, sedation).
	CannotCommunicate,
	/// Another urgent clinical need; the doctor documents it in the hospital's own system.
	Other,
}

/// The role of a registered member. An account holds at most one.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Role {
	/// A person whose records the chain holds; registers themself.
	Patient,
	/// A licensed clinician, admitted by an admin; submits records.
	Doctor,
	/// Runs clinical administration and audits the log; admitted by the council.
	Admin,
}

/// Whether a member may act.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum MemberStatus {
	/// The member may act in their role.
	Active,
	/// An admin suspended the member; they may not act until reinstated.
	Suspended,
}

/// Who is who: the role and status of an account.
pub trait Roles<AccountId> {
	/// The role and status of `who`, or `None` when `who` is not registered.
	fn role_of(who: &AccountId) -> Option<(Role, MemberStatus)>;

	/// Whether `who` is an active member in `role`.
	fn is_active(who: &AccountId, role: Role) -> bool {
		Self::role_of(who) == Some((role, MemberStatus::Active))
	}

	/// Whether `who` is a registered vault that has not been retired.
	fn is_active_vault(who: &AccountId) -> bool;

	/// Registers `who` as an active member in `role`, for benchmarks that need one.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmark(who: &AccountId, role: Role);

	/// Registers `who` as an active vault, for benchmarks that need one.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_vault_for_benchmark(who: &AccountId);
}

/// Why a viewer may see a patient's records.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum AccessBasis {
	/// The viewer is the patient.
	Patient,
	/// The viewer wrote the record.
	Author,
	/// The patient granted the viewer access, and the grant has not run out.
	Grant,
	/// The viewer, an active doctor, invoked emergency access that has not run out.
	Emergency,
	/// The viewer is an active admin.
	Admin,
}

impl AccessBasis {
	/// The purpose an access on this basis is logged for when `asked` was asked: an emergency
	/// access is always for emergency treatment.
	pub fn purpose(self, asked: PurposeOfUse) -> PurposeOfUse {
		match self {
			Self::Emergency => PurposeOfUse::EmergencyTreatment,
			_ => asked,
		}
	}
}

/// Why a viewer was refused a patient's records: which part of the access they lack.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Refusal {
	/// The viewer is not an active doctor, or holds no grant and no emergency access.
	NoAccess,
	/// Every grant the viewer holds ran out or was revoked.
	GrantEnded,
	/// No running grant of the viewer covers the purpose asked for.
	PurposeNotGranted,
	/// A running grant covers the purpose, but none covers the record's kind.
	KindNotGranted,
}

/// What a viewer asks for: one record (its author and kind) or a whole history, and why.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct AccessRequest<'a, AccountId> {
	/// The author of the record asked for; `None` for a whole history.
	pub author: Option<&'a AccountId>,
	/// The kind of the record asked for; `None` for a whole history, which any grant for the
	/// purpose covers (the history lists records, not their content).
	pub kind: Option<&'a [u8]>,
	/// Why the viewer asks.
	pub purpose: PurposeOfUse,
}

/// Who may see a patient's records.
pub trait AccessPolicy<AccountId> {
	/// The basis on which `viewer` may have what `request` asks of `patient`'s records, or
	/// which part of the access they lack.
	fn access_basis(
		viewer: &AccountId,
		patient: &AccountId,
		request: AccessRequest<AccountId>,
	) -> Result<AccessBasis, Refusal>;

	/// Gives `viewer` as many running grants from `patient` as a doctor can hold, each naming
	/// as many kinds as a grant can and none of them `kind`, so that a check of a record of
	/// `kind` walks them all: the worst case, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn fill_grants_for_benchmark(viewer: &AccountId, patient: &AccountId, kind: &[u8]);
}

/// A record a patient approved, on its way into their history.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NewRecord<AccountId> {
	/// Whose record it is.
	pub patient: AccountId,
	/// The doctor who wrote it.
	pub author: AccountId,
	/// What kind of record it is.
	pub kind: RecordKind,
	/// Where its content is kept.
	pub locator: Locator<AccountId>,
	/// The salted commitment to its content.
	pub commitment: Commitment,
	/// The earlier record of the same patient that this one amends.
	pub supersedes: Option<RecordId>,
}

/// The store of approved records.
pub trait RecordStore<AccountId> {
	/// Whether a new record of `patient` may amend `record`: it exists, belongs to `patient` and
	/// has not been amended already.
	fn can_supersede(patient: &AccountId, record: RecordId) -> bool;

	/// Appends an approved record to its patient's history and returns its id.
	fn insert(record: NewRecord<AccountId>) -> Result<RecordId, DispatchError>;
}

/// What an access log entry records.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum AuditAction {
	/// A member registered in a role.
	Registered(Role),
	/// An admin suspended a member.
	Suspended,
	/// An admin reinstated a suspended member.
	Reinstated,
	/// A member rotated their encryption key.
	KeyRotated,
	/// A doctor submitted a record to a patient's consent pool.
	Submitted,
	/// The patient approved a submission; it joined their history.
	Approved,
	/// The patient denied a submission; it was discarded.
	Denied,
	/// The doctor withdrew their submission.
	Withdrawn,
	/// A submission ran out of time and was cleared.
	Expired,
	/// A patient granted a doctor access to their records.
	AccessGranted,
	/// A patient revoked a doctor's access.
	AccessRevoked,
	/// A patient blocked a doctor (the subject) from submitting to their consent pool.
	DoctorBlocked,
	/// A patient unblocked a doctor (the subject).
	DoctorUnblocked,
	/// A doctor invoked break-glass emergency access, for the reason given.
	EmergencyAccess(EmergencyReason),
	/// An authorised viewer viewed a patient's history (the list of records, not content),
	/// on a basis and for a purpose.
	Viewed {
		/// Why they may.
		basis: AccessBasis,
		/// Why they asked (always emergency treatment on an emergency basis).
		purpose: PurposeOfUse,
	},
	/// A vault released a record's content to an authorised viewer (the actor), on a basis and
	/// for a purpose; the subject is the vault.
	Released {
		/// Why they may.
		basis: AccessBasis,
		/// Why they asked (always emergency treatment on an emergency basis).
		purpose: PurposeOfUse,
	},
	/// A viewer was refused a history, or a vault refused them a record's content.
	AccessDenied {
		/// Why they asked.
		purpose: PurposeOfUse,
		/// What they lacked.
		refusal: Refusal,
	},
	/// A vault erased a record's content at the patient's (or an admin's) request; the
	/// commitment and the log stay.
	Erased,
	/// The council registered a vault (the subject).
	VaultRegistered,
	/// The council retired a vault (the subject); it may no longer release or take records.
	VaultRetired,
	/// The council removed an admin (the subject).
	AdminRemoved,
	/// An account bonded stake.
	Bonded,
	/// An account started unbonding stake.
	Unbonded,
	/// An account withdrew unbonded stake.
	WithdrewUnbonded,
	/// An account became a delegate candidate.
	CandidateRegistered,
	/// A candidate left, or lost its candidacy.
	CandidateLeft,
	/// A voter replaced their approval votes.
	Voted,
	/// A voter removed their approval votes.
	VoteRemoved,
	/// The number of delegates each election picks was set to this.
	DesiredDelegatesSet(u32),
	/// The chain elected a candidate (the subject) delegate for the next session.
	Elected,
	/// The chain removed a delegate (the subject) that authored no block in its session from
	/// the candidates.
	Kicked,
	/// The chain evicted the least-backed candidate (the subject) from a full candidate list
	/// for a better-backed newcomer (the actor).
	Evicted,
	/// The chain slashed a delegate (the subject) for a proven offence, such as signing two
	/// conflicting GRANDPA votes, and removed it from the candidates and the coming delegates.
	Slashed,
}

/// The access log's account of one action.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AuditEvent<AccountId> {
	/// Who acted; `None` for the chain itself or a council decision.
	pub actor: Option<AccountId>,
	/// What they did.
	pub action: AuditAction,
	/// The account acted upon, when it is not the actor: the doctor an admin admitted or a
	/// patient granted access to, the member suspended.
	pub subject: Option<AccountId>,
	/// The patient whose records are concerned, if any.
	pub patient: Option<AccountId>,
	/// The submission concerned, if any.
	pub submission: Option<SubmissionId>,
	/// The record concerned, if any.
	pub record: Option<RecordId>,
}

impl<AccountId> AuditEvent<AccountId> {
	/// An action by `actor` (or Root, when `None`) that concerns no patient.
	pub fn new(actor: Option<AccountId>, action: AuditAction) -> Self {
		Self { actor, action, subject: None, patient: None, submission: None, record: None }
	}

	/// A patient's action about another member (the subject), such as a grant or a block; it
	/// concerns the patient's records.
	pub fn by_patient(patient: AccountId, action: AuditAction, subject: AccountId) -> Self
	where
		AccountId: Clone,
	{
		Self::new(Some(patient.clone()), action).subject(subject).patient(patient)
	}

	/// The account acted upon.
	pub fn subject(mut self, subject: AccountId) -> Self {
		self.subject = Some(subject);
		self
	}

	/// The patient concerned.
	pub fn patient(mut self, patient: AccountId) -> Self {
		self.patient = Some(patient);
		self
	}

	/// The submission concerned.
	pub fn submission(mut self, submission: SubmissionId) -> Self {
		self.submission = Some(submission);
		self
	}

	/// The record concerned.
	pub fn record(mut self, record: RecordId) -> Self {
		self.record = Some(record);
		self
	}
}

/// The append-only access log.
pub trait AuditTrail<AccountId> {
	/// Appends an entry for `event` and returns its index.
	fn log(event: AuditEvent<AccountId>) -> EntryIndex;
}

/// Stand-ins for the traits, for pallets' mock runtimes (accounts are `u64`).
#[cfg(feature = "std")]
pub mod testing {
	use super::*;
	use std::{cell::RefCell, collections::BTreeMap};

	std::thread_local! {
		static AUDIT: RefCell<Vec<AuditEvent<u64>>> = const { RefCell::new(Vec::new()) };
		static ROLES: RefCell<BTreeMap<u64, (Role, MemberStatus)>> =
			const { RefCell::new(BTreeMap::new()) };
		static NOW: RefCell<u64> = const { RefCell::new(0) };
		static VAULTS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
		static RECORDS: RefCell<Vec<(NewRecord<u64>, bool)>> = const { RefCell::new(Vec::new()) };
	}

	/// A [`RecordStore`] in memory: record `n` is the `n`-th inserted.
	pub struct MockRecords;

	impl MockRecords {
		/// Every record inserted so far in this test.
		pub fn records() -> Vec<NewRecord<u64>> {
			RECORDS.with(|r| r.borrow().iter().map(|(record, _)| record.clone()).collect())
		}
	}

	impl RecordStore<u64> for MockRecords {
		fn can_supersede(patient: &u64, record: RecordId) -> bool {
			RECORDS.with(|r| {
				r.borrow()
					.get(record as usize)
					.is_some_and(|(old, superseded)| old.patient == *patient && !superseded)
			})
		}

		fn insert(record: NewRecord<u64>) -> Result<RecordId, DispatchError> {
			RECORDS.with(|r| {
				let mut records = r.borrow_mut();
				if let Some(old) = record.supersedes {
					records[old as usize].1 = true;
				}
				records.push((record, false));
				Ok(records.len() as RecordId - 1)
			})
		}
	}

	/// A clock that tests set by hand (milliseconds).
	pub struct MockTime;

	impl MockTime {
		/// Sets the time.
		pub fn set(now: u64) {
			NOW.with(|t| *t.borrow_mut() = now);
		}
	}

	impl frame_support::traits::Time for MockTime {
		type Moment = u64;

		fn now() -> u64 {
			NOW.with(|t| *t.borrow())
		}
	}

	/// An [`AuditTrail`] that keeps what it is told, so that tests can read it back.
	pub struct RecordingAudit;

	impl AuditTrail<u64> for RecordingAudit {
		fn log(event: AuditEvent<u64>) -> EntryIndex {
			AUDIT.with(|log| {
				let mut log = log.borrow_mut();
				log.push(event);
				log.len() as EntryIndex - 1
			})
		}
	}

	impl RecordingAudit {
		/// Every event logged so far in this test, oldest first.
		pub fn events() -> Vec<AuditEvent<u64>> {
			AUDIT.with(|log| log.borrow().clone())
		}

		/// The last event logged, if any.
		pub fn last() -> Option<AuditEvent<u64>> {
			AUDIT.with(|log| log.borrow().last().cloned())
		}
	}

	/// A [`Roles`] whose members a test sets directly.
	pub struct MockRoles;

	impl MockRoles {
		/// Makes `who` a member in `role` with `status`.
		pub fn set(who: u64, role: Role, status: MemberStatus) {
			ROLES.with(|roles| roles.borrow_mut().insert(who, (role, status)));
		}

		/// Makes `who` an active vault.
		pub fn set_vault(who: u64) {
			VAULTS.with(|vaults| vaults.borrow_mut().push(who));
		}
	}

	impl Roles<u64> for MockRoles {
		fn role_of(who: &u64) -> Option<(Role, MemberStatus)> {
			ROLES.with(|roles| roles.borrow().get(who).copied())
		}

		fn is_active_vault(who: &u64) -> bool {
			VAULTS.with(|vaults| vaults.borrow().contains(who))
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn register_for_benchmark(who: &u64, role: Role) {
			Self::set(*who, role, MemberStatus::Active);
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn register_vault_for_benchmark(who: &u64) {
			Self::set_vault(*who);
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn fhir_resource_types_are_sorted_and_the_longest_is_named() {
		assert!(FHIR_RESOURCE_TYPES.windows(2).all(|pair| pair[0] < pair[1]));
		let longest = FHIR_RESOURCE_TYPES.iter().max_by_key(|name| name.len()).copied();
		assert_eq!(longest, Some(LONGEST_FHIR_RESOURCE_TYPE));
		assert!(LONGEST_FHIR_RESOURCE_TYPE.len() as u32 <= MAX_KIND_LEN);
	}

	#[test]
	fn kinds_are_checked_against_fhir_r4() {
		for kind in ["Observation", "DiagnosticReport", "Account", "VisionPrescription"] {
			assert!(is_fhir_resource_type(kind.as_bytes()), "{kind}");
		}
		for kind in
			["", "observation", "Observation ", "lab-result", "Resource", "SubscriptionTopic"]
		{
			assert!(!is_fhir_resource_type(kind.as_bytes()), "{kind}");
		}
	}

	#[test]
	fn purposes_read_and_write_their_hl7_codes() {
		let codes: Vec<_> = PurposeOfUse::ALL.iter().map(|p| p.code()).collect();
		assert_eq!(codes, ["TREAT", "ETREAT", "HPAYMT", "HOPERAT", "PUBHLTH", "HRESCH", "PATRQT"]);
		for purpose in PurposeOfUse::ALL {
			assert_eq!(PurposeOfUse::from_code(purpose.code()), Some(purpose));
		}
		assert_eq!(PurposeOfUse::from_code("etreat"), Some(PurposeOfUse::EmergencyTreatment));
		assert_eq!(PurposeOfUse::from_code("CARE"), None);
		assert_eq!(
			AccessBasis::Emergency.purpose(PurposeOfUse::Treatment),
			PurposeOfUse::EmergencyTreatment
		);
		assert_eq!(AccessBasis::Grant.purpose(PurposeOfUse::Research), PurposeOfUse::Research);
	}
}

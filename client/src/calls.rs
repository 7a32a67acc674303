//! One function per call of MedChain's pallets.

use codec::Decode;

use crate::{
	chain::{self, consent, records, runtime_types::medchain_runtime::opaque::SessionKeys},
	AccessBasis, AccountId, Balance, BlockNumber, EmergencyReason, Error, Event, Keypair, Locator,
	MedChain, Outcome, PurposeOfUse, RecordId, SubmissionId,
};

/// A record a doctor submits to a patient's consent pool: its content is already in a vault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRecord {
	/// What kind of record it is, such as an HL7 FHIR resource type (`Observation`).
	pub kind: Vec<u8>,
	/// The vault that keeps the content.
	pub vault: AccountId,
	/// The vault's id for the content.
	pub content: [u8; 16],
	/// The salted commitment to the content the vault returned.
	pub commitment: [u8; 32],
	/// The record of the same patient this one amends.
	pub supersedes: Option<RecordId>,
}

impl MedChain {
	/// Registers the signer as a patient with the public key records about them are
	/// encrypted to, and an opaque metadata reference.
	pub async fn register_patient(
		&self,
		patient: &Keypair,
		encryption_key: [u8; 32],
		metadata: Vec<u8>,
	) -> Result<Outcome, Error> {
		let call = chain::transactions().registry().register_patient(encryption_key, metadata);
		self.submit(patient, call).await
	}

	/// An admin admits `doctor` with a licence reference and encryption key.
	pub async fn register_doctor(
		&self,
		admin: &Keypair,
		doctor: AccountId,
		licence: Vec<u8>,
		encryption_key: [u8; 32],
	) -> Result<Outcome, Error> {
		let call =
			chain::transactions().registry().register_doctor(doctor, licence, encryption_key);
		self.submit(admin, call).await
	}

	/// An admin suspends `member`, who may not act until reinstated.
	pub async fn suspend(&self, admin: &Keypair, member: AccountId) -> Result<Outcome, Error> {
		self.submit(admin, chain::transactions().registry().suspend(member)).await
	}

	/// An admin reinstates a suspended `member`.
	pub async fn reinstate(&self, admin: &Keypair, member: AccountId) -> Result<Outcome, Error> {
		self.submit(admin, chain::transactions().registry().reinstate(member)).await
	}

	/// A member replaces the key records about them are encrypted to.
	pub async fn rotate_encryption_key(
		&self,
		member: &Keypair,
		new_key: [u8; 32],
	) -> Result<Outcome, Error> {
		self.submit(member, chain::transactions().registry().rotate_encryption_key(new_key)).await
	}

	/// A doctor submits `record` to `patient`'s consent pool, holding a deposit; returns the
	/// submission's id.
	pub async fn submit_record(
		&self,
		doctor: &Keypair,
		patient: AccountId,
		record: NewRecord,
	) -> Result<(SubmissionId, Outcome), Error> {
		let locator = Locator { vault: record.vault, content: record.content };
		let call = chain::transactions().consent().submit(
			patient,
			record.kind,
			locator,
			record.commitment,
			record.supersedes,
		);
		let outcome = self.submit(doctor, call).await?;
		let id = outcome.find(|event| match event {
			Event::Consent(consent::Event::Submitted { id, .. }) => Some(*id),
			_ => None,
		});
		Ok((id.ok_or_else(|| missing("Consent.Submitted"))?, outcome))
	}

	/// The patient approves a submission: it joins their history. Returns the new record's id.
	pub async fn approve(
		&self,
		patient: &Keypair,
		id: SubmissionId,
	) -> Result<(RecordId, Outcome), Error> {
		let outcome = self.submit(patient, chain::transactions().consent().approve(id)).await?;
		let record = outcome.find(|event| match event {
			Event::Consent(consent::Event::Approved { record, .. }) => Some(*record),
			_ => None,
		});
		Ok((record.ok_or_else(|| missing("Consent.Approved"))?, outcome))
	}

	/// The patient denies a submission: it is discarded and the deposit returned.
	pub async fn deny(&self, patient: &Keypair, id: SubmissionId) -> Result<Outcome, Error> {
		self.submit(patient, chain::transactions().consent().deny(id)).await
	}

	/// The doctor withdraws their submission before the patient decides.
	pub async fn withdraw(&self, doctor: &Keypair, id: SubmissionId) -> Result<Outcome, Error> {
		self.submit(doctor, chain::transactions().consent().withdraw(id)).await
	}

	/// Anyone removes a submission whose consent window has passed.
	pub async fn expire(&self, anyone: &Keypair, id: SubmissionId) -> Result<Outcome, Error> {
		self.submit(anyone, chain::transactions().consent().expire(id)).await
	}

	/// The patient grants `doctor` access to every kind of their records for treatment, until
	/// a block or for good.
	pub async fn grant_access(
		&self,
		patient: &Keypair,
		doctor: AccountId,
		until: Option<BlockNumber>,
	) -> Result<Outcome, Error> {
		self.submit(patient, chain::transactions().consent().grant_access(doctor, until)).await
	}

	/// The patient grants `doctor` access to their records of `kinds` (FHIR resource types;
	/// none for every kind) for `purposes`, until a block or for good. A grant of the same
	/// kinds and purposes replaces the doctor's earlier one; others stand beside it.
	pub async fn grant_scoped(
		&self,
		patient: &Keypair,
		doctor: AccountId,
		kinds: &[String],
		purposes: Vec<PurposeOfUse>,
		until: Option<BlockNumber>,
	) -> Result<Outcome, Error> {
		let kinds = kinds.iter().map(|kind| kind.as_bytes().to_vec()).collect();
		let call = chain::transactions().consent().grant_scoped(doctor, kinds, purposes, until);
		self.submit(patient, call).await
	}

	/// The patient blocks `doctor` from submitting to their consent pool.
	pub async fn block_doctor(
		&self,
		patient: &Keypair,
		doctor: AccountId,
	) -> Result<Outcome, Error> {
		self.submit(patient, chain::transactions().consent().block_doctor(doctor)).await
	}

	/// The patient lets `doctor` submit to their consent pool again.
	pub async fn unblock_doctor(
		&self,
		patient: &Keypair,
		doctor: AccountId,
	) -> Result<Outcome, Error> {
		self.submit(patient, chain::transactions().consent().unblock_doctor(doctor)).await
	}

	/// The patient revokes `doctor`'s access.
	pub async fn revoke_access(
		&self,
		patient: &Keypair,
		doctor: AccountId,
	) -> Result<Outcome, Error> {
		self.submit(patient, chain::transactions().consent().revoke_access(doctor)).await
	}

	/// A doctor invokes emergency access to `patient`'s records, stating why by a code;
	/// returns the last block of the emergency window.
	pub async fn emergency_access(
		&self,
		doctor: &Keypair,
		patient: AccountId,
		reason: EmergencyReason,
	) -> Result<(BlockNumber, Outcome), Error> {
		let call = chain::transactions().consent().emergency_access(patient, reason);
		let outcome = self.submit(doctor, call).await?;
		let until = outcome.find(|event| match event {
			Event::Consent(consent::Event::EmergencyAccessInvoked { until, .. }) => Some(*until),
			_ => None,
		});
		Ok((until.ok_or_else(|| missing("Consent.EmergencyAccessInvoked"))?, outcome))
	}

	/// A vault, as a record's custodian, logs the release of the record's content to
	/// `viewer` for `purpose`, or its refusal, which comes back as [`Error::AccessDenied`];
	/// returns the basis of a release.
	pub async fn release(
		&self,
		vault: &Keypair,
		id: RecordId,
		viewer: AccountId,
		purpose: PurposeOfUse,
	) -> Result<(AccessBasis, Outcome), Error> {
		let call = chain::transactions().records().release(id, viewer, purpose);
		let outcome = self.submit(vault, call).await?;
		denied(&outcome)?;
		let basis = outcome.find(|event| match event {
			Event::Records(records::Event::RecordReleased { basis, .. }) => Some(basis.clone()),
			_ => None,
		});
		Ok((basis.ok_or_else(|| missing("Records.RecordReleased"))?, outcome))
	}

	/// A vault, as a record's custodian, logs that it erases the record's content at the
	/// request of `requester` (the patient or an admin).
	pub async fn erase(
		&self,
		vault: &Keypair,
		id: RecordId,
		requester: AccountId,
	) -> Result<Outcome, Error> {
		self.submit(vault, chain::transactions().records().erase(id, requester)).await
	}

	/// A vault moves its registered endpoint to `endpoint`.
	pub async fn set_vault_endpoint(
		&self,
		vault: &Keypair,
		endpoint: &str,
	) -> Result<Outcome, Error> {
		let call = chain::transactions().registry().set_vault_endpoint(endpoint.into());
		self.submit(vault, call).await
	}

	/// Views a patient's whole history for `purpose`: the view is logged and the number of
	/// records returned. A refusal is logged too and returned as [`Error::AccessDenied`].
	pub async fn view_history(
		&self,
		viewer: &Keypair,
		patient: AccountId,
		purpose: PurposeOfUse,
	) -> Result<u32, Error> {
		let call = chain::transactions().records().view_history(patient, purpose);
		let outcome = self.submit(viewer, call).await?;
		denied(&outcome)?;
		let count = outcome.find(|event| match event {
			Event::Records(records::Event::HistoryViewed { records, .. }) => Some(*records),
			_ => None,
		});
		count.ok_or_else(|| missing("Records.HistoryViewed"))
	}

	/// Bonds `amount` of the signer's balance as stake.
	pub async fn bond(&self, staker: &Keypair, amount: Balance) -> Result<Outcome, Error> {
		self.submit(staker, chain::transactions().dpos().bond(amount)).await
	}

	/// Starts unbonding `amount` of the signer's stake; it is withdrawable after the unbonding
	/// period.
	pub async fn unbond(&self, staker: &Keypair, amount: Balance) -> Result<Outcome, Error> {
		self.submit(staker, chain::transactions().dpos().unbond(amount)).await
	}

	/// Frees the signer's unbonded stake whose unbonding period has passed.
	pub async fn withdraw_unbonded(&self, staker: &Keypair) -> Result<Outcome, Error> {
		self.submit(staker, chain::transactions().dpos().withdraw_unbonded()).await
	}

	/// Stands the signer as a delegate candidate, holding the candidacy bond.
	pub async fn register_candidate(&self, candidate: &Keypair) -> Result<Outcome, Error> {
		self.submit(candidate, chain::transactions().dpos().register_candidate()).await
	}

	/// Withdraws the signer's candidacy and releases the candidacy bond.
	pub async fn unregister_candidate(&self, candidate: &Keypair) -> Result<Outcome, Error> {
		self.submit(candidate, chain::transactions().dpos().unregister_candidate()).await
	}

	/// Approves `candidates` with the signer's whole bonded stake, replacing earlier votes.
	pub async fn vote(
		&self,
		voter: &Keypair,
		candidates: Vec<AccountId>,
	) -> Result<Outcome, Error> {
		self.submit(voter, chain::transactions().dpos().vote(candidates)).await
	}

	/// Removes the signer's votes.
	pub async fn remove_vote(&self, voter: &Keypair) -> Result<Outcome, Error> {
		self.submit(voter, chain::transactions().dpos().remove_vote()).await
	}

	/// Sets the signer's session keys (SCALE-encoded, as [`MedChain::rotate_keys`] returns
	/// them) with the proof that the node holds them.
	pub async fn set_session_keys(
		&self,
		owner: &Keypair,
		keys: &[u8],
		proof: Vec<u8>,
	) -> Result<Outcome, Error> {
		let keys = SessionKeys::decode(&mut &keys[..])
			.map_err(|e| Error::Node(format!("the node's session keys do not decode: {e}")))?;
		self.submit(owner, chain::transactions().session().set_keys(keys, proof)).await
	}
}

/// A refused view or release, as an error.
fn denied(outcome: &Outcome) -> Result<(), Error> {
	match outcome.find(|event| match event {
		Event::Records(records::Event::AccessDenied {
			viewer,
			patient,
			record,
			purpose,
			refusal,
		}) => Some(Error::AccessDenied {
			viewer: *viewer,
			patient: *patient,
			record: *record,
			purpose: purpose.clone(),
			refusal: refusal.clone(),
		}),
		_ => None,
	}) {
		Some(refused) => Err(refused),
		None => Ok(()),
	}
}

/// A successful call whose telling event is missing: the node runs another runtime.
fn missing(event: &str) -> Error {
	Error::Node(format!("the call succeeded without a {event} event; is this a MedChain node?"))
}

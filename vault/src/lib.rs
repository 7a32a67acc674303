//! # medchain-vault
//!
//! A hospital's record vault. Clinical content never goes on chain: doctors upload documents
//! here, and the chain keeps only where each record is kept and a salted commitment to it.
//! The vault:
//!
//! - stores each document encrypted at rest under its own key, wrapped by the vault's master
//!   key ([`store`]), in a local directory or an S3-compatible bucket;
//! - accepts uploads only from active doctors, in requests signed by their account;
//! - answers release requests from registered members only (a stranger is refused with
//!   `not_registered` and costs the vault no transaction);
//! - releases a record only to a viewer the chain allows and only once the release is on the
//!   access log in a block: as the record's custodian it calls `records.release` naming the
//!   viewer, the chain decides from its access policy at that block and logs the release or
//!   the refusal, and the vault answers after the block. The content is sealed to the
//!   viewer's registered encryption key with HPKE;
//! - releases only for a purpose of use the request names (an HL7 v3 code), and a refusal
//!   says what the viewer lacked: any access, a running grant, the purpose or the kind;
//! - takes a document for a record only under a FHIR R4 resource type, and FHIR JSON only of
//!   that type;
//! - erases a record's content at its patient's (or an admin's) request, after the erasure is
//!   on the log;
//! - gives a patient their accounting of disclosures (CSV, JSON or a FHIR Bundle), for the
//!   portal to download;
//! - removes uploads no record holds once they have waited `upload_ttl`: never submitted, or
//!   denied, withdrawn or expired.
//!
//! The HTTP API is described in `medchain_client`'s vault module; errors are JSON
//! ([`medchain_client::ApiError`]).

pub mod service;
pub mod store;

pub use service::{serve, Settings};

//! Weights measured on MedChain's own benchmarks by `scripts/weights.sh`: the base weights of
//! a block and of an extrinsic, and the weights of the upstream pallets whose calls and
//! transaction extensions every MedChain transaction passes through. MedChain's own pallets
//! keep their weights beside their code (`pallets/<pallet>/src/weights.rs`).

pub mod base;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;

pub use base::{BlockExecutionWeight, ExtrinsicBaseWeight};

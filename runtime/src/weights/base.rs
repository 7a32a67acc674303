//! The base weights of a block and of an extrinsic, measured by `scripts/weights.sh`
//! (`medchain-node benchmark overhead`, average of 100 runs) on 2026-11-27, host
//! `vm`, CPU `AMD EPYC`; run it again rather than edit this file.

use frame_support::{
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_NANOS, Weight},
};

parameter_types! {
	/// Executing an empty block: its hooks and inherents, 270813 ns.
	pub const BlockExecutionWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul(270813), 0);
	/// What every extrinsic costs besides its call (decoding, signature, nonce, fee), measured
	/// on a block of `System::remark`s: 183792 ns.
	pub const ExtrinsicBaseWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul(183792), 0);
}

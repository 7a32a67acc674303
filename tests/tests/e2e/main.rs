//! MedChain's end-to-end tests: real `medchain-node` and `medchain-vault` processes on
//! loopback, driven through `medchain-client`, the `medchain` command line and the scripts.
//!
//! They are one test binary so that independent tests run at once (`--test-threads`): they
//! spend most of their time waiting for blocks, and one process hands out every port.

mod bad_input;
mod bench;
mod cli;
mod client_dpos;
mod client_pipeline;
mod consortium;
mod custody;
mod dev_chain;
mod fhir;
mod harness;
mod portal;
mod readme;
mod scripts;
mod watch;

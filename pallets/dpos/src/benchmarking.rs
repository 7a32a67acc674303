//! Benchmarks of every DPoS call at its worst case (a voter approving `MaxVotes` candidates,
//! a full ledger, a full candidate list with an eviction, a vote counted for every delegate),
//! of the election over `MaxCandidates` candidates with keys, and of an offender's punishment.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;
use sp_runtime::{traits::Hash, RuntimeAppPublic};

fn funded<T: Config>(name: &'static str, n: u32) -> T::AccountId {
	let who: T::AccountId = account(name, n, 0);
	let funds =
		T::CandidacyBond::get().saturating_add(stake::<T>()).saturating_mul(1_000u32.into());
	T::Currency::set_balance(&who, funds);
	who
}

fn stake<T: Config>() -> BalanceOf<T> {
	T::MinBond::get().saturating_mul(10u32.into())
}

/// A candidate with stake and session keys; the `n`-th gets `n` more stake.
fn candidate<T: Config>(n: u32) -> T::AccountId {
	let who = funded::<T>("candidate", n);
	let stake = stake::<T>().saturating_add(n.into());
	Pallet::<T>::do_bond(&who, stake).expect("a funded account bonds");
	Pallet::<T>::do_register(&who).expect("a funded account stands");
	T::SessionKeys::set_keys_for_benchmark(&who);
	who
}

/// A bonded voter approving `MaxVotes` candidates.
fn voter<T: Config>() -> T::AccountId {
	let voter = funded::<T>("voter", 0);
	Pallet::<T>::do_bond(&voter, stake::<T>()).expect("a funded account bonds");
	let candidates = (0..T::MaxVotes::get()).map(candidate::<T>).collect();
	Pallet::<T>::do_vote(&voter, candidates).expect("the candidates stand");
	voter
}

/// `who` unbonds `MinBond` in each of `chunks` blocks, one unlocking chunk each.
fn fill_chunks<T: Config>(who: &T::AccountId, chunks: u32) -> Result<(), BenchmarkError> {
	let min = T::MinBond::get();
	Pallet::<T>::do_bond(who, min.saturating_mul((chunks + 1).into()))?;
	for _ in 0..chunks {
		let next = frame_system::Pallet::<T>::block_number() + 1u32.into();
		frame_system::Pallet::<T>::set_block_number(next);
		Pallet::<T>::unbond(RawOrigin::Signed(who.clone()).into(), min)?;
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn bond() {
		let voter = voter::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), T::MinBond::get());
		assert_eq!(
			Ledger::<T>::get(&voter).map(|l| l.active),
			Some(stake::<T>() + T::MinBond::get())
		);
	}

	#[benchmark]
	fn unbond() -> Result<(), BenchmarkError> {
		let voter = voter::<T>();
		let chunks = T::MaxUnlockingChunks::get().saturating_sub(1);
		fill_chunks::<T>(&voter, chunks)?;
		let next = frame_system::Pallet::<T>::block_number() + 1u32.into();
		frame_system::Pallet::<T>::set_block_number(next);
		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), T::MinBond::get());
		assert_eq!(Ledger::<T>::get(&voter).map(|l| l.unlocking.len() as u32), Some(chunks + 1));
		Ok(())
	}

	#[benchmark]
	fn withdraw_unbonded() -> Result<(), BenchmarkError> {
		let voter = voter::<T>();
		fill_chunks::<T>(&voter, T::MaxUnlockingChunks::get())?;
		let later = frame_system::Pallet::<T>::block_number() + T::UnbondingPeriod::get();
		frame_system::Pallet::<T>::set_block_number(later);
		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()));
		assert_eq!(Ledger::<T>::get(&voter).map(|l| l.unlocking.len()), Some(0));
		Ok(())
	}

	#[benchmark]
	fn register_candidate() -> Result<(), BenchmarkError> {
		// A full list: the newcomer reads every candidate and evicts the weakest.
		for n in 0..T::MaxCandidates::get() {
			candidate::<T>(n);
		}
		let who = funded::<T>("new", 0);
		Pallet::<T>::do_bond(&who, stake::<T>().saturating_mul(2u32.into()))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Candidates::<T>::contains_key(&who));
		assert_eq!(CandidateCount::<T>::get(), T::MaxCandidates::get());
		Ok(())
	}

	#[benchmark]
	fn unregister_candidate() {
		let who = candidate::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Candidates::<T>::contains_key(&who));
	}

	#[benchmark]
	fn vote(v: Linear<1, { T::MaxVotes::get() }>) {
		let voter = voter::<T>();
		// Replacing a full vote touches every old candidate and every new one.
		let votes = Votes::<T>::get(&voter).unwrap_or_default();
		let again: Vec<_> = votes.into_iter().take(v as usize).map(|(who, _)| who).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), again);
		assert_eq!(Votes::<T>::get(&voter).map(|votes| votes.len() as u32), Some(v));
	}

	#[benchmark]
	fn remove_vote() {
		let voter = voter::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()));
		assert!(!Votes::<T>::contains_key(&voter));
	}

	#[benchmark]
	fn set_desired_delegates() -> Result<(), BenchmarkError> {
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let desired = T::MaxDelegates::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, desired);
		assert_eq!(DesiredDelegates::<T>::get(), desired);
		Ok(())
	}

	#[benchmark]
	fn elect(c: Linear<1, { T::MaxCandidates::get() }>) {
		// `c` candidates in all: the chain's genesis candidates count among them.
		for n in CandidateCount::<T>::get()..c {
			candidate::<T>(n);
		}
		let standing = CandidateCount::<T>::get();
		DesiredDelegates::<T>::put(T::MaxDelegates::get());
		let elected;
		#[block]
		{
			elected = Pallet::<T>::elect();
		}
		let expected = standing.min(T::MaxDelegates::get()) as usize;
		assert!(standing < T::MinDelegates::get() || elected.map(|e| e.len()) == Ok(expected));
	}

	#[benchmark]
	fn note_finality_votes(v: Linear<1, { T::MaxDelegates::get() }>) -> Result<(), BenchmarkError> {
		// `v` delegates, each with a GRANDPA key and a signed precommit for the previous block.
		let target = frame_system::Pallet::<T>::block_number();
		let target_hash = T::Hashing::hash(b"the voted block");
		frame_system::BlockHash::<T>::insert(target, target_hash);
		frame_system::Pallet::<T>::set_block_number(target + 1u32.into());
		let precommit = finality_grandpa::Message::Precommit(finality_grandpa::Precommit {
			target_hash,
			target_number: target,
		});
		let round = 1;
		let payload =
			sp_consensus_grandpa::localized_payload(round, T::FinalitySetId::get(), &precommit);
		let mut delegates = Vec::new();
		let mut votes = Vec::new();
		for n in 0..v {
			let who = candidate::<T>(n);
			let authority = FinalityId::generate_pair(None);
			T::SessionKeys::set_finality_key_for_benchmark(&who, &authority);
			let signature = authority
				.sign(&payload)
				.ok_or(BenchmarkError::Stop("the benchmark needs a keystore"))?;
			votes.push(FinalityVote {
				round,
				target_hash,
				target_number: target,
				authority,
				signature,
			});
			delegates.push(who);
		}
		ActiveDelegates::<T>::put(BoundedVec::truncate_from(delegates));
		#[extrinsic_call]
		_(RawOrigin::None, BoundedVec::truncate_from(votes));
		assert_eq!(FinalityVoted::<T>::iter().count() as u32, v);
		Ok(())
	}

	#[benchmark]
	fn punish() -> Result<(), BenchmarkError> {
		// A delegate backed by a voter, with a candidacy bond and full unlocking chunks.
		let voter = voter::<T>();
		let offender = Votes::<T>::get(&voter)
			.and_then(|votes| votes.first().map(|(who, _)| who.clone()))
			.ok_or(BenchmarkError::Stop("the voter approves candidates"))?;
		fill_chunks::<T>(&offender, T::MaxUnlockingChunks::get().saturating_sub(1))?;
		ActiveDelegates::<T>::put(BoundedVec::truncate_from(alloc::vec![offender.clone()]));
		#[block]
		{
			Pallet::<T>::punish(&offender, Perbill::from_percent(50), 0);
		}
		assert!(!Candidates::<T>::contains_key(&offender));
		assert_eq!(SlashedFor::<T>::get(&offender), Some(0));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}

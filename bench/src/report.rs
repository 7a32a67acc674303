//! What a run measured: per kind and per block, as a table, JSON and a chart.

use std::{
	collections::{BTreeMap, HashMap},
	path::Path,
};

use anyhow::Result;
use comfy_table::{presets::UTF8_HORIZONTAL_ONLY, Table};
use plotters::prelude::*;
use serde::Serialize;

use crate::{load::SeenBlock, node::Proposal};

/// The kinds of extrinsic a run measures, in the order it runs them.
pub const KINDS: [&str; 4] = ["transfer", "submit", "approve", "view"];
/// The clinical kinds among [`KINDS`].
const CLINICAL: [usize; 3] = [1, 2, 3];

/// One extrinsic of a run and what became of it.
#[derive(Clone, Debug)]
pub struct Tx {
	/// Its kind, an index into [`KINDS`].
	pub kind: usize,
	/// Seconds since the run began when it was submitted.
	pub submitted_at: f64,
	/// Whether the node refused it at submission.
	pub refused: bool,
	/// The block that included it: an index into the run's blocks.
	pub block: Option<usize>,
	/// Whether its dispatch failed.
	pub failed: bool,
}

/// The figures of one kind.
#[derive(Debug, Serialize)]
pub struct KindReport {
	/// The kind's name.
	pub kind: &'static str,
	/// How many were submitted.
	pub count: usize,
	/// How many blocks included.
	pub included: usize,
	/// How many of those failed in dispatch.
	pub failed: usize,
	/// How many the node refused at submission.
	pub refused: usize,
	/// Included per second, from the first submission to the last inclusion.
	pub per_second: f64,
	/// The mean count per block among the blocks that included any.
	pub per_block: f64,
	/// The most one block included.
	pub per_block_max: usize,
	/// Seconds from the first submission to the last inclusion.
	pub span_seconds: f64,
	/// Milliseconds from submission to a best block: median and 95th percentile.
	pub in_block_ms: [f64; 2],
	/// Milliseconds from submission to a final block: median and 95th percentile.
	pub finalized_ms: [f64; 2],
	/// The mean share of the normal block weight the blocks with this kind used, in percent.
	pub weight_fill_percent: f64,
	/// The mean time the author took to build those blocks, in milliseconds, when known.
	pub proposal_ms: Option<f64>,
	/// Why the author stopped filling those blocks, with how many blocks each.
	pub ended_by: BTreeMap<String, usize>,
}

/// One block of the run.
#[derive(Debug, Serialize)]
pub struct BlockReport {
	/// Its number.
	pub number: u32,
	/// Seconds since the run began when it was the best block.
	pub at_seconds: f64,
	/// How many extrinsics of each kind of [`KINDS`] it included.
	pub counts: [usize; 4],
	/// All its extrinsics, inherents included.
	pub extrinsics: usize,
	/// The share of the normal block weight it used, in percent.
	pub weight_fill_percent: f64,
	/// Its extrinsics' bytes.
	pub length: usize,
	/// How its author built it, when the bench started the node.
	pub proposal: Option<Proposal>,
}

/// The whole run.
#[derive(Debug, Serialize)]
pub struct Report {
	/// The settings of the run.
	pub settings: Settings,
	/// The figures of each kind.
	pub kinds: Vec<KindReport>,
	/// Clinical extrinsics (submit, approve, view) per second over their three phases.
	pub clinical_per_second: f64,
	/// Transfers per second.
	pub transfers_per_second: f64,
	/// `clinical_per_second / transfers_per_second`.
	pub clinical_to_transfers: f64,
	/// Every block of the measured phases.
	pub blocks: Vec<BlockReport>,
}

/// How a run was set up.
#[derive(Clone, Debug, Serialize)]
pub struct Settings {
	/// The node measured: its binary, or the endpoint given.
	pub node: String,
	/// Extrinsics of each kind.
	pub count: usize,
	/// Doctors.
	pub doctors: usize,
	/// Patients.
	pub patients: usize,
	/// Submissions in flight at once.
	pub concurrency: usize,
	/// The slot (block time) in milliseconds.
	pub slot_ms: u64,
	/// The normal extrinsics' share of a block's weight, in picoseconds.
	pub max_normal_weight: u64,
}

/// The `p`-th percentile (0 to 100) of `values` by nearest rank; 0 for none.
fn percentile(values: &mut [f64], p: f64) -> f64 {
	if values.is_empty() {
		return 0.0;
	}
	values.sort_by(f64::total_cmp);
	let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
	values[rank.clamp(1, values.len()) - 1]
}

/// Computes the report of a run from its extrinsics and the blocks from the first that
/// included one of them.
pub fn build(
	settings: Settings,
	txs: &[Tx],
	blocks: &[SeenBlock],
	proposals: &HashMap<u32, Proposal>,
) -> Report {
	let fill = |block: &SeenBlock| {
		100.0 * block.normal_weight as f64 / settings.max_normal_weight.max(1) as f64
	};
	let mut counts = vec![[0usize; 4]; blocks.len()];
	for tx in txs {
		if let Some(block) = tx.block {
			counts[block][tx.kind] += 1;
		}
	}
	let kinds: Vec<KindReport> = KINDS
		.iter()
		.enumerate()
		.map(|(kind, name)| {
			let of_kind: Vec<&Tx> = txs.iter().filter(|tx| tx.kind == kind).collect();
			let included: Vec<(&Tx, &SeenBlock)> =
				of_kind.iter().filter_map(|tx| Some((*tx, &blocks[tx.block?]))).collect();
			let first = of_kind.iter().map(|tx| tx.submitted_at).fold(f64::INFINITY, f64::min);
			let last = included.iter().map(|(_, block)| block.seen_at).fold(0.0, f64::max);
			let span = if included.is_empty() { 0.0 } else { (last - first).max(0.0) };
			let with_kind: Vec<usize> =
				(0..blocks.len()).filter(|block| counts[*block][kind] > 0).collect();
			let mut in_block: Vec<f64> = included
				.iter()
				.map(|(tx, block)| 1000.0 * (block.seen_at - tx.submitted_at))
				.collect();
			let mut finalized: Vec<f64> = included
				.iter()
				.filter_map(|(tx, block)| Some(1000.0 * (block.finalized_at? - tx.submitted_at)))
				.collect();
			let known: Vec<&Proposal> = with_kind
				.iter()
				.filter_map(|block| proposals.get(&blocks[*block].number))
				.collect();
			let mut ended_by = BTreeMap::new();
			for proposal in &known {
				*ended_by.entry(proposal.end.clone()).or_insert(0) += 1;
			}
			let mean = |values: &mut dyn Iterator<Item = f64>, n: usize| {
				if n == 0 {
					0.0
				} else {
					values.sum::<f64>() / n as f64
				}
			};
			KindReport {
				kind: name,
				count: of_kind.len(),
				included: included.len(),
				failed: included.iter().filter(|(tx, _)| tx.failed).count(),
				refused: of_kind.iter().filter(|tx| tx.refused).count(),
				per_second: if span > 0.0 { included.len() as f64 / span } else { 0.0 },
				per_block: mean(
					&mut with_kind.iter().map(|block| counts[*block][kind] as f64),
					with_kind.len(),
				),
				per_block_max: with_kind
					.iter()
					.map(|block| counts[*block][kind])
					.max()
					.unwrap_or(0),
				span_seconds: span,
				in_block_ms: [percentile(&mut in_block, 50.0), percentile(&mut in_block, 95.0)],
				finalized_ms: [percentile(&mut finalized, 50.0), percentile(&mut finalized, 95.0)],
				weight_fill_percent: mean(
					&mut with_kind.iter().map(|block| fill(&blocks[*block])),
					with_kind.len(),
				),
				proposal_ms: (!known.is_empty()).then(|| {
					mean(&mut known.iter().map(|proposal| proposal.millis as f64), known.len())
				}),
				ended_by,
			}
		})
		.collect();
	let clinical_included: usize = CLINICAL.iter().map(|kind| kinds[*kind].included).sum();
	let clinical_span: f64 = CLINICAL.iter().map(|kind| kinds[*kind].span_seconds).sum();
	let clinical_per_second =
		if clinical_span > 0.0 { clinical_included as f64 / clinical_span } else { 0.0 };
	let transfers_per_second = kinds[0].per_second;
	let blocks = blocks
		.iter()
		.zip(counts)
		.map(|(block, counts)| BlockReport {
			number: block.number,
			at_seconds: block.seen_at,
			counts,
			extrinsics: block.extrinsics.len(),
			weight_fill_percent: fill(block),
			length: block.length,
			proposal: proposals.get(&block.number).cloned(),
		})
		.collect();
	Report {
		settings,
		kinds,
		clinical_per_second,
		transfers_per_second,
		clinical_to_transfers: if transfers_per_second > 0.0 {
			clinical_per_second / transfers_per_second
		} else {
			0.0
		},
		blocks,
	}
}

/// The report as a table, with the ratio under it.
pub fn table(report: &Report) -> String {
	let mut table = Table::new();
	table.load_preset(UTF8_HORIZONTAL_ONLY).set_header([
		"kind",
		"included",
		"per s",
		"per block (max)",
		"first submit → last in block",
		"in block p50 / p95",
		"finalized p50 / p95",
		"block weight used",
		"author built in",
		"blocks ended by",
	]);
	for kind in &report.kinds {
		let mut included = format!("{} of {}", kind.included, kind.count);
		if kind.failed + kind.refused > 0 {
			included += &format!(" ({} failed, {} refused)", kind.failed, kind.refused);
		}
		table.add_row([
			kind.kind.to_owned(),
			included,
			format!("{:.0}", kind.per_second),
			format!("{:.0} ({})", kind.per_block, kind.per_block_max),
			format!("{:.1} s", kind.span_seconds),
			format!("{:.0} / {:.0} ms", kind.in_block_ms[0], kind.in_block_ms[1]),
			format!("{:.0} / {:.0} ms", kind.finalized_ms[0], kind.finalized_ms[1]),
			format!("{:.0} %", kind.weight_fill_percent),
			kind.proposal_ms.map_or("-".into(), |ms| format!("{ms:.0} ms")),
			kind.ended_by
				.iter()
				.map(|(end, n)| format!("{end} {n}"))
				.collect::<Vec<_>>()
				.join(", "),
		]);
	}
	format!(
		"{table}\nclinical (submit, approve, view): {:.0}/s; transfers: {:.0}/s; clinical / \
		 transfers = {:.2}\n",
		report.clinical_per_second, report.transfers_per_second, report.clinical_to_transfers
	)
}

/// Draws the extrinsics of each kind per block over the run's time as an SVG chart.
pub fn chart(report: &Report, path: &Path) -> Result<()> {
	let end = report.blocks.last().map_or(1.0, |block| block.at_seconds).max(1.0);
	let top = report.blocks.iter().flat_map(|block| block.counts).max().unwrap_or(1).max(1);
	let root = SVGBackend::new(path, (1000, 500)).into_drawing_area();
	root.fill(&WHITE)?;
	let mut chart = ChartBuilder::on(&root)
		.caption(
			format!(
				"MedChain: extrinsics per block ({} of each kind; clinical / transfers = {:.2})",
				report.settings.count, report.clinical_to_transfers
			),
			("sans-serif", 20),
		)
		.margin(12)
		.x_label_area_size(40)
		.y_label_area_size(60)
		.build_cartesian_2d(0.0..end * 1.02, 0usize..top + top / 10 + 1)?;
	chart
		.configure_mesh()
		.x_desc("seconds since the first submission")
		.y_desc("extrinsics in the block")
		.draw()?;
	let colours = [BLUE, RED, GREEN, MAGENTA];
	for (kind, name) in KINDS.iter().enumerate() {
		let colour = colours[kind];
		let points: Vec<(f64, usize)> =
			report.blocks.iter().map(|block| (block.at_seconds, block.counts[kind])).collect();
		chart
			.draw_series(LineSeries::new(points.clone(), colour.stroke_width(2)))?
			.label(*name)
			.legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], colour.stroke_width(2)));
		chart.draw_series(PointSeries::of_element(points, 3, colour, &|point, size, style| {
			EmptyElement::at(point) + Circle::new((0, 0), size, style.filled())
		}))?;
	}
	chart.configure_series_labels().border_style(BLACK).background_style(WHITE).draw()?;
	root.present()?;
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;
	use medchain_client::Hash;

	fn block(number: u32, seen_at: f64, finalized_at: f64, normal_weight: u64) -> SeenBlock {
		SeenBlock {
			number,
			seen_at,
			finalized_at: Some(finalized_at),
			extrinsics: vec![Hash::zero(); 3],
			failed: Vec::new(),
			normal_weight,
			length: 300,
		}
	}

	fn tx(kind: usize, submitted_at: f64, block: Option<usize>) -> Tx {
		Tx { kind, submitted_at, refused: block.is_none(), block, failed: false }
	}

	fn settings() -> Settings {
		Settings {
			node: "test".into(),
			count: 4,
			doctors: 1,
			patients: 1,
			concurrency: 1,
			slot_ms: 1000,
			max_normal_weight: 1000,
		}
	}

	#[test]
	fn percentiles_are_taken_by_nearest_rank() {
		let mut values: Vec<f64> = (1..=20).rev().map(f64::from).collect();
		assert_eq!(percentile(&mut values, 50.0), 10.0);
		assert_eq!(percentile(&mut values, 95.0), 19.0);
		assert_eq!(percentile(&mut [7.0], 95.0), 7.0);
		assert_eq!(percentile(&mut [], 50.0), 0.0);
	}

	#[test]
	fn each_kind_is_counted_per_second_per_block_and_in_latency() {
		let blocks = [block(5, 1.0, 3.0, 500), block(6, 2.0, 3.0, 1000), block(7, 4.0, 5.0, 250)];
		// Transfers: 3 from 0.0 s, in blocks 5 and 6; one refused. Submits: 2 from 3.0 s, in 7.
		let txs = [
			tx(0, 0.0, Some(0)),
			tx(0, 0.0, Some(0)),
			tx(0, 0.5, Some(1)),
			tx(0, 0.5, None),
			tx(1, 3.0, Some(2)),
			tx(1, 3.5, Some(2)),
		];
		let proposals = HashMap::from([
			(5, Proposal { millis: 300, end: "HitBlockWeightLimit".into() }),
			(6, Proposal { millis: 500, end: "HitBlockWeightLimit".into() }),
			(7, Proposal { millis: 100, end: "NoMoreTransactions".into() }),
		]);
		let report = build(settings(), &txs, &blocks, &proposals);
		let transfers = &report.kinds[0];
		assert_eq!((transfers.count, transfers.included, transfers.refused), (4, 3, 1));
		assert_eq!(transfers.span_seconds, 2.0);
		assert_eq!(transfers.per_second, 1.5);
		assert_eq!((transfers.per_block, transfers.per_block_max), (1.5, 2));
		assert_eq!(transfers.in_block_ms, [1000.0, 1500.0]);
		assert_eq!(transfers.finalized_ms, [3000.0, 3000.0]);
		assert_eq!(transfers.weight_fill_percent, 75.0);
		assert_eq!(transfers.proposal_ms, Some(400.0));
		assert_eq!(transfers.ended_by, BTreeMap::from([("HitBlockWeightLimit".into(), 2)]));
		let submits = &report.kinds[1];
		assert_eq!((submits.included, submits.span_seconds, submits.per_second), (2, 1.0, 2.0));
		assert_eq!(report.kinds[2].included, 0);
		// Clinical: 2 in 1 s against 1.5 transfers a second.
		assert_eq!(report.clinical_per_second, 2.0);
		assert!((report.clinical_to_transfers - 2.0 / 1.5).abs() < 1e-9);
		assert_eq!(report.blocks[0].counts, [2, 0, 0, 0]);
		assert_eq!(report.blocks[2].counts, [0, 2, 0, 0]);
		let table = table(&report);
		assert!(table.contains("3 of 4 (0 failed, 1 refused)"), "{table}");
		assert!(table.contains("clinical / transfers = 1.33"), "{table}");
	}

	#[test]
	fn the_chart_has_a_line_for_each_kind() {
		let blocks = [block(1, 1.0, 2.0, 10), block(2, 2.0, 3.0, 10)];
		let txs = [tx(0, 0.0, Some(0)), tx(3, 1.5, Some(1))];
		let report = build(settings(), &txs, &blocks, &HashMap::new());
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("chart.svg");
		chart(&report, &path).unwrap();
		let svg = std::fs::read_to_string(&path).unwrap();
		for kind in KINDS {
			assert!(svg.lines().any(|line| line.trim() == kind), "no legend for {kind}");
		}
		assert!(svg.contains("<polyline"), "no line drawn");
	}
}

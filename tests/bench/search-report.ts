/**
 * How the search benchmark scores and prints its runs: relevant@1 and @3 per query group, median
 * and 95th-percentile bytes, median requests and time, each beside the target.
 */
import type { BenchQuery, Group } from './search-queries.ts';

/** One measured first search. */
export interface Measured {
	q: BenchQuery;
	/** Time from opening the search to rendered results (NaN when it timed out). */
	ms: number;
	bytes: number;
	requests: number;
	/** Entry ids (or page paths) of the results in rank order. */
	ranked: string[];
	/** Entry ids of the exact-code choice. */
	exact: string[];
	/** True when the search went straight to an entry page. */
	jumped?: boolean;
	timedOut: boolean;
	error?: string;
}

/** Whether a relevant entry is at rank 1 (a code's exact choice or a jump counts as rank 1), and within the first 3. */
export function hits(m: Measured): { at1: boolean; at3: boolean; allOffered: boolean } {
	const rel = new Set(m.q.relevant);
	const code = m.q.group === 'code';
	const at1 = rel.has(m.ranked[0] ?? '') || (code && m.exact.some((id) => rel.has(id)));
	const at3 = at1 || m.ranked.slice(0, 3).some((id) => rel.has(id));
	const offered = new Set([...m.exact, ...(m.jumped ? m.ranked : [])]);
	return { at1, at3, allOffered: m.q.relevant.every((id) => offered.has(id)) };
}

/** Prints one catalogue's table: a row per query group with each figure and its target. */
export function printTable(title: string, runs: readonly Measured[]): void {
	console.log(`\n${title}`);
	console.log(
		'group          | cases | relevant@1        | relevant@3        | median KB     | p95 KB         | median req | median ms',
	);
	console.log('-'.repeat(118));
	const groups = [...new Set(runs.map((r) => r.q.group))];
	for (const g of groups) {
		const rs = runs.filter((r) => r.q.group === g);
		const h = rs.map(hits);
		const share = (f: (x: (typeof h)[number]) => boolean) => pct(h.filter(f).length / rs.length);
		const t = TARGETS[g];
		const kb = rs.map((r) => r.bytes / 1024);
		console.log(
			[
				g.padEnd(14),
				String(rs.length).padStart(5),
				`${share((x) => x.at1)} ${t.at1}`.padEnd(17),
				`${share((x) => x.at3)} ${t.at3}`.padEnd(17),
				`${fix(quantile(kb, 0.5))} ${t.median}`.padEnd(13),
				`${fix(quantile(kb, 0.95))} ${t.p95}`.padEnd(14),
				`${fix(
					quantile(
						rs.map((r) => r.requests),
						0.5,
					),
					0,
				)} ${t.requests}`.padEnd(10),
				fix(
					quantile(
						rs.map((r) => r.ms),
						0.5,
					),
					0,
				),
			].join(' | '),
		);
		const timeouts = rs.filter((r) => r.timedOut).length;
		if (g === 'code')
			console.log(
				`${' '.repeat(14)}   every family with the code offered: ${share((x) => x.allOffered)}`,
			);
		if (timeouts)
			console.log(
				`${' '.repeat(14)}   ${timeouts} timed out (${rs.find((r) => r.timedOut)?.error})`,
			);
	}
	const misses = runs.filter((r) => !hits(r).at3).slice(0, 8);
	if (misses.length) console.log('  examples of misses (query → first result; relevant count):');
	for (const m of misses)
		console.log(
			`    ${m.q.group}: ${JSON.stringify(m.q.query)} → ${m.ranked[0] ?? '(none)'}; ${m.q.relevant.length} relevant`,
		);
}

/** Prints the slow-network first visits: each query's time, and the medians against 2 s and 3 s. */
export function printSlowNetwork(runs: readonly Measured[]): void {
	console.log('\nFirst visit on a slow network (300 ms RTT, 1.6 Mbit/s), from a fault page:');
	for (const r of runs)
		console.log(
			`  ${r.q.group.padEnd(10)} ${JSON.stringify(r.q.query).padEnd(16)} ${fix(r.ms, 0)} ms, ${fix(r.bytes / 1024)} KB, ${r.requests} requests${hits(r).at1 ? '' : ' (entry not at rank 1)'}`,
		);
	const med = (g: Group) =>
		quantile(
			runs.filter((r) => r.q.group === g).map((r) => r.ms),
			0.5,
		);
	console.log(`  median code lookup ${fix(med('code'), 0)} ms (target ≤ 2000 ms)`);
	console.log(`  median Chinese phrase ${fix(med('zh-phrase'), 0)} ms (target ≤ 3000 ms)`);
}

// --- internal ---

type Targets = Record<'at1' | 'at3' | 'median' | 'p95' | 'requests', string>;
const ZH_BYTES = { median: '(≤ 150)', p95: '(≤ 300)', requests: '' };
const TARGETS: Record<Group, Targets> = {
	code: { at1: '(100 %)', at3: '(100 %)', median: '(≤ 60)', p95: '(≤ 60)', requests: '(≤ 2)' },
	'zh-title': { at1: '(≥ 95 %)', at3: '', ...ZH_BYTES },
	'zh-phrase': { at1: '(≥ 95 %)', at3: '', ...ZH_BYTES },
	'en-words': { at1: '(≥ 95 %)', at3: '', median: '', p95: '', requests: '' },
	'zh-explanation': { at1: '', at3: '(≥ 85 %)', ...ZH_BYTES },
};

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const fix = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

function quantile(values: readonly number[], q: number): number {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

import { BUSINESS_TIME_ZONE, today } from '../../../src/lib/time.ts';
import {
	ANALYSES,
	TrendReportSchema,
	type FaultTrend,
	type FlagReason,
	type TrendReport,
} from '../../../src/schemas/trends-report.ts';
import { writeFileAtomic } from './atomic.ts';
import { aggregate, type FaultAgg } from './analysis/aggregate.ts';
import { computeKpis } from './analysis/kpis.ts';
import { paretoSet } from './analysis/pareto.ts';
import {
	fieldCounts,
	kpiInputs,
	lastTicketDay,
	repeatRepairs,
	ticketsBySource,
	weeklyCube,
} from './analysis/queries.ts';
import { repeatFlag } from './analysis/repeat.ts';
import { riseTest } from './analysis/rising.ts';
import { entriesFor, type Catalogue } from './catalogue.ts';
import { KbError } from '../../../src/core/errors.ts';
import { knowledgeOf } from './knowledge.ts';
import { periodFor, type Period } from './period.ts';
import { SILENT, type Progress } from './progress.ts';
import type { TicketStore } from './store.ts';

/** Where the report the site builds from is written (aggregates only). */
export const DEFAULT_REPORT = 'src/data/trends/report.json';

/** The report's knobs; the defaults are the ones docs/tickets.md states. */
export interface ReportOptions {
	/** Business time zone (default Asia/Shanghai). */
	timezone: string;
	/** Weeks in the period (default 12). */
	weeks: number;
	/** The newest weeks the rise test compares with the rest (default 2). */
	recentWeeks: number;
	/** Significance level of the rise and repeat tests (default 0.01). */
	alpha: number;
	/** Minimum recent-weeks tickets for "rising" (default 5). */
	minCount: number;
	/** Share of coded tickets the high-frequency set covers (default 0.8). */
	paretoShare: number;
	/** Days within which a second ticket on one serial is a repeat repair (default 7). */
	repeatDays: number;
	/** Minimum repeats for a code to be flagged `repeat-repair` (default 3). */
	minRepeats: number;
	/** Last day of data to use (default: the day of the newest ticket). */
	until?: string;
	/** Day SOP review dates are judged on (default today in the time zone; KB_TODAY overrides). */
	asOf?: string;
}

/** The defaults of {@link ReportOptions}. */
export const REPORT_DEFAULTS: ReportOptions = {
	timezone: BUSINESS_TIME_ZONE,
	weeks: 12,
	recentWeeks: 2,
	alpha: 0.01,
	minCount: 5,
	paretoShare: 0.8,
	repeatDays: 7,
	minRepeats: 3,
};

/** Computes the report from the store and the catalogue. Throws when the store has no tickets. */
export async function buildReport(
	store: TicketStore,
	catalogue: Catalogue,
	options: ReportOptions,
	progress: Progress = SILENT,
): Promise<TrendReport> {
	const tz = options.timezone;
	const last = options.until ?? (await lastTicketDay(store, tz));
	if (!last)
		throw new KbError(
			'store-empty',
			`the ticket store ${store.path} holds no tickets.`,
			'pull an export first: npm run kb -- tickets pull <file>.',
		);
	if (options.recentWeeks >= options.weeks)
		throw new KbError(
			'weeks-too-few',
			`--weeks ${options.weeks} leaves no baseline for --recent ${options.recentWeeks}.`,
			'use more weeks than recent weeks, e.g. --weeks 12 --recent 2.',
		);
	const period = periodFor(last, options.weeks, options.recentWeeks);
	progress.phase('aggregating');
	const [cube, counts, sources, kpiIn] = [
		await weeklyCube(store, tz, period),
		await fieldCounts(store, tz, period),
		await ticketsBySource(store, tz, period),
		await kpiInputs(store, tz, period),
	];
	const repeatRows =
		counts.serial! > 0 ? await repeatRepairs(store, tz, period, options.repeatDays) : [];
	progress.done(`${counts.tickets} tickets in ${period.from} – ${period.to}`);
	const agg = aggregate(cube, repeatRows, period, catalogue);
	const pareto = paretoSet(
		agg.faults.map((f) => ({ identity: f.identity, count: f.count })),
		options.paretoShare,
	);
	const asOf = options.asOf ?? today(tz);
	const repeatTotal = repeatRows.reduce(
		(t, r) => ({ n: t.n + r.n, repeats: t.repeats + r.repeats }),
		{ n: 0, repeats: 0 },
	);
	const off = offAnalyses(counts);
	const report: TrendReport = {
		schema: 1,
		timezone: tz,
		asOf,
		period,
		method: {
			paretoShare: options.paretoShare,
			recentWeeks: options.recentWeeks,
			alpha: options.alpha,
			minCount: options.minCount,
			repeatDays: options.repeatDays,
			minRepeats: options.minRepeats,
		},
		totals: {
			tickets: agg.tickets,
			coded: agg.coded,
			unknownCode: agg.faults
				.filter((f) => isUnknown(f, catalogue))
				.reduce((n, f) => n + f.count, 0),
			repeatRepairs: counts.serial! > 0 ? repeatTotal.repeats : null,
			sources,
		},
		off,
		kpis: computeKpis(kpiIn, repeatTotal),
		faults: agg.faults.map((f) =>
			faultTrend(f, {
				agg: agg.coded,
				weeklyTotals: period.weeks.map((_, i) => agg.faults.reduce((n, x) => n + x.weekly[i]!, 0)),
				pareto,
				period,
				asOf,
				catalogue,
				options,
				repeatOn: counts.serial! > 0,
			}),
		),
		models: agg.models.map((m) => ({
			model: m.model,
			product: m.product,
			family: m.family,
			count: m.count,
			top: topCodes(m.codes, agg.faults),
		})),
		regions: agg.regions,
		cube: agg.cube,
	};
	return TrendReportSchema.parse(report);
}

/** The flagged faults, as `--json` prints them: code, family, count, reasons, knowledge and the evidence. */
export function flaggedFaults(report: TrendReport): FaultTrend[] {
	return report.faults.filter((f) => f.reasons.length > 0);
}

/**
 * Writes the report as JSON, atomically. Lists of numbers stay on one line so the file is
 * short and diffs stay readable.
 */
export function writeReport(file: string, report: TrendReport): void {
	const json = JSON.stringify(report, null, '\t').replace(
		/\[\s+([^[\]{}]*?)\s+\]/g,
		(_, inner: string) => `[${inner.replace(/\s*\n\s*/g, ' ')}]`,
	);
	writeFileAtomic(file, `${json}\n`);
}

// --- internal ---

interface TrendContext {
	agg: number;
	/** Coded tickets per week: the rise test's exposure. */
	weeklyTotals: number[];
	pareto: Map<string, number>;
	period: Period;
	asOf: string;
	catalogue: Catalogue;
	options: ReportOptions;
	repeatOn: boolean;
}

function faultTrend(f: FaultAgg, ctx: TrendContext): FaultTrend {
	const rise = riseTest(
		f.weekly,
		ctx.weeklyTotals,
		ctx.options.recentWeeks,
		ctx.options.alpha,
		ctx.options.minCount,
	);
	const reasons: FlagReason[] = [];
	if (ctx.pareto.has(f.identity)) reasons.push('high-frequency');
	if (rise.rising) reasons.push('rising');
	if (ctx.repeatOn && repeatFlag(f.repeat, ctx.options.alpha, ctx.options.minRepeats))
		reasons.push('repeat-repair');
	if (isUnknown(f, ctx.catalogue)) reasons.push('unknown-code');
	const k = knowledgeOf(f.entries, ctx.catalogue, {
		rising: rise.rising,
		riseStart: ctx.period.recentFrom,
		asOf: ctx.asOf,
	});
	const models = [...f.models.entries()]
		.map(([model, m]) => ({ model, product: m.product, count: m.count }))
		.sort((a, b) => b.count - a.count || a.model.localeCompare(b.model));
	return {
		code: f.code,
		family: f.family,
		entry: k.entry?.id,
		title: k.entry?.title,
		count: f.count,
		share: ctx.agg === 0 ? 0 : Math.round((f.count / ctx.agg) * 10_000) / 10_000,
		weekly: f.weekly,
		paretoRank: ctx.pareto.get(f.identity),
		rise: {
			recent: rise.recent,
			baseline: rise.baseline,
			ratio: rise.ratio === null ? null : Math.round(rise.ratio * 100) / 100,
			p: Number(rise.p.toPrecision(3)),
		},
		repeat: ctx.repeatOn
			? {
					...f.repeat,
					rate:
						f.repeat.n === 0 ? null : Math.round((f.repeat.repeats / f.repeat.n) * 10_000) / 10_000,
				}
			: undefined,
		models: models.slice(0, 5),
		reasons,
		knowledge: k.knowledge,
		staleBecause: k.staleBecause,
		sop: k.entry?.sop,
	};
}

// Unknown: no family's catalogue has the code (a code missing from its own family only is `missing`).
function isUnknown(f: FaultAgg, catalogue: Catalogue): boolean {
	return f.entries.length === 0 && entriesFor(undefined, f.code, catalogue).length === 0;
}

function topCodes(codes: Map<string, number>, faults: FaultAgg[]) {
	const byId = new Map(faults.map((f) => [f.identity, f]));
	return [...codes.entries()]
		.map(([identity, count]) => ({ f: byId.get(identity)!, count }))
		.sort((a, b) => b.count - a.count || a.f.identity.localeCompare(b.f.identity))
		.slice(0, 5)
		.map(({ f, count }) => ({
			code: f.code,
			family: f.family,
			entry: f.entries.length === 1 ? f.entries[0]!.id : undefined,
			count,
		}));
}

function offAnalyses(counts: Record<string, number>): TrendReport['off'] {
	const needs: Record<(typeof ANALYSES)[number], { all?: string[]; any?: string[] }> = {
		weekly: { all: ['faultCode'] },
		byModel: { all: ['model'] },
		byRegion: { all: ['region'] },
		repeatRepair: { all: ['serial'] },
		firstTimeFix: { any: ['firstTimeFix', 'visits'] },
		firstResponse: { all: ['channel', 'firstResponse'] },
		p1Resolution: { all: ['priority', 'resolved'] },
		satisfaction: { all: ['satisfaction'] },
	};
	const has = (f: string) => (counts[f] ?? 0) > 0;
	return ANALYSES.flatMap((analysis) => {
		const need = needs[analysis];
		const missing = need.any
			? need.any.some(has)
				? []
				: need.any
			: need.all!.filter((f) => !has(f));
		return missing.length ? [{ analysis, fields: missing }] : [];
	});
}

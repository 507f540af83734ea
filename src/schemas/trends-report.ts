import { z } from 'zod';

/**
 * The ticket-trend report (`src/data/trends/report.json`): aggregated counts only, never a
 * ticket, a name, a phone number, an address or a serial number. `kb tickets report` writes it;
 * the site reads it at build time and validates it with this schema.
 *
 * Plain zod with no Astro imports, so the CLI writes what the site reads.
 * TODO(lead): this contract belongs in src/schemas/; it sits here because issue 4's file scope excludes that folder.
 */

const date = z.iso.date();
const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** Why a fault is flagged. */
export const FLAG_REASONS = ['high-frequency', 'rising', 'repeat-repair', 'unknown-code'] as const;
/** A reason a fault is flagged. */
export type FlagReason = (typeof FLAG_REASONS)[number];
/** What the knowledge base holds for a fault: no entry, an entry without an SOP, an out-of-date one, or a current one. */
export const KNOWLEDGE_STATES = ['missing', 'no-sop', 'stale', 'covered'] as const;
/** The knowledge state of a fault. */
export type KnowledgeState = (typeof KNOWLEDGE_STATES)[number];
/** The report's analyses; the ones whose fields are empty in every ticket are listed in `off`. */
export const ANALYSES = ['weekly', 'byModel', 'byRegion', 'repeatRepair', 'firstTimeFix', 'firstResponse', 'p1Resolution', 'satisfaction'] as const;

/** One fault code seen in the tickets of the period, with its evidence. */
export const FaultTrendSchema = z.object({
	/** The code as the catalogue writes it (or as the tickets did, for an unknown code). */
	code: z.string(),
	/** The family, from the ticket's model or the one family that has the code; absent when unknown. */
	family: z.string().optional(),
	/** The catalogue entry id (`ac/e1`), when there is one. */
	entry: z.string().optional(),
	title: localized.optional(),
	/** Tickets in the period. */
	count: z.number().int().nonnegative(),
	/** Share of the period's tickets that have a fault code, 0–1. */
	share: z.number(),
	/** Tickets per week, oldest first, aligned with `period.weeks`. */
	weekly: z.array(z.number().int().nonnegative()),
	/** Rank in the Pareto set (1 = most tickets), absent when outside it. */
	paretoRank: z.number().int().positive().optional(),
	/** The rise test: recent-weeks count, baseline count, rate ratio and one-sided p-value. */
	rise: z.object({ recent: z.number(), baseline: z.number(), ratio: z.number().nullable(), p: z.number() }),
	/** Repeat repairs: tickets with a serial number, how many came back within 7 days, and the rate. */
	repeat: z.object({ n: z.number(), repeats: z.number(), rate: z.number().nullable() }).optional(),
	/** Top models (product id, or the ticket's text when unmatched) with counts. */
	models: z.array(z.object({ model: z.string(), product: z.string().optional(), count: z.number() })),
	reasons: z.array(z.enum(FLAG_REASONS)),
	knowledge: z.enum(KNOWLEDGE_STATES),
	/** Why a `stale` entry is stale: `sop-review-due` or `reviewed-before-rise`. */
	staleBecause: z.enum(['sop-review-due', 'reviewed-before-rise']).optional(),
	/** The SOP the entry links, when it does. */
	sop: z.string().optional(),
});
/** One fault's trend. */
export type FaultTrend = z.output<typeof FaultTrendSchema>;

/** A service KPI against the source's target. */
export const KpiSchema = z.object({
	id: z.enum(['firstTimeFix', 'repeatRate', 'firstResponsePhone', 'firstResponseEmail', 'p1Resolution', 'satisfaction']),
	/** The measured value in `unit`, or null when the fields are missing. */
	value: z.number().nullable(),
	target: z.number(),
	unit: z.enum(['percent', 'minutes', 'hours', 'score']),
	/** `atLeast`: the value must reach the target; `atMost`: stay under it. */
	direction: z.enum(['atLeast', 'atMost']),
	met: z.boolean().nullable(),
	/** Tickets the value is computed from. */
	n: z.number().int().nonnegative(),
	/** A second view where useful: the share within the target time (first response, P1). */
	withinTarget: z.number().nullable().optional(),
});
/** A KPI. */
export type Kpi = z.output<typeof KpiSchema>;

/** The whole report. */
export const TrendReportSchema = z.object({
	schema: z.literal(1),
	/** Business time zone the weeks are cut in. */
	timezone: z.string(),
	/** Date the knowledge join was judged on (SOP review dates). */
	asOf: date,
	period: z.object({
		/** First day (a Monday) and last day (a Sunday) of the period, inclusive. */
		from: date,
		to: date,
		/** The Monday of each week, oldest first. */
		weeks: z.array(date),
		/** First day of the recent weeks the rise test looks at. */
		recentFrom: date,
	}),
	method: z.object({ paretoShare: z.number(), recentWeeks: z.number(), alpha: z.number(), minCount: z.number(), repeatDays: z.number(), minRepeats: z.number() }),
	totals: z.object({ tickets: z.number(), coded: z.number(), unknownCode: z.number(), repeatRepairs: z.number().nullable(), sources: z.array(z.object({ source: z.string(), tickets: z.number() })) }),
	/** Analyses switched off, with the fields they need that no ticket has. */
	off: z.array(z.object({ analysis: z.enum(ANALYSES), fields: z.array(z.string()) })),
	kpis: z.array(KpiSchema),
	faults: z.array(FaultTrendSchema),
	models: z.array(z.object({ model: z.string(), product: z.string().optional(), family: z.string().optional(), count: z.number(), top: z.array(z.object({ code: z.string(), family: z.string().optional(), entry: z.string().optional(), count: z.number() })) })),
	regions: z.array(z.object({ region: z.string(), count: z.number() })),
	/** Weekly counts per code × model × region: `[code, family, model, region, week index, count]`. */
	cube: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.number().int(), z.number().int()])),
});
/** The ticket-trend report. */
export type TrendReport = z.output<typeof TrendReportSchema>;

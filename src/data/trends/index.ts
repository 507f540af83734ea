import { existsSync, readFileSync } from 'node:fs';
import { codeKey } from '../../lib/fault-code.ts';
import { translator, type SiteLocale } from '../../lib/i18n.ts';
import { paths } from '../../lib/routes.ts';
import { knowledgeBase } from '../content.ts';
import { sparklineSvg, weeklyBarsSvg } from './charts.ts';
import {
	TrendReportSchema,
	type FaultTrend,
	type Kpi,
	type TrendReport,
} from '../../schemas/trends-report.ts';

/**
 * The ticket-trend report as the pages see it. The report is read once per build from
 * KB_TRENDS_REPORT (default `src/data/trends/report.json`); `none`, or no file, means no report,
 * and every trends component then renders its empty state, so the site builds without one.
 */

/** One fault row of a trends table, ready to render. */
export interface FaultRow extends FaultTrend {
	/** Site path of the catalogue entry, when the entry exists in this build's content. */
	href?: string;
	familyName?: string;
	sparkline: string;
	rising: boolean;
}

/** Everything `/trends/` shows, per locale. */
export interface TrendsPage {
	report: TrendReport;
	kpis: Kpi[];
	top: FaultRow[];
	rising: FaultRow[];
	gaps: FaultRow[];
	chart: string;
	weeklyTotals: number[];
}

/** The validated report, or undefined when there is none. A report that fails the schema stops the build with the problems. */
export function trendReport(): TrendReport | undefined {
	if (cached === undefined) cached = load();
	return cached ?? undefined;
}

/** The `/trends/` view for a locale; undefined without a report. */
export async function trendsPage(locale: SiteLocale): Promise<TrendsPage | undefined> {
	const report = trendReport();
	if (!report) return undefined;
	const t = translator(locale);
	const rows = await faultRows(report, locale);
	const weeklyTotals = report.period.weeks.map((_, i) =>
		report.faults.reduce((n, f) => n + f.weekly[i]!, 0),
	);
	return {
		report,
		kpis: report.kpis,
		top: rows
			.filter((r) => r.paretoRank !== undefined)
			.sort((a, b) => a.paretoRank! - b.paretoRank!)
			.slice(0, 15),
		rising: rows.filter((r) => r.rising),
		gaps: rows.filter((r) => r.reasons.length > 0 && r.knowledge !== 'covered'),
		chart: weeklyBarsSvg(
			report.period.weeks,
			weeklyTotals,
			report.period.recentFrom,
			t('trends.chart.alt', { values: weeklyTotals.join(', ') }),
			t('trends.chart.axis'),
		),
		weeklyTotals,
	};
}

/** A fault entry's trend (matched by family and code key), with its sparkline; undefined when the report has no tickets for it. */
export async function faultTrendFor(
	family: string,
	code: string,
	locale: SiteLocale,
): Promise<FaultRow | undefined> {
	const report = trendReport();
	if (!report) return undefined;
	byFaultKey ??= new Map(
		report.faults.filter((f) => f.family).map((f) => [`${f.family}/${codeKey(f.code)}`, f]),
	);
	const hit = byFaultKey.get(`${family}/${codeKey(code)}`);
	return hit ? (await faultRows({ ...report, faults: [hit] }, locale))[0] : undefined;
}

/** A product's most reported faults in the report's period, with links to the entries that exist. */
export async function productTopFaults(
	model: string,
): Promise<{ code: string; href?: string; count: number }[] | undefined> {
	const report = trendReport();
	const row = report?.models.find((m) => m.product === model);
	if (!row) return undefined;
	const entries = await entryPaths();
	return row.top.map((f) => ({
		code: f.code,
		count: f.count,
		href: f.family ? entries.get(`${f.family}/${codeKey(f.code)}`) : undefined,
	}));
}

// --- internal ---

let cached: TrendReport | null | undefined;
let byFaultKey: Map<string, FaultTrend> | undefined;
let faultPaths: Map<string, string> | undefined;

// `family/KEY` → site path of every fault entry in this build, computed once (catalogues run to 10,000 entries).
async function entryPaths(): Promise<Map<string, string>> {
	faultPaths ??= new Map(
		(await knowledgeBase()).faults.map((e) => [
			`${e.data.family.id}/${codeKey(e.data.code)}`,
			paths.fault(e.data.family.id, e.data.code),
		]),
	);
	return faultPaths;
}

function load(): TrendReport | null {
	const path = process.env.KB_TRENDS_REPORT || 'src/data/trends/report.json';
	if (path === 'none' || !existsSync(path)) return null;
	const result = TrendReportSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
	if (!result.success) {
		const problems = result.error.issues
			.slice(0, 5)
			.map((i) => `${i.path.join('.')}: ${i.message}`)
			.join('; ');
		throw new Error(
			`${path} is not a valid ticket report (${problems}); regenerate it with \`npm run kb -- tickets report\`.`,
		);
	}
	return result.data;
}

async function faultRows(report: TrendReport, locale: SiteLocale): Promise<FaultRow[]> {
	const kb = await knowledgeBase();
	const entries = await entryPaths();
	const t = translator(locale);
	return report.faults.map((f) => {
		const family = kb.families.find((x) => x.id === f.family);
		const rising = f.reasons.includes('rising');
		return {
			...f,
			href: f.family ? entries.get(`${f.family}/${codeKey(f.code)}`) : undefined,
			familyName: family?.data.name[locale],
			rising,
			sparkline: sparklineSvg(
				f.weekly,
				t('trends.sparkline', { code: f.code, values: f.weekly.join(', ') }),
				{ highlight: report.method.recentWeeks, alert: rising },
			),
		};
	});
}

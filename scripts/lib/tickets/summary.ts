import type { Kpi, TrendReport } from '../../../src/schemas/trends-report.ts';
import { TICKET_FIELDS } from './fields.ts';
import type { PullSummary } from './pull.ts';
import { formatReject } from './rejects.ts';

// A report's `off` list names fields as strings (it may come from a report file), not all of them canonical.
const FIELD_TEXT: Partial<Record<string, string>> = TICKET_FIELDS;

/**
 * The readable end-of-run tables. They print counts, codes, models and field names only:
 * never a value from an unmapped column, so a log cannot leak what the store dropped.
 */

/** A plain-text table with aligned columns (CJK characters count double). */
export function table(head: string[], rows: string[][]): string {
	const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => c + ' '.repeat(widths[i]! - width(c)))
			.join('  ')
			.trimEnd();
	return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The summary of a pull: what was read, stored, dropped and rejected. */
export function formatPullSummary(s: PullSummary, showRejects = 5): string {
	const rejects = s.firstRejects;
	const rows = [
		['source', s.source],
		['from', `${s.file} (${s.format}${s.encoding ? `, ${s.encoding}` : ''})`],
		['rows read', n(s.rows)],
		['new', n(s.inserted)],
		['changed', n(s.updated)],
		['unchanged', n(s.unchanged)],
		['duplicate ids merged', n(s.duplicates)],
		['rejected', `${n(s.rejected)}${s.rejected ? ` (see ${s.rejectsFile})` : ''}`],
		['fields mapped', s.fields.join(', ')],
		['columns dropped', s.dropped.length ? `${s.dropped.length} (not mapped, never stored)` : '0'],
		['time', `${s.seconds.toFixed(1)} s`],
	];
	const lines = [table(['pull', ''], rows)];
	if (rejects.length)
		lines.push(
			'',
			...rejects.slice(0, showRejects).map(formatReject),
			...(s.rejected > showRejects
				? [`… and ${s.rejected - showRejects} more in ${s.rejectsFile}`]
				: []),
		);
	return lines.join('\n');
}

/** The summary of a report: period, KPIs, flagged faults and the analyses that are off. */
export function formatReportSummary(r: TrendReport, reportFile?: string): string {
	const p = r.period;
	const lines = [
		`Tickets ${p.from} – ${p.to} (${p.weeks.length} weeks, ${r.timezone}): ${n(r.totals.tickets)} tickets, ${n(r.totals.coded)} with a fault code.`,
		'',
	];
	lines.push(
		table(
			['KPI', 'value', 'target', 'status', 'tickets'],
			r.kpis.map((k) => [
				KPI_NAMES[k.id],
				kpiValue(k, k.value),
				`${k.direction === 'atLeast' ? '≥' : '≤'} ${kpiValue(k, k.target)}`,
				k.met === null ? 'no data' : k.met ? 'met' : 'MISSED',
				n(k.n),
			]),
		),
	);
	const flagged = r.faults.filter((f) => f.reasons.length > 0);
	lines.push('', `Flagged faults (${flagged.length})`);
	lines.push(
		table(
			['code', 'family', 'tickets', 'share', 'recent/baseline', 'reasons', 'knowledge'],
			flagged.map((f) => [
				f.code,
				f.family ?? '?',
				n(f.count),
				`${(f.share * 100).toFixed(1)} %`,
				`${f.rise.recent}/${f.rise.baseline}`,
				f.reasons.join(', '),
				f.knowledge,
			]),
		),
	);
	if (r.off.length)
		lines.push(
			'',
			'Analyses off (no ticket has these fields; map them to switch the analysis on):',
			...r.off.map(
				(o) => `  ${o.analysis}: ${o.fields.map((f) => `${f} (${FIELD_TEXT[f] ?? f})`).join(', ')}`,
			),
		);
	if (reportFile) lines.push('', `Report written to ${reportFile}`);
	return lines.join('\n');
}

// --- internal ---

const KPI_NAMES: Record<Kpi['id'], string> = {
	firstTimeFix: 'First-time-fix rate',
	repeatRate: '7-day repeat-repair rate',
	firstResponsePhone: 'First response, phone (avg)',
	firstResponseEmail: 'First response, e-mail (avg)',
	p1Resolution: 'P1 resolution time (avg)',
	satisfaction: 'Satisfaction',
};

function kpiValue(k: Kpi, v: number | null): string {
	if (v === null) return '–';
	return { percent: `${v} %`, minutes: `${v} min`, hours: `${v} h`, score: `${v} / 5` }[k.unit];
}

function n(v: number): string {
	return v.toLocaleString('en');
}

function width(s: string): number {
	let w = 0;
	for (const ch of s)
		w +=
			/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
				ch,
			)
				? 2
				: 1;
	return w;
}

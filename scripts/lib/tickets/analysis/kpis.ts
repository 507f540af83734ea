import type { Kpi } from '../../../../src/schemas/trends-report.ts';
import type { KpiInputs } from './queries.ts';

/**
 * The service targets of the source summary (000, "metrics"): first-time-fix rate 95 %, 7-day
 * repeat-repair rate at most 5 %, average first response by phone 15 min and by e-mail 30 min,
 * P1 average resolution 4 h, satisfaction 4.5 of 5.
 */
export const TARGETS = {
	firstTimeFix: { target: 95, unit: 'percent', direction: 'atLeast' },
	repeatRate: { target: 5, unit: 'percent', direction: 'atMost' },
	firstResponsePhone: { target: 15, unit: 'minutes', direction: 'atMost' },
	firstResponseEmail: { target: 30, unit: 'minutes', direction: 'atMost' },
	p1Resolution: { target: 4, unit: 'hours', direction: 'atMost' },
	satisfaction: { target: 4.5, unit: 'score', direction: 'atLeast' },
} as const satisfies Record<Kpi['id'], Pick<Kpi, 'target' | 'unit' | 'direction'>>;

/**
 * Every KPI from the period's figures. A KPI with no tickets to compute it from has a null
 * value and `met: null`; the report lists why under `off`. Averages are what the sources set
 * targets for; `withinTarget` adds the share of tickets inside the target time.
 */
export function computeKpis(x: KpiInputs, repeat: { n: number; repeats: number }): Kpi[] {
	const pct = (a: number, b: number) => (b === 0 ? null : round((a / b) * 100, 1));
	return [
		kpi('firstTimeFix', pct(x.ftf_yes, x.ftf_n), x.ftf_n),
		kpi('repeatRate', pct(repeat.repeats, repeat.n), repeat.n),
		kpi(
			'firstResponsePhone',
			nullableRound(x.phone_avg, 1),
			x.phone_n,
			pct(x.phone_within, x.phone_n),
		),
		kpi(
			'firstResponseEmail',
			nullableRound(x.email_avg, 1),
			x.email_n,
			pct(x.email_within, x.email_n),
		),
		kpi('p1Resolution', nullableRound(x.p1_avg_h, 2), x.p1_n, pct(x.p1_within, x.p1_n)),
		kpi('satisfaction', nullableRound(x.sat_avg, 2), x.sat_n),
	];
}

// --- internal ---

function kpi(id: Kpi['id'], value: number | null, n: number, withinTarget?: number | null): Kpi {
	const t = TARGETS[id];
	const met =
		value === null ? null : t.direction === 'atLeast' ? value >= t.target : value <= t.target;
	return {
		id,
		value: n === 0 ? null : value,
		target: t.target,
		unit: t.unit,
		direction: t.direction,
		met: n === 0 ? null : met,
		n,
		...(withinTarget === undefined ? {} : { withinTarget: n === 0 ? null : withinTarget }),
	};
}

function round(v: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(v * f) / f;
}

function nullableRound(v: number | null, digits: number): number | null {
	return v === null ? null : round(v, digits);
}

import { poissonRiseP } from '../stats.ts';

/** The result of the rise test for one code. */
export interface RiseResult {
	/** Tickets in the recent weeks. */
	recent: number;
	/** Tickets in the baseline weeks (the period's earlier weeks). */
	baseline: number;
	/** Weekly rate recent ÷ weekly rate baseline; null when the baseline is zero. */
	ratio: number | null;
	/** One-sided p-value of the conditional binomial test (see docs/tickets.md#rising). */
	p: number;
	rising: boolean;
}

/**
 * Tests whether a code's last `recentWeeks` weeks rose above the weeks before them: flagged when
 * the p-value is below `alpha` and the recent count is at least `minCount`, so a jump from 1 to 3
 * is never "rising" however large the percentage.
 */
export function riseTest(weekly: readonly number[], recentWeeks: number, alpha: number, minCount: number): RiseResult {
	const split = Math.max(0, weekly.length - recentWeeks);
	const baselineWeeks = split;
	const recent = sum(weekly.slice(split));
	const baseline = sum(weekly.slice(0, split));
	if (baselineWeeks === 0) return { recent, baseline, ratio: null, p: 1, rising: false };
	const ratio = baseline === 0 ? null : recent / recentWeeks / (baseline / baselineWeeks);
	const p = poissonRiseP(recent, baseline, recentWeeks, baselineWeeks);
	return { recent, baseline, ratio, p, rising: p < alpha && recent >= minCount };
}

// --- internal ---

function sum(list: readonly number[]): number {
	return list.reduce((a, b) => a + b, 0);
}

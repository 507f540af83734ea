import { binomialUpperTail } from '../stats.ts';

/** The result of the rise test for one code. */
export interface RiseResult {
	/** The code's tickets in the recent weeks. */
	recent: number;
	/** The code's tickets in the baseline weeks (the period's earlier weeks). */
	baseline: number;
	/** The code's share of recent tickets ÷ its share of baseline tickets; null when the baseline is zero. */
	ratio: number | null;
	/** One-sided p-value of the conditional binomial test (see docs/tickets.md#rising). */
	p: number;
	rising: boolean;
}

/**
 * Tests whether a code's share of tickets rose in the last `recentWeeks` weeks against the weeks
 * before them. Given the code's count in both parts, the recent count is, with no change,
 * Binomial(recent + baseline, N_recent / (N_recent + N_baseline)), where N are all coded tickets
 * in each part: the conditional test for two Poisson rates, with total volume as the exposure,
 * so a busy season that lifts every code does not flag them all. Flagged when p < `alpha` and the
 * recent count is at least `minCount`, so 1 → 3 is never "rising" however large the percentage.
 */
export function riseTest(
	weekly: readonly number[],
	totals: readonly number[],
	recentWeeks: number,
	alpha: number,
	minCount: number,
): RiseResult {
	const split = Math.max(0, weekly.length - recentWeeks);
	const recent = sum(weekly.slice(split));
	const baseline = sum(weekly.slice(0, split));
	const nRecent = sum(totals.slice(split));
	const nBaseline = sum(totals.slice(0, split));
	if (nRecent === 0 || nBaseline === 0)
		return { recent, baseline, ratio: null, p: 1, rising: false };
	const ratio = baseline === 0 ? null : recent / nRecent / (baseline / nBaseline);
	const p = binomialUpperTail(recent, recent + baseline, nRecent / (nRecent + nBaseline));
	return { recent, baseline, ratio, p, rising: p < alpha && recent >= minCount };
}

// --- internal ---

function sum(list: readonly number[]): number {
	return list.reduce((a, b) => a + b, 0);
}

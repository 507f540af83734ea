import { binomialUpperTail } from '../stats.ts';

/** The sources' ceiling on the 7-day repeat-repair rate. */
export const REPEAT_TARGET = 0.05;

/**
 * Whether a code's repeat repairs exceed the 5 % target by more than chance: at least
 * `minRepeats` repeats, a rate above the target, and P(X ≥ repeats) < `alpha` for
 * X ~ Binomial(n, 5 %).
 */
export function repeatFlag(
	repeat: { n: number; repeats: number },
	alpha: number,
	minRepeats: number,
	target = REPEAT_TARGET,
): boolean {
	if (repeat.n === 0 || repeat.repeats < minRepeats || repeat.repeats / repeat.n <= target)
		return false;
	return binomialUpperTail(repeat.repeats, repeat.n, target) < alpha;
}

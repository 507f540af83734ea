import { addDays } from '../../../src/lib/time.ts';

/** The report's period: whole ISO weeks (Monday to Sunday) in the business time zone. */
export interface Period {
	/** First Monday, inclusive. */
	from: string;
	/** Last Sunday, inclusive. */
	to: string;
	/** The Monday of each week, oldest first. */
	weeks: string[];
	/** The Monday the recent weeks start on (the rise test's "current window"). */
	recentFrom: string;
}

/**
 * The `weeks` whole weeks that end on or before `lastDay` (YYYY-MM-DD): a week counts once its
 * Sunday is on or before `lastDay`, so a half-finished week never looks like a drop.
 * `recentWeeks` of them, the newest, are the rise test's current window.
 */
export function periodFor(lastDay: string, weeks: number, recentWeeks: number): Period {
	const end = mondayOf(addDays(lastDay, 1));
	const list = Array.from({ length: weeks }, (_, i) => addDays(end, -7 * (weeks - i)));
	return {
		from: list[0]!,
		to: addDays(end, -1),
		weeks: list,
		recentFrom: list[Math.max(0, weeks - recentWeeks)]!,
	};
}

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
	const day = new Date(`${date}T00:00:00Z`).getUTCDay();
	return addDays(date, -((day + 6) % 7));
}

/**
 * The business day: dates are `YYYY-MM-DD` strings in the organisation's time zone, so a date
 * never shifts with the machine's zone. `KB_TODAY` fixes "today" for reproducible builds and tests.
 */

/** The time zone the organisation's dates are in (the sources' service centres are in China). */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

/** Today as YYYY-MM-DD in `timeZone` (default {@link BUSINESS_TIME_ZONE}); `KB_TODAY` overrides it. */
export function today(timeZone = BUSINESS_TIME_ZONE): string {
	return process.env.KB_TODAY || new Date().toLocaleDateString('sv-SE', { timeZone });
}

/** `date` plus `days` days (negative to go back). */
export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** `date` plus `years` years; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
	const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
	const target = new Date(Date.UTC(y + years, m - 1, d));
	if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
	return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether `s` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

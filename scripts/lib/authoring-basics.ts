/**
 * Small shared pieces of the authoring commands (`kb new`, `revise`, `approve`): their typed
 * error, today's date and date arithmetic on `YYYY-MM-DD` strings.
 */

/** A failed authoring command: `code` names the case, `fix` says in one line what to do. */
export class AuthoringError extends Error {
	readonly code: string;
	readonly fix: string;
	constructor(code: string, message: string, fix: string) {
		super(message);
		this.name = 'AuthoringError';
		this.code = code;
		this.fix = fix;
	}
}

/**
 * Today as YYYY-MM-DD in the business time zone (Asia/Shanghai); `KB_TODAY` overrides it.
 * The same rule as `today()` in src/data/routes.ts, which the site uses; the CLI may not import src/data.
 */
export function todayIso(): string {
	return process.env.KB_TODAY || new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
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

/** Whole days from `from` to `to`, negative when `to` is earlier. */
export function daysFrom(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether `s` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/**
 * Runs a command's action and turns an {@link AuthoringError} into a two-line report on stderr
 * (what is wrong, then the fix and the error code) with exit code 1; other errors propagate.
 */
export async function reportingErrors(action: () => void | Promise<void>): Promise<void> {
	try {
		await action();
	} catch (error) {
		if (!(error instanceof AuthoringError)) throw error;
		console.error(`✗ ${error.message}\n  ${error.fix} (${error.code})`);
		process.exitCode = 1;
	}
}

import { TicketError } from './errors.ts';
import { isTimeZone } from './mapping.ts';

/**
 * Glue for the `kb tickets` commands: argument checks that name the flag and the fix, and one
 * way of reporting failures (`error [code]: …` then `fix: …` on stderr, exit code 1).
 */

/** Runs a command body; a TicketError becomes two lines on stderr and exit code 1. */
export async function runReporting(body: () => Promise<number | void>): Promise<void> {
	try {
		const code = await body();
		if (typeof code === 'number' && code !== 0) process.exitCode = code;
	} catch (error) {
		if (!(error instanceof TicketError)) throw error;
		process.stderr.write(`error [${error.code}]: ${error.message}\nfix: ${error.fix}\n`);
		process.exitCode = 1;
	}
}

/** A positive whole number from a flag, or the default when the flag is absent. */
export function intArg(name: string, value: string | undefined, fallback: number, min = 1): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < min) throw new TicketError('argument-invalid', `--${name} ${value} is not a whole number of at least ${min}.`, `pass e.g. --${name} ${fallback}.`);
	return n;
}

/** A number in (0, 1) from a flag, or the default. */
export function fractionArg(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!(n > 0 && n < 1)) throw new TicketError('argument-invalid', `--${name} ${value} is not a number between 0 and 1.`, `pass e.g. --${name} ${fallback}.`);
	return n;
}

/** A YYYY-MM-DD date from a flag, or undefined. */
export function dateArg(name: string, value: string | undefined): string | undefined {
	if (value === undefined || value === '') return undefined;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new TicketError('argument-invalid', `--${name} ${value} is not a date.`, `write it as YYYY-MM-DD, e.g. --${name} 2026-03-01.`);
	return value;
}

/** An IANA time zone from a flag, or undefined. */
export function timezoneArg(value: string | undefined): string | undefined {
	if (value === undefined || value === '') return undefined;
	if (!isTimeZone(value)) throw new TicketError('argument-invalid', `--timezone ${value} is not an IANA time zone.`, 'pass one like Asia/Shanghai or Europe/Berlin.');
	return value;
}

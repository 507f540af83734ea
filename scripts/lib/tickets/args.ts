import { KbError } from '../../../src/core/errors.ts';
import { isTimeZone } from './mapping.ts';

/**
 * The `kb tickets` commands' flag checks: each names the flag and the fix in a {@link KbError}
 * (code `argument-invalid`), which the CLI prints as `error [argument-invalid]: …` and `fix: …`.
 */

/** A positive whole number from a flag, or the default when the flag is absent. */
export function intArg(name: string, value: string | undefined, fallback: number, min = 1): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < min) throw new KbError('argument-invalid', `--${name} ${value} is not a whole number of at least ${min}.`, `pass e.g. --${name} ${fallback}.`);
	return n;
}

/** A number in (0, 1) from a flag, or the default. */
export function fractionArg(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!(n > 0 && n < 1)) throw new KbError('argument-invalid', `--${name} ${value} is not a number between 0 and 1.`, `pass e.g. --${name} ${fallback}.`);
	return n;
}

/** A YYYY-MM-DD date from a flag, or undefined. */
export function dateArg(name: string, value: string | undefined): string | undefined {
	if (value === undefined || value === '') return undefined;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new KbError('argument-invalid', `--${name} ${value} is not a date.`, `write it as YYYY-MM-DD, e.g. --${name} 2026-03-01.`);
	return value;
}

/** An IANA time zone from a flag, or undefined. */
export function timezoneArg(value: string | undefined): string | undefined {
	if (value === undefined || value === '') return undefined;
	if (!isTimeZone(value)) throw new KbError('argument-invalid', `--timezone ${value} is not an IANA time zone.`, 'pass one like Asia/Shanghai or Europe/Berlin.');
	return value;
}

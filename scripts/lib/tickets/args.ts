import { KbError } from '../../../src/core/errors.ts';
import { isIsoDate } from '../../../src/lib/time.ts';
import { isTimeZone } from './mapping.ts';
import { openStore, type TicketStore } from './store.ts';

/**
 * What the `kb tickets` commands share: flag checks, each naming the flag and the fix in a
 * {@link KbError} (code `argument-invalid`), and the ticket store's lifecycle as citty hooks.
 */

/**
 * Opens the store `--store` names (else KB_TICKET_STORE, else the default) for a command's `run`;
 * the command's `cleanup` hook, {@link closeStore}, closes it, also when `run` failed. Called
 * after `run` has checked its flags, so a usage error never opens (or creates) a store.
 */
export async function useStore(args: { store?: string }): Promise<TicketStore> {
	const store = await openStore(args.store);
	opened.set(args, store);
	return store;
}

/** citty `cleanup` hook of a command that opened the store with {@link useStore}. */
export function closeStore({ args }: { args: { store?: string } }): void {
	opened.get(args)?.close();
	opened.delete(args);
}

/** A positive whole number from a flag, or the default when the flag is absent. */
export function intArg(name: string, value: string | undefined, fallback: number, min = 1): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < min)
		throw new KbError(
			'argument-invalid',
			`--${name} ${value} is not a whole number of at least ${min}.`,
			`pass e.g. --${name} ${fallback}.`,
		);
	return n;
}

/** A number in (0, 1) from a flag, or the default. */
export function fractionArg(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!(n > 0 && n < 1))
		throw new KbError(
			'argument-invalid',
			`--${name} ${value} is not a number between 0 and 1.`,
			`pass e.g. --${name} ${fallback}.`,
		);
	return n;
}

/** A YYYY-MM-DD date from a flag, or undefined. */
export function dateArg(name: string, value: string | undefined): string | undefined {
	if (value === undefined || value === '') return undefined;
	if (!isIsoDate(value))
		throw new KbError(
			'argument-invalid',
			`--${name} ${value} is not a date.`,
			`write it as YYYY-MM-DD, e.g. --${name} 2026-03-01.`,
		);
	return value;
}

/** An IANA time zone from a flag, or undefined. */
export function timezoneArg(value: string | undefined): string | undefined {
	if (value === undefined || value === '') return undefined;
	if (!isTimeZone(value))
		throw new KbError(
			'argument-invalid',
			`--timezone ${value} is not an IANA time zone.`,
			'pass one like Asia/Shanghai or Europe/Berlin.',
		);
	return value;
}

// --- internal ---

// Keyed by the parsed flags, which citty hands to `run` and `cleanup` as the same object.
const opened = new WeakMap<object, TicketStore>();

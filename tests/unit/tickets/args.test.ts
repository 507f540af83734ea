import { describe, expect, it } from 'vitest';
import {
	closeStore,
	dateArg,
	fractionArg,
	intArg,
	timezoneArg,
	useStore,
} from '../../../scripts/lib/tickets/args.ts';
import { printed } from '../../helpers/kb-error.ts';

describe('the flag checks', () => {
	it.each<[string, () => unknown, string]>([
		[
			'a count that is not a whole number',
			() => intArg('weeks', '2.5', 12, 2),
			'error [argument-invalid]: --weeks 2.5 is not a whole number of at least 2.\nfix: pass e.g. --weeks 12.\n',
		],
		[
			'a share outside (0, 1)',
			() => fractionArg('alpha', '1', 0.01),
			'error [argument-invalid]: --alpha 1 is not a number between 0 and 1.\nfix: pass e.g. --alpha 0.01.\n',
		],
		[
			'a day that is not YYYY-MM-DD',
			() => dateArg('until', '8.3.2026'),
			'error [argument-invalid]: --until 8.3.2026 is not a date.\nfix: write it as YYYY-MM-DD, e.g. --until 2026-03-01.\n',
		],
		[
			'a time zone Node does not know',
			() => timezoneArg('Asia/Peking'),
			'error [argument-invalid]: --timezone Asia/Peking is not an IANA time zone.\nfix: pass one like Asia/Shanghai or Europe/Berlin.\n',
		],
	])('refuse %s', (_name, check, message) => {
		expect(printed(check)).toBe(message);
	});

	it('return the default when the flag is absent', () => {
		expect([
			intArg('weeks', undefined, 12),
			fractionArg('alpha', '', 0.01),
			dateArg('until', undefined),
			timezoneArg(undefined),
		]).toEqual([12, 0.01, undefined, undefined]);
	});
});

describe('useStore and closeStore', () => {
	it('the cleanup hook closes the store the command opened, and is harmless twice', async () => {
		const args = { store: ':memory:' };
		const store = await useStore(args);

		closeStore({ args });

		await expect(store.all('SELECT 1')).rejects.toThrow();
		expect(() => closeStore({ args })).not.toThrow();
	});
});

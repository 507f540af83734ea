import { describe, expect, it } from 'vitest';
import { readStrings } from '../../src/client/strings.ts';
import { translator, uiStrings } from '../../src/lib/i18n.ts';

describe('uiStrings', () => {
	it('picks every key of a group and single keys, leaving placeholders unfilled', () => {
		const strings = uiStrings('en', ['quiz.', 'doc.revision']);

		expect(Object.keys(strings)).toContain('quiz.score');
		expect(Object.keys(strings)).toContain('doc.revision');
		expect(Object.keys(strings).every((k) => k.startsWith('quiz.') || k === 'doc.revision')).toBe(
			true,
		);
		expect(strings['fault.minutes']).toBeUndefined();
		expect(uiStrings('en', ['fault.minutes'])).toEqual({ 'fault.minutes': '{n} min' });
	});

	it('returns nothing when no key has the prefix', () => {
		expect(uiStrings('zh-CN', ['nothing.'])).toEqual({});
	});
});

describe('readStrings', () => {
	const element = (strings: Record<string, string>) =>
		({ dataset: { strings: JSON.stringify(strings) } }) as unknown as HTMLElement;

	it('fills placeholders the way the server does', () => {
		const t = readStrings(element(uiStrings('en', ['fault.minutes'])));

		expect(t('fault.minutes', { n: 45 })).toBe(translator('en')('fault.minutes', { n: 45 }));
	});

	it('returns the key when the page passed no such string', () => {
		const t = readStrings(element({}));

		expect(t('quiz.score')).toBe('quiz.score');
	});

	it('keeps a placeholder that has no value', () => {
		const t = readStrings(element({ 'runner.olderRun': 'Revision {rev} started {started}' }));

		expect(t('runner.olderRun', { rev: '1.0' })).toBe('Revision 1.0 started {started}');
	});
});

import { describe, expect, it } from 'vitest';
import { LOCALES, mapLocales, splitLocaleId } from '../../src/lib/locales.ts';

describe('mapLocales', () => {
	it('gives one value per locale, keyed by locale', () => {
		const record = mapLocales((locale) => `title (${locale})`);

		expect(record).toEqual({ 'zh-CN': 'title (zh-CN)', en: 'title (en)' });
		expect(Object.keys(record)).toEqual([...LOCALES]);
	});
});

describe('splitLocaleId', () => {
	it.each([
		['onsite-visit/2.0.zh-CN', 'onsite-visit/2.0', 'zh-CN'],
		['onboarding.en', 'onboarding', 'en'],
		['post-repair/1.1', 'post-repair/1.1', undefined],
	])('splits %s into its base and locale', (id, base, locale) => {
		expect(splitLocaleId(id)).toEqual({ base, locale });
	});
});

import { describe, expect, it } from 'vitest';
import { localeHref, localeOfPath, localePaths, paths } from '../../src/lib/routes.ts';

describe('localeOfPath', () => {
	it.each([
		['/', '/', 'zh-CN'],
		['/faults/ac/e4/', '/', 'zh-CN'],
		['/en/', '/', 'en'],
		['/en/faults/ac/e4/', '/', 'en'],
		['/kb/en/sops/onsite-visit/', '/kb/', 'en'],
		['/kb/sops/onsite-visit/', '/kb/', 'zh-CN'],
		['/kb/en/', '/kb', 'en'],
		['/english/', '/', 'zh-CN'],
		['/kb/', '/kb/', 'zh-CN'],
	])('%s under base %s is served in %s', (pathname, base, locale) => {
		expect(localeOfPath(pathname, base)).toBe(locale);
	});
});

describe('localeHref', () => {
	it('puts a site path under the base and the locale prefix', () => {
		expect(localeHref('/kb/', 'en', paths.fault('ac', 'E4'))).toBe('/kb/en/faults/ac/e4/');
		expect(localeHref('/kb', 'zh-CN', paths.sop('onsite-visit', '2.0'))).toBe(
			'/kb/sops/onsite-visit/2.0/',
		);
	});

	it('round-trips with localeOfPath in every locale', () => {
		expect(localePaths('guides/').map((p) => localeOfPath(p))).toEqual(['zh-CN', 'en']);
	});
});

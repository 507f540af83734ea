import { describe, expect, it } from 'vitest';
import { remarkBaseLinks } from '../../src/lib/remark-base-links.ts';

const tree = () => ({
	type: 'root',
	children: [
		{
			type: 'paragraph',
			children: [
				{ type: 'link', url: '/sops/onsite-visit/' },
				{ type: 'link', url: 'https://example.com/' },
				{ type: 'link', url: '#steps' },
			],
		},
	],
});
const urls = (t: ReturnType<typeof tree>) => t.children[0]!.children.map((l) => l.url);

describe('remarkBaseLinks', () => {
	it('prefixes site-absolute links with the base and the file locale', () => {
		const t = tree();

		remarkBaseLinks({ base: '/kb/', defaultLocale: 'zh-CN' })(t, {
			path: 'content/sops/x/1.0.en.mdx',
		});

		expect(urls(t)).toEqual(['/kb/en/sops/onsite-visit/', 'https://example.com/', '#steps']);
	});

	it('adds no locale prefix in the default locale', () => {
		const t = tree();

		remarkBaseLinks({ base: '/', defaultLocale: 'zh-CN' })(t, {
			path: 'content/guides/onboarding.zh-CN.mdx',
		});

		expect(urls(t)[0]).toBe('/sops/onsite-visit/');
	});
});

import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { STARTER } from '../helpers/builds.ts';
import { useServedSite } from '../helpers/served-site.ts';

// Every kind of page of the starter site, in both locales, in light and dark mode, on a phone: no serious or critical axe finding.
const PAGES = [
	'',
	'search/?q=漏水',
	'faults/',
	'faults/wh/',
	'faults/wh/e1/',
	'sops/',
	'sops/onsite-visit/',
	'sops/onsite-visit/1.0/',
	'checklists/post-repair-check/',
	'etiquette/',
	'etiquette/knock-properly/',
	'products/wm-d100/',
	'guides/',
	'guides/service-metrics/',
	'guides/authoring/',
	'learn/',
	'walkthrough/',
	'trends/',
	'review-due/',
];
const site = useServedSite(STARTER);

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (colorScheme) => {
	it.each(['', 'en/'])(
		'finds nothing serious on any kind of page (locale prefix %j)',
		async (prefix) => {
			const context = await site.newContext({ colorScheme, viewport: { width: 360, height: 780 } });
			const findings = new Map<string, string[]>();

			// Three tabs share the pages, so one page's wait for the network to settle overlaps another's check.
			await Promise.all(
				[0, 1, 2].map(async (tab) => {
					const page = await context.newPage();
					for (const path of PAGES.filter((_, i) => i % 3 === tab)) {
						// Open the page and let its scripts (search, runner, charts) settle.
						await page.goto(`${site.url}${prefix}${path}`, { waitUntil: 'networkidle' });
						findings.set(
							path,
							(await seriousViolations(page)).map(
								(v) =>
									`${prefix}${path}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.slice(0, 3).join(', ')}`,
							),
						);
					}
				}),
			);

			expect(
				PAGES.flatMap((path) => findings.get(path) ?? [`${prefix}${path}: not checked`]),
			).toEqual([]);
		},
	);
});

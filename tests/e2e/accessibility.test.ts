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
	it.each(['', 'en/'])('finds nothing serious on any kind of page (locale prefix %j)', async (prefix) => {
		const page = await site.newPage({ colorScheme, viewport: { width: 360, height: 780 } });
		const findings: string[] = [];

		for (const path of PAGES) {
			// Open the page and let its scripts (search, runner, charts) settle.
			await page.goto(`${site.url}${prefix}${path}`, { waitUntil: 'networkidle' });
			for (const v of await seriousViolations(page)) findings.push(`${prefix}${path}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.slice(0, 3).join(', ')}`);
		}

		expect(findings).toEqual([]);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { serveSite, type ServedSite } from '../helpers/served-site.ts';

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
let site: ServedSite;

beforeAll(async () => {
	site = await serveSite('kb-a11y');
});

afterAll(() => site?.close());

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (colorScheme) => {
	it.each(['', 'en/'])('finds nothing serious on any kind of page (locale prefix %j)', async (prefix) => {
		const context = await site.browser.newContext({ colorScheme, viewport: { width: 360, height: 780 } });
		const page = await context.newPage();
		const findings: string[] = [];

		for (const path of PAGES) {
			// Open the page and let its scripts (search, runner, charts) settle.
			await page.goto(`${site.url}${prefix}${path}`, { waitUntil: 'networkidle' });
			for (const v of await seriousViolations(page)) findings.push(`${prefix}${path}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.slice(0, 3).join(', ')}`);
		}
		await context.close();

		expect(findings).toEqual([]);
	});
});

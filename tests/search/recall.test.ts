import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { STARTER } from '../helpers/builds.ts';
import { judge, loadSearchCases, recallTable, type SearchCase } from '../helpers/search-cases.ts';
import { useServedSite } from '../helpers/served-site.ts';

// Search quality is measured through the real search page of the starter site, in Chromium.
const CASES = loadSearchCases(import.meta.dirname);
const site = useServedSite(STARTER);
let page: Page;

beforeEach(async () => {
	page = await site.newPage();
});

/**
 * The result pages for a query, best first, as `faults/ac/e1` paths; a jump to an entry counts as its only result.
 * The query is submitted with the search page's own form, on the page the last query left open when it
 * can be (a fresh page load per query costs several times the search itself).
 */
async function ranked(c: SearchCase): Promise<string[]> {
	const searchPage = new URL(`${c.locale === 'en' ? 'en/' : ''}search/`, site.url);
	// Open the locale's search page, unless the last query left the browser on it.
	if (new URL(page.url()).pathname !== searchPage.pathname) await page.goto(searchPage.href);
	// Submit the query as the page itself does with ?q= on load: set the box and submit the form, without
	// typing (typing also starts a search-as-you-type run, which would race the submitted one).
	await page.evaluate((q) => {
		delete document.querySelector<HTMLElement>('[data-search-root]')!.dataset.state;
		document.querySelector<HTMLInputElement>('[data-search-input]')!.value = q;
		document.querySelector<HTMLFormElement>('[data-search-form]')!.requestSubmit();
	}, c.q);
	await page.waitForFunction(
		() =>
			!location.pathname.endsWith('/search/') ||
			document.querySelector<HTMLElement>('[data-search-root]')?.dataset.state === 'done',
		null,
		{ timeout: 15_000 },
	);
	const path = (href: string) =>
		new URL(href, page.url()).pathname
			.replace(new URL(site.url).pathname, '')
			.replace(/^en\//, '')
			.replace(/\/$/, '');
	if (!new URL(page.url()).pathname.endsWith('/search/')) return [path(page.url())];
	return (
		// The code choice comes first (several families share the code), then the ranked results.
		(
			await page.$$eval(
				'[data-search-exact][data-found="exact"] a, [data-search-results] li a',
				(as) => as.map((a) => (a as HTMLAnchorElement).href),
			)
		).map(path)
	);
}

it(`finds the expected pages for ${CASES.length} queries`, async () => {
	const rows: { group: string; q: string; at1: boolean; at3: boolean; got: string[] }[] = [];

	for (const c of CASES) {
		const got = await ranked(c);
		rows.push({ group: c.group, q: c.q, got: got.slice(0, 3), ...judge(c, got) });
	}

	const table = recallTable(rows);
	console.log(
		[
			'group          cases  recall@1  recall@3',
			...table.map(
				(r) =>
					`${r.group.padEnd(14)} ${String(r.cases).padStart(5)}  ${(r.recall1 * 100).toFixed(1).padStart(7)}%  ${(r.recall3 * 100).toFixed(1).padStart(7)}%`,
			),
		].join('\n'),
	);
	const misses = rows
		.filter((r) => !r.at3)
		.map((r) => `${r.group}: ${r.q} → ${r.got.join(', ') || 'nothing'}`);
	if (misses.length) console.log(`Missed in the top 3:\n${misses.join('\n')}`);
	expect(CASES.length).toBeGreaterThanOrEqual(80);
	for (const r of table) expect(r.recall3, `recall@3 of ${r.group}`).toBeGreaterThanOrEqual(0.95);
	expect(
		table.find((r) => r.group === 'codes')?.recall1 ?? 0,
		'recall@1 of codes',
	).toBeGreaterThanOrEqual(0.9);
}, 600_000);

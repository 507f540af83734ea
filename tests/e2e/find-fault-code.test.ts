import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { STARTER } from '../helpers/builds.ts';
import { useServedSite } from '../helpers/served-site.ts';

// Journey: a technician at a customer's door finds a fault entry from what the display shows or the customer says.
const site = useServedSite(STARTER);
let page: Page;

beforeEach(async () => {
	page = await site.newPage({ viewport: { width: 390, height: 844 } });
});

async function searchFromHome(prefix: string, query: string): Promise<void> {
	await page.goto(`${site.url}${prefix}`);
	// Type into the home page's search box and submit.
	await page.getByRole('searchbox').fill(query);
	await page.getByRole('searchbox').press('Enter');
	// Either the only entry opens, or the home page shows the results of the query.
	await page.waitForFunction((q) => {
		const root = document.querySelector<HTMLElement>('[data-search-root]');
		return (
			location.pathname.includes('/faults/') ||
			(root?.dataset.state === 'done' && root.dataset.query === q)
		);
	}, query.trim());
}

describe('finding a fault code', () => {
	it.each(['f05', 'F-05', 'Ｆ０５', '故障码F5', 'error f 05'])(
		'goes straight to the only entry for %j',
		async (query) => {
			await searchFromHome('', query);

			expect(new URL(page.url()).pathname).toBe('/faults/wh/f05/');
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('F05');
		},
	);

	it('offers a short choice labelled by family when several families share the code', async () => {
		await searchFromHome('', 'e-1');

		const choice = page.locator('[data-search-exact]');
		await expect(choice.getByRole('heading').textContent()).resolves.toContain('E1');
		await expect(choice.getByRole('link').count()).resolves.toBe(3);
		await expect(choice.textContent()).resolves.toMatch(
			/分体空调[\s\S]*热水器[\s\S]*洗衣机|热水器[\s\S]*分体空调/,
		);
	});

	it('says an unknown code does not exist and offers the nearest codes', async () => {
		await searchFromHome('', 'E77');

		const box = page.locator('[data-search-exact]');
		await expect(box.getByRole('heading').textContent()).resolves.toContain('没有找到故障码 E77');
		expect(await box.getByRole('link').count()).toBeGreaterThan(0);
	});

	it("finds an entry from the customer's words in Chinese", async () => {
		await searchFromHome('', '不排水');

		const first = page.locator('[data-search-results] li a').first();
		await expect(first.getAttribute('href')).resolves.toMatch(/^\/faults\/wm\//);
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('finds an entry from an English symptom on the English site', async () => {
		await searchFromHome('en/', 'no hot water');

		await expect(
			page.locator('[data-search-results] li a').first().getAttribute('href'),
		).resolves.toMatch(/^\/en\/faults\/wh\//);
	});

	it('narrows results with a filter on a phone', async () => {
		await searchFromHome('', '漏水');
		const before = await page.locator('[data-search-results] li').count();

		// Open the filters and keep only water heaters.
		await page.getByText('筛选').click();
		await page
			.getByRole('checkbox', { name: /热水器/ })
			.first()
			.check();

		const after = await page.locator('[data-search-results] li').count();
		expect(after).toBeGreaterThan(0);
		expect(after).toBeLessThan(before);
		const hrefs = await page.$$eval('[data-search-results] li a', (as) =>
			as.map((a) => a.getAttribute('href')),
		);
		expect(hrefs.every((h) => h?.startsWith('/faults/wh/') || h?.startsWith('/products/wh-'))).toBe(
			true,
		);
	});
});

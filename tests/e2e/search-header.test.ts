import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { STARTER } from '../helpers/builds.ts';
import { useServedSite } from '../helpers/served-site.ts';

// Journey: a technician on any page searches from the header, on a phone (full-screen dialog) or a desktop.
const site = useServedSite(STARTER);
const PHONE = { viewport: { width: 390, height: 844 } } satisfies BrowserContextOptions;
const DESKTOP = { viewport: { width: 1280, height: 800 } } satisfies BrowserContextOptions;
const SHOTS = '/tmp/search-ui-shots';

/** Waits until the live search UI shows the results of `query`. */
async function resultsFor(page: Page, query: string): Promise<void> {
	await page.waitForFunction((q) => {
		const root = document.querySelector<HTMLElement>('[data-search-root]');
		return root?.dataset.state === 'done' && root.dataset.query === q;
	}, query);
}

/** Opens a fault page on a phone and the header's search dialog on it. */
async function openPhoneSearch(options: BrowserContextOptions = {}): Promise<Page> {
	const page = await site.newPage({ ...PHONE, ...options });
	await page.goto(`${site.url}faults/wh/f05/`);
	// Tap the search icon in the header.
	await page.getByRole('button', { name: '搜索', exact: true }).click();
	await page.getByRole('dialog', { name: '搜索' }).waitFor();
	return page;
}

describe('searching from the header on a phone', () => {
	it("opens a full-screen dialog from a fault page and finds an entry from the customer's words", async () => {
		const page = await openPhoneSearch();

		// Type what the customer said.
		await page.keyboard.type('不排水');
		await resultsFor(page, '不排水');

		const first = page.locator('[data-search-results] a').first();
		await expect(first.getAttribute('href')).resolves.toMatch(/^\/faults\/wm\//);
		await expect(page.locator('[data-search-results] mark').count()).resolves.toBeGreaterThan(0);
		// Close with Esc.
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog').count()).resolves.toBe(0);
		await expect(
			page.evaluate(() => document.activeElement?.hasAttribute('data-search-open')),
		).resolves.toBe(true);
	});

	it('does not search while an input method is composing, and searches the composed text', async () => {
		const page = await openPhoneSearch();
		await page.evaluate(() => {
			const root = document.querySelector<HTMLElement>('[data-search-root]')!;
			const seen: string[] = [];
			(window as unknown as { seen: string[] }).seen = seen;
			new MutationObserver(() => seen.push(root.dataset.state ?? '')).observe(root, {
				attributeFilter: ['data-state'],
			});
		});
		const cdp = await page.context().newCDPSession(page);

		// Compose 不排水 in pinyin, one syllable at a time, and wait longer than the debounce.
		for (const text of ['b', 'bu', 'bu p', 'bu pai', 'bu pai shui'])
			await cdp.send('Input.imeSetComposition', {
				text,
				selectionStart: text.length,
				selectionEnd: text.length,
			});
		await page.waitForTimeout(400);

		await expect(
			page.evaluate(() => (window as unknown as { seen: string[] }).seen),
		).resolves.toEqual([]);
		// Pick the characters: the composition ends.
		await cdp.send('Input.insertText', { text: '不排水' });
		await resultsFor(page, '不排水');
		await expect(
			page.locator('[data-search-results] a').first().getAttribute('href'),
		).resolves.toMatch(/^\/faults\/wm\//);
	});

	it('says an unknown code exists in no family', async () => {
		const page = await openPhoneSearch();

		// Type a code no family has.
		await page.keyboard.type('Z9');
		await resultsFor(page, 'Z9');

		await expect(page.locator('[data-search-exact] h2').textContent()).resolves.toContain(
			'没有找到故障码 Z9（所有产品系列）',
		);
	});

	it('offers the nearest codes for an unknown code near existing ones', async () => {
		const page = await openPhoneSearch();

		// Type a code just past the existing E-codes.
		await page.keyboard.type('E77');
		await resultsFor(page, 'E77');

		const box = page.locator('[data-search-exact]');
		await expect(box.locator('h2').textContent()).resolves.toContain('最接近的');
		expect(await box.getByRole('link').count()).toBeGreaterThan(0);
	});

	it('groups a shared code by family, the family used last first, without repeating it below', async () => {
		const page = await openPhoneSearch();
		// Search a code three families share.
		await page.keyboard.type('E1');
		await resultsFor(page, 'E1');
		const choice = page.locator('[data-search-exact]');
		await expect(choice.locator('[data-family]').count()).resolves.toBe(3);
		const chosen = await choice
			.getByRole('link')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
		const below = await page
			.locator('[data-search-results] a')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
		expect(chosen).toHaveLength(3);
		expect(below.filter((p) => chosen.includes(p))).toEqual([]);
		expect(new Set(below).size).toBe(below.length);

		// Open the washing machine's E1, then search E1 again.
		await choice.getByRole('link', { name: /进水超时/ }).click();
		await page.waitForURL(/\/faults\/wm\/e1\/$/);
		await page.getByRole('button', { name: '搜索', exact: true }).click();
		await page.keyboard.type('E1');
		await resultsFor(page, 'E1');

		const first = page.locator('[data-search-exact] [data-family]').first();
		await expect(first.locator('.family-name').textContent()).resolves.toBe('洗衣机');
		await expect(first.textContent()).resolves.toContain('上次使用');
	});

	it('goes straight to the entry when a submitted code exists in one family', async () => {
		const page = await openPhoneSearch();

		// Type a code only the water heaters have and press Enter.
		await page.keyboard.type('f-05');
		await page.keyboard.press('Enter');

		await page.waitForURL(/\/faults\/wh\/f05\/$/);
	});

	it.each(['light', 'dark'] as const)(
		'has no serious accessibility issue in the open dialog in %s mode',
		async (colorScheme) => {
			const page = await openPhoneSearch({ colorScheme });
			await page.keyboard.type('E1');
			await resultsFor(page, 'E1');

			await page.screenshot({ path: `${SHOTS}/spec-phone-${colorScheme}.png` });
			expect(await seriousViolations(page)).toEqual([]);
		},
	);
});

describe('searching from the header on a desktop', () => {
	it('focuses the header field with / and closes the panel with Esc', async () => {
		const page = await site.newPage(DESKTOP);
		await page.goto(`${site.url}en/faults/wh/f05/`);

		// Press / and type a symptom.
		await page.keyboard.press('/');
		await expect(
			page.evaluate(() => document.activeElement?.hasAttribute('data-search-input')),
		).resolves.toBe(true);
		await page.keyboard.type('no hot water');
		await resultsFor(page, 'no hot water');

		const panel = page.locator('[data-search-panel]');
		await expect(panel.isVisible()).resolves.toBe(true);
		await expect(
			page.locator('[data-search-results] a').first().getAttribute('href'),
		).resolves.toMatch(/^\/en\/faults\/wh\//);
		// Close with Esc.
		await page.keyboard.press('Escape');
		await expect(panel.isVisible()).resolves.toBe(false);
	});

	it('submits the header form to the search page without JavaScript', async () => {
		const page = await site.newPage({ ...DESKTOP, javaScriptEnabled: false });
		await page.goto(`${site.url}faults/wh/f05/`);

		// Type a code and press Enter.
		await page.getByRole('searchbox').fill('E4');
		await page.getByRole('searchbox').press('Enter');

		await page.waitForURL(/\/search\/\?q=E4$/);
	});
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { STARTER_PAST_BUDGET } from '../helpers/builds.ts';
import { useServedSite } from '../helpers/served-site.ts';

// Journey: a technician's phone has the site ready offline, but the catalogue is past the
// precache budget, so fault pages are cached only once visited. In a basement with no signal
// they open a code they never opened, in either language, and a code that does not exist.
const PHONE = { viewport: { width: 360, height: 740 } };
const site = useServedSite(STARTER_PAST_BUDGET);

/** A fresh phone that has visited the home page once online, is ready offline, then lost the network. */
async function offlinePhone(): Promise<Page> {
	const page = await site.newPage(PHONE);
	// Visit the home page once, online, and wait until the device is ready offline.
	await page.goto(site.url);
	await page.locator('[data-offline-state="ready"]').waitFor({ timeout: 60_000 });
	// Lose the network.
	await page.context().setOffline(true);
	return page;
}

/** The visible text of the page's main region. */
const mainText = (page: Page) => page.locator('main').innerText();

describe('an unvisited fault code offline', () => {
	it('is left to runtime caching: the service worker does not precache fault pages', () => {
		const sw = readFileSync(join(site.outDir, 'sw.js'), 'utf8');

		expect(sw).not.toContain('faults/wh/e1/index.html');
		expect(sw).toContain('"offline/fault/index.html"');
		expect(sw).toContain('"en/fault-data/0.json"');
	});

	it('opens in Chinese from the offline data: title, priority, safety first, checks, causes, remedy', async () => {
		const page = await offlinePhone();
		// Open a fault code this phone has never opened.
		await page.goto(`${site.url}faults/wh/e1/`);
		await page.locator('[data-state="shown"]').waitFor();

		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'E1 漏电保护',
		);
		await expect(page.locator('main').getByRole('note').textContent()).resolves.toContain(
			'离线副本',
		);
		await expect(page.locator('.badge.p1').textContent()).resolves.toBe('P1 紧急');
		const safety = page.getByRole('complementary', { name: '安全注意' });
		await expect(safety.textContent()).resolves.toContain('禁止客户反复合闸试机');
		const text = await mainText(page);
		for (const heading of ['检查步骤', '可能原因（按可能性排序）', '处理方法'])
			expect(text).toContain(heading);
		expect(text).toContain('断电放水后用兆欧表测加热管对外壳绝缘电阻');
		expect(text).toContain('加热管表面结垢过厚局部过热');
		expect(text).toContain('绝缘不合格时更换加热管');
		// Safety comes before everything else the technician reads.
		expect(text.indexOf('安全注意')).toBeLessThan(text.indexOf('检查步骤'));
		await expect(page.title()).resolves.toMatch(/^E1 漏电保护 · /);
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('opens in English, and its SOP link and language switch lead to pages the phone holds', async () => {
		const page = await offlinePhone();
		// Open the English page of a code never opened.
		await page.goto(`${site.url}en/faults/wh/e1/`);
		await page.locator('[data-state="shown"]').waitFor();

		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'E1 Leakage-current protection',
		);
		await expect(page.locator('main').getByRole('note').textContent()).resolves.toContain(
			'offline copy',
		);
		await expect(page.locator('.badge.p1').textContent()).resolves.toBe('P1 urgent');
		const text = await mainText(page);
		expect(text).toContain('the customer must not keep resetting the breaker');
		expect(text).toContain("On site, first check the socket's live, neutral and earth");
		expect(text).toContain('Heavy scale on the element overheats it locally');
		expect(text).toContain('If insulation fails, replace the element');
		await expect(page.locator('header a[hreflang="zh-CN"]').getAttribute('href')).resolves.toBe(
			'/faults/wh/e1/',
		);

		// Follow the SOP link.
		await page
			.locator('main')
			.getByRole('link', { name: 'Hardware diagnosis', exact: true })
			.click();
		await page.waitForURL(/\/en\/sops\/hardware-diagnosis\/$/);

		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
			'Hardware diagnosis',
		);
	});

	it('says so when the code is not in the offline data', async () => {
		const page = await offlinePhone();
		// Open a code that does not exist.
		await page.goto(`${site.url}en/faults/wh/zz-999/`);
		await page.locator('[data-state="notFound"]').waitFor();

		await expect(page.locator('[data-offline-fault-status]').textContent()).resolves.toBe(
			'The offline data on this device has no fault code at /en/faults/wh/zz-999/. Check the address, or try again when online.',
		);
	});
});

describe('searching offline', () => {
	it.each([
		['', '漏电', '/faults/wh/e1/', '离线：只搜索了标题、故障码和客户说法。'],
		[
			'en/',
			'leakage',
			'/en/faults/wh/e1/',
			'Offline: searched titles, codes and customer words only.',
		],
	])(
		'finds a title in %j and opens the unvisited entry from the offline data',
		async (prefix, query, target, note) => {
			const page = await offlinePhone();
			// On a page the phone holds, search from the header for words of a title.
			await page.goto(`${site.url}${prefix}sops/`);
			await page.locator('[data-search-open]').click();
			await page.locator('[data-search-input]').fill(query);
			await page.waitForFunction((q) => {
				const root = document.querySelector<HTMLElement>('[data-search-root]');
				return root?.dataset.state === 'done' && root.dataset.query === q;
			}, query);

			await expect(page.locator('[data-search-status]').textContent()).resolves.toContain(note);
			const hrefs = await page
				.locator('[data-search-results] a')
				.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
			expect(hrefs).toContain(target);

			// Open it: the page was never visited, so the offline data renders it.
			await page.locator(`[data-search-results] a[href="${target}"]`).first().click();
			await page.locator('[data-state="shown"]').waitFor();
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^E1 /);
		},
	);
});

import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { FIXTURE } from '../helpers/builds.ts';
import { useServedSite } from '../helpers/served-site.ts';

// Journey: a technician opens the home page, a fault page and an SOP revision, in both languages.
const site = useServedSite(FIXTURE);
let page: Page;

beforeEach(async () => {
	page = await site.newPage({ viewport: { width: 390, height: 844 } });
});

describe('reading the knowledge base', () => {
	it('shows the home page in Chinese with a search box and no serious accessibility issue', async () => {
		// Open the home page.
		await page.goto(site.url);

		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('维修知识库');
		await expect(page.getByRole('searchbox').count()).resolves.toBe(1);
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('opens a fault page and switches to the same entry in English', async () => {
		// Open fault E4 from the air-conditioner family.
		await page.goto(`${site.url}faults/ac/e4/`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
			'室外机通信故障',
		);

		// Switch language.
		await page.getByRole('link', { name: 'English', exact: true }).click();

		expect(new URL(page.url()).pathname).toBe('/en/faults/ac/e4/');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
			'Outdoor unit communication fault',
		);
		await expect(page.getByText('P2 high').count()).resolves.toBeGreaterThan(0);
		expect(await seriousViolations(page)).toEqual([]);
	});

	it.each([
		['', '此版本（1.0）已被替代'],
		['en/', 'This revision (1.0) has been superseded'],
	])('shows a superseded SOP revision with its banner and history (%s)', async (prefix, banner) => {
		// Open the old revision 1.0 of the on-site visit SOP.
		await page.goto(`${site.url}${prefix}sops/onsite-visit/1.0/`);

		await expect(page.getByRole('status').textContent()).resolves.toContain(banner);
		await expect(page.locator('table tbody tr').count()).resolves.toBe(2);
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('renders the Mermaid flowchart as SVG on the current SOP', async () => {
		// Open the current revision, which has a diagram.
		await page.goto(`${site.url}en/sops/onsite-visit/`);

		await page.locator('pre.mermaid svg').waitFor({ timeout: 20_000 });
		await expect(page.locator('.doc-control').textContent()).resolves.toContain('SOP-SVC-007');
	});
});

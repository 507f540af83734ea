import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../scripts/lib/tickets/catalogue.ts';
import { pullFile } from '../../scripts/lib/tickets/pull.ts';
import { buildReport, REPORT_DEFAULTS, writeReport } from '../../scripts/lib/tickets/report.ts';
import { openStore } from '../../scripts/lib/tickets/store.ts';
import { FIXTURE, sharedBuildResult } from '../helpers/builds.ts';
import { FIXTURE_CONTENT } from '../helpers/fixture.ts';
import { launchBrowser, seriousViolations, takePageErrors } from '../helpers/browser.ts';
import {
	buildSite,
	previewSite,
	readBuilt,
	tempWorkDir,
	type BuildResult,
} from '../helpers/site.ts';

// The fixture export carries a customer's name, phone and address in every row (and the phone in
// a symptom text): after pull → report → build, none of it may be anywhere in the built site.
const PLANTED = ['欧阳娜娜', '13912345678', '杭州市西湖区文三路100号', 'SN-0001'];
const TICKETS = join(import.meta.dirname, '..', 'fixtures', 'tickets', 'zh-excel.csv');

function allFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) =>
		statSync(join(dir, name)).isDirectory() ? allFiles(join(dir, name)) : [join(dir, name)],
	);
}

let tmp: string;
let withReport: BuildResult;
let withoutReport: BuildResult;

beforeAll(async () => {
	tmp = tempWorkDir('kb-trends-site');
	const store = await openStore(join(tmp, 'tickets.duckdb'));
	await pullFile({
		file: TICKETS,
		store,
		salt: 'site-test-salt-0123456789',
		rejectsFile: join(tmp, 'rejects.csv'),
	});
	const report = await buildReport(store, loadCatalogue(FIXTURE_CONTENT), {
		...REPORT_DEFAULTS,
		weeks: 2,
		recentWeeks: 1,
		paretoShare: 0.7,
		until: '2026-03-08',
		asOf: '2026-11-26',
	});
	store.close();
	writeReport(join(tmp, 'report.json'), report);
	withReport = buildSite({
		contentDir: FIXTURE_CONTENT,
		outDir: join(tmp, 'with'),
		env: { KB_TRENDS_REPORT: join(tmp, 'report.json') },
	});
	// The fixture site every spec shares is built without a report (KB_TRENDS_REPORT=none).
	withoutReport = await sharedBuildResult(FIXTURE);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the trends pages', () => {
	it('show the KPIs, the flagged faults and the knowledge gaps in both languages', () => {
		expect(withReport.ok, withReport.output).toBe(true);

		const en = readBuilt(withReport.outDir, 'en/trends/index.html');
		const zh = readBuilt(withReport.outDir, 'trends/index.html');

		expect(en).toContain('Ticket trends and knowledge gaps');
		expect(en).toContain('First-time-fix rate');
		expect(en).toMatch(/E-77[\s\S]*code not in the catalogue[\s\S]*npm run kb -- tickets scaffold/);
		expect(en).toContain('role="img"');
		expect(zh).toContain('工单趋势与知识缺口');
		expect(zh).toContain('缺少条目');
	});

	it('add the weekly volume to the fault page and the top faults to the product page', () => {
		expect(readBuilt(withReport.outDir, 'en/faults/ac/e4/index.html')).toContain(
			'3 tickets in the 2 weeks from 2026-02-23 to 2026-03-08.',
		);
		expect(readBuilt(withReport.outDir, 'en/products/ac-kf35/index.html')).toMatch(
			/Most reported faults[\s\S]*<a href="\/en\/faults\/ac\/e4\/">E4<\/a>/,
		);
	});

	it("never carry a customer's name, phone, address or serial number", () => {
		const texts = allFiles(withReport.outDir)
			.filter((f) => /\.(html|js|json|xml|txt|css)$/.test(f))
			.map((f) => readFileSync(f, 'utf8'));

		expect(texts.length).toBeGreaterThan(10);
		for (const secret of PLANTED)
			expect(
				texts.some((t) => t.includes(secret)),
				secret,
			).toBe(false);
	});

	it('pass axe in light and dark mode, with the charts named for screen readers', async () => {
		const preview = await previewSite(withReport.outDir);
		const browser = await launchBrowser();
		try {
			const page = await browser.newPage();
			for (const colorScheme of ['light', 'dark'] as const) {
				// Open the English trends page in the colour scheme.
				await page.emulateMedia({ colorScheme });
				await page.goto(`${preview.url}en/trends/`);

				expect(await seriousViolations(page), colorScheme).toEqual([]);
				expect(
					await page.getByRole('img', { name: /E4 tickets per week: 0, 3/ }).count(),
				).toBeGreaterThan(0);
			}
			await page.close();
			expect(takePageErrors(browser), 'console errors and uncaught exceptions').toEqual([]);
		} finally {
			await browser.close();
			preview.close();
		}
	});

	it('build without a report, saying how to make one', () => {
		expect(withoutReport.ok, withoutReport.output).toBe(true);

		expect(readBuilt(withoutReport.outDir, 'en/trends/index.html')).toContain(
			'There is no ticket report yet.',
		);
		expect(readBuilt(withoutReport.outDir, 'en/faults/ac/e4/index.html')).not.toContain(
			'Recent ticket volume',
		);
	});
});

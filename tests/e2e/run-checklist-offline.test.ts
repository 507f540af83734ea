import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { FIXTURE_KB } from '../helpers/builds.ts';
import { copyFixture } from '../helpers/fixture.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { buildSite, previewSite, tempWorkDir } from '../helpers/site.ts';

/** The parts of a downloaded completion record these tests read. */
interface ChecklistRecordFile {
	startedAt: string;
	finishedAt: string;
	items: unknown[];
}

// Journey: a technician runs a checklist on a phone, then works in a basement with no signal.
// The site is deployed under a sub-path, as on an intranet, so the service worker's scope is tested too.
// The content has a handover checklist with photo and signature evidence, in two revisions (1.1 current).
const BASE = FIXTURE_KB.base!;
const PHONE = { viewport: { width: 360, height: 740 } };
const site = useServedSite(FIXTURE_KB);

/** A fresh phone-sized browser profile: its own storage, service workers and downloads. */
function phone(): Promise<Page> {
	return site.newPage({ ...PHONE, acceptDownloads: true });
}

describe('running a checklist', () => {
	it('keeps ticks across a reload, insists on critical items and evidence, and records the completed run', async () => {
		const page = await phone();
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: new URL(site.url).origin,
		});
		// Open the current revision of the handover checklist.
		await page.goto(`${site.url}en/checklists/handover/`);
		// Enter the work order and the technician, and tick the first item.
		await page.getByLabel('Work-order number').fill('WO-2026-0042');
		await page.getByLabel('Technician name').fill('Li Wei');
		await page.getByRole('checkbox', { name: /Test run done/ }).check();
		// Reload the page.
		await page.reload();

		await expect(page.getByRole('checkbox', { name: /Test run done/ }).isChecked()).resolves.toBe(
			true,
		);
		await expect(page.getByLabel('Work-order number').inputValue()).resolves.toBe('WO-2026-0042');
		await expect(page.locator('[data-progress]').textContent()).resolves.toBe(
			'1 of 3 items done, 1 of 2 critical',
		);

		// Try to complete with a critical item open.
		await page.getByRole('button', { name: 'Complete checklist' }).click();
		await expect(page.getByRole('alert').textContent()).resolves.toContain(
			'Critical item not done: Customer signed the service record',
		);

		// Tick the signature and photo items without their evidence, and try again.
		await page.getByRole('checkbox', { name: /Customer signed the service record/ }).check();
		await page.getByRole('checkbox', { name: /Photo of the repaired product/ }).check();
		await page.getByRole('button', { name: 'Complete checklist' }).click();
		const alert = await page.getByRole('alert').textContent();
		expect(alert).toContain('Enter who signed: Customer signed the service record');
		expect(alert).toContain('Confirm that the photo was taken: Photo of the repaired product');

		// Give the evidence and complete.
		await page.getByLabel('Signed by (name)').fill('Zhang San');
		await page.getByRole('checkbox', { name: 'Photo taken' }).check();
		await page.getByLabel(/Photo note/).fill('IMG_0042.jpg');
		await page.getByRole('button', { name: 'Complete checklist' }).click();

		await expect(
			page.getByRole('heading', { name: 'Completion record' }).isVisible(),
		).resolves.toBe(true);
		await expect(page.getByRole('checkbox', { name: /Test run done/ }).isDisabled()).resolves.toBe(
			true,
		);
		expect(await seriousViolations(page)).toEqual([]);

		// Download the record.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download JSON' }).click(),
		]);
		const record = JSON.parse(readFileSync(await download.path(), 'utf8')) as ChecklistRecordFile;

		expect(download.suggestedFilename()).toBe('handover-1.1-WO-2026-0042.json');
		expect(record).toMatchObject({
			format: 'kb-checklist-record/1',
			checklist: { id: 'handover', docId: 'CL-SVC-010', revision: '1.1', title: 'Handover' },
			locale: 'en',
			workOrder: 'WO-2026-0042',
			technician: 'Li Wei',
			items: [
				{ id: 'test-run', critical: true, evidence: 'none', done: true },
				{
					id: 'photo-after',
					critical: false,
					evidence: 'photo',
					done: true,
					photoTaken: true,
					note: 'IMG_0042.jpg',
				},
				{
					id: 'customer-signature',
					critical: true,
					evidence: 'signature',
					done: true,
					signedBy: 'Zhang San',
				},
			],
		});
		expect(Date.parse(record.startedAt)).toBeLessThanOrEqual(Date.parse(record.finishedAt));

		// Copy the record as text.
		await page.getByRole('button', { name: 'Copy as text' }).click();

		const text = await page.evaluate(() => navigator.clipboard.readText());
		expect(text).toContain('Work-order number: WO-2026-0042');
		expect(text).toContain(
			'[x] Customer signed the service record (critical): Signed by Zhang San',
		);

		// Print the record (the button sets this flag, then opens the print dialog).
		await page.evaluate(() => (document.documentElement.dataset.print = 'record'));
		await page.emulateMedia({ media: 'print' });

		await expect(
			page.getByRole('heading', { name: 'Completion record' }).isVisible(),
		).resolves.toBe(true);
		await expect(page.getByRole('table').getByText('Zhang San').isVisible()).resolves.toBe(true);
		await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(false);
		await expect(page.locator('.checklist-items').isVisible()).resolves.toBe(false);
	});

	it('records a measurement with its unit', async () => {
		const page = await phone();
		// Open the preparation checklist in Chinese and fill it in.
		await page.goto(`${site.url}checklists/onsite-preparation/`);
		await page.getByLabel('工单编号').fill('WO-7');
		await page.getByLabel('技术员姓名').fill('王磊');
		await page.getByRole('checkbox', { name: /出发前电话联系客户/ }).check();
		await page.getByRole('checkbox', { name: /测量电源电压/ }).check();
		await page.getByLabel('测量值（V）').fill('abc');
		await page.getByRole('button', { name: '完成检查' }).click();

		await expect(page.getByRole('alert').textContent()).resolves.toContain(
			'请以数字填写测量值：测量电源电压',
		);

		// Correct the value and complete.
		await page.getByLabel('测量值（V）').fill('228,5');
		await page.getByRole('button', { name: '完成检查' }).click();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '下载 JSON' }).click(),
		]);
		const record = JSON.parse(readFileSync(await download.path(), 'utf8')) as ChecklistRecordFile;

		expect(record.items[1]).toEqual({
			id: 'supply-voltage',
			text: '测量电源电压',
			critical: false,
			evidence: 'measurement',
			done: true,
			value: 228.5,
			unit: 'V',
		});
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('never carries ticks from one revision to the next, and offers to finish the older run', async () => {
		const page = await phone();
		// Tick an item on the superseded revision 1.0.
		await page.goto(`${site.url}en/checklists/handover/1.0/`);
		await page.getByRole('checkbox', { name: /Test run done/ }).check();
		// Open the current revision 1.1.
		await page.goto(`${site.url}en/checklists/handover/`);

		await expect(page.getByRole('checkbox', { name: /Test run done/ }).isChecked()).resolves.toBe(
			false,
		);
		await expect(page.getByText(/unfinished run of revision 1\.0/).isVisible()).resolves.toBe(true);

		// Follow the offer to finish revision 1.0.
		await page.getByRole('link', { name: 'Finish revision 1.0' }).click();

		expect(new URL(page.url()).pathname).toBe('/kb/en/checklists/handover/1.0/');
		await expect(page.getByRole('checkbox', { name: /Test run done/ }).isChecked()).resolves.toBe(
			true,
		);
	});

	it('resets a run on request', async () => {
		const page = await phone();
		page.on('dialog', (dialog) => void dialog.accept());
		// Tick an item, then reset.
		await page.goto(`${site.url}en/checklists/onsite-preparation/`);
		await page.getByRole('checkbox', { name: /Phone the customer/ }).check();
		await page.getByRole('button', { name: 'Reset' }).click();
		await page.reload();

		await expect(
			page.getByRole('checkbox', { name: /Phone the customer/ }).isChecked(),
		).resolves.toBe(false);
	});

	it('prints as a clean paper form with boxes, and fits a 360 px screen', async () => {
		const page = await phone();
		await page.goto(`${site.url}en/checklists/handover/`);

		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360,
		);

		// Print.
		await page.emulateMedia({ media: 'print' });

		await expect(page.locator('.checklist-items > li > .box:visible').count()).resolves.toBe(3);
		await expect(page.locator('.blank-line', { hasText: 'Photo taken' }).isVisible()).resolves.toBe(
			true,
		);
		await expect(page.locator('input:visible, button:visible').count()).resolves.toBe(0);
		await expect(page.getByText('Work-order number:').isVisible()).resolves.toBe(true);
		await expect(page.getByText("Technician's signature:").isVisible()).resolves.toBe(true);
		await expect(page.locator('nav').first().isVisible()).resolves.toBe(false);
	});
});

describe('working offline', () => {
	it('after one visit, finds a fault by code in Chinese, opens it, its SOP and runs its checklist with no network', async () => {
		const page = await phone();
		// Visit the home page once, online, and wait until the device is ready offline.
		await page.goto(site.url);
		await page.locator('[data-offline-state="ready"]').waitFor({ timeout: 60_000 });
		await expect(page.locator('[data-offline-text]').textContent()).resolves.toMatch(
			/^本设备可离线使用 · 内容版本 [0-9a-f]{8}$/,
		);

		// Lose the network.
		await page.context().setOffline(true);
		// Search from the home page in Chinese.
		await page.goto(site.url);

		await expect(page.evaluate(() => navigator.onLine)).resolves.toBe(false);

		await page.getByRole('searchbox').fill('故障码E4');
		await page.getByRole('searchbox').press('Enter');
		await page.waitForURL(/\/kb\/faults\/ac\/e4\/$/, { timeout: 30_000 });

		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
			'室外机通信故障',
		);

		// Open the fault's SOP.
		await page.getByRole('link', { name: '上门服务规范' }).click();

		await page.locator('pre.mermaid svg').waitFor({ timeout: 20_000 });

		// Back to the fault, then open its checklist and tick an item.
		await page.goBack();
		await page.getByRole('link', { name: '上门准备' }).click();
		await page.getByRole('checkbox', { name: /出发前电话联系客户/ }).check();

		await expect(page.locator('[data-progress]').textContent()).resolves.toBe(
			'已完成 1/2 项，关键项 1/1',
		);

		// Open the English pages too.
		await page.goto(`${site.url}en/etiquette/knock-properly/`);

		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
			'doorbell',
		);
	});

	it('takes a new deploy only when asked, and a checklist in progress carries on', async () => {
		// Deploy the shared build on a server of this test's own, and build the next deploy: one rule reworded, so the content version changes.
		const work = tempWorkDir('kb-redeploy');
		const copy = copyFixture();
		cpSync(FIXTURE_KB.overlay!, copy.dir, { recursive: true });
		copy.edit('etiquette/knock-properly.yaml', (t) =>
			t.replace('Step back after knocking and wait', 'Step back after knocking and wait quietly'),
		);
		const next = buildSite({
			contentDir: copy.dir,
			outDir: join(work, 'dist-next'),
			base: BASE,
			env: FIXTURE_KB.env,
		});
		copy.dispose();
		expect(next.ok, next.output).toBe(true);
		cpSync(site.outDir, join(work, 'dist'), { recursive: true });
		const preview = await previewSite(join(work, 'dist'), BASE);
		onTestFinished(() => {
			preview.close();
			rmSync(work, { recursive: true, force: true });
		});
		const page = await phone();
		// Start a run online and wait until the device is ready offline.
		await page.goto(`${preview.url}en/checklists/onsite-preparation/`);
		await page.locator('[data-offline-state="ready"]').waitFor({ timeout: 60_000 });
		const before = await page.locator('[data-offline-text]').textContent();
		await page.getByLabel('Work-order number').fill('WO-9');
		await page.getByRole('checkbox', { name: /Phone the customer/ }).check();

		// Deploy the next build, and come back to the page.
		rmSync(join(work, 'dist'), { recursive: true });
		cpSync(join(work, 'dist-next'), join(work, 'dist'), { recursive: true });
		await page.reload();
		await page.locator('[data-offline-state="update"]').waitFor({ timeout: 60_000 });

		await expect(
			page.getByRole('checkbox', { name: /Phone the customer/ }).isChecked(),
		).resolves.toBe(true);
		await expect(page.locator('[data-offline-text]').textContent()).resolves.toContain(
			'A new content version has been downloaded',
		);

		// Take the update.
		await Promise.all([
			page.waitForEvent('load'),
			page.getByRole('button', { name: 'Update now' }).click(),
		]);
		await page.locator('[data-offline-state="ready"]').waitFor({ timeout: 60_000 });

		const after = await page.locator('[data-offline-text]').textContent();
		expect(after).toMatch(/^Ready offline on this device · content version [0-9a-f]{8}$/);
		expect(after).not.toBe(before);
		await expect(
			page.getByRole('checkbox', { name: /Phone the customer/ }).isChecked(),
		).resolves.toBe(true);
		await expect(page.getByLabel('Work-order number').inputValue()).resolves.toBe('WO-9');
	}, 300_000);
});

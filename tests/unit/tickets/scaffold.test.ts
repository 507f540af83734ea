import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/load.ts';
import { loadCatalogue } from '../../../scripts/lib/tickets/catalogue.ts';
import { pullFile } from '../../../scripts/lib/tickets/pull.ts';
import { buildReport, REPORT_DEFAULTS } from '../../../scripts/lib/tickets/report.ts';
import {
	parseDraft,
	planScaffold,
	symptomWords,
	writeScaffold,
} from '../../../scripts/lib/tickets/scaffold.ts';
import { copyFixture, type FixtureCopy } from '../../helpers/fixture.ts';
import { SALT, TICKET_FIXTURES, tempStore } from './support.ts';

let ctx: Awaited<ReturnType<typeof tempStore>>;
let content: FixtureCopy;
beforeEach(async () => {
	ctx = await tempStore();
	content = copyFixture();
	await pullFile({
		file: join(TICKET_FIXTURES, 'zh-excel.csv'),
		store: ctx.store,
		salt: SALT,
		rejectsFile: join(ctx.dir, 'r.csv'),
	});
});
afterEach(() => {
	ctx.dispose();
	content.dispose();
});

const plan = async () => {
	const catalogue = loadCatalogue(content.dir);
	const report = await buildReport(ctx.store, catalogue, {
		...REPORT_DEFAULTS,
		weeks: 2,
		recentWeeks: 1,
		paretoShare: 0.7,
		until: '2026-03-08',
		asOf: '2026-11-26',
	});
	return planScaffold(report, ctx.store, catalogue, content.dir);
};

describe('planScaffold', () => {
	it('drafts a valid entry for the flagged code the catalogue lacks, with the evidence in comments', async () => {
		const plans = await plan();

		expect(plans).toHaveLength(1);
		const [draft] = plans;
		expect(draft).toMatchObject({ file: join(content.dir, 'faults', 'ac', 'e-77.yaml') });
		const yaml = (draft as { yaml: string }).yaml;
		expect(parseDraft(yaml)).toMatchObject({
			code: 'E-77',
			family: 'ac',
			models: ['ac-kf35'],
			category: 'hardware',
			subcategory: 'other',
			priority: 'P3',
			title: { 'zh-CN': '（草稿）故障 E-77', en: '(Draft) Fault E-77' },
		});
		expect(yaml).toContain('#   tickets: 1 (25.0 % of coded tickets); flagged: unknown-code');
		expect(yaml).toContain('#   weekly: 2026-02-23: 0, 2026-03-02: 1');
	});
});

describe('writeScaffold', () => {
	it('writes the drafts into the content folder, where they pass the content check, and never overwrites', async () => {
		const written = writeScaffold(await plan());

		expect(written).toEqual([join(content.dir, 'faults', 'ac', 'e-77.yaml')]);
		expect(loadContent(content.dir).problems).toEqual([]);
		content.write('faults/ac/e-77.yaml', 'code: E-77 # edited by a trainer\n');
		const again = await plan();
		expect(again).toMatchObject([
			{ skipped: `E-77: ${join(content.dir, 'faults', 'ac', 'e-77.yaml')} already exists.` },
		]);
		expect(writeScaffold(again)).toEqual([]);
		expect(readFileSync(join(content.dir, 'faults', 'ac', 'e-77.yaml'), 'utf8')).toBe(
			'code: E-77 # edited by a trainer\n',
		);
	});
});

describe('symptomWords', () => {
	it('keeps words at least three tickets use, so a one-off name never reaches a draft', () => {
		const words = symptomWords(
			['空调不制冷', '不制冷，外机不转', '还是不制冷', '欧阳娜娜家外机不转', '外机不转了'],
			3,
		);

		expect(words).toEqual([{ word: '制冷', tickets: 3 }]);
	});
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrendReportSchema } from '../../../src/schemas/trends-report.ts';
import { loadCatalogue } from '../../../scripts/lib/tickets/catalogue.ts';
import { parseMapping } from '../../../scripts/lib/tickets/mapping.ts';
import { pullFile } from '../../../scripts/lib/tickets/pull.ts';
import {
	buildReport,
	flaggedFaults,
	REPORT_DEFAULTS,
	writeReport,
} from '../../../scripts/lib/tickets/report.ts';
import { formatReportSummary } from '../../../scripts/lib/tickets/summary.ts';
import { printedAsync } from '../../helpers/kb-error.ts';
import { CONTENT_FIXTURE, SALT, TICKET_FIXTURES, tempStore } from './support.ts';

// The fixture export stores T-1001 (E4, KF-35, serial SN-0001), T-1002 (e-4, ac-kf26), T-1007 (E4, SN-0001
// again three days after T-1001's repair) and T-1008 (E-77, a code the catalogue lacks), all in the week of 2026-03-02.
const options = {
	...REPORT_DEFAULTS,
	weeks: 2,
	recentWeeks: 1,
	paretoShare: 0.7,
	until: '2026-03-08',
	asOf: '2026-11-26',
};
let ctx: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
	ctx = await tempStore();
});
afterEach(() => ctx.dispose());

const pull = (mapping?: unknown) =>
	pullFile({
		file: join(TICKET_FIXTURES, 'zh-excel.csv'),
		store: ctx.store,
		salt: SALT,
		rejectsFile: join(ctx.dir, 'r.csv'),
		mapping: mapping ? parseMapping(mapping) : undefined,
	});

describe('buildReport', () => {
	it('flags the Pareto code and the unknown code, with their knowledge', async () => {
		await pull();

		const report = await buildReport(ctx.store, loadCatalogue(CONTENT_FIXTURE), options);

		expect(report.period).toEqual({
			from: '2026-02-23',
			to: '2026-03-08',
			weeks: ['2026-02-23', '2026-03-02'],
			recentFrom: '2026-03-02',
		});
		expect(report.totals).toEqual({
			tickets: 4,
			coded: 4,
			unknownCode: 1,
			repeatRepairs: 1,
			sources: [{ source: 'zh-excel', tickets: 4 }],
		});
		expect(
			flaggedFaults(report).map((f) => ({
				code: f.code,
				family: f.family,
				count: f.count,
				reasons: f.reasons,
				knowledge: f.knowledge,
				repeat: f.repeat,
			})),
		).toEqual([
			{
				code: 'E4',
				family: 'ac',
				count: 3,
				reasons: ['high-frequency'],
				knowledge: 'covered',
				repeat: { n: 3, repeats: 1, rate: 0.3333 },
			},
			{
				code: 'E-77',
				family: 'ac',
				count: 1,
				reasons: ['unknown-code'],
				knowledge: 'missing',
				repeat: { n: 1, repeats: 0, rate: 0 },
			},
		]);
		expect(report.faults[0]).toMatchObject({
			entry: 'ac/e4',
			sop: 'onsite-visit',
			weekly: [0, 3],
			share: 0.75,
			paretoRank: 1,
			title: { en: 'Outdoor unit communication fault' },
		});
	});

	it('computes the KPIs against the targets', async () => {
		await pull();

		const report = await buildReport(ctx.store, loadCatalogue(CONTENT_FIXTURE), options);

		// First-time fix 3 of 4; phone responses 10 and 5 min; the e-mail one 60 min; P1 repairs 3 h each; scores 5, 4, 3, 4.
		expect(report.kpis.map((k) => [k.id, k.value, k.met, k.n])).toEqual([
			['firstTimeFix', 75, false, 4],
			['repeatRate', 25, false, 4],
			['firstResponsePhone', 7.5, true, 2],
			['firstResponseEmail', 60, false, 1],
			['p1Resolution', 3, true, 2],
			['satisfaction', 4, false, 4],
		]);
		expect(report.off).toEqual([]);
	});

	it('switches off the analyses whose fields are not mapped, and says which', async () => {
		await pull({
			preset: 'zh-excel',
			fields: { serial: false, satisfaction: false, region: false },
		});

		const report = await buildReport(ctx.store, loadCatalogue(CONTENT_FIXTURE), options);

		expect(report.off).toEqual([
			{ analysis: 'byRegion', fields: ['region'] },
			{ analysis: 'repeatRepair', fields: ['serial'] },
			{ analysis: 'satisfaction', fields: ['satisfaction'] },
		]);
		expect(report.totals.repeatRepairs).toBeNull();
		expect(report.faults[0]!.repeat).toBeUndefined();
		expect(formatReportSummary(report)).toContain(
			'Analyses off (no ticket has these fields; map them to switch the analysis on):\n  byRegion: region (region)\n  repeatRepair: serial (serial number (stored hashed))',
		);
	});

	it('names the fix when the store is empty', async () => {
		expect(
			await printedAsync(() =>
				buildReport(ctx.store, loadCatalogue(CONTENT_FIXTURE), { ...options, until: undefined }),
			),
		).toBe(
			`error [store-empty]: the ticket store ${ctx.store.path} holds no tickets.\nfix: pull an export first: npm run kb -- tickets pull <file>.\n`,
		);
	});

	it('asks for more weeks than recent weeks', async () => {
		await pull();

		expect(
			await printedAsync(() =>
				buildReport(ctx.store, loadCatalogue(CONTENT_FIXTURE), {
					...options,
					weeks: 2,
					recentWeeks: 2,
				}),
			),
		).toBe(
			'error [weeks-too-few]: --weeks 2 leaves no baseline for --recent 2.\nfix: use more weeks than recent weeks, e.g. --weeks 12 --recent 2.\n',
		);
	});
});

describe('writeReport', () => {
	it("writes JSON the site's schema accepts, with short number lists", async () => {
		await pull();
		const report = await buildReport(ctx.store, loadCatalogue(CONTENT_FIXTURE), options);
		const file = join(ctx.dir, 'out', 'report.json');

		writeReport(file, report);

		const text = readFileSync(file, 'utf8');
		expect(TrendReportSchema.parse(JSON.parse(text))).toEqual(report);
		expect(text).toContain('"weekly": [0, 3]');
		expect(text.endsWith('}\n')).toBe(true);
	});
});

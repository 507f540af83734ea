import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregate } from '../../../scripts/lib/tickets/analysis/aggregate.ts';
import { computeKpis } from '../../../scripts/lib/tickets/analysis/kpis.ts';
import { paretoSet } from '../../../scripts/lib/tickets/analysis/pareto.ts';
import {
	kpiInputs,
	repeatRepairs,
	weeklyCube,
} from '../../../scripts/lib/tickets/analysis/queries.ts';
import { repeatFlag } from '../../../scripts/lib/tickets/analysis/repeat.ts';
import { riseTest } from '../../../scripts/lib/tickets/analysis/rising.ts';
import { loadCatalogue } from '../../../scripts/lib/tickets/catalogue.ts';
import { periodFor } from '../../../scripts/lib/tickets/period.ts';
import { CONTENT_FIXTURE, insertTickets, tempStore } from './support.ts';

// An independent reference for the tests' expected p-values: the binomial sum term by term.
function binomialTail(k: number, n: number, p: number): number {
	let sum = 0;
	for (let i = k; i <= n; i++) {
		let c = 1;
		for (let j = 1; j <= i; j++) c = (c * (n - i + j)) / j;
		sum += c * p ** i * (1 - p) ** (n - i);
	}
	return sum;
}

let ctx: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
	ctx = await tempStore();
});
afterEach(() => ctx.dispose());

describe('periodFor', () => {
	it('takes whole weeks ending on the last Sunday on or before the last day', () => {
		expect(periodFor('2026-03-11', 2, 1)).toEqual({
			from: '2026-02-23',
			to: '2026-03-08',
			weeks: ['2026-02-23', '2026-03-02'],
			recentFrom: '2026-03-02',
		});
		expect(periodFor('2026-03-08', 3, 2)).toEqual({
			from: '2026-02-16',
			to: '2026-03-08',
			weeks: ['2026-02-16', '2026-02-23', '2026-03-02'],
			recentFrom: '2026-02-23',
		});
	});
});

describe('weeklyCube', () => {
	it('cuts weeks at Monday 00:00 in the business time zone', async () => {
		await insertTickets(ctx.store, [
			{ created: '2026-03-01T15:30:00Z', fault_code: 'E1' }, // Sunday 23:30 in Shanghai
			{ created: '2026-03-01T16:10:00Z', fault_code: 'E1' }, // Monday 00:10 in Shanghai
			{ created: '2026-03-03T02:00:00Z', fault_code: 'E4', model: 'ac-kf35', region: '华东' },
			{ created: '2026-03-03T03:00:00Z', fault_code: 'E4', model: 'ac-kf35', region: '华东' },
			{ created: '2026-03-09T01:00:00Z', fault_code: 'E4' }, // after the period
		]);
		const period = periodFor('2026-03-08', 2, 1);

		const shanghai = await weeklyCube(ctx.store, 'Asia/Shanghai', period);
		const utc = await weeklyCube(ctx.store, 'UTC', period);

		expect(shanghai).toEqual([
			{ code: 'E1', model: null, region: null, week: '2026-02-23', n: 1 },
			{ code: 'E1', model: null, region: null, week: '2026-03-02', n: 1 },
			{ code: 'E4', model: 'ac-kf35', region: '华东', week: '2026-03-02', n: 2 },
		]);
		expect(utc.filter((r) => r.code === 'E1')).toEqual([
			{ code: 'E1', model: null, region: null, week: '2026-02-23', n: 2 },
		]);
	});
});

describe('aggregate', () => {
	it('groups spellings of a code within its family, finds the family from the model or the code, and keeps unknown codes apart', () => {
		const catalogue = loadCatalogue(CONTENT_FIXTURE);
		const period = periodFor('2026-03-08', 2, 1);
		const cube = [
			{ code: 'e-4', model: 'KF-35', region: '华东', week: '2026-03-02', n: 3 },
			{ code: 'E04', model: 'ac-kf26', region: null, week: '2026-02-23', n: 2 },
			{ code: 'E4', model: 'XYZ-1', region: null, week: '2026-03-02', n: 1 },
			{ code: 'E-77', model: 'KF-35', region: '华东', week: '2026-03-02', n: 4 },
			{ code: null, model: 'KF-35', region: '华南', week: '2026-03-02', n: 5 },
		];

		const agg = aggregate(cube, [], period, catalogue);

		expect(
			agg.faults.map((f) => [
				f.identity,
				f.code,
				f.family,
				f.count,
				f.weekly,
				f.entries.map((e) => e.id),
			]),
		).toEqual([
			['ac/E4', 'E4', 'ac', 6, [2, 4], ['ac/e4']],
			['ac/E77', 'E-77', 'ac', 4, [0, 4], []],
		]);
		expect({ tickets: agg.tickets, coded: agg.coded }).toEqual({ tickets: 15, coded: 10 });
		expect(agg.models.map((m) => [m.model, m.product, m.count])).toEqual([
			['ac-kf35', 'ac-kf35', 12],
			['ac-kf26', 'ac-kf26', 2],
			['XYZ-1', undefined, 1],
		]);
		expect(agg.regions).toEqual([
			{ region: '华东', count: 7 },
			{ region: '华南', count: 5 },
		]);
	});
});

describe('paretoSet', () => {
	it.each([
		[
			'includes the code that crosses the share',
			[
				['A', 50],
				['B', 25],
				['C', 20],
				['D', 5],
			],
			0.8,
			{ A: 1, B: 2, C: 3 },
		],
		[
			'stops once the share is reached',
			[
				['A', 80],
				['B', 20],
			],
			0.8,
			{ A: 1 },
		],
		[
			'breaks ties by identity',
			[
				['C', 30],
				['B', 30],
				['A', 40],
			],
			0.5,
			{ A: 1, B: 2 },
		],
		['is empty without tickets', [], 0.8, {}],
	])('%s', (_, items, share, expected) => {
		const set = paretoSet(
			(items as [string, number][]).map(([identity, count]) => ({ identity, count })),
			share,
		);

		expect(Object.fromEntries(set)).toEqual(expected);
	});
});

describe('riseTest', () => {
	it('flags a code that appears from nothing once it reaches the minimum count', () => {
		const r = riseTest([0, 0, 0, 5], [10, 10, 10, 10], 1, 0.01, 5);

		// Under no change the last week holds 10 of 40 tickets: P(X ≥ 5 | n = 5, p = ¼) = ¼⁵.
		expect(r).toMatchObject({ recent: 5, baseline: 0, ratio: null, rising: true });
		expect(r.p).toBeCloseTo(0.25 ** 5, 12);
	});

	it('does not flag a small jump however large the percentage', () => {
		const r = riseTest([0, 0, 0, 4], [10, 10, 10, 10], 1, 0.01, 5);

		expect(r.p).toBeCloseTo(0.25 ** 4, 12);
		expect(r.rising).toBe(false);
	});

	it('measures against all tickets, so a busy season lifting every code is no rise', () => {
		const r = riseTest([10, 10, 10, 20], [100, 100, 100, 200], 1, 0.01, 5);

		expect(r.ratio).toBe(1);
		expect(r.p).toBeCloseTo(binomialTail(20, 50, 0.4), 12);
		expect(r.rising).toBe(false);
	});

	it('flags a tripled share in the last two weeks', () => {
		const r = riseTest([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 6, 6], Array(12).fill(100), 2, 0.01, 5);

		expect(r).toMatchObject({ recent: 12, baseline: 20, ratio: 3 });
		expect(r.p).toBeCloseTo(binomialTail(12, 32, 200 / 1200), 12);
		expect(r.p).toBeLessThan(0.01);
		expect(r.rising).toBe(true);
	});
});

describe('repeatRepairs', () => {
	it('counts a ticket as repeated when the same serial opens another within 7 days of its resolution', async () => {
		const day = (d: number, h = 0) =>
			new Date(Date.UTC(2026, 2, 2) + d * 86_400_000 + h * 3_600_000).toISOString();
		await insertTickets(ctx.store, [
			{ serial_hash: 's1', fault_code: 'E4', created: day(0), resolved: day(0, 2) },
			{ serial_hash: 's1', fault_code: 'E4', created: day(5) }, // 5 days after the repair: a repeat
			{ serial_hash: 's1', fault_code: 'E4', created: day(20) }, // 15 days later: not
			{ serial_hash: 's2', fault_code: 'E1', created: day(1), resolved: day(3) },
			{ serial_hash: 's2', fault_code: 'E1', created: day(10, 12) }, // 7.5 days after the repair: not
			{ serial_hash: 's3', fault_code: 'E2', created: day(2) },
			{ serial_hash: 's3', fault_code: 'E2', created: day(8) }, // 6 days after an unresolved ticket: a repeat
			{ serial_hash: null, fault_code: 'E2', created: day(2) },
		]);

		const rows = await repeatRepairs(ctx.store, 'Asia/Shanghai', periodFor('2026-03-29', 4, 1), 7);

		expect(rows).toEqual([
			{ code: 'E1', model: null, n: 2, repeats: 0 },
			{ code: 'E2', model: null, n: 2, repeats: 1 },
			{ code: 'E4', model: null, n: 3, repeats: 1 },
		]);
	});
});

describe('repeatFlag', () => {
	it.each([
		[{ n: 40, repeats: 7 }, binomialTail(7, 40, 0.05) < 0.01, true],
		[{ n: 40, repeats: 6 }, binomialTail(6, 40, 0.05) < 0.01, false],
		[{ n: 20, repeats: 2 }, false, false],
		[{ n: 100, repeats: 5 }, false, false],
	])(
		'flags %j only when above 5 %, at least 3 repeats and unlikely by chance',
		(repeat, tailBelowAlpha, expected) => {
			expect(repeatFlag(repeat, 0.01, 3)).toBe(expected);
			expect(tailBelowAlpha).toBe(expected);
		},
	);
});

describe('computeKpis', () => {
	it("computes each KPI from the period's tickets against the sources' targets", async () => {
		await insertTickets(ctx.store, [
			{
				created: '2026-03-02T00:00:00Z',
				resolved: '2026-03-02T03:00:00Z',
				channel: 'phone',
				first_response_minutes: 10,
				first_time_fix: true,
				priority: 'P1',
				satisfaction: 5,
			},
			{
				created: '2026-03-02T00:00:00Z',
				resolved: '2026-03-02T05:00:00Z',
				channel: 'phone',
				first_response_minutes: 20,
				visits: 2,
				priority: 'P1',
				satisfaction: 4,
			},
			{
				created: '2026-03-03T00:00:00Z',
				channel: 'email',
				first_response_minutes: 40,
				visits: 1,
				priority: 'P2',
				satisfaction: 3.5,
			},
			{ created: '2026-03-03T00:00:00Z', channel: 'email', first_response_minutes: 20 },
		]);

		const kpis = computeKpis(
			await kpiInputs(ctx.store, 'Asia/Shanghai', periodFor('2026-03-08', 1, 1)),
			{ n: 10, repeats: 1 },
		);

		expect(kpis).toEqual([
			{
				id: 'firstTimeFix',
				value: 66.7,
				target: 95,
				unit: 'percent',
				direction: 'atLeast',
				met: false,
				n: 3,
			},
			{
				id: 'repeatRate',
				value: 10,
				target: 5,
				unit: 'percent',
				direction: 'atMost',
				met: false,
				n: 10,
			},
			{
				id: 'firstResponsePhone',
				value: 15,
				target: 15,
				unit: 'minutes',
				direction: 'atMost',
				met: true,
				n: 2,
				withinTarget: 50,
			},
			{
				id: 'firstResponseEmail',
				value: 30,
				target: 30,
				unit: 'minutes',
				direction: 'atMost',
				met: true,
				n: 2,
				withinTarget: 50,
			},
			{
				id: 'p1Resolution',
				value: 4,
				target: 4,
				unit: 'hours',
				direction: 'atMost',
				met: true,
				n: 2,
				withinTarget: 50,
			},
			{
				id: 'satisfaction',
				value: 4.17,
				target: 4.5,
				unit: 'score',
				direction: 'atLeast',
				met: false,
				n: 3,
			},
		]);
	});

	it('gives null values and no verdict where no ticket has the fields', () => {
		const none = {
			ftf_n: 0,
			ftf_yes: 0,
			phone_n: 0,
			phone_avg: null,
			phone_within: 0,
			email_n: 0,
			email_avg: null,
			email_within: 0,
			p1_n: 0,
			p1_avg_h: null,
			p1_within: 0,
			sat_n: 0,
			sat_avg: null,
		};

		const kpis = computeKpis(none, { n: 0, repeats: 0 });

		expect(kpis.map((k) => [k.id, k.value, k.met])).toEqual([
			['firstTimeFix', null, null],
			['repeatRate', null, null],
			['firstResponsePhone', null, null],
			['firstResponseEmail', null, null],
			['p1Resolution', null, null],
			['satisfaction', null, null],
		]);
	});
});

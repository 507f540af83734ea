import { describe, expect, it } from 'vitest';
import {
	buildRecord,
	emptyRun,
	measured,
	problemsOf,
	progressOf,
	recordText,
	runKey,
	type ChecklistSpec,
	type RunState,
} from '../../src/client/runner/run.ts';

const SPEC: ChecklistSpec = {
	slug: 'handover',
	docId: 'CL-SVC-010',
	revision: '1.1',
	title: 'Handover',
	locale: 'en',
	items: [
		{ id: 'test-run', text: 'Test run done', critical: true, evidence: 'none' },
		{ id: 'voltage', text: 'Supply voltage', critical: false, evidence: 'measurement', unit: 'V' },
		{ id: 'photo', text: 'Photo of the product', critical: false, evidence: 'photo' },
		{ id: 'signature', text: 'Customer signed', critical: true, evidence: 'signature' },
	],
};

const run = (items: RunState['items'], extra: Partial<RunState> = {}): RunState => ({
	...emptyRun(),
	workOrder: 'WO-1',
	technician: 'Li',
	items,
	...extra,
});

describe('runKey', () => {
	it('gives each revision of a checklist its own key', () => {
		expect(runKey('handover', '1.0')).not.toBe(runKey('handover', '1.1'));
	});
});

describe('measured', () => {
	it.each<[string | undefined, number | undefined]>([
		['228', 228],
		[' 0,5 ', 0.5],
		['-3.25', -3.25],
		['12 V', undefined],
		['', undefined],
		[undefined, undefined],
	])('reads %j as %j', (input, expected) => {
		expect(measured(input)).toBe(expected);
	});
});

describe('progressOf', () => {
	it('counts done items and done critical items', () => {
		const progress = progressOf(
			SPEC,
			run({ 'test-run': { done: true }, photo: { done: true }, signature: { done: false } }),
		);

		expect(progress).toEqual({ done: 2, total: 4, critical: 1, criticalTotal: 2 });
	});
});

describe('problemsOf', () => {
	it('lists the missing header fields, open critical items and missing evidence in page order', () => {
		const problems = problemsOf(SPEC, {
			...emptyRun(),
			items: {
				voltage: { done: true, value: 'abc' },
				photo: { done: true },
				signature: { done: true, signer: ' ' },
			},
		});

		expect(problems).toEqual([
			{ kind: 'workOrder' },
			{ kind: 'technician' },
			{ kind: 'critical', item: 'test-run' },
			{ kind: 'value', item: 'voltage' },
			{ kind: 'photo', item: 'photo' },
			{ kind: 'signature', item: 'signature' },
		]);
	});

	it('lets a run complete with an open non-critical item', () => {
		const problems = problemsOf(
			SPEC,
			run({ 'test-run': { done: true }, signature: { done: true, signer: 'Zhang San' } }),
		);

		expect(problems).toEqual([]);
	});
});

describe('buildRecord and recordText', () => {
	const state = run(
		{
			'test-run': { done: true },
			voltage: { done: true, value: '228,5' },
			photo: { done: true, photo: true, note: ' IMG_1.jpg ' },
			signature: { done: true, signer: 'Zhang San' },
		},
		{ startedAt: '2026-11-26T01:00:00.000Z', finishedAt: '2026-11-26T01:20:00.000Z' },
	);

	it('records the checklist, the run and every item with its evidence', () => {
		const record = buildRecord(SPEC, state);

		expect(record).toEqual({
			format: 'kb-checklist-record/1',
			checklist: { id: 'handover', docId: 'CL-SVC-010', revision: '1.1', title: 'Handover' },
			locale: 'en',
			workOrder: 'WO-1',
			technician: 'Li',
			startedAt: '2026-11-26T01:00:00.000Z',
			finishedAt: '2026-11-26T01:20:00.000Z',
			items: [
				{ id: 'test-run', text: 'Test run done', critical: true, evidence: 'none', done: true },
				{
					id: 'voltage',
					text: 'Supply voltage',
					critical: false,
					evidence: 'measurement',
					done: true,
					value: 228.5,
					unit: 'V',
				},
				{
					id: 'photo',
					text: 'Photo of the product',
					critical: false,
					evidence: 'photo',
					done: true,
					photoTaken: true,
					note: 'IMG_1.jpg',
				},
				{
					id: 'signature',
					text: 'Customer signed',
					critical: true,
					evidence: 'signature',
					done: true,
					signedBy: 'Zhang San',
				},
			],
		});
	});

	it('writes one line per item for a ticket system', () => {
		const labels = {
			title: 'Record',
			revision: 'Revision',
			workOrder: 'Work order',
			technician: 'Technician',
			started: 'Started',
			finished: 'Finished',
			critical: 'critical',
			photo: 'Photo taken',
			signedBy: 'Signed by',
			time: (iso: string) => iso.slice(11, 16),
		};

		const text = recordText(buildRecord(SPEC, state), labels);

		expect(text).toBe(
			[
				'Record',
				'Handover · CL-SVC-010 · Revision 1.1',
				'Work order: WO-1',
				'Technician: Li',
				'Started: 01:00',
				'Finished: 01:20',
				'',
				'[x] Test run done (critical)',
				'[x] Supply voltage: 228.5 V',
				'[x] Photo of the product: Photo taken (IMG_1.jpg)',
				'[x] Customer signed (critical): Signed by Zhang San',
				'',
			].join('\n'),
		);
	});
});

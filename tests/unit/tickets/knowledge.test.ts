import { describe, expect, it } from 'vitest';
import { loadCatalogue, type Catalogue } from '../../../scripts/lib/tickets/catalogue.ts';
import { knowledgeOf } from '../../../scripts/lib/tickets/knowledge.ts';
import { CONTENT_FIXTURE } from './support.ts';

// The fixture: ac/e4 links the SOP onsite-visit (approved 2.0, review due 2027-01-10) and was never
// reviewed; ac/f07 and ac/e-101 link no SOP.
const catalogue = loadCatalogue(CONTENT_FIXTURE);
const entries = (id: string, cat: Catalogue = catalogue) => cat.faults.filter((f) => f.id === id);
const quiet = { rising: false, riseStart: '2026-11-09', asOf: '2026-11-26' };

describe('knowledgeOf', () => {
	it.each([
		['no entry', [], quiet, { knowledge: 'missing' }],
		['an entry without an SOP', entries('ac/f07'), quiet, { knowledge: 'no-sop' }],
		['an entry whose SOP is current', entries('ac/e4'), quiet, { knowledge: 'covered' }],
		[
			'an entry whose SOP is past its review date',
			entries('ac/e4'),
			{ ...quiet, asOf: '2027-02-01' },
			{ knowledge: 'stale', staleBecause: 'sop-review-due' },
		],
		[
			'a rising code whose entry was never reviewed',
			entries('ac/e4'),
			{ ...quiet, rising: true },
			{ knowledge: 'stale', staleBecause: 'reviewed-before-rise' },
		],
	])('finds %s', (_, list, ctx, expected) => {
		expect(knowledgeOf(list, catalogue, ctx)).toMatchObject(expected);
	});

	it('keeps a rising code covered when its entry was reviewed after the rise began', () => {
		const reviewed: Catalogue = {
			...catalogue,
			faults: catalogue.faults.map((f) =>
				f.id === 'ac/e4' ? { ...f, reviewed: '2026-11-20' } : f,
			),
		};

		expect(
			knowledgeOf(entries('ac/e4', reviewed), reviewed, { ...quiet, rising: true }),
		).toMatchObject({ knowledge: 'covered' });
	});

	it('judges by the weakest entry when the family is unknown and several families have the code', () => {
		expect(
			knowledgeOf([...entries('ac/e4'), ...entries('ac/f07')], catalogue, quiet),
		).toMatchObject({ knowledge: 'no-sop', entry: { id: 'ac/f07' } });
	});
});

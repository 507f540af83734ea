import { describe, expect, it } from 'vitest';
import {
	checkRevisionSeries,
	compareRevisions,
	currentRevision,
	nextRevision,
	sortRevisions,
	type RevisionLike,
} from '../../src/lib/revision.ts';

const rev = (
	revision: string,
	status: RevisionLike['status'],
	effective: string,
): RevisionLike => ({ revision, status, effective });

describe('compareRevisions', () => {
	it('orders 1.10 after 1.9', () => {
		expect(compareRevisions('1.10', '1.9')).toBeGreaterThan(0);
	});

	it('orders by major number first', () => {
		expect(compareRevisions('2.0', '1.12')).toBeGreaterThan(0);
	});
});

describe('sortRevisions and currentRevision', () => {
	it('sorts oldest first and finds the approved one', () => {
		const revisions = [
			rev('2.1', 'approved', '2026-06-01'),
			rev('1.0', 'superseded', '2025-01-01'),
			rev('2.0', 'superseded', '2025-09-01'),
		];

		const sorted = sortRevisions(revisions);

		expect(sorted.map((r) => r.revision)).toEqual(['1.0', '2.0', '2.1']);
		expect(currentRevision(sorted)?.revision).toBe('2.1');
	});
});

describe('nextRevision', () => {
	it.each([
		['1.2', false, '1.3'],
		['1.9', false, '1.10'],
		['1.2', true, '2.0'],
	])('after %s (major: %s) comes %s', (from, major, expected) => {
		expect(nextRevision(from, major)).toBe(expected);
	});
});

describe('checkRevisionSeries', () => {
	it('accepts a clean history', () => {
		const problems = checkRevisionSeries('content/sops/x', [
			rev('1.0', 'superseded', '2025-01-01'),
			rev('1.1', 'approved', '2025-06-01'),
			rev('1.2', 'draft', '2026-01-01'),
		]);

		expect(problems).toEqual([]);
	});

	it('reports two approved revisions', () => {
		const problems = checkRevisionSeries('content/sops/x', [
			rev('1.0', 'approved', '2025-01-01'),
			rev('1.1', 'approved', '2025-06-01'),
		]);

		expect(problems).toEqual([
			{
				revision: '1.0',
				field: 'status',
				message:
					'content/sops/x has 2 approved revisions (1.0 and 1.1); exactly one may be current, so mark the older ones superseded.',
			},
		]);
	});

	it('reports effective dates that go backwards', () => {
		const problems = checkRevisionSeries('content/sops/x', [
			rev('1.0', 'superseded', '2025-06-01'),
			rev('1.1', 'approved', '2025-01-01'),
		]);

		expect(problems.map((p) => p.message)).toEqual([
			'revision 1.1 of content/sops/x takes effect on 2025-01-01, not after revision 1.0 (2025-06-01); effective dates must increase with the revision number.',
		]);
	});

	it('reports a superseded revision newer than the approved one', () => {
		const problems = checkRevisionSeries('content/sops/x', [
			rev('1.0', 'approved', '2025-01-01'),
			rev('1.1', 'superseded', '2025-06-01'),
		]);

		expect(problems.map((p) => p.message)).toEqual([
			'revision 1.1 of content/sops/x is superseded but newer than the approved 1.0; a revision can only be superseded by a later one.',
		]);
	});
});

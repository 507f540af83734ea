import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/data/content.ts';
import { reviewsDue } from '../../src/data/reviews.ts';

/** A knowledge base holding only what `reviewsDue` reads: current revisions with owner and review date. */
function kb(
	docs: {
		kind: 'sop' | 'checklist';
		slug: string;
		owner: string;
		reviewDue: string;
		current?: boolean;
	}[],
) {
	const data = (d: (typeof docs)[number]) => ({
		docId: `DOC-${d.slug.toUpperCase()}`,
		revision: '1.0',
		owner: d.owner,
		reviewDue: d.reviewDue,
		title: { 'zh-CN': `${d.slug}（中）`, en: d.slug },
	});
	return {
		sops: docs
			.filter((d) => d.kind === 'sop')
			.map((d) => ({
				slug: d.slug,
				revisions: [],
				current:
					d.current === false
						? undefined
						: {
								data: data(d),
								byLocale: {
									'zh-CN': { data: { title: `${d.slug}（中）` } },
									en: { data: { title: d.slug } },
								},
							},
			})),
		checklists: docs
			.filter((d) => d.kind === 'checklist')
			.map((d) => ({
				slug: d.slug,
				revisions: [],
				current: d.current === false ? undefined : { data: data(d) },
			})),
	} as unknown as Pick<KnowledgeBase, 'sops' | 'checklists'>;
}

describe('reviewsDue', () => {
	it('lists overdue and soon-due documents by owner, most urgent owner and document first', () => {
		const base = kb([
			{ kind: 'sop', slug: 'a', owner: 'Lead A', reviewDue: '2026-12-20' },
			{ kind: 'sop', slug: 'b', owner: 'Lead B', reviewDue: '2026-11-01' },
			{ kind: 'checklist', slug: 'c', owner: 'Lead A', reviewDue: '2026-11-26' },
			{ kind: 'sop', slug: 'd', owner: 'Lead B', reviewDue: '2027-06-01' },
			{ kind: 'sop', slug: 'e', owner: 'Lead C', reviewDue: '2026-01-01', current: false },
		]);

		const owners = reviewsDue(base, '2026-11-26');

		expect(
			owners.map((o) => [o.owner, o.items.map((i) => `${i.kind}:${i.slug}:${i.daysLeft}`)]),
		).toEqual([
			['Lead B', ['sop:b:-25']],
			['Lead A', ['checklist:c:0', 'sop:a:24']],
		]);
		expect(owners[1]!.items[1]!.title).toEqual({ 'zh-CN': 'a（中）', en: 'a' });
	});

	it('looks exactly the window ahead', () => {
		const base = kb([
			{ kind: 'sop', slug: 'in', owner: 'L', reviewDue: '2026-12-26' },
			{ kind: 'sop', slug: 'out', owner: 'L', reviewDue: '2026-12-27' },
		]);

		expect(reviewsDue(base, '2026-11-26', 30).flatMap((o) => o.items.map((i) => i.slug))).toEqual([
			'in',
		]);
	});
});

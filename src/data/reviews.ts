import type { SiteLocale } from '../lib/i18n.ts';
import { mapLocales } from '../lib/locales.ts';
import type { KnowledgeBase } from './content.ts';
import { daysBetween } from '../lib/time.ts';

/** How far ahead the "Review due" page looks, in days. */
export const REVIEW_WINDOW_DAYS = 30;

/** A current SOP or checklist whose review is overdue or due soon. */
export interface ReviewItem {
	kind: 'sop' | 'checklist';
	slug: string;
	docId: string;
	revision: string;
	title: Record<SiteLocale, string>;
	owner: string;
	reviewDue: string;
	/** Days from today to `reviewDue`: negative when overdue, 0 when due today. */
	daysLeft: number;
}

/** One owner's documents to review, most urgent first. */
export interface OwnerReviews {
	owner: string;
	items: ReviewItem[];
}

/**
 * The current (approved) SOPs and checklists whose review date has passed or falls within
 * `windowDays` of `today` (YYYY-MM-DD), grouped by owner. Owners with the most urgent document
 * come first; a document whose review is further away is left out.
 */
export function reviewsDue(
	kb: Pick<KnowledgeBase, 'sops' | 'checklists'>,
	today: string,
	windowDays = REVIEW_WINDOW_DAYS,
): OwnerReviews[] {
	const items: ReviewItem[] = [];
	for (const doc of kb.sops) {
		const rev = doc.current;
		if (!rev) continue;
		const title = mapLocales((locale) => rev.byLocale[locale].data.title);
		items.push(item('sop', doc.slug, rev.data, title, today));
	}
	for (const doc of kb.checklists) {
		if (doc.current)
			items.push(item('checklist', doc.slug, doc.current.data, doc.current.data.title, today));
	}
	const due = items
		.filter((i) => i.daysLeft <= windowDays)
		.sort((a, b) => a.daysLeft - b.daysLeft || a.docId.localeCompare(b.docId));
	const byOwner = new Map<string, ReviewItem[]>();
	for (const i of due) byOwner.set(i.owner, [...(byOwner.get(i.owner) ?? []), i]);
	return [...byOwner.entries()].map(([owner, list]) => ({ owner, items: list }));
}

// --- internal ---

interface Controlled {
	docId: string;
	revision: string;
	owner: string;
	reviewDue: string;
}

function item(
	kind: ReviewItem['kind'],
	slug: string,
	d: Controlled,
	title: Record<SiteLocale, string>,
	today: string,
): ReviewItem {
	return {
		kind,
		slug,
		docId: d.docId,
		revision: d.revision,
		title,
		owner: d.owner,
		reviewDue: d.reviewDue,
		daysLeft: daysBetween(today, d.reviewDue),
	};
}

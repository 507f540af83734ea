import type { SearchCard } from './search-index.ts';

/** One product family in the shared-code chooser: its entries for the code and its models. */
export interface FamilyGroup {
	/** The family id (`fam`), or its name on cards that do not carry the id. */
	key: string;
	/** Display name of the family. */
	name: string;
	/** The family's entries for the code, in the order search returned them. */
	cards: SearchCard[];
	/** Models the entries apply to, sorted, without repeats. */
	models: string[];
}

/** More families than this and the chooser offers a box to narrow them by typing. */
export const FAMILY_FILTER_THRESHOLD = 6;

/**
 * Groups the entries of a shared code by family, keeping search's order except that the family
 * `lastFamily` (the one this device opened last) comes first.
 */
export function familyGroups(
	cards: readonly SearchCard[],
	lastFamily: string | undefined,
): FamilyGroup[] {
	const groups = new Map<string, FamilyGroup>();
	for (const card of cards) {
		const key = familyKey(card);
		const group = groups.get(key) ?? { key, name: card.s ?? key, cards: [], models: [] };
		group.cards.push(card);
		group.models = [...new Set([...group.models, ...(card.f.model ?? [])])].sort();
		groups.set(key, group);
	}
	const list = [...groups.values()];
	const last = list.findIndex((g) => g.key === lastFamily);
	if (last > 0) list.unshift(...list.splice(last, 1));
	return list;
}

/** The family a card belongs to, for grouping and for remembering the last one used. */
export function familyKey(card: SearchCard): string {
	return card.fam ?? card.f.family?.[0] ?? card.s ?? card.u;
}

/**
 * A short form of a list for one line: the first `max` items, then `+N` for the rest.
 * @example shortList(['A1', 'A2', 'A3', 'A4'], 2) === 'A1, A2 +2'
 */
export function shortList(items: readonly string[], max = 3): string {
	const head = items.slice(0, max).join(', ');
	return items.length > max ? `${head} +${items.length - max}` : head;
}

/** Whether a family matches what was typed in the chooser's filter box (name, id or a model). */
export function familyMatches(group: FamilyGroup, typed: string): boolean {
	const q = fold(typed);
	return !q || [group.name, group.key, ...group.models].some((s) => fold(s).includes(q));
}

// --- internal ---

function fold(s: string): string {
	return s.normalize('NFKC').toLowerCase().trim();
}

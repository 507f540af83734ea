import { matchRanges } from '../../lib/search-highlight.ts';
import {
	FAMILY_FILTER_THRESHOLD,
	familyGroups,
	familyKey,
	familyMatches,
	shortList,
	type FamilyGroup,
} from '../../lib/search-choice.ts';
import type { SearchCard } from '../../lib/search-index.ts';
import type { ClientTranslate } from '../strings.ts';
import type { CodeOutcome } from './engine.ts';

/**
 * The exact-code answer: one entry, a choice grouped by family (the family used last first, with
 * a box to narrow the families when there are many), or "no such code" with the nearest codes.
 * Hidden when the query is not a code. Built with text nodes only.
 */
export function renderExact(
	box: HTMLElement,
	outcome: CodeOutcome,
	lastFamily: string | undefined,
	t: ClientTranslate,
): void {
	const { exact, nearest } = outcome;
	box.replaceChildren();
	// A code that exists nowhere still gets its sentence, with or without nearest codes.
	box.hidden = !outcome.codeKey;
	if (box.hidden) return;
	// Whether the box lists the code's own entries or only the nearest codes.
	box.dataset.found = exact.length ? 'exact' : 'nearest';
	const code = exact[0]?.c ?? outcome.codeKey ?? outcome.query;
	const heading = element('h2', '', exact.length > 1 ? t('search.choose', { code }) : '');
	heading.id = 'search-exact-heading';
	if (exact.length === 1) heading.textContent = t('search.exact');
	if (exact.length === 0)
		heading.textContent = t(nearest.length ? 'search.notFoundNearest' : 'search.notFound', {
			code,
		});
	const groups = familyGroups(exact.length ? exact : nearest, exact.length ? lastFamily : '');
	const list = element('ul', 'family-choice');
	list.hidden = groups.length === 0;
	const items = groups.map((g, i) =>
		familyItem(g, exact.length > 1 && i === 0 && g.key === lastFamily, t),
	);
	list.append(...items.map(([li]) => li));
	box.append(heading);
	if (exact.length > 1 && groups.length > FAMILY_FILTER_THRESHOLD)
		box.append(familyFilter(items, t));
	box.append(list);
}

/** One result: code and title (with the query's words marked), type, family and models, excerpt. */
export function resultItem(card: SearchCard, terms: readonly string[]): HTMLLIElement {
	const li = element('li', 'result');
	li.dataset.result = card.k;
	const a = cardLink(card, terms);
	const meta = element('p', 'result-meta');
	const type = card.f.type?.[0];
	if (type) meta.append(element('span', 'badge', type));
	const where = [card.k === 'fault' ? card.s : undefined, card.f.family?.join(', ')]
		.filter((s, i, all): s is string => Boolean(s) && all.indexOf(s) === i)
		.join(' · ');
	const models = shortList(card.f.model ?? []);
	const line = [where, models].filter(Boolean).join(' · ');
	if (line) meta.append(element('span', 'muted', line));
	li.append(a, meta);
	const excerpt = card.x ?? (card.k === 'fault' ? undefined : card.s);
	if (excerpt) li.append(marked(element('p', 'result-excerpt'), excerpt, terms));
	return li;
}

// --- internal ---

function familyItem(
	group: FamilyGroup,
	isLast: boolean,
	t: ClientTranslate,
): [HTMLLIElement, FamilyGroup] {
	const li = element('li');
	li.dataset.family = group.key;
	const name = element('strong', 'family-name', group.name);
	li.append(name);
	if (isLast) li.append(' ', element('span', 'badge', t('search.lastUsed')));
	if (group.models.length) li.append(' ', element('span', 'muted', shortList(group.models)));
	const links = element('ul', 'family-entries');
	links.append(...group.cards.map((c) => wrap(cardLink(c, []))));
	li.append(links);
	return [li, group];
}

function wrap(a: HTMLAnchorElement): HTMLLIElement {
	const li = element('li');
	li.append(a);
	return li;
}

function familyFilter(items: [HTMLLIElement, FamilyGroup][], t: ClientTranslate): HTMLElement {
	const label = element('label', 'family-filter', t('search.familyFilter'));
	const input = document.createElement('input');
	input.type = 'search';
	input.autocomplete = 'off';
	input.dataset.familyFilter = '';
	input.addEventListener('input', () => {
		for (const [li, group] of items) li.hidden = !familyMatches(group, input.value);
	});
	label.append(' ', input);
	return label;
}

/** The link of a card: its code apart (marked when the query is the code), then the marked title. */
function cardLink(card: SearchCard, terms: readonly string[]): HTMLAnchorElement {
	const a = document.createElement('a');
	a.href = card.u;
	if (card.k === 'fault') a.dataset.fam = familyKey(card);
	let title = card.t;
	if (card.c) {
		a.append(marked(element('span', 'result-code'), card.c, terms), ' ');
		if (title.startsWith(card.c)) title = title.slice(card.c.length).trimStart();
	}
	return marked(a, title, terms);
}

/** Appends `text` to `el` with the ranges that match `terms` in `<mark>`. */
function marked<T extends HTMLElement>(el: T, text: string, terms: readonly string[]): T {
	let at = 0;
	for (const [start, end] of matchRanges(text, terms)) {
		if (start > at) el.append(text.slice(at, start));
		el.append(element('mark', '', text.slice(start, end)));
		at = end;
	}
	if (at < text.length) el.append(text.slice(at));
	return el;
}

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className = '',
	text = '',
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	if (className) el.className = className;
	if (text) el.textContent = text;
	return el;
}

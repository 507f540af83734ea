import type { SearchCard } from '../../lib/search-index.ts';
import { readStrings, type ClientTranslate } from '../strings.ts';
import { applyFilters, filterCounts, SearchEngine, type SearchOutcome } from './engine.ts';

const FILTER_ORDER = ['type', 'family', 'model', 'category', 'priority'] as const;
const FILTER_LABEL = {
	type: 'search.filterType',
	family: 'search.filterFamily',
	model: 'search.filterModel',
	category: 'search.filterCategory',
	priority: 'search.filterPriority',
} as const satisfies Record<(typeof FILTER_ORDER)[number], string>;

/**
 * Wires the search page: reads ?q=, searches as the user types, jumps straight to a fault
 * entry when a submitted code matches exactly one, and renders results and filters.
 */
export function startSearch(root: HTMLElement, form: HTMLFormElement): void {
	const t = readStrings(root);
	const engine = new SearchEngine(root.dataset.data!, root.dataset.pagefind!, root.dataset.base!);
	const input = form.querySelector('input')!;
	const el = (id: string) => root.querySelector<HTMLElement>(`#${id}`)!;
	const selected = new Map<string, Set<string>>();
	let last: SearchOutcome | undefined;
	let seq = 0;

	const run = async (query: string, submitted: boolean) => {
		const mine = ++seq;
		el('search-status').textContent = query.trim() ? t('search.loading') : '';
		const outcome = await engine.search(query).catch(() => undefined);
		if (mine !== seq) return;
		if (!outcome) {
			el('search-status').textContent = t('search.offlineHint');
			return;
		}
		// A submitted code that exists in exactly one family goes straight to its entry.
		if (submitted && outcome.exact.length === 1) {
			location.assign(outcome.exact[0]!.u);
			return;
		}
		last = outcome;
		render();
	};

	const render = () => {
		if (!last) return;
		renderExact(el('search-exact'), last, t);
		const shown = applyFilters(last.results, selected);
		renderFilters(
			el('search-filters'),
			el('search-filter-groups'),
			last.results,
			selected,
			t,
			render,
		);
		el('search-results').replaceChildren(...shown.map(resultItem));
		el('search-status').textContent = last.query
			? shown.length
				? t('search.count', { n: shown.length })
				: t('search.none')
			: '';
		root.dataset.state = 'done';
	};

	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => void run(input.value, false), 120);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
		void run(input.value, true);
	});
	const initial = new URLSearchParams(location.search).get('q') ?? '';
	input.value = initial;
	if (initial) void run(initial, true);
	else root.dataset.state = 'done';
	input.focus();
}

// --- internal ---

function link(card: SearchCard): HTMLAnchorElement {
	const a = document.createElement('a');
	a.href = card.u;
	a.textContent = card.t;
	return a;
}

function resultItem(card: SearchCard): HTMLLIElement {
	const li = document.createElement('li');
	li.dataset.result = card.k;
	li.append(link(card));
	if (card.s) {
		const s = document.createElement('p');
		s.className = 'muted';
		s.textContent = card.s;
		li.append(s);
	}
	return li;
}

function renderExact(box: HTMLElement, outcome: SearchOutcome, t: ClientTranslate): void {
	box.replaceChildren();
	box.hidden = !outcome.codeKey || (outcome.exact.length === 0 && outcome.nearest.length === 0);
	if (box.hidden) return;
	const heading = document.createElement('h2');
	const list = document.createElement('ul');
	if (outcome.exact.length > 0) {
		heading.textContent =
			outcome.exact.length > 1
				? t('search.choose', { code: outcome.exact[0]!.c ?? outcome.query })
				: t('search.exact');
		list.append(...outcome.exact.map((c) => withFamily(c)));
	} else {
		heading.textContent = `${t('search.notFound', { code: outcome.query })} ${t('search.nearest')}`;
		list.append(...outcome.nearest.map((c) => withFamily(c)));
	}
	box.append(heading, list);
}

function withFamily(card: SearchCard): HTMLLIElement {
	const li = document.createElement('li');
	li.append(link(card));
	const models = card.f.model?.join(', ');
	li.append(` — ${[card.s, models].filter(Boolean).join(' · ')}`);
	return li;
}

function renderFilters(
	details: HTMLElement,
	box: HTMLElement,
	results: readonly SearchCard[],
	selected: Map<string, Set<string>>,
	t: ClientTranslate,
	rerender: () => void,
): void {
	const counts = filterCounts(results);
	details.hidden = results.length === 0;
	box.replaceChildren(
		...FILTER_ORDER.filter((name) => (counts.get(name)?.size ?? 0) > 0).map((name) => {
			const fieldset = document.createElement('fieldset');
			const legend = document.createElement('legend');
			legend.textContent = t(FILTER_LABEL[name]);
			fieldset.append(legend);
			for (const [value, n] of [...counts.get(name)!].sort(
				(a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
			)) {
				const label = document.createElement('label');
				const box = document.createElement('input');
				box.type = 'checkbox';
				box.checked = selected.get(name)?.has(value) ?? false;
				box.addEventListener('change', () => {
					const set = selected.get(name) ?? new Set<string>();
					if (box.checked) set.add(value);
					else set.delete(value);
					selected.set(name, set);
					rerender();
				});
				label.append(box, ` ${value} (${n})`);
				fieldset.append(label);
			}
			return fieldset;
		}),
	);
}

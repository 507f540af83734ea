import { familyKey } from '../../lib/search-choice.ts';
import type { SearchCard } from '../../lib/search-index.ts';
import { readJson, writeJson } from '../storage.ts';
import { readStrings } from '../strings.ts';
import { applyFilters, RESULT_PAGE, SearchEngine, type SearchOutcome } from './engine.ts';
import { renderFilters } from './filters.ts';
import { frameSearch } from './frame.ts';
import { renderExact, resultItem } from './render.ts';

/** Where the family of the last fault entry opened from search is kept (see src/client/storage.ts). */
const LAST_FAMILY = 'search.lastFamily';
/** Opening the filters loads this many results more, so their counts cover the whole list. */
const FILTER_CAP = 200;
/** Typing pauses this long before a search runs. */
const DEBOUNCE_MS = 120;

/**
 * Wires one live search UI (`[data-search-root]`, from SearchBox.astro): searches as the user
 * types (not while an input method is composing), shows an exact-code answer as soon as the code
 * map has it, then the full results; a submitted code that exists in exactly one family goes
 * straight to its entry. When the results of a query are on screen the root carries
 * `data-state="done"` and `data-query` (the query, trimmed); an older query never overwrites a newer one.
 */
export function startSearch(root: HTMLElement): void {
	const t = readStrings(root);
	const engine = new SearchEngine(root.dataset.data!, root.dataset.pagefind!, root.dataset.base!);
	const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
	const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
	const part = (name: string) => root.querySelector<HTMLElement>(`[data-search-${name}]`)!;
	const frame = frameSearch(root, input, t);
	const selected = new Map<string, Set<string>>();
	const lastFamily = () => {
		const fam = readJson(LAST_FAMILY);
		return typeof fam === 'string' ? fam : undefined;
	};
	let shown: SearchOutcome | undefined;
	let seq = 0;
	let lastRun: string | undefined;
	let composing = false;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const status = (text: string) => (part('status').textContent = text);
	// Opening an entry straight from a submitted code counts as opening it from search.
	const jump = (card: SearchCard) => {
		seq++;
		if (card.k === 'fault') writeJson(LAST_FAMILY, familyKey(card));
		location.assign(card.u);
	};

	const render = () => {
		const o = shown!;
		renderExact(part('exact'), o, lastFamily(), t);
		// An entry in the exact-code answer is not listed again under it.
		const rest = uniqueExcept(o.results, o.exact);
		const visible = applyFilters(rest, selected);
		renderFilters(part('filters'), part('filter-groups'), rest, selected, t, render);
		const terms = o.codeKey ? [...o.terms, o.codeKey] : o.terms;
		part('results').replaceChildren(...visible.map((c) => resultItem(c, terms)));
		// Only the first results' cards are loaded; "more" loads the next page (and searches long
		// text when titles alone answered the first page).
		part('more').hidden = o.results.length >= o.total && o.complete;
		const filtering = [...selected.values()].some((v) => v.size > 0);
		const n = filtering ? visible.length : Math.max(o.total - o.exact.length, visible.length);
		const answeredByCode = o.exact.length > 0 || o.nearest.length > 0;
		status(
			[
				!o.query || (answeredByCode && visible.length === 0)
					? ''
					: visible.length
						? t('search.count', { n })
						: t('search.none'),
				o.titlesOnly ? t('search.titlesOnly') : '',
			]
				.filter(Boolean)
				.join(' '),
		);
		root.dataset.query = o.query;
		root.dataset.state = 'done';
	};

	const run = async (raw: string, submitted: boolean) => {
		const query = raw.trim();
		clearTimeout(timer);
		if (!submitted && query === lastRun) return;
		lastRun = query;
		const mine = ++seq;
		selected.clear();
		root.dataset.state = 'loading';
		if (!query) {
			shown = {
				query,
				exact: [],
				nearest: [],
				results: [],
				total: 0,
				terms: [],
				titlesOnly: false,
				complete: true,
			};
			render();
			return;
		}
		status(t('search.loading'));
		let fullShown = false;
		// The code fast path: one small shard, shown (or jumped to) before the full text arrives.
		void engine
			.code(query)
			.catch(() => undefined)
			.then((code) => {
				if (!code || mine !== seq || fullShown) return;
				if (submitted && code.exact.length === 1) jump(code.exact[0]!);
				else renderExact(part('exact'), code, lastFamily(), t);
			});
		const outcome = await engine.search(query).catch(() => undefined);
		if (mine !== seq) return;
		fullShown = true;
		if (!outcome) {
			status(t('search.offlineHint'));
			Object.assign(root.dataset, { query, state: 'done' });
			return;
		}
		if (submitted && outcome.exact.length === 1) {
			jump(outcome.exact[0]!);
			return;
		}
		shown = outcome;
		render();
	};

	const loadMore = (count: number) => {
		const o = shown;
		if (!o || (o.results.length >= o.total && o.complete)) return;
		const mine = seq;
		root.dataset.state = 'loading';
		void engine
			.more(o, count)
			.catch(() => undefined)
			.then((next) => {
				if (mine !== seq) return;
				if (next) shown = { ...o, results: next.results, total: next.total, complete: true };
				render();
			});
	};
	part('more').addEventListener('click', () => loadMore(RESULT_PAGE));
	// Filter counts are over the results loaded: opening the filters loads up to FILTER_CAP of them.
	part('filters').addEventListener('toggle', () => {
		if ((part('filters') as HTMLDetailsElement).open) loadMore(FILTER_CAP);
	});
	// Remember the family of a fault entry opened from search, so its shared codes list it first.
	root.addEventListener('click', (event) => {
		const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-fam]');
		if (link) writeJson(LAST_FAMILY, link.dataset.fam);
	});
	// Pinyin and other input methods send input events for every keystroke of a word being
	// composed; only the composed text is worth a search.
	input.addEventListener('compositionstart', () => (composing = true));
	input.addEventListener('compositionend', () => {
		composing = false;
		frame.reveal();
		void run(input.value, false);
	});
	input.addEventListener('input', (event) => {
		if (composing || (event instanceof InputEvent && event.isComposing)) return;
		frame.reveal();
		clearTimeout(timer);
		timer = setTimeout(() => void run(input.value, false), DEBOUNCE_MS);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		if ('urlQuery' in root.dataset)
			history.replaceState(null, '', `?q=${encodeURIComponent(input.value.trim())}`);
		frame.reveal();
		void run(input.value, true);
	});
	start(root, input, run);
}

// --- internal ---

/** The cards of `results` not in `answered`, each URL once. */
function uniqueExcept(
	results: readonly SearchCard[],
	answered: readonly SearchCard[],
): SearchCard[] {
	const seen = new Set(answered.map((c) => c.u));
	return results.filter((c) => {
		if (seen.has(c.u)) return false;
		seen.add(c.u);
		return true;
	});
}

/** The first query: `?q=` on the search page (run as if submitted), else none; then focus. */
function start(
	root: HTMLElement,
	input: HTMLInputElement,
	run: (query: string, submitted: boolean) => Promise<void>,
): void {
	const initial =
		'urlQuery' in root.dataset ? (new URLSearchParams(location.search).get('q') ?? '') : '';
	input.value = initial;
	void run(initial, Boolean(initial.trim()));
	const focus = root.dataset.autofocus;
	// On a phone, focusing the home page's field would pop the keyboard over the page.
	if (focus === 'always' || (focus === 'desktop' && matchMedia('(pointer: fine)').matches))
		input.focus();
}

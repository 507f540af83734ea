import { codeKey, looksLikeCode } from '../../lib/fault-code.ts';
import {
	codeShardOf,
	lookupCode,
	nearbyShards,
	nearestCodes,
	type CodeShard,
} from '../../lib/search-codes.ts';
import {
	searchLexicon,
	shardsForQuery,
	type LexiconShard,
	type SearchCard,
} from '../../lib/search-lexicon.ts';

/** What one query found: an exact-code answer, and the ranked results with their filter values. */
export interface SearchOutcome {
	query: string;
	/** The code key when the query looks like a code. */
	codeKey?: string;
	exact: SearchCard[];
	/** Nearest codes when the query is a code that does not exist. */
	nearest: SearchCard[];
	results: SearchCard[];
	/** The query's words as they should be highlighted in titles and excerpts. */
	terms: string[];
}

/** The code fast path alone: what a code query finds before any full-text data arrives. */
export type CodeOutcome = Pick<SearchOutcome, 'query' | 'codeKey' | 'exact' | 'nearest'>;

interface PagefindResult {
	data: () => Promise<{
		url: string;
		meta: Record<string, string>;
		excerpt: string;
		filters: Record<string, string[]>;
	}>;
}
interface Pagefind {
	options: (o: Record<string, unknown>) => Promise<void>;
	search: (q: string) => Promise<{ results: PagefindResult[] } | null>;
}

// Pagefind results beyond the lexicon's: only the first few are loaded, to keep a query's bytes small.
const PAGEFIND_LOADED = 12;

/**
 * The search engine of the search page: the exact-code map, the lexicon (for short Chinese
 * terms and customers' words) and Pagefind (full text), merged without duplicates in that order.
 */
export class SearchEngine {
	#meta?: Promise<{ buckets: number; codeShards: string[] }>;
	#json = new Map<string, Promise<unknown>>();
	#pagefind?: Promise<Pagefind | undefined>;

	readonly #dataUrl: string;
	readonly #pagefindUrl: string;
	readonly #baseUrl: string;

	/** `dataUrl`: the locale's search-data folder; `pagefindUrl`: Pagefind's bundle; `baseUrl`: the site base. */
	constructor(dataUrl: string, pagefindUrl: string, baseUrl: string) {
		this.#dataUrl = dataUrl;
		this.#pagefindUrl = pagefindUrl;
		this.#baseUrl = baseUrl;
	}

	/** Runs one query. */
	async search(query: string): Promise<SearchOutcome> {
		const q = query.trim();
		if (!q) return { query: q, exact: [], nearest: [], results: [], terms: [] };
		const meta = await this.meta();
		const key = looksLikeCode(q) ? codeKey(q) : undefined;
		const [exact, lexicon, pagefind] = await Promise.all([
			key ? this.exactCode(key, meta.codeShards) : [],
			this.lexicon(q, meta.buckets),
			this.pagefindCards(q),
		]);
		const nearest = key && exact.length === 0 ? await this.nearest(key, meta.codeShards) : [];
		const seen = new Set<string>();
		const results = [...exact, ...lexicon, ...pagefind].filter((c) =>
			seen.has(c.u) ? false : (seen.add(c.u), true),
		);
		return { query: q, codeKey: key, exact, nearest, results, terms: q.split(/\s+/) };
	}

	/**
	 * The exact-code part of {@link search} alone (one small code shard, no full text), so a code
	 * hit can be shown before the rest arrives. Empty unless the query looks like a code.
	 */
	async code(query: string): Promise<CodeOutcome> {
		const q = query.trim();
		const key = q && looksLikeCode(q) ? codeKey(q) : undefined;
		if (!key) return { query: q, exact: [], nearest: [] };
		const meta = await this.meta();
		const exact = await this.exactCode(key, meta.codeShards);
		const nearest = exact.length === 0 ? await this.nearest(key, meta.codeShards) : [];
		return { query: q, codeKey: key, exact, nearest };
	}

	private meta() {
		// Without meta.json there is no code map or lexicon to ask: search falls back to full text only.
		this.#meta ??= this.json<{ buckets: number; codeShards: string[] }>('meta.json').then(
			(m) => m ?? { buckets: 0, codeShards: [] },
		);
		return this.#meta;
	}

	/** A data file as JSON; undefined when the server does not have it (an older cached index, say). */
	private json<T>(path: string): Promise<T | undefined> {
		if (!this.#json.has(path))
			this.#json.set(
				path,
				fetch(this.#dataUrl + path).then((r) => (r.ok ? r.json() : undefined)),
			);
		return this.#json.get(path) as Promise<T | undefined>;
	}

	private async exactCode(key: string, shards: string[]): Promise<SearchCard[]> {
		const name = codeShardOf(key);
		if (!shards.includes(name)) return [];
		return lookupCode(key, await this.json<CodeShard>(`codes/${encodeURIComponent(name)}.json`));
	}

	private async nearest(key: string, shards: string[]): Promise<SearchCard[]> {
		const names = nearbyShards(key, shards);
		const loaded = await Promise.all(
			names.map((n) => this.json<CodeShard>(`codes/${encodeURIComponent(n)}.json`)),
		);
		return nearestCodes(
			key,
			loaded.filter((s): s is CodeShard => s !== undefined),
		);
	}

	private async lexicon(q: string, buckets: number): Promise<SearchCard[]> {
		if (buckets === 0) return [];
		const ids = shardsForQuery(q, buckets);
		const shards = await Promise.all(
			ids.map(async (id) => [id, await this.json<LexiconShard>(`lex/${id}.json`)] as const),
		);
		return searchLexicon(
			q,
			buckets,
			new Map(
				shards.filter((pair): pair is readonly [number, LexiconShard] => pair[1] !== undefined),
			),
		);
	}

	private async pagefindCards(q: string): Promise<SearchCard[]> {
		const pagefind = await this.loadPagefind();
		const found = await pagefind?.search(q);
		if (!found) return [];
		const data = await Promise.all(found.results.slice(0, PAGEFIND_LOADED).map((r) => r.data()));
		return data.map((d) => ({
			u: d.url,
			t: d.meta.title ?? d.url,
			k: 'page',
			f: d.filters,
			s: stripTags(d.excerpt),
		}));
	}

	private loadPagefind(): Promise<Pagefind | undefined> {
		this.#pagefind ??= import(/* @vite-ignore */ `${this.#pagefindUrl}pagefind.js`)
			.then(async (pf: Pagefind) => {
				await pf.options({ baseUrl: this.#baseUrl });
				return pf;
			})
			.catch(() => undefined);
		return this.#pagefind;
	}
}

/** Counts of each filter value over the results, by filter name. */
export function filterCounts(results: readonly SearchCard[]): Map<string, Map<string, number>> {
	const counts = new Map<string, Map<string, number>>();
	for (const r of results) {
		for (const [name, values] of Object.entries(r.f)) {
			const group = counts.get(name) ?? new Map<string, number>();
			for (const v of values) group.set(v, (group.get(v) ?? 0) + 1);
			counts.set(name, group);
		}
	}
	return counts;
}

/** The results that have, for every filter with a selection, one of the selected values. */
export function applyFilters(
	results: readonly SearchCard[],
	selected: ReadonlyMap<string, ReadonlySet<string>>,
): SearchCard[] {
	return results.filter((r) =>
		[...selected].every(
			([name, values]) => values.size === 0 || (r.f[name] ?? []).some((v) => values.has(v)),
		),
	);
}

function stripTags(html: string): string {
	return html.replace(/<[^>]+>/g, '');
}

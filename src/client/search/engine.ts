import { codeKey, looksLikeCode } from '../../lib/fault-code.ts';
import {
	codeShardOf,
	lookupCode,
	nearbyShards,
	nearestCodes,
	type CodeShard,
} from '../../lib/search-codes.ts';
import {
	decodePostings,
	expandCard,
	queryReadings,
	rankDocs,
	readingTerms,
	TIER,
	type PostingShard,
	type SearchCard,
	type SearchMeta,
	type StoredCard,
} from '../../lib/search-index.ts';
import { bucketOf } from '../../lib/search-terms.ts';

/** What one query found: an exact-code answer, and the ranked results with their filter values. */
export interface SearchOutcome {
	query: string;
	/** The code key when the query looks like a code. */
	codeKey?: string;
	exact: SearchCard[];
	/** Nearest codes when the query is a code that does not exist. */
	nearest: SearchCard[];
	/** The first results, best first; never one of `exact`. */
	results: SearchCard[];
	/** How many results there are in all ({@link SearchEngine.more} loads the next ones). */
	total: number;
	/** The query's words (and its synonyms' words) as they should be highlighted. */
	terms: string[];
	/** True when long text could not be searched (offline: only titles, codes and aliases were). */
	titlesOnly: boolean;
	/**
	 * False when long text was not searched because titles already answered the query (a whole
	 * title, or a full page of titles holding every word): {@link SearchEngine.more} searches it.
	 */
	complete: boolean;
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

interface Ranking {
	ids: number[];
	titlesOnly: boolean;
	terms: string[];
	complete: boolean;
}

const NONE = new Map<number, number>();

/** Results whose cards are loaded at once; {@link SearchEngine.more} loads the next page. */
export const RESULT_PAGE = 12;

/**
 * The site's search: the exact-code map first (one small file), then the term index (the shards
 * of the query's own terms, then the cards of the results shown), then — only when the index
 * finds nothing — Pagefind over the documents' full text. The same query gives the same
 * ranking whatever was searched before: ranking reads only the index files, and a file that
 * failed to load is fetched again next time, never remembered as empty.
 */
export class SearchEngine {
	#meta?: Promise<SearchMeta>;
	#files = new Map<string, Promise<unknown>>();
	#postings = new Map<string, Map<number, number>>();
	#ranked = new Map<string, Promise<Ranking>>();
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

	/** The exact-code answer alone: two small files (meta and one code shard), never the full text. */
	async code(query: string): Promise<CodeOutcome> {
		const q = query.trim();
		const key = q && looksLikeCode(q) ? codeKey(q) : undefined;
		if (!key) return { query: q, exact: [], nearest: [] };
		const meta = await this.meta();
		const name = codeShardOf(key, meta.codeShards);
		const shard = meta.codeShards.includes(name)
			? await this.file<CodeShard>(`codes/${encodeURIComponent(name)}.json`)
			: undefined;
		const exact = lookupCode(key, shard).map((c) => expandCard(c, meta));
		const nearest =
			exact.length > 0
				? []
				: nearestCodes(
						key,
						await Promise.all(
							nearbyShards(key, meta.codeShards).map((n) =>
								this.file<CodeShard>(`codes/${encodeURIComponent(n)}.json`),
							),
						),
					).map((c) => expandCard(c, meta));
		return { query: q, codeKey: key, exact, nearest };
	}

	/** Runs one query: the code answer, then the ranked results (none when the code was found). */
	async search(query: string): Promise<SearchOutcome> {
		const code = await this.code(query);
		const empty = { ...code, results: [], total: 0, terms: [], titlesOnly: false, complete: true };
		if (!code.query || code.exact.length > 0) return empty;
		const { ids, titlesOnly, terms, complete } = await this.rank(code.query, false);
		if (ids.length === 0) {
			const results = await this.pagefindCards(code.query);
			return { ...empty, results, total: results.length, terms, titlesOnly };
		}
		return {
			...code,
			results: await this.cards(ids.slice(0, RESULT_PAGE)),
			total: ids.length,
			terms,
			titlesOnly,
			complete,
		};
	}

	/**
	 * The results after those `outcome` holds, `count` more (a page), searching long text too when
	 * the first page came from titles alone. Returns the whole list so far and the new total.
	 */
	async more(
		outcome: SearchOutcome,
		count = RESULT_PAGE,
	): Promise<{ results: SearchCard[]; total: number }> {
		const { ids } = await this.rank(outcome.query, true);
		const results = await this.cards(ids.slice(0, outcome.results.length + count));
		const seen = new Set(outcome.exact.map((c) => c.u));
		return { results: results.filter((c) => !seen.has(c.u)), total: ids.length };
	}

	private meta(): Promise<SearchMeta> {
		this.#meta ??= this.file<SearchMeta>('meta.json').catch((error: unknown) => {
			this.#meta = undefined;
			throw error;
		});
		return this.#meta;
	}

	/** A data file as JSON. A failed fetch is forgotten, so the next query tries again. */
	private file<T>(path: string): Promise<T> {
		let pending = this.#files.get(path);
		if (!pending) {
			pending = fetch(this.#dataUrl + path).then((r) => {
				if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
				return r.json();
			});
			pending.catch(() => this.#files.delete(path));
			this.#files.set(path, pending);
		}
		return pending as Promise<T>;
	}

	/** The ranking of a query; with `full`, long text is searched whatever the titles found. */
	private rank(query: string, full: boolean): Promise<Ranking> {
		const key = `${full ? 1 : 0}${query}`;
		let ranked = this.#ranked.get(key);
		if (!ranked) {
			ranked = this.rankUncached(query, full);
			ranked.catch(() => this.#ranked.delete(key));
			this.#ranked.set(key, ranked);
		}
		return ranked;
	}

	private async rankUncached(query: string, full: boolean): Promise<Ranking> {
		const meta = await this.meta();
		const readings = queryReadings(query, meta.synonyms, meta.negations);
		const needed = { title: new Set<string>(), body: new Set<string>() };
		for (const r of readings) {
			const terms = readingTerms(r);
			terms.title.forEach((t) => needed.title.add(t));
			terms.body.forEach((t) => needed.body.add(t));
		}
		const load = (index: 'title' | 'body', buckets: number, terms: Set<string>) =>
			Promise.all(
				[...new Set([...terms].map((t) => bucketOf(t, buckets)))].map(async (n) => {
					const shard = await this.file<PostingShard>(`${index}/${n}.json`);
					return [n, shard] as const;
				}),
			).then((pairs) => new Map(pairs));
		const title = await load('title', meta.titleBuckets, needed.title);
		const titleOnly = (term: string, index: 'title' | 'body') =>
			index === 'title' ? this.postings(term, 'title', title, meta.titleBuckets) : NONE;
		const terms = [...new Set(readings.flatMap((r) => r.words.map((w) => w.text)))];
		if (!full) {
			// Titles alone decide the first page when a whole title matched, or when a full page of
			// titles holds every word: long text would rank after them. `more()` searches it.
			const ranked = rankDocs(readings, titleOnly);
			const exact = ranked.some((r) => r.tier === TIER.exactTitle);
			const whole = ranked.filter((r) => r.tier <= TIER.title && r.missing === 0).length;
			if (exact || whole >= RESULT_PAGE)
				return { ids: ranked.map((r) => r.id), titlesOnly: false, terms, complete: false };
		}
		// Offline, the body index is not on the device: titles, codes and aliases are still searched.
		const body =
			'onLine' in navigator && !navigator.onLine
				? undefined
				: await load('body', meta.bodyBuckets, needed.body).catch(() => undefined);
		const ranked = rankDocs(readings, (term, index) =>
			index === 'title'
				? this.postings(term, 'title', title, meta.titleBuckets)
				: body
					? this.postings(term, 'body', body, meta.bodyBuckets)
					: NONE,
		);
		return { ids: ranked.map((r) => r.id), titlesOnly: body === undefined, terms, complete: true };
	}

	/** A term's decoded postings from loaded shards, decoded once per engine. */
	private postings(
		term: string,
		index: 'title' | 'body',
		shards: ReadonlyMap<number, PostingShard>,
		buckets: number,
	): Map<number, number> {
		const key = `${index}:${term}`;
		let bits = this.#postings.get(key);
		if (!bits) {
			bits = decodePostings(shards.get(bucketOf(term, buckets))?.[term]);
			this.#postings.set(key, bits);
		}
		return bits;
	}

	private async cards(ids: readonly number[]): Promise<SearchCard[]> {
		const meta = await this.meta();
		const blocks = [...new Set(ids.map((id) => Math.floor(id / meta.cardBlock)))];
		const loaded = new Map(
			await Promise.all(
				blocks.map(async (b) => [b, await this.file<StoredCard[]>(`cards/${b}.json`)] as const),
			),
		);
		return ids.map((id) =>
			expandCard(loaded.get(Math.floor(id / meta.cardBlock))![id % meta.cardBlock]!, meta),
		);
	}

	private async pagefindCards(q: string): Promise<SearchCard[]> {
		const pagefind = await this.loadPagefind();
		const found = await pagefind?.search(q);
		if (!found) return [];
		const data = await Promise.all(found.results.slice(0, RESULT_PAGE).map((r) => r.data()));
		return data.map((d) => ({
			u: d.url,
			t: d.meta.title ?? d.url,
			k: 'page',
			f: d.filters,
			x: stripTags(d.excerpt),
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

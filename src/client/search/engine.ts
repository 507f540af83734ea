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
	#ranked = new Map<string, Promise<{ ids: number[]; titlesOnly: boolean; terms: string[] }>>();
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
		const shard = meta.codeShards.includes(codeShardOf(key))
			? await this.file<CodeShard>(`codes/${encodeURIComponent(codeShardOf(key))}.json`)
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
		const empty = { ...code, results: [], total: 0, terms: [], titlesOnly: false };
		if (!code.query || code.exact.length > 0) return empty;
		const { ids, titlesOnly, terms } = await this.rank(code.query);
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
		};
	}

	/** The results after those `outcome` holds, one page more. */
	async more(outcome: SearchOutcome): Promise<SearchCard[]> {
		const { ids } = await this.rank(outcome.query);
		const next = ids.slice(outcome.results.length, outcome.results.length + RESULT_PAGE);
		return this.cards(next);
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

	private rank(query: string) {
		let ranked = this.#ranked.get(query);
		if (!ranked) {
			ranked = this.rankUncached(query);
			ranked.catch(() => this.#ranked.delete(query));
			this.#ranked.set(query, ranked);
		}
		return ranked;
	}

	private async rankUncached(query: string) {
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
		const [title, body] = await Promise.all([
			load('title', meta.titleBuckets, needed.title),
			// Offline, the body index is not on the device: titles, codes and aliases are still searched.
			'onLine' in navigator && !navigator.onLine
				? undefined
				: load('body', meta.bodyBuckets, needed.body).catch(() => undefined),
		]);
		const lookup = (term: string, index: 'title' | 'body') => {
			const key = `${index}:${term}`;
			let bits = this.#postings.get(key);
			if (!bits) {
				const shards = index === 'title' ? title : body;
				const buckets = index === 'title' ? meta.titleBuckets : meta.bodyBuckets;
				bits = decodePostings(shards?.get(bucketOf(term, buckets))?.[term]);
				this.#postings.set(key, bits);
			}
			return bits;
		};
		const ranked = rankDocs(readings, lookup);
		// Decoded postings of an offline query must not stand in for the real ones later.
		if (!body)
			for (const key of [...this.#postings.keys()])
				if (key.startsWith('body:')) this.#postings.delete(key);
		return {
			ids: ranked.map((r) => r.id),
			titlesOnly: body === undefined,
			terms: [...new Set(readings.flatMap((r) => r.words.map((w) => w.text)))],
		};
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

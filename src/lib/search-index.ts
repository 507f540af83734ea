import {
	bucketOf,
	indexTerms,
	isCjk,
	pairsMatch,
	queryWords,
	wholeTitleTerm,
	type QueryWord,
} from './search-terms.ts';

/**
 * The site's search index: postings sharded by term hash into small files, so a query fetches
 * only the shards of its own terms (bytes bounded by the query, not the catalogue), and cards in
 * blocks by document number, fetched only for the results shown. See docs/decisions/0045-search-at-scale.md.
 */

/** What a result shows and filters on. */
export interface SearchCard {
	/** URL of the page, with base and locale prefix. */
	u: string;
	/** Title. */
	t: string;
	/** Fault code, for fault entries. */
	c?: string;
	/** Content type key: fault, sop, checklist, etiquette, guide, product, family, page. */
	k: string;
	/** Filter values by filter name, as the page's Pagefind filters. */
	f: Record<string, string[]>;
	/** A short line under the title (family name for faults, the document id for SOPs). */
	s?: string;
	/** Family id, fault entries only: the shared-code chooser groups by it and remembers the last one used. */
	fam?: string;
	/** Excerpt: plain text shown under the title (symptoms for faults, summary for documents). */
	x?: string;
}

/** A card as stored: filter labels come from the index's meta, so each card stays small. */
export interface StoredCard {
	u: string;
	t: string;
	k: string;
	c?: string;
	/** Family id. */
	fam?: string;
	/** Model ids. */
	m?: string[];
	/** Fault category key. */
	cat?: string;
	/** Priority, P1–P4. */
	pri?: string;
	s?: string;
	x?: string;
}

/** One searchable page. Its position in the list given to {@link buildSearchIndex} breaks ties in ranking. */
export interface IndexDoc {
	card: StoredCard;
	code?: string;
	title: string;
	/** Customers' words, other spellings and document ids. */
	aliases?: string[];
	/** What the customer sees (fault symptoms), ranked with aliases. */
	symptoms?: string[];
	/** Causes, checks, remedy and other body text. */
	body?: string[];
	/** The family's and models' names: they may complete a query (`洗衣机不排水`) but never rank it. */
	context?: string[];
}

/** Field bits of a posting: which fields of a document hold the term. */
export const FIELD = { title: 1, alias: 2, body: 4, context: 8 } as const;

/** Ranking tiers, best first. */
export const TIER = { exactTitle: 0, title: 1, alias: 2, body: 3, context: 4 } as const;

/** What the client reads first: how the index is sharded, and the labels cards need. */
export interface SearchMeta {
	/** Shards of the title index (titles, codes, aliases, family names); precached for offline use. */
	titleBuckets: number;
	/** Shards of the body index (symptoms and long text); online only. */
	bodyBuckets: number;
	/** Cards per card block. */
	cardBlock: number;
	/** Code-map shards that exist. */
	codeShards: string[];
	/** Family id → [name, 1 when its codes apply to every manufacturer]. */
	families: Record<string, [string, 0 | 1]>;
	/** Type key → label. */
	types: Record<string, string>;
	/** Fault category key → label. */
	categories: Record<string, string>;
	/** Synonym groups (any term finds the others) and negation words, from content/synonyms/. */
	synonyms: string[][];
	negations: string[];
}

/**
 * A shard of postings: term → its list of `(doc number gap << 4) | field bits`, written as a
 * base-64 varint string (about half the bytes of a JSON number array).
 */
export type PostingShard = Record<string, string>;

/** The built index of one locale. */
export interface BuiltIndex {
	titleShards: PostingShard[];
	bodyShards: PostingShard[];
	cardBlocks: StoredCard[][];
	cardBlock: number;
}

/** Cards per block: 8 keeps a block near 2 KB for fault cards with excerpts. */
export const CARD_BLOCK = 8;

/** Builds the index of `docs`, in ranking order (ties go to the earlier document). */
export function buildSearchIndex(docs: readonly IndexDoc[]): BuiltIndex {
	const title = new PostingLists();
	const body = new PostingLists();
	const titleBits = new Map<string, number>();
	const bodyBits = new Map<string, number>();
	docs.forEach((doc, id) => {
		titleBits.clear();
		bodyBits.clear();
		const add = (into: Map<string, number>, text: string, bit: number, unigrams: boolean) => {
			for (const t of indexTerms(text, unigrams)) into.set(t, (into.get(t) ?? 0) | bit);
		};
		if (doc.code) add(titleBits, doc.code, FIELD.title, true);
		add(titleBits, doc.title, FIELD.title, true);
		titleBits.set(wholeTitleTerm(doc.title), FIELD.title);
		doc.aliases?.forEach((a) => add(titleBits, a, FIELD.alias, true));
		doc.context?.forEach((c) => add(titleBits, c, FIELD.context, true));
		doc.symptoms?.forEach((s) => add(bodyBits, s, FIELD.alias, false));
		doc.body?.forEach((b) => add(bodyBits, b, FIELD.body, false));
		for (const [t, bits] of titleBits) title.add(t, id, bits);
		for (const [t, bits] of bodyBits) body.add(t, id, bits);
	});
	const blocks: StoredCard[][] = [];
	for (let i = 0; i < docs.length; i += CARD_BLOCK)
		blocks.push(docs.slice(i, i + CARD_BLOCK).map((d) => d.card));
	return {
		titleShards: shard(title),
		bodyShards: shard(body),
		cardBlocks: blocks,
		cardBlock: CARD_BLOCK,
	};
}

/** Decodes a posting list into doc number → field bits. */
export function decodePostings(list: string | undefined): Map<number, number> {
	const out = new Map<number, number>();
	let id = 0;
	let value = 0;
	let shift = 0;
	for (let i = 0; i < (list?.length ?? 0); i++) {
		const digit = DIGITS.indexOf(list![i]!);
		// Five payload bits per character; the sixth says another character follows.
		value += (digit & 31) * 2 ** shift;
		if (digit & 32) {
			shift += 5;
			continue;
		}
		id += Math.floor(value / 16);
		out.set(id, value % 16);
		value = 0;
		shift = 0;
	}
	return out;
}

/** Encodes doc numbers (ascending) and their field bits as {@link decodePostings} reads them. */
export function encodePostings(flat: readonly number[]): string {
	let out = '';
	let prev = 0;
	for (let i = 0; i < flat.length; i += 2) {
		let value = (flat[i]! - prev) * 16 + flat[i + 1]!;
		prev = flat[i]!;
		while (value >= 32) {
			out += DIGITS.charAt(32 + (value % 32));
			value = Math.floor(value / 32);
		}
		out += DIGITS.charAt(value);
	}
	return out;
}

/** One way of reading the query: the query itself, or a synonym or negation variant of it. */
export interface QueryReading {
	text: string;
	words: QueryWord[];
	/** The whole-title term of this reading. */
	exact: string;
}

/** The readings of a query: itself first, then up to `limit - 1` synonym and negation variants. */
export function queryReadings(
	query: string,
	synonyms: readonly string[][],
	negations: readonly string[],
	limit = 4,
): QueryReading[] {
	const q = query.normalize('NFKC').toLowerCase().trim();
	const texts = [q];
	const add = (t: string) => {
		if (texts.length < limit && !texts.includes(t)) texts.push(t);
	};
	for (const group of synonyms) {
		const hit = [...group].sort((a, b) => b.length - a.length).find((term) => q.includes(term));
		if (hit) for (const other of group) add(q.replace(hit, other));
	}
	// Negation words stand for each other (没有出水 ≈ 无出水 ≈ 不出水): the longest one present, in a
	// one-word query only — a query of several words is keywords, where variants cost more than they find.
	// A model or part number typed with separators (`KF-35`) also reads as one word (`kf35`).
	const joined = q.replace(/([a-z0-9])[-_./]+(?=[a-z0-9])/g, '$1');
	if (joined !== q) add(joined);
	const neg = /\s/.test(q)
		? undefined
		: [...negations].sort((a, b) => b.length - a.length).find((n) => q.includes(n));
	if (neg) for (const other of negations) add(q.replace(neg, other));
	return texts.map((text) => ({ text, words: queryWords(text), exact: wholeTitleTerm(text) }));
}

/** The terms a reading needs from the title index and from the body index. */
export function readingTerms(reading: QueryReading): { title: string[]; body: string[] } {
	const title = new Set<string>([reading.exact]);
	const body = new Set<string>();
	for (const w of reading.words) {
		if (w.kind === 'term') {
			title.add(w.term);
			if (w.optional) continue;
			if (!titlesOnly(w.term)) body.add(w.term);
		} else
			for (const p of w.pairs) {
				title.add(p);
				body.add(p);
			}
	}
	return { title: [...title], body: [...body] };
}

/** The shard numbers for a list of terms. */
export function shardsFor(terms: readonly string[], buckets: number): number[] {
	return [...new Set(terms.map((t) => bucketOf(t, buckets)))].sort((a, b) => a - b);
}

/** A ranked document: its number and why it ranks where it does. */
export interface RankedDoc {
	id: number;
	tier: number;
	/** Query pairs the document did not hold (pieces matched apart). */
	missing: number;
	/** Which reading matched: 0 is the query itself. */
	reading: number;
}

/**
 * Ranks documents for the readings of a query. A document must hold every word of a reading
 * (see {@link pairsMatch}). It ranks by tier — whole title, then all words in the title or code,
 * then aliases and symptoms, then body text; names of the family only complete a match — then by
 * fewer missing pairs, then the query itself before its variants, then document order (which puts
 * entries that apply to every manufacturer first, then codes in order).
 */
export function rankDocs(
	readings: readonly QueryReading[],
	lookup: (term: string, index: 'title' | 'body') => Map<number, number>,
): RankedDoc[] {
	const best = new Map<number, RankedDoc>();
	readings.forEach((reading, r) => {
		if (reading.words.length === 0) return;
		const bits = (term: string, index: 'title' | 'body') => lookup(term, index);
		const termBits = (term: string) =>
			titlesOnly(term) ? bits(term, 'title') : mergeBits(bits(term, 'title'), bits(term, 'body'));
		const required = reading.words.filter((w) => w.kind !== 'term' || !w.optional);
		const optional = reading.words.flatMap((w) =>
			w.kind === 'term' && w.optional ? [bits(w.term, 'title')] : [],
		);
		const perWord = required.map((w) =>
			w.kind === 'term' ? [termBits(w.term)] : w.pairs.map(termBits),
		);
		// Candidates: documents holding the first term of the first word (every match must).
		const candidates = perWord[0]![0]!;
		const exact = bits(reading.exact, 'title');
		for (const id of candidates.keys()) {
			let missing = 0;
			let tier: number = TIER.exactTitle;
			let ranked = false;
			let ok = true;
			for (const lists of perWord) {
				const present = lists.map((l) => l.has(id));
				const m = pairsMatch(present);
				if (m < 0) {
					ok = false;
					break;
				}
				missing += m;
				for (const l of lists) {
					const b = l.get(id);
					if (b === undefined || b === FIELD.context) continue;
					tier = Math.max(tier, tierOf(b));
					ranked = true;
				}
			}
			if (!ok) continue;
			// An optional word (a stop word) the title lacks counts as one missing piece.
			missing += optional.filter((l) => !l.has(id)).length;
			const doc: RankedDoc = {
				id,
				tier: exact.has(id) ? TIER.exactTitle : ranked ? tier : TIER.context,
				missing,
				reading: r,
			};
			const prev = best.get(id);
			if (!prev || compareRanked(doc, prev) < 0) best.set(id, doc);
		}
	});
	return [...best.values()].sort(compareRanked);
}

/**
 * Orders ranked documents, best first. A match through a synonym or negation variant ranks one
 * tier lower than the same match of the words typed: the searcher's own words in an alias beat a
 * synonym in a title.
 */
export function compareRanked(a: RankedDoc, b: RankedDoc): number {
	const tier = (r: RankedDoc) => r.tier + (r.reading > 0 ? 1 : 0);
	return tier(a) - tier(b) || a.missing - b.missing || a.reading - b.reading || a.id - b.id;
}

/** Expands a stored card with its filter labels from the meta. */
export function expandCard(card: StoredCard, meta: SearchMeta): SearchCard {
	const f: Record<string, string[]> = { type: [meta.types[card.k] ?? card.k] };
	const family = card.fam ? meta.families[card.fam]?.[0] : undefined;
	if (family) f.family = [family];
	if (card.m?.length) f.model = card.m;
	if (card.cat) f.category = [meta.categories[card.cat] ?? card.cat];
	if (card.pri) f.priority = [card.pri];
	return {
		u: card.u,
		t: card.t,
		k: card.k,
		f,
		...(card.c ? { c: card.c } : {}),
		...(card.fam ? { fam: card.fam } : {}),
		...((card.s ?? family) ? { s: card.s ?? family } : {}),
		...(card.x ? { x: card.x } : {}),
	};
}

// --- internal ---

/**
 * Postings under construction, term → (doc, field bits) in doc order, as linked lists in typed
 * arrays: an array per term (hundreds of thousands of them for Chinese bodies) made garbage
 * collection most of the index build.
 */
class PostingLists {
	private readonly ids = new Map<string, number>();
	private heads = new Int32Array(1 << 14);
	private tails = new Int32Array(1 << 14);
	private docs = new Int32Array(1 << 16);
	private bits = new Uint8Array(1 << 16);
	private nexts = new Int32Array(1 << 16);
	private count = 0;

	/** Appends doc `id` with `bits` to `term`'s list; ids arrive in ascending order. */
	add(term: string, id: number, bits: number): void {
		if (this.count === this.docs.length) {
			this.docs = grown(this.docs);
			this.bits = grown(this.bits);
			this.nexts = grown(this.nexts);
		}
		const at = this.count++;
		this.docs[at] = id;
		this.bits[at] = bits;
		this.nexts[at] = -1;
		let t = this.ids.get(term);
		if (t === undefined) {
			t = this.ids.size;
			this.ids.set(term, t);
			if (t === this.heads.length) {
				this.heads = grown(this.heads);
				this.tails = grown(this.tails);
			}
			this.heads[t] = at;
		} else this.nexts[this.tails[t]!] = at;
		this.tails[t] = at;
	}

	/** Every term with its list, encoded as {@link encodePostings} does. */
	*encoded(): Generator<[string, string]> {
		const flat: number[] = [];
		for (const [term, t] of this.ids) {
			flat.length = 0;
			for (let at = this.heads[t]!; at !== -1; at = this.nexts[at]!)
				flat.push(this.docs[at]!, this.bits[at]!);
			yield [term, encodePostings(flat)];
		}
	}
}

function grown<T extends Int32Array | Uint8Array>(array: T): T {
	const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
	bigger.set(array);
	return bigger;
}

// About this many bytes of postings per shard: small enough for a phone on a slow link.
const SHARD_BYTES = 3 * 1024;
// URL-safe base-64 digits: nothing JSON has to escape.
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Codes the postings and splits them into a power-of-two number of shards by term hash. */
function shard(lists: PostingLists): PostingShard[] {
	const coded = new Map<string, string>();
	let bytes = 0;
	for (const [term, list] of lists.encoded()) {
		coded.set(term, list);
		bytes += term.length * 3 + 6 + list.length;
	}
	let buckets = 1;
	while (buckets < bytes / SHARD_BYTES && buckets < 4096) buckets *= 2;
	const shards: PostingShard[] = Array.from({ length: buckets }, () => ({}));
	for (const term of [...coded.keys()].sort())
		shards[bucketOf(term, buckets)]![term] = coded.get(term)!;
	return shards;
}

/** A single Chinese character is looked up in titles only: long text would match almost everything. */
function titlesOnly(term: string): boolean {
	return term.length === 1 && isCjk(term);
}

function mergeBits(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
	if (b.size === 0) return a;
	if (a.size === 0) return b;
	const out = new Map(a);
	for (const [id, bits] of b) out.set(id, (out.get(id) ?? 0) | bits);
	return out;
}

function tierOf(bits: number): number {
	if (bits & FIELD.title) return TIER.title;
	if (bits & FIELD.alias) return TIER.alias;
	if (bits & FIELD.body) return TIER.body;
	return TIER.context;
}

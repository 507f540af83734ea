import { bucketCount, bucketOf, indexTerms, queryTerms } from './search-terms.ts';

/** What a result shows and filters on; one per page in the lexicon. */
export interface SearchCard {
	/** URL of the page, with base and locale prefix. */
	u: string;
	/** Title. */
	t: string;
	/** Fault code, for fault entries. */
	c?: string;
	/** Content type key: fault, sop, checklist, etiquette, guide, product. */
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

/** The searchable fields of a page, with their weight class. */
export interface LexiconDoc {
	card: SearchCard;
	code?: string;
	title: string;
	aliases?: string[];
	/** Symptoms, summary or other short text. */
	text?: string[];
}

/** Field bits of a posting: which fields of the card contain the term. */
export const FIELD = { code: 1, title: 2, alias: 4, text: 8 } as const;
const WEIGHT: [number, number][] = [
	[FIELD.code, 16],
	[FIELD.title, 8],
	[FIELD.alias, 6],
	[FIELD.text, 2],
];

/** One lexicon shard: the cards it refers to and term → [card index, field bits] postings. */
export interface LexiconShard {
	cards: SearchCard[];
	postings: Record<string, [number, number][]>;
}

/** Splits docs into `bucketCount(docs.length)` shards by term hash. */
export function buildLexicon(docs: readonly LexiconDoc[]): {
	buckets: number;
	shards: LexiconShard[];
} {
	const buckets = bucketCount(docs.length);
	const shards: LexiconShard[] = Array.from({ length: buckets }, () => ({
		cards: [],
		postings: {},
	}));
	const cardIndex = shards.map(() => new Map<number, number>());
	docs.forEach((doc, docIdx) => {
		for (const [term, bits] of termBits(doc)) {
			const b = bucketOf(term, buckets);
			const shard = shards[b]!;
			let idx = cardIndex[b]!.get(docIdx);
			if (idx === undefined) {
				idx = shard.cards.push(doc.card) - 1;
				cardIndex[b]!.set(docIdx, idx);
			}
			(shard.postings[term] ??= []).push([idx, bits]);
		}
	});
	return { buckets, shards };
}

/** The shards a query needs. */
export function shardsForQuery(query: string, buckets: number): number[] {
	return [...new Set(queryTerms(query).map((t) => bucketOf(t, buckets)))];
}

/**
 * Ranks cards for a query from the loaded shards: a card must contain every query term;
 * its score adds, per term, the weight of the best field holding it (code, title, alias, text).
 */
export function searchLexicon(
	query: string,
	buckets: number,
	shards: ReadonlyMap<number, LexiconShard>,
): SearchCard[] {
	const terms = queryTerms(query);
	if (terms.length === 0) return [];
	const scores = new Map<string, { card: SearchCard; score: number; hits: number }>();
	for (const term of terms) {
		const shard = shards.get(bucketOf(term, buckets));
		for (const [idx, bits] of shard?.postings[term] ?? []) {
			const card = shard!.cards[idx]!;
			const entry = scores.get(card.u) ?? { card, score: 0, hits: 0 };
			entry.score += Math.max(...WEIGHT.filter(([bit]) => bits & bit).map(([, w]) => w));
			entry.hits++;
			scores.set(card.u, entry);
		}
	}
	return [...scores.values()]
		.filter((e) => e.hits === terms.length)
		.sort((a, b) => b.score - a.score || a.card.t.length - b.card.t.length)
		.map((e) => e.card);
}

// --- internal ---

function termBits(doc: LexiconDoc): Map<string, number> {
	const bits = new Map<string, number>();
	const add = (text: string | undefined, bit: number, cjkOnly: boolean) => {
		if (text) for (const t of indexTerms(text, cjkOnly)) bits.set(t, (bits.get(t) ?? 0) | bit);
	};
	// Codes and aliases are short and exact, so their Latin words count; titles and texts add
	// only Chinese terms, which is where Pagefind loses recall. This keeps shards small at scale.
	add(doc.code, FIELD.code, false);
	doc.aliases?.forEach((a) => add(a, FIELD.alias, false));
	add(doc.title, FIELD.title, true);
	doc.text?.forEach((x) => add(x, FIELD.text, true));
	return bits;
}

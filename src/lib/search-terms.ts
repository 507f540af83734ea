/**
 * Tokenising for the client-side lexicon that backs up Pagefind on short Chinese terms
 * (Pagefind ≥ 1.5 segments Chinese differently at index and query time; its issues 1237, 987).
 * Chinese runs become single characters and overlapping bigrams, so any substring of two or
 * more characters is found; Latin text becomes lower-case words.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The index terms of a text: CJK unigrams and bigrams, and — unless `cjkOnly` — Latin/digit
 * words. Latin text in long fields is left to Pagefind, which handles word languages well.
 */
export function indexTerms(text: string, cjkOnly = false): Set<string> {
	const terms = new Set<string>();
	const s = text.normalize('NFKC').toLowerCase();
	for (const run of s.match(CJK) ?? []) {
		const chars = characters(run);
		chars.forEach((c, i) => {
			terms.add(c);
			const next = chars[i + 1];
			if (next) terms.add(c + next);
		});
	}
	if (!cjkOnly) for (const word of s.replace(CJK, ' ').match(WORD) ?? []) terms.add(word);
	return terms;
}

/**
 * The terms a query must match: bigrams of each CJK run (the character itself for a
 * one-character run) and Latin/digit words.
 */
export function queryTerms(query: string): string[] {
	const terms: string[] = [];
	const s = query.normalize('NFKC').toLowerCase();
	for (const run of s.match(CJK) ?? []) {
		const chars = characters(run);
		if (chars.length === 1) terms.push(...chars);
		chars.forEach((c, i) => {
			const next = chars[i + 1];
			if (next) terms.push(c + next);
		});
	}
	for (const word of s.replace(CJK, ' ').match(WORD) ?? []) terms.push(word);
	return [...new Set(terms)];
}

/** FNV-1a hash of a term into one of `buckets` shards. */
export function bucketOf(term: string, buckets: number): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < term.length; i++) {
		h ^= term.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) % buckets;
}

/** How many lexicon shards for `cards` entries: about 8 entries per shard, a power of two, 1–1024. */
export function bucketCount(cards: number): number {
	let b = 1;
	while (b < cards / 8 && b < 1024) b *= 2;
	return b;
}

// --- internal ---

/**
 * The characters of a CJK run. `CJK` matches only ideographs of the Basic Multilingual Plane,
 * so one UTF-16 unit is one character here: no surrogate pairs or combining marks to keep whole.
 */
function characters(run: string): string[] {
	return run.split('');
}

/**
 * How the site's search cuts text into terms, the same way at build time (index) and on the
 * phone (query), so the two can never disagree (Pagefind's index-time and query-time Chinese
 * segmenters do; its issues 1237, 987, 659).
 *
 * Text is normalised (NFKC, lower case) and read as a row of units: one unit per Chinese
 * character, one per run of Latin letters and digits (`maf`, `p0300`, `1`). Terms are:
 * - every Latin/digit unit on its own (English words lightly stemmed: `sensors` → `sensor`);
 * - every pair of neighbouring units where at least one is Chinese (`传感`, `第1`, `1排`,
 *   `maf传`), across punctuation too, so `（MAF）传感器` is found by `MAF传感器`;
 * - in titles (not in long text), every Chinese character on its own, for one-character queries.
 * Digits are units, so `第1排` and `第2排` differ in the terms `第1`/`第2` and `1排`/`2排`.
 */

/** Normalised text: NFKC (full-width Ｅ４ → e4) and lower case. */
export function normalize(text: string): string {
	return text.normalize('NFKC').toLowerCase();
}

/** Whether a unit is a Chinese character. */
export function isCjk(unit: string): boolean {
	return CJK_CHAR.test(unit);
}

/**
 * The units of a text as runs: a run ends at white space, so a query's words stay apart, while
 * punctuation inside a run is skipped (`（MAF）传感器` is one run: maf, 传, 感, 器).
 */
export function unitRuns(text: string): string[][] {
	return normalize(text)
		.split(/\s+/u)
		.map((word) => word.match(UNIT) ?? [])
		.filter((run) => run.length > 0);
}

/**
 * The index terms of a text. `unigrams`: also every Chinese character alone (titles, codes and
 * aliases; long texts leave them out, they would match almost everything). Runs are joined
 * across white space too, since authors put spaces in odd places (`E4 排水 超时`).
 */
export function indexTerms(text: string, unigrams: boolean): Set<string> {
	const terms = new Set<string>();
	const runs = unitRuns(text);
	// Latin units that punctuation split inside one word (`ac-kf35`, `KF-72L`) are also indexed
	// joined, each stretch of up to four of them, so `kf35` and `ackf35` find the model.
	for (const run of runs) {
		for (let i = 0; i < run.length; i++) {
			let joined = '';
			for (let j = i; j < Math.min(run.length, i + 4) && !isCjk(run[j]!); j++) {
				joined += run[j]!;
				if (j > i) terms.add(joined);
			}
		}
	}
	const units = runs.flat();
	units.forEach((u, i) => {
		// Stop words stay in titles, where they can break a tie (`Wash pump drive fault for 10 minutes`).
		if (!isCjk(u)) {
			if (unigrams || !STOP_WORDS.has(u)) terms.add(stem(u));
		} else if (unigrams) terms.add(u);
		const next = units[i + 1];
		if (next !== undefined && (isCjk(u) || isCjk(next))) terms.add(u + next);
	});
	return terms;
}

/**
 * One word of a query, as the terms a document must hold for it: `pairs` for a word with
 * Chinese in it (its neighbouring-unit pairs, in order, where a piece of the word may be missing
 * as long as what remains is whole pieces of two or more units), else the single `term`.
 */
export type QueryWord =
	| { kind: 'pairs'; text: string; pairs: string[] }
	| { kind: 'term'; text: string; term: string; optional?: true };

/**
 * The words of a query. English stop words are `optional` when other words are left: a title that
 * has them ranks first, but one without them still matches (`loss of power` finds `Power Loss`).
 */
export function queryWords(query: string): QueryWord[] {
	const words: QueryWord[] = [];
	for (const run of unitRuns(query)) {
		const text = run.join('');
		if (run.length === 1) {
			words.push({ kind: 'term', text, term: isCjk(run[0]!) ? run[0]! : stem(run[0]!) });
			continue;
		}
		if (!run.some(isCjk)) {
			// A run of Latin words joined by punctuation (`o2-sensor`) is several words.
			for (const u of run) words.push({ kind: 'term', text: u, term: stem(u) });
			continue;
		}
		const pairs: string[] = [];
		for (let i = 0; i + 1 < run.length; i++) {
			const a = run[i]!;
			const b = run[i + 1]!;
			// Two Latin units side by side inside a Chinese word (rare: `abs 1`) stay apart.
			if (isCjk(a) || isCjk(b)) pairs.push(a + b);
		}
		words.push({ kind: 'pairs', text, pairs });
	}
	const stop = (w: QueryWord) => w.kind === 'term' && STOP_WORDS.has(w.text);
	if (words.every(stop)) return words;
	return words.map((w) => (stop(w) ? { ...w, optional: true as const } : w));
}

/**
 * Whether a document holds a query word, given which of the word's pairs it holds: the first
 * and last pair must be there, and no two neighbouring pairs may both be missing, so every piece
 * left is at least two units long (`洗衣机不排水` matches 洗衣机 in the family name and 不排水 in an
 * alias, but `排水` alone does not match `不排水`'s query). Returns the number of missing pairs,
 * or -1 when the word does not match.
 */
export function pairsMatch(present: readonly boolean[]): number {
	const n = present.length;
	if (n === 0) return 0;
	if (!present[0] || !present[n - 1]) return -1;
	let missing = 0;
	for (let i = 0; i < n; i++) {
		if (present[i]) continue;
		if (!present[i - 1]) return -1;
		missing++;
	}
	return missing;
}

/** The term that says "this is the whole title": a hash of the title's letters, digits and characters. */
export function wholeTitleTerm(title: string): string {
	return `=${hash(unitRuns(title).flat().join('')).toString(36)}`;
}

/** FNV-1a hash of a term into one of `buckets` shards. */
export function bucketOf(term: string, buckets: number): number {
	return hash(term) % buckets;
}

/**
 * A light English stemmer, the same at index and query time: plurals to singular, and `-ing` /
 * `-ed` off longer words (`draining`, `drained` → `drain`; `stopped` → `stop`).
 */
export function stem(word: string): string {
	if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
	if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
	if (word.endsWith('sses')) return word.slice(0, -2);
	if (word.endsWith('ing') && word.length >= 6) return undouble(word.slice(0, -3));
	if (word.endsWith('ed') && word.length >= 5 && !word.endsWith('eed'))
		return undouble(word.slice(0, -2));
	if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
	return word;
}

function undouble(word: string): string {
	return /([b-df-hj-km-np-rtv-z])\1$/.test(word) && !/(ll|ss|zz)$/.test(word)
		? word.slice(0, -1)
		: word;
}

// --- internal ---

// Chinese ideographs of the Basic Multilingual Plane and Extension A, one UTF-16 unit each.
const CJK_CHAR = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/u;
const UNIT =
	/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;

// Words that say nothing about a fault; left out of the index and, when a query has others, of the query.
const STOP_WORDS = new Set([
	'a',
	'an',
	'and',
	'are',
	'as',
	'at',
	'be',
	'by',
	'for',
	'from',
	'in',
	'is',
	'it',
	'of',
	'on',
	'or',
	'the',
	'to',
	'with',
]);

function hash(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

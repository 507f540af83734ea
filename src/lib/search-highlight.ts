/**
 * Where a result's title or excerpt shows the query's words, for `<mark>`. Pure: the search UI
 * turns the ranges into text nodes and marks, never HTML.
 */

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/u;
const LETTER = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The `[start, end)` ranges of `text` (UTF-16 offsets into the text as given) where one of
 * `terms` occurs, sorted, with overlapping and touching ranges merged. Matching ignores case and
 * NFKC width (`Ｅ４` matches `E4`). A term is matched whole and by its parts: each Latin/digit word
 * of two or more characters, and each two-character piece of a Chinese run (a one-character run
 * alone), because Chinese search finds a page by any two characters of the query. Latin words
 * match only where a word starts; Chinese pieces match anywhere.
 * @example matchRanges('分体空调不制冷', ['空调制冷']) // [[2, 4], [5, 7]]
 */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
	const { folded, start, end } = fold(text);
	const ranges: [number, number][] = [];
	for (const needle of needles(terms)) {
		// A Latin word matches at the start of a word (`hot` in `hotter`, not `no` in `enough`);
		// Chinese has no word boundaries, so a Chinese piece matches anywhere.
		const anywhere = CJK_CHAR.test(needle);
		for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1))
			if (anywhere || !continuesWord(folded[at - 1]))
				ranges.push([start[at]!, end[at + needle.length - 1]!]);
	}
	return merge(ranges);
}

// --- internal ---

/** The text folded (NFKC, lower case) with, per folded unit, the original range it came from. */
function fold(text: string): { folded: string; start: number[]; end: number[] } {
	let folded = '';
	const start: number[] = [];
	const end: number[] = [];
	let offset = 0;
	for (const char of text) {
		const piece = char.normalize('NFKC').toLowerCase();
		for (let i = 0; i < piece.length; i++) {
			start.push(offset);
			end.push(offset + char.length);
		}
		folded += piece;
		offset += char.length;
	}
	return { folded, start, end };
}

/** The folded strings to look for: each term whole, its words and its Chinese pieces. */
function needles(terms: readonly string[]): Set<string> {
	const out = new Set<string>();
	for (const term of terms) {
		const s = term.normalize('NFKC').toLowerCase().trim();
		if (!s) continue;
		if (s.length > 1 || CJK_CHAR.test(s)) out.add(s);
		// CJK_RUN holds ideographs of the Basic Multilingual Plane only: one UTF-16 unit each.
		for (const run of s.match(CJK_RUN) ?? []) {
			if (run.length === 1) out.add(run);
			for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
		}
		// A lone letter ("f" of "error f 05") would mark every f on the page; words need two characters.
		for (const word of s.replace(CJK_RUN, ' ').match(WORD) ?? [])
			if (word.length > 1) out.add(word);
	}
	return out;
}

/** Whether a character before a match makes it the middle of a Latin word or number. */
function continuesWord(before: string | undefined): boolean {
	return before !== undefined && LETTER.test(before) && !CJK_CHAR.test(before);
}

function merge(ranges: [number, number][]): [number, number][] {
	ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const out: [number, number][] = [];
	for (const [s, e] of ranges) {
		const last = out.at(-1);
		if (last && s <= last[1]) last[1] = Math.max(last[1], e);
		else out.push([s, e]);
	}
	return out;
}

/**
 * Benchmark queries with relevance judgements derived from the data, not hand-picked: each query
 * is sampled from a random entry with a seeded PRNG, and its relevant set is every entry that
 * meets the group's rule (same code, same title, title contains the phrase, …), recomputed over
 * the whole catalogue. Used by the search benchmark for the Chinese catalogue and the OBD-II table.
 */
import { seededRandom } from '../../src/lib/random.ts';
import { codeKey } from '../../src/lib/fault-code.ts';

/** The query groups the benchmark reports. */
export const GROUPS = ['code', 'zh-title', 'zh-phrase', 'en-words', 'zh-explanation'] as const;
/** A query group. */
export type Group = (typeof GROUPS)[number];

/** One benchmark query: what is typed, on which locale's site, and the entry ids that answer it. */
export interface BenchQuery {
	group: Group;
	query: string;
	locale: 'zh-CN' | 'en';
	/** Entry ids (`<family>/<code slug>`, as in the entry's URL), never empty. */
	relevant: string[];
}

/** What the samplers need of an entry. */
export interface QueryEntry {
	/** `<family>/<code slug>`. */
	id: string;
	code: string;
	/** The family's code scheme: whether `E04` and `E4` differ. */
	zerosMatter: boolean;
	titleZh: string;
	titleEn: string;
	/** The pieces the Chinese title was composed of (phrases are drawn from them). */
	segments?: string[];
	/** The whole Chinese explanation, and the vocabulary phrases it was composed from. */
	explanation?: string;
	terms?: string[];
}

/** A seeded PRNG: the same seed gives the same sequence on every machine. */
export const prng = seededRandom;

/** A random element of a non-empty list. */
export const pick = <T>(rng: () => number, list: readonly T[]): T =>
	list[Math.floor(rng() * list.length)]!;

/** Title normalisation for the judgements: NFKC, lower case, no spaces. */
export const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The words of an English title, lower case. */
export const words = (s: string): string[] => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** The five spellings a code is typed in, by index: `p0300`, `P-0300`, `Ｐ０３００`, `故障码 P0300`, `p 0300`. */
export function codeSpelling(code: string, variant: number): string {
	const [, letters = '', rest = code] = /^([A-Z]*)-?(.*)$/.exec(code) ?? [];
	switch (variant % 5) {
		case 0:
			return code.toLowerCase();
		case 1:
			return letters && /^\d/.test(rest) ? `${letters}-${rest}` : code;
		case 2:
			return code.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
		case 3:
			return `故障码 ${code}`;
		default:
			return letters && /^\d/.test(rest) ? `${letters.toLowerCase()} ${rest}` : code.toLowerCase();
	}
}

/**
 * Samples `n` queries of `group` from `entries`. Code and English-word queries work on any
 * entries; title, phrase and explanation queries need the Chinese catalogue's fields.
 */
export function sampleQueries(
	entries: readonly QueryEntry[],
	group: Group,
	n: number,
	rng: () => number,
): BenchQuery[] {
	const out: BenchQuery[] = [];
	const seen = new Set<string>();
	for (let tries = 0; out.length < n && tries < n * 20; tries++) {
		const q = SAMPLERS[group](entries, pick(rng, entries), rng, out.length);
		// A phrase built across a bracket or `与` may occur in no title: such a query judges nothing.
		if (!q?.relevant.length || seen.has(q.query)) continue;
		seen.add(q.query);
		out.push({ group, ...q });
	}
	return out;
}

// --- internal ---

type Sampled = Omit<BenchQuery, 'group'> | undefined;
type Sampler = (all: readonly QueryEntry[], e: QueryEntry, rng: () => number, i: number) => Sampled;

const STOP = new Set(['and', 'or', 'the', 'of', 'no', 'in', 'a', 'to']);
const HAN = /\p{Script=Han}/gu;

const ids = (list: readonly QueryEntry[]) => list.map((e) => e.id);

const SAMPLERS: Record<Group, Sampler> = {
	code(all, e, _rng, i) {
		const query = codeSpelling(e.code, i);
		const relevant = all.filter(
			(x) =>
				codeKey(x.code, { leadingZerosSignificant: x.zerosMatter }) ===
				codeKey(query, { leadingZerosSignificant: x.zerosMatter }),
		);
		return relevant.length ? { query, locale: 'zh-CN', relevant: ids(relevant) } : undefined;
	},
	'zh-title'(all, e) {
		const t = norm(e.titleZh);
		return {
			query: e.titleZh,
			locale: 'zh-CN',
			relevant: ids(all.filter((x) => norm(x.titleZh) === t)),
		};
	},
	'zh-phrase'(all, e, rng) {
		const phrase = pick(rng, phrases(e.segments ?? [e.titleZh]));
		if (!phrase) return undefined;
		const p = norm(phrase);
		return {
			query: phrase,
			locale: 'zh-CN',
			relevant: ids(all.filter((x) => norm(x.titleZh).includes(p))),
		};
	},
	'en-words'(all, e, rng) {
		const own = [...new Set(words(e.titleEn))].filter((w) => w.length > 1 && !STOP.has(w));
		if (own.length < 2) return undefined;
		const k = Math.min(own.length, 2 + Math.floor(rng() * 2));
		const chosen = own
			.map((w) => [rng(), w] as const)
			.sort((a, b) => a[0] - b[0])
			.slice(0, k)
			.map(([, w]) => w);
		const query = own.filter((w) => chosen.includes(w)).join(' ');
		const relevant = all.filter((x) => {
			const mine = new Set(words(x.titleEn));
			return chosen.every((w) => mine.has(w));
		});
		return { query, locale: 'en', relevant: ids(relevant) };
	},
	'zh-explanation'(all, e, rng) {
		if (!e.terms?.length) return undefined;
		// Distinctive terms: the entry's four rarest phrases, of which two or three are typed.
		const df = (t: string) => all.filter((x) => x.explanation?.includes(t)).length;
		const rare = [...new Set(e.terms)]
			.map((t) => [df(t), rng(), t] as const)
			.sort((a, b) => a[0] - b[0] || a[1] - b[1])
			.slice(0, 4)
			.map(([, , t]) => t);
		const chosen = rare.filter(() => rng() < 0.75).slice(0, 3);
		if (chosen.length < 2) return undefined;
		const relevant = all.filter((x) => chosen.every((t) => x.explanation?.includes(t)));
		return { query: chosen.join(' '), locale: 'zh-CN', relevant: ids(relevant) };
	},
};

/**
 * 2–6 character phrases a person would type from a title's pieces: a piece, two adjacent pieces,
 * each side of a bracketed pair (`室内机与线控器`), and the head or tail word of a long part name
 * (`室内盘管温度传感器` → `室内盘管`, `温度传感器`, `传感器`).
 */
function phrases(segments: readonly string[]): string[] {
	const pieces = segments.flatMap((s) => (/^（.*）$/.test(s) ? s.slice(1, -1).split('与') : [s]));
	const title = segments.join('');
	const out = new Set<string>();
	pieces.forEach((s, i) => {
		const next = pieces[i + 1];
		out.add(s);
		if (next && title.includes(s + next)) out.add(s + next);
		if (s.length > 6) for (const k of [2, 4]) out.add(s.slice(0, k)).add(s.slice(-k - 1));
	});
	return [...out].filter((s) => s.length >= 2 && s.length <= 6 && (s.match(HAN)?.length ?? 0) >= 2);
}

import type { Root, RootContent } from 'mdast';
import { codeKey } from '../lib/fault-code.ts';
import { translator, type SiteLocale } from '../lib/i18n.ts';
import { localeHref, paths } from '../lib/routes.ts';
import { buildCodeMap, type CodeShard } from '../lib/search-codes.ts';
import {
	buildSearchIndex,
	type BuiltIndex,
	type IndexDoc,
	type SearchMeta,
	type StoredCard,
} from '../lib/search-index.ts';
import { FAULT_CATEGORIES } from '../schemas/taxonomy.ts';
import { bodyTree, faultModelIds, knowledgeBase, type KnowledgeBase } from './content.ts';
import { LANGS } from './routes.ts';

type Fault = KnowledgeBase['faults'][number];

/** The search data of one locale: the index, the exact-code map and what the client reads first. */
export interface SearchData {
	index: BuiltIndex;
	codes: Map<string, CodeShard>;
	meta: SearchMeta;
}

const cache = new Map<SiteLocale, Promise<SearchData>>();

/**
 * The search data of a locale, built once and kept: for the dev server, which serves the files
 * one request at a time. A build writes them all at once with {@link searchFiles} instead.
 */
export function searchData(locale: SiteLocale): Promise<SearchData> {
	if (!cache.has(locale)) cache.set(locale, buildSearchData(locale));
	return cache.get(locale)!;
}

/** The search data of a locale, built afresh (nothing keeps it once its files are written). */
export async function buildSearchData(locale: SiteLocale): Promise<SearchData> {
	return build(await knowledgeBase(), locale);
}

/** The kinds of search-data file, each a folder of numbered or keyed JSON files. */
export const SEARCH_FILE_KINDS = {
	title: (d: SearchData) => d.index.titleShards.map((shard, i) => [String(i), shard] as const),
	body: (d: SearchData) => d.index.bodyShards.map((shard, i) => [String(i), shard] as const),
	cards: (d: SearchData) => d.index.cardBlocks.map((block, i) => [String(i), block] as const),
	codes: (d: SearchData) => [...d.codes.entries()],
} satisfies Record<string, (d: SearchData) => (readonly [string, unknown])[]>;

/** Every search-data file of a locale, as paths under `search-data/` → JSON value. */
export function searchFiles(data: SearchData): [string, unknown][] {
	return [
		['meta.json', data.meta],
		...Object.entries(SEARCH_FILE_KINDS).flatMap(([kind, list]) =>
			list(data).map(([name, json]): [string, unknown] => [`${kind}/${name}.json`, json]),
		),
	];
}

/** The static paths of one kind of search-data file for the dev server, per locale. */
export async function searchFilePaths(
	kind: keyof typeof SEARCH_FILE_KINDS,
): Promise<{ params: { lang: string | undefined; file: string }; props: { json: unknown } }[]> {
	const all = await Promise.all(
		LANGS.map(async ({ lang, locale }) =>
			SEARCH_FILE_KINDS[kind](await searchData(locale)).map(([file, json]) => ({
				params: { lang, file },
				props: { json },
			})),
		),
	);
	return all.flat();
}

// --- internal ---

// An excerpt is the first words of the symptoms or summary: enough to tell two entries apart.
const EXCERPT_CHARS = 60;

function build(kb: KnowledgeBase, locale: SiteLocale): SearchData {
	const t = translator(locale);
	const href = (path: string) => localeHref(import.meta.env.BASE_URL, locale, path);
	const family = new Map(kb.families.map((f) => [f.id, f.data]));
	const productName = new Map(kb.products.map((p) => [p.id, p.data.name[locale]]));
	const generic = (f: Fault) => (family.get(f.data.family.id)?.generic ? 0 : 1);
	// Document order breaks ties: entries that apply to every manufacturer first, then codes in order.
	const faults = [...kb.faults].sort(
		(a, b) =>
			generic(a) - generic(b) ||
			codeKey(a.data.code).localeCompare(codeKey(b.data.code), 'en', { numeric: true }) ||
			a.data.family.id.localeCompare(b.data.family.id),
	);
	const faultDocs = faults.map((f): IndexDoc & { family: string; code: string } => {
		const models = faultModelIds(kb, f);
		const fam = family.get(f.data.family.id);
		const symptoms = f.data.symptoms.map((s) => s[locale]);
		return {
			family: f.data.family.id,
			code: f.data.code,
			card: {
				u: href(paths.fault(f.data.family.id, f.data.code)),
				t: f.data.title[locale],
				k: 'fault',
				c: f.data.code,
				fam: f.data.family.id,
				...(models.length ? { m: models } : {}),
				cat: f.data.category,
				pri: f.data.priority,
				x: excerpt(symptoms.join('；')),
			},
			title: f.data.title[locale],
			aliases: f.data.aliases,
			symptoms,
			body: [
				...[f.data.causes, f.data.checks, f.data.remedy].flat().map((s) => s[locale]),
				...f.data.parts.map((p) => [p.name[locale], p.partNo ?? ''].join(' ')),
			],
			context: [fam?.name[locale] ?? '', ...models.map((m) => productName.get(m) ?? m)],
		};
	});
	const docCard = (u: string, title: string, k: string, s?: string, x?: string): StoredCard => ({
		u: href(u),
		t: title,
		k,
		...(s ? { s } : {}),
		...(x ? { x: excerpt(x) } : {}),
	});
	// Fault entries first: at equal rank the catalogue comes before SOPs and guides that mention the words.
	const docs: IndexDoc[] = [
		...faultDocs,
		...kb.sops
			.filter((s) => s.current)
			.map((s) => {
				const e = s.current!.byLocale[locale];
				return {
					card: docCard(paths.sop(s.slug), e.data.title, 'sop', e.data.docId, e.data.summary),
					title: e.data.title,
					aliases: [e.data.docId],
					symptoms: [e.data.summary],
					body: [plainText(bodyTree(e))],
				};
			}),
		...kb.checklists
			.filter((c) => c.current)
			.map((c) => {
				const d = c.current!.data;
				return {
					card: docCard(paths.checklist(c.slug), d.title[locale], 'checklist', d.docId),
					title: d.title[locale],
					aliases: [d.docId],
				};
			}),
		...kb.etiquette.map((r) => ({
			card: docCard(
				paths.rule(r.id),
				r.data.rule[locale],
				'etiquette',
				t(`visit.${r.data.stage}`),
				r.data.why[locale],
			),
			title: r.data.rule[locale],
			symptoms: [r.data.why[locale]],
			body: r.data.do.map((x) => x[locale]),
		})),
		...kb.guides.map((g) => {
			const e = g.byLocale[locale];
			return {
				card: docCard(paths.guide(g.slug), e.data.title, 'guide', undefined, e.data.description),
				title: e.data.title,
				symptoms: [e.data.description],
				body: [plainText(bodyTree(e))],
			};
		}),
		...kb.products.map((p) => ({
			card: {
				...docCard(paths.product(p.id), p.data.name[locale], 'product', p.id),
				fam: p.data.family.id,
				m: [p.id],
			},
			title: p.data.name[locale],
			aliases: [p.id],
		})),
		...kb.families.map((f) => ({
			card: docCard(
				paths.family(f.id),
				f.data.name[locale],
				'family',
				undefined,
				f.data.description[locale],
			),
			title: f.data.name[locale],
			aliases: [f.id],
			symptoms: [f.data.description[locale]],
		})),
	];
	const schemes = new Map(
		kb.families.map((f) => [f.id, f.data.codeScheme.leadingZerosSignificant]),
	);
	const codes = buildCodeMap(
		faultDocs.map((d) => ({ family: d.family, code: d.code, card: { ...d.card, x: undefined } })),
		(id) => schemes.get(id) ?? false,
	);
	const index = buildSearchIndex(docs);
	const synonyms = kb.synonyms.map((s) => s.data);
	return {
		index,
		codes,
		meta: {
			titleBuckets: index.titleShards.length,
			bodyBuckets: index.bodyShards.length,
			cardBlock: index.cardBlock,
			codeShards: [...codes.keys()].sort(),
			families: Object.fromEntries(
				kb.families.map((f) => [f.id, [f.data.name[locale], f.data.generic ? 1 : 0]]),
			),
			types: Object.fromEntries(
				(['fault', 'sop', 'checklist', 'etiquette', 'guide', 'product', 'family'] as const).map(
					(k) => [k, t(`type.${k}`)],
				),
			),
			categories: Object.fromEntries(FAULT_CATEGORIES.map((c) => [c, t(`category.${c}`)])),
			synonyms: synonyms.flatMap((s) => s.groups),
			negations: synonyms.flatMap((s) => s.negations),
		},
	};
}

function excerpt(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	// Array.from keeps characters outside the Basic Multilingual Plane whole.
	const chars = Array.from(flat);
	return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : flat;
}

/** The words of an MDX body: its text, code and the text inside components, without markup. */
function plainText(tree: Root): string {
	const out: string[] = [];
	const visit = (node: Root | RootContent) => {
		if ('value' in node && typeof node.value === 'string' && node.type !== 'html')
			out.push(node.value);
		if ('children' in node) node.children.forEach(visit);
	};
	visit(tree);
	return out.join(' ');
}

import { translator, type SiteLocale } from '../lib/i18n.ts';
import { localeHref, paths } from '../lib/routes.ts';
import { buildCodeMap, type CodeShard } from '../lib/search-codes.ts';
import {
	buildLexicon,
	type LexiconDoc,
	type LexiconShard,
	type SearchCard,
} from '../lib/search-lexicon.ts';
import { knowledgeBase, type KnowledgeBase } from './content.ts';

type Fault = KnowledgeBase['faults'][number];

/** The search data of one locale: the lexicon shards and the exact-code map. */
export interface SearchData {
	buckets: number;
	lexicon: LexiconShard[];
	codes: Map<string, CodeShard>;
}

const cache = new Map<SiteLocale, Promise<SearchData>>();

/** The search data of a locale, built once per build. */
export function searchData(locale: SiteLocale): Promise<SearchData> {
	if (!cache.has(locale))
		cache.set(
			locale,
			knowledgeBase().then((kb) => build(kb, locale)),
		);
	return cache.get(locale)!;
}

/**
 * The Pagefind filter values of a fault page. Search results from the lexicon carry the same
 * values, so one set of filters narrows both.
 */
export function faultFilters(
	kb: KnowledgeBase,
	fault: Fault,
	locale: SiteLocale,
): Record<string, string[]> {
	const t = translator(locale);
	const family = kb.families.find((f) => f.id === fault.data.family.id);
	const models =
		fault.data.models.length > 0
			? fault.data.models.map((m) => m.id)
			: kb.products.filter((p) => p.data.family.id === fault.data.family.id).map((p) => p.id);
	return {
		type: [t('type.fault')],
		family: family ? [family.data.name[locale]] : [],
		model: [...models].sort(),
		category: [t(`category.${fault.data.category}`)],
		priority: [fault.data.priority],
	};
}

// --- internal ---

function build(kb: KnowledgeBase, locale: SiteLocale): SearchData {
	const t = translator(locale);
	const href = (path: string) => localeHref(import.meta.env.BASE_URL, locale, path);
	const familyName = new Map(kb.families.map((f) => [f.id, f.data.name[locale]]));
	const faultDocs = kb.faults.map((f) => {
		const card: SearchCard = {
			u: href(paths.fault(f.data.family.id, f.data.code)),
			t: `${f.data.code} ${f.data.title[locale]}`,
			c: f.data.code,
			k: 'fault',
			f: faultFilters(kb, f, locale),
			s: familyName.get(f.data.family.id),
		};
		return {
			family: f.data.family.id,
			code: f.data.code,
			card,
			doc: {
				card,
				code: f.data.code,
				title: f.data.title[locale],
				aliases: f.data.aliases,
				text: f.data.symptoms.map((s) => s[locale]),
			} satisfies LexiconDoc,
		};
	});
	const docs: LexiconDoc[] = [
		...faultDocs.map((d) => d.doc),
		...kb.sops
			.filter((s) => s.current)
			.map((s) => {
				const e = s.current!.byLocale[locale];
				return {
					card: {
						u: href(paths.sop(s.slug)),
						t: e.data.title,
						k: 'sop',
						f: { type: [t('type.sop')] },
						s: e.data.docId,
					},
					title: e.data.title,
					aliases: [e.data.docId],
					text: [e.data.summary],
				};
			}),
		...kb.checklists
			.filter((c) => c.current)
			.map((c) => {
				const d = c.current!.data;
				return {
					card: {
						u: href(paths.checklist(c.slug)),
						t: d.title[locale],
						k: 'checklist',
						f: { type: [t('type.checklist')] },
						s: d.docId,
					},
					title: d.title[locale],
					aliases: [d.docId],
				};
			}),
		...kb.etiquette.map((r) => ({
			card: {
				u: href(paths.rule(r.id)),
				t: r.data.rule[locale],
				k: 'etiquette',
				f: { type: [t('type.etiquette')] },
				s: t(`visit.${r.data.stage}`),
			},
			title: r.data.rule[locale],
			text: [r.data.why[locale], ...r.data.do.map((x) => x[locale])],
		})),
		...kb.products.map((p) => ({
			card: {
				u: href(paths.product(p.id)),
				t: p.data.name[locale],
				k: 'product',
				f: {
					type: [t('type.product')],
					family: [familyName.get(p.data.family.id) ?? ''],
					model: [p.id],
				},
				s: p.id,
			},
			title: p.data.name[locale],
			aliases: [p.id],
		})),
		...kb.guides.map((g) => ({
			card: {
				u: href(paths.guide(g.slug)),
				t: g.byLocale[locale].data.title,
				k: 'guide',
				f: { type: [t('type.guide')] },
			},
			title: g.byLocale[locale].data.title,
			text: [g.byLocale[locale].data.description],
		})),
	];
	const schemes = new Map(
		kb.families.map((f) => [f.id, f.data.codeScheme.leadingZerosSignificant]),
	);
	const { buckets, shards } = buildLexicon(docs);
	return {
		buckets,
		lexicon: shards,
		codes: buildCodeMap(faultDocs, (family) => schemes.get(family) ?? false),
	};
}

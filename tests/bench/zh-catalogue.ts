/**
 * A deterministic bilingual fault catalogue shaped like real Chinese manufacturer tables, for the
 * search benchmark: 24 manufacturers plus one generic family, codes shared across families (E1 in
 * a dozen or more), titles composed from part × position × fault mode with Latin abbreviations and
 * digits (`室外机IPM模块保护`, `第2排氧传感器开路`), 100–300 character explanations, customers'
 * words as aliases. `generateCatalogue` also returns the benchmark queries and their judgements;
 * `writeCatalogue` writes it as content files beside a copy of the starter content.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { codeSlug } from '../../src/lib/fault-code.ts';
import { files } from '../../src/lib/routes.ts';
import { GROUPS, pick, prng, sampleQueries, type BenchQuery } from './search-queries.ts';
import { codesFor, composeExplanation, composeTitle, type Sentence } from './zh-compose.ts';
import { FAMILIES, PARTS, SYMPTOMS, type Domain, type FamilyDef } from './zh-vocabulary.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** One generated entry, with the pieces the judgements are computed from. */
export interface CatalogueEntry {
	/** `<family>/<code slug>`, as in the entry's URL. */
	id: string;
	family: string;
	code: string;
	zerosMatter: boolean;
	domain: Domain;
	titleZh: string;
	titleEn: string;
	segments: string[];
	/** Sentences of the explanation, each in both languages, by the field they are written to. */
	sentences: { symptoms: Sentence[]; causes: Sentence[]; checks: Sentence[] };
	/** The whole Chinese explanation. */
	explanation: string;
	terms: string[];
	aliases: string[];
}

/** A generated catalogue and its benchmark queries. */
export interface Catalogue {
	families: FamilyDef[];
	entries: CatalogueEntry[];
	queries: BenchQuery[];
}

/**
 * Generates `n` entries (≥ 250) and `perGroup` queries per group from `seed`. The same arguments
 * always give the same catalogue. The generic family gets ~4 % of the entries.
 */
export function generateCatalogue(
	n: number,
	options: { seed?: number; perGroup?: number } = {},
): Catalogue {
	const rng = prng(options.seed ?? 20261126);
	const weights = FAMILIES.map((f) => (f.generic ? 0 : 0.5 + rng()));
	const total = weights.reduce((a, b) => a + b, 0);
	const genericCount = Math.round(n * 0.04);
	const counts = weights.map((w) =>
		w ? Math.floor(((n - genericCount) * w) / total) : genericCount,
	);
	counts[0]! += n - counts.reduce((a, b) => a + b, 0);
	const entries = FAMILIES.flatMap((family, i) =>
		codesFor(family, counts[i]!, rng).map((code) => makeEntry(family, code, rng)),
	);
	const queries = GROUPS.flatMap((g) => sampleQueries(entries, g, options.perGroup ?? 60, rng));
	return { families: FAMILIES, entries, queries };
}

/** Copies the starter content to `dir` and writes the catalogue's families and entries into it. */
export function writeCatalogue(dir: string, catalogue: Catalogue): void {
	cpSync(join(ROOT, 'content'), dir, { recursive: true });
	for (const f of catalogue.families) {
		const domains = f.domains.map((d) => DOMAIN_NAMES[d]);
		const family = {
			name: { 'zh-CN': f.zh, en: f.en },
			description: {
				'zh-CN': `${f.zh}${f.generic ? '各品牌通用' : ''}故障码表：${domains.map((d) => d.zh).join('、')}。`,
				en: `${f.en} fault codes${f.generic ? ' for every brand' : ''}: ${domains.map((d) => d.en).join(', ')}.`,
			},
			codeScheme: { leadingZerosSignificant: false },
			...(f.generic ? { generic: true } : {}),
		};
		writeFileSync(join(dir, 'families', `${f.id}.yaml`), stringify(family));
	}
	for (const e of catalogue.entries) {
		const file = join(dir, files.fault(e.family, e.code));
		mkdirSync(join(file, '..'), { recursive: true });
		writeFileSync(file, stringify(entryData(e), { lineWidth: 0 }));
	}
}

// --- internal ---

const DOMAIN_NAMES: Record<Domain, { zh: string; en: string; one: string }> = {
	ac: { zh: '空调', en: 'air conditioners', one: 'air conditioner' },
	wh: { zh: '热水器', en: 'water heaters', one: 'water heater' },
	wm: { zh: '洗衣机', en: 'washing machines', one: 'washing machine' },
	rf: { zh: '冰箱', en: 'refrigerators', one: 'refrigerator' },
	kc: { zh: '厨房电器', en: 'kitchen appliances', one: 'kitchen appliance' },
};

function makeEntry(family: FamilyDef, code: string, rng: () => number): CatalogueEntry {
	const domain = pick(rng, family.domains);
	const own = family.generic ? [] : PARTS[domain];
	const title = composeTitle(own, PARTS.all, rng, family.generic === true);
	const unit = {
		zh: `${family.zh}${DOMAIN_NAMES[domain].zh}`,
		en: `${family.en} ${DOMAIN_NAMES[domain].one}`,
	};
	const ex = composeExplanation({ unit, code, title, part: title.part, domain }, rng);
	const aliases =
		rng() < 0.3
			? [...new Set([pick(rng, SYMPTOMS[domain]).zh, pick(rng, SYMPTOMS[domain]).zh])]
			: [];
	return {
		id: `${family.id}/${codeSlug(code)}`,
		family: family.id,
		code,
		zerosMatter: false,
		domain,
		titleZh: title.zh,
		titleEn: title.en,
		segments: title.segments,
		sentences: ex.sentences,
		explanation: [...ex.sentences.symptoms, ...ex.sentences.causes, ...ex.sentences.checks]
			.map((s) => s['zh-CN'])
			.join(''),
		terms: ex.terms,
		aliases,
	};
}

function entryData(e: CatalogueEntry) {
	const power = /电源|电压/.test(e.titleZh);
	const display = /显示/.test(e.titleZh);
	return {
		code: e.code,
		family: e.family,
		title: { 'zh-CN': e.titleZh, en: e.titleEn },
		aliases: e.aliases,
		category: 'hardware',
		subcategory: power ? 'power' : display ? 'display' : 'other',
		priority: /保护|过热|漏电/.test(e.titleZh) ? 'P1' : 'P2',
		symptoms: e.sentences.symptoms,
		causes: e.sentences.causes,
		checks: e.sentences.checks,
		sop: 'hardware-diagnosis',
	};
}

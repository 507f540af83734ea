import { getCollection, type CollectionEntry } from 'astro:content';
import type { Root } from 'mdast';
import { parseBody } from '../core/mdx.ts';
import { citedRules, hasMermaid } from '../core/mdx-read.ts';
import { lineDiff, type DiffLine } from '../lib/diff.ts';
import { compareRevisions, currentRevision, sortRevisions } from '../lib/revision.ts';
import type { SiteLocale } from '../lib/i18n.ts';
import { DEFAULT_LOCALE, mapLocales, splitLocaleId } from '../lib/locales.ts';
import { isPublished, isPublishedEntry, type DocStatus } from '../lib/status.ts';
import { VISIT_STAGES } from '../schemas/taxonomy.ts';

/** One revision of an SOP, with its file in each locale. */
export interface SopRevision {
	slug: string;
	revision: string;
	data: CollectionEntry<'sops'>['data'];
	byLocale: Record<SiteLocale, CollectionEntry<'sops'>>;
	/** Diff of each locale's body against the previous revision's; undefined for the first. */
	diff?: Record<SiteLocale, DiffLine[]>;
	hasMermaid: boolean;
}

/** A controlled SOP: every revision oldest first, and the approved one. */
export interface SopDoc {
	slug: string;
	revisions: SopRevision[];
	current?: SopRevision;
}

/** A controlled checklist: every revision oldest first, and the approved one. */
export interface ChecklistDoc {
	slug: string;
	revisions: CollectionEntry<'checklists'>[];
	current?: CollectionEntry<'checklists'>;
}

/** Every view the pages need, computed once per build. */
export interface KnowledgeBase {
	families: CollectionEntry<'families'>[];
	products: CollectionEntry<'products'>[];
	faults: CollectionEntry<'faults'>[];
	sops: SopDoc[];
	checklists: ChecklistDoc[];
	etiquette: CollectionEntry<'etiquette'>[];
	etiquetteByStage: {
		stage: (typeof VISIT_STAGES)[number];
		rules: CollectionEntry<'etiquette'>[];
	}[];
	/** Rule id → slugs of SOPs whose current revision cites it. */
	citations: Map<string, string[]>;
	guides: { slug: string; byLocale: Record<SiteLocale, CollectionEntry<'guides'>> }[];
	/** Search synonyms and negation words (content/synonyms/). */
	synonyms: CollectionEntry<'synonyms'>[];
}

/**
 * The model ids a fault entry occurs on: its own list, or every model of its family when the list
 * is empty (an empty list means "all models"). The fault page, its search card and filters share it.
 */
export function faultModelIds(kb: KnowledgeBase, fault: KnowledgeBase['faults'][number]): string[] {
	const models =
		fault.data.models.length > 0
			? fault.data.models.map((m) => m.id)
			: kb.products.filter((p) => p.data.family.id === fault.data.family.id).map((p) => p.id);
	return [...models].sort();
}

let cached: Promise<KnowledgeBase> | undefined;

/**
 * The knowledge base as the pages see it. Drafts and in-review revisions are left out of
 * production builds (they show in `astro dev` only).
 */
export function knowledgeBase(): Promise<KnowledgeBase> {
	cached ??= load();
	return cached;
}

/**
 * The tree of an SOP or guide body, parsed once per build however many views read it. A body
 * that is not valid MDX gives an empty tree (the content guard has refused it before a build).
 */
export function bodyTree(entry: { id: string; body?: string; filePath?: string }): Root {
	const body = entry.body ?? '';
	let tree = trees.get(body);
	if (!tree) trees.set(body, (tree = parseBody(body, { file: entry.filePath ?? entry.id }).tree));
	return tree;
}

// --- internal ---

const trees = new Map<string, Root>();

async function load(): Promise<KnowledgeBase> {
	const publish = (status: DocStatus) => !import.meta.env.PROD || isPublished(status);
	const [families, products, faults, sopFiles, checklistFiles, etiquette, guideFiles, synonyms] =
		await Promise.all([
			getCollection('families'),
			getCollection('products'),
			getCollection('faults', (e) => !import.meta.env.PROD || isPublishedEntry(e.data)),
			getCollection('sops', (e) => publish(e.data.status)),
			getCollection('checklists', (e) => publish(e.data.status)),
			getCollection('etiquette'),
			getCollection('guides'),
			getCollection('synonyms'),
		]);
	const sops = groupSops(sopFiles);
	return {
		families: families.sort((a, b) => a.id.localeCompare(b.id)),
		products: products.sort((a, b) => a.id.localeCompare(b.id)),
		faults: faults.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
		sops,
		checklists: groupChecklists(checklistFiles),
		etiquette,
		etiquetteByStage: VISIT_STAGES.map((stage) => ({
			stage,
			rules: etiquette
				.filter((r) => r.data.stage === stage)
				.sort((a, b) => a.data.order - b.data.order),
		})),
		citations: citationsOf(sops),
		guides: groupGuides(guideFiles),
		synonyms: synonyms.sort((a, b) => a.id.localeCompare(b.id)),
	};
}

function splitLocale(id: string): [string, SiteLocale] {
	const { base, locale } = splitLocaleId(id);
	return [base, locale ?? DEFAULT_LOCALE];
}

function groupSops(files: CollectionEntry<'sops'>[]): SopDoc[] {
	const revs = new Map<string, SopRevision>();
	for (const file of files) {
		const [base, locale] = splitLocale(file.id);
		const [slug = '', revision = ''] = base.split('/');
		const rev = revs.get(base) ?? {
			slug,
			revision,
			data: file.data,
			byLocale: {} as SopRevision['byLocale'],
			hasMermaid: false,
		};
		rev.byLocale[locale] = file;
		rev.hasMermaid ||= hasMermaid(bodyTree(file));
		if (locale === DEFAULT_LOCALE) rev.data = file.data;
		revs.set(base, rev);
	}
	const docs = new Map<string, SopRevision[]>();
	for (const rev of revs.values()) docs.set(rev.slug, [...(docs.get(rev.slug) ?? []), rev]);
	return [...docs.entries()]
		.map(([slug, list]) => {
			const revisions = sortRevisions(
				list.map((r) => ({ ...r, status: r.data.status, effective: r.data.effective })),
			);
			revisions.forEach((rev, i) => {
				const prev = revisions[i - 1];
				if (prev) rev.diff = mapLocales((locale) => bodyDiff(prev, rev, locale));
			});
			return { slug, revisions, current: currentRevision(revisions) };
		})
		.sort((a, b) =>
			(a.current?.data.docId ?? a.slug).localeCompare(b.current?.data.docId ?? b.slug),
		);
}

function bodyDiff(prev: SopRevision, rev: SopRevision, locale: SiteLocale): DiffLine[] {
	return lineDiff(prev.byLocale[locale].body ?? '', rev.byLocale[locale].body ?? '');
}

function groupChecklists(files: CollectionEntry<'checklists'>[]): ChecklistDoc[] {
	const docs = new Map<string, CollectionEntry<'checklists'>[]>();
	for (const f of files) {
		const slug = f.id.split('/')[0]!;
		docs.set(slug, [...(docs.get(slug) ?? []), f]);
	}
	return [...docs.entries()].map(([slug, list]) => {
		const revisions = [...list].sort((a, b) => compareRevisions(a.data.revision, b.data.revision));
		return {
			slug,
			revisions,
			current: currentRevision(
				revisions.map((r) => ({
					...r,
					status: r.data.status,
					revision: r.data.revision,
					effective: r.data.effective,
				})),
			),
		};
	});
}

function citationsOf(sops: SopDoc[]): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const doc of sops) {
		const entry = doc.current?.byLocale[DEFAULT_LOCALE];
		for (const id of entry ? citedRules(bodyTree(entry)) : []) {
			map.set(id, [...(map.get(id) ?? []), doc.slug]);
		}
	}
	return map;
}

function groupGuides(files: CollectionEntry<'guides'>[]): KnowledgeBase['guides'] {
	const map = new Map<string, Record<SiteLocale, CollectionEntry<'guides'>>>();
	for (const f of files) {
		const [slug, locale] = splitLocale(f.id);
		map.set(slug, {
			...(map.get(slug) ?? ({} as Record<SiteLocale, CollectionEntry<'guides'>>)),
			[locale]: f,
		});
	}
	return [...map.entries()]
		.map(([slug, byLocale]) => ({ slug, byLocale }))
		.sort((a, b) => a.byLocale[DEFAULT_LOCALE].data.order - b.byLocale[DEFAULT_LOCALE].data.order);
}

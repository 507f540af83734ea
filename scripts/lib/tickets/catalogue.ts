import { codeKey } from '../../../src/lib/fault-code.ts';
import { LOCALES } from '../../../src/lib/locales.ts';
import { currentRevision } from '../../../src/lib/revision.ts';
import { paths } from '../../../src/lib/routes.ts';
import type { DocStatus } from '../../../src/lib/status.ts';
import type { Localized } from '../../../src/schemas/localized.ts';
import { loadContent } from '../../../src/core/load.ts';

/** A fault entry as the knowledge join needs it. */
export interface CatalogueFault {
	/** Entry id, `ac/e1`; the site path is `faults/<id>/`. */
	id: string;
	code: string;
	family: string;
	/** Model ids the code occurs on; empty means every model of the family. */
	models: string[];
	title: Localized;
	category: string;
	subcategory: string;
	priority: string;
	sop?: string;
	reviewed?: string;
}

/** The catalogue the report joins tickets against: products, fault entries and SOP review dates. */
export interface Catalogue {
	/** Family id → whether its codes keep leading zeros. */
	families: Map<string, boolean>;
	products: { id: string; family: string; names: string[] }[];
	faults: CatalogueFault[];
	/** SOP slug → the current approved revision's `reviewDue`; absent when the SOP has no approved revision. */
	sopReviewDue: Map<string, string>;
	/** Number of content files that failed validation (their entries are missing from the catalogue). */
	problems: number;
}

/** Reads `content/` (or `contentDir`) with the project's loader and schemas. */
export function loadCatalogue(contentDir = process.env.KB_CONTENT_DIR || 'content'): Catalogue {
	const content = loadContent(contentDir);
	const e = content.entries;
	const sops = new Map<
		string,
		{ revision: string; status: DocStatus; effective: string; reviewDue: string }[]
	>();
	for (const s of e.sops) {
		const slug = s.id.split('/')[0]!;
		sops.set(slug, [...(sops.get(slug) ?? []), s.data]);
	}
	const sopReviewDue = new Map<string, string>();
	for (const [slug, revisions] of sops) {
		const current = currentRevision(revisions);
		if (current) sopReviewDue.set(slug, current.reviewDue);
	}
	return {
		families: new Map(e.families.map((f) => [f.id, f.data.codeScheme.leadingZerosSignificant])),
		products: e.products.map((p) => ({
			id: p.id,
			family: p.data.family,
			names: LOCALES.map((l) => p.data.name[l]),
		})),
		faults: e.faults.map((f) => ({
			id: f.id,
			code: f.data.code,
			family: f.data.family,
			models: f.data.models,
			title: f.data.title,
			category: f.data.category,
			subcategory: f.data.subcategory,
			priority: f.data.priority,
			sop: f.data.sop,
			reviewed: f.data.reviewed,
		})),
		sopReviewDue,
		problems: content.problems.length,
	};
}

/** Matches a ticket's model text to a product: by id (`ac-kf35`), id without the family (`kf35`, `KF-35`) or name, ignoring case and punctuation. */
export function modelMatcher(
	catalogue: Catalogue,
): (model: string | null) => { id: string; family: string } | undefined {
	const index = new Map<string, { id: string; family: string }>();
	for (const p of catalogue.products) {
		const hit = { id: p.id, family: p.family };
		for (const name of [p.id, p.id.replace(new RegExp(`^${p.family}-`), ''), ...p.names])
			index.set(modelKey(name), hit);
	}
	return (model) => (model ? index.get(modelKey(model)) : undefined);
}

/** The identity of a code within a family: `ac/E1`; an unresolved family is `?`. */
export function faultIdentity(
	family: string | undefined,
	code: string,
	catalogue: Catalogue,
): string {
	const zeros = family ? (catalogue.families.get(family) ?? false) : false;
	return `${family ?? '?'}/${codeKey(code, { leadingZerosSignificant: zeros })}`;
}

/**
 * The family of a ticket's code when its model did not say: the one family whose catalogue has
 * the code, or undefined when none or several do.
 */
export function familyOfCode(code: string, catalogue: Catalogue): string | undefined {
	const families = new Set(
		catalogue.faults.filter((f) => codeKey(f.code) === codeKey(code)).map((f) => f.family),
	);
	return families.size === 1 ? [...families][0] : undefined;
}

/** The catalogue entries for a code: the family's one, or every family's when the family is unknown. */
export function entriesFor(
	family: string | undefined,
	code: string,
	catalogue: Catalogue,
): CatalogueFault[] {
	return catalogue.faults.filter(
		(f) =>
			(family === undefined || f.family === family) &&
			faultIdentity(f.family, f.code, catalogue).split('/')[1] ===
				faultIdentity(f.family, code, catalogue).split('/')[1],
	);
}

/** The site path of a fault entry under its locale root: `faults/ac/e-101/`. */
export function entryPath(entry: CatalogueFault): string {
	return paths.fault(entry.family, entry.code);
}

// --- internal ---

function modelKey(s: string): string {
	return s
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

import { codeKey, codeSlug } from '../../lib/fault-code.ts';
import { checkRevisionSeries, type RevisionLike } from '../../lib/revision.ts';
import { DEFAULT_LOCALE, LOCALES, splitLocaleId } from '../../lib/locales.ts';
import { scalarText } from '../../lib/scalar.ts';
import { collectionSpec, COLLECTIONS, type CollectionName } from '../../schemas/collections.ts';
import type { LoadedContent, LoadedEntry } from '../load.ts';
import type { Problem } from '../problems.ts';
import { checkSynonyms } from './synonyms.ts';

/**
 * The rules that span files: references that must exist (declared as data in
 * `src/schemas/collections.ts`), codes unique per family, file names that match their fields,
 * both locales present, and document control across revisions.
 */
export function checkContentRules(content: LoadedContent): Problem[] {
	const { entries, ids: found } = content;
	const familyOf = (model: string) => {
		const family = entries.products.find((p) => p.id === model)?.data.family ?? '';
		return found.families.includes(family) ? family : '';
	};
	// A model whose file or family is invalid still exists; its family is unknown ('') and not compared.
	const modelFamilies = new Map(found.products.map((id) => [id, familyOf(id)]));
	const names = citableNames(content);
	return [
		...checkReferences(content, names),
		...checkFaults(entries, modelFamilies),
		...checkLocalizedFiles(content),
		...checkControlledSeries(content),
		...checkLearningOrder(entries.learning),
		...checkLinksToUnpublished(entries),
		...checkSynonyms(entries.synonyms),
	];
}

/** The name every entry is cited by in other files, per collection (an SOP by its slug, a guide without its locale). */
export function citableNames(content: LoadedContent): Record<CollectionName, Set<string>> {
	const names = {} as Record<CollectionName, Set<string>>;
	for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
		const citeAs = collectionSpec(name).citeAs ?? ((id: string) => id);
		names[name] = new Set(content.ids[name].map(citeAs));
	}
	return names;
}

// --- internal ---

type Entries = LoadedContent['entries'];
const slugOf = (id: string) => id.split('/')[0]!;
const fileName = (id: string) => id.split('/').at(-1)!;

function problem(
	entry: LoadedEntry,
	path: (string | number)[],
	message: string,
	severity: Problem['severity'] = 'error',
): Problem {
	return { file: entry.file, line: entry.lineOf(path), field: path.join('.'), message, severity };
}

function missing(kind: string, id: string, folder: string, known: Iterable<string>): string {
	const list = [...known].sort().slice(0, 12).join(', ');
	return `${kind} "${id}" does not exist; use the name of a file in ${folder} (${list || 'none yet'}).`;
}

/** Every declared reference names an entry that exists. */
function checkReferences(
	content: LoadedContent,
	names: Record<CollectionName, Set<string>>,
): Problem[] {
	const problems: Problem[] = [];
	for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
		for (const ref of collectionSpec(name).references ?? []) {
			const target = collectionSpec(ref.to);
			for (const entry of content.entries[name] as LoadedEntry[]) {
				for (const { path, value } of valuesAt(entry.data, ref.path.split('.'))) {
					if (typeof value !== 'string' || names[ref.to].has(value)) continue;
					problems.push(
						problem(
							entry,
							path,
							missing(target.label, value, `content/${target.dir}/`, names[ref.to]),
						),
					);
				}
			}
		}
	}
	return problems;
}

/** The values at a dotted path with `*` for list items, each with its concrete path. */
function valuesAt(
	data: unknown,
	steps: readonly string[],
	at: (string | number)[] = [],
): { path: (string | number)[]; value: unknown }[] {
	if (steps.length === 0) return data === undefined ? [] : [{ path: at, value: data }];
	const [step, ...rest] = steps as [string, ...string[]];
	if (step === '*')
		return Array.isArray(data) ? data.flatMap((item, i) => valuesAt(item, rest, [...at, i])) : [];
	if (data === null || typeof data !== 'object') return [];
	return valuesAt((data as Record<string, unknown>)[step], rest, [...at, step]);
}

/** Fault entries: in their family's folder, named after their code, models of their family, one entry per code. */
function checkFaults(entries: Entries, modelFamilies: Map<string, string>): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<string, LoadedEntry>();
	const schemes = new Map(entries.families.map((f) => [f.id, f.data.codeScheme]));
	for (const f of entries.faults) {
		const d = f.data;
		const [folder] = f.id.split('/');
		if (folder !== d.family)
			problems.push(
				problem(
					f,
					['family'],
					`is ${d.family} but the file is in content/faults/${folder}/; move the file to content/faults/${d.family}/ or fix the family.`,
				),
			);
		if (fileName(f.id) !== codeSlug(d.code))
			problems.push(
				problem(
					f,
					['code'],
					`${d.code} does not match the file name ${fileName(f.id)}.yaml; rename the file to ${codeSlug(d.code)}.yaml.`,
				),
			);
		d.models.forEach((m, i) => {
			const family = modelFamilies.get(m);
			if (family && family !== d.family)
				problems.push(
					problem(
						f,
						['models', i],
						`model ${m} belongs to family ${family}, not ${d.family}; remove it or move the entry.`,
					),
				);
		});
		const key = `${d.family}/${codeKey(d.code, schemes.get(d.family))}`;
		const first = seen.get(key);
		if (first)
			problems.push(
				problem(
					f,
					['code'],
					`${d.code} is the same code as ${(first.data as { code: string }).code} in ${first.file}; a code may appear once per family, so merge the two entries.`,
				),
			);
		else seen.set(key, f);
	}
	return problems;
}

/** Collections with one file per locale: every file ends in a locale, and all locales are there. */
function checkLocalizedFiles(content: LoadedContent): Problem[] {
	return (Object.keys(COLLECTIONS) as CollectionName[])
		.filter((name) => collectionSpec(name).localized === 'files')
		.flatMap((name) =>
			checkLocalePairs(
				content.entries[name] as LoadedEntry<Record<string, unknown>>[],
				collectionSpec(name).sharedFields ?? [],
			),
		);
}

/** Controlled collections: each document's revisions follow the document-control rules (per default-locale file). */
function checkControlledSeries(content: LoadedContent): Problem[] {
	return (Object.keys(COLLECTIONS) as CollectionName[])
		.filter((name) => collectionSpec(name).controlled)
		.flatMap((name) => {
			const spec = collectionSpec(name);
			const files = content.entries[name] as LoadedEntry<RevisionLike & { docId: string }>[];
			const primary =
				spec.localized === 'files'
					? files.filter((e) => splitLocaleId(e.id).locale === DEFAULT_LOCALE)
					: files;
			return checkSeries(
				primary,
				(id) => splitLocaleId(id.split('/')[1] ?? '').base,
				`content/${spec.dir}`,
			);
		});
}

/**
 * A published fault entry or an approved checklist that names an SOP must name one with an
 * approved revision: otherwise the link on its page leads to a page a production build leaves out.
 */
function checkLinksToUnpublished(entries: Entries): Problem[] {
	const current = new Set(
		entries.sops.filter((s) => s.data.status === 'approved').map((s) => slugOf(s.id)),
	);
	const known = new Set(entries.sops.map((s) => slugOf(s.id)));
	const unpublished = (sop: string | undefined): sop is string =>
		sop !== undefined && known.has(sop) && !current.has(sop);
	const message = (sop: string, what: string) =>
		`names SOP ${sop}, which has no approved revision, so ${what} would link to a page the site leaves out; approve ${sop} first (\`npm run kb -- approve ${sop} --by <name>\`), or remove the link until then.`;
	const problems: Problem[] = [];
	for (const f of entries.faults) {
		if (!f.data.draft && unpublished(f.data.sop))
			problems.push(problem(f, ['sop'], message(f.data.sop, 'this published fault entry')));
	}
	for (const c of entries.checklists) {
		if (c.data.status === 'approved' && unpublished(c.data.sop))
			problems.push(problem(c, ['sop'], message(c.data.sop, 'this approved checklist')));
	}
	return problems;
}

/** No two learning modules share a place on the path. */
function checkLearningOrder(modules: Entries['learning']): Problem[] {
	const problems: Problem[] = [];
	const orders = new Map<number, LoadedEntry>();
	for (const m of modules) {
		const first = orders.get(m.data.order);
		if (first)
			problems.push(
				problem(
					m,
					['order'],
					`${m.data.order} is also the order of ${first.file}; give each module its own place on the path.`,
				),
			);
		else orders.set(m.data.order, m);
	}
	return problems;
}

/** Both locales of every localized file exist, and the listed fields agree between them. */
function checkLocalePairs(
	entries: readonly LoadedEntry<Record<string, unknown>>[],
	sameFields: readonly string[],
): Problem[] {
	const problems: Problem[] = [];
	const byBase = new Map<string, Map<string, LoadedEntry<Record<string, unknown>>>>();
	for (const e of entries) {
		const { base, locale } = splitLocaleId(e.id);
		if (!locale) {
			problems.push({
				file: e.file,
				field: '',
				severity: 'error',
				message: `does not end in a locale; name it <name>.${LOCALES.join('.mdx or <name>.')}.mdx.`,
			});
			continue;
		}
		byBase.set(
			base,
			(byBase.get(base) ?? new Map<string, LoadedEntry<Record<string, unknown>>>()).set(locale, e),
		);
	}
	for (const [base, group] of byBase) {
		const [first] = group.values();
		for (const locale of LOCALES) {
			if (!group.has(locale))
				problems.push({
					file: first!.file,
					field: '',
					severity: 'error',
					message: `has no ${locale} translation; add ${base}.${locale}.mdx beside it.`,
				});
		}
		const reference = group.get(DEFAULT_LOCALE);
		for (const [locale, e] of group) {
			if (!reference || locale === DEFAULT_LOCALE) continue;
			for (const field of sameFields) {
				if (scalarText(e.data[field]) !== scalarText(reference.data[field])) {
					problems.push(
						problem(
							e,
							[field],
							`is ${String(e.data[field])} here but ${String(reference.data[field])} in ${reference.file}; both translations of a revision share their document-control fields.`,
						),
					);
				}
			}
		}
	}
	return problems;
}

/** Revision rules per document; `revisionOf` reads the revision number from an entry id. */
function checkSeries(
	entries: readonly LoadedEntry<RevisionLike & { docId: string }>[],
	revisionOf: (id: string) => string,
	folder: string,
): Problem[] {
	const problems: Problem[] = [];
	const byDoc = new Map<string, LoadedEntry<RevisionLike & { docId: string }>[]>();
	for (const e of entries) {
		if (e.data.revision !== revisionOf(e.id)) {
			problems.push(
				problem(
					e,
					['revision'],
					`is ${e.data.revision} but the file name says ${revisionOf(e.id)}; make them the same.`,
				),
			);
		}
		byDoc.set(slugOf(e.id), [...(byDoc.get(slugOf(e.id)) ?? []), e]);
	}
	for (const [slug, revisions] of byDoc) {
		const docIds = new Set(revisions.map((r) => r.data.docId));
		if (docIds.size > 1)
			problems.push(
				problem(
					revisions[0]!,
					['docId'],
					`differs between revisions of ${folder}/${slug} (${[...docIds].join(', ')}); every revision of a document keeps one docId.`,
				),
			);
		for (const p of checkRevisionSeries(
			`${folder}/${slug}`,
			revisions.map((r) => r.data),
		)) {
			const entry = revisions.find((r) => r.data.revision === p.revision)!;
			problems.push(problem(entry, [p.field], p.message));
		}
	}
	return problems;
}

import { codeKey, codeSlug } from '../../lib/fault-code.ts';
import { checkRevisionSeries, type RevisionLike } from '../../lib/revision.ts';
import { LOCALES } from '../../schemas/localized.ts';
import type { LoadedContent, LoadedEntry } from '../load.ts';
import type { Problem } from '../problems.ts';

/**
 * The rules that span files: references that must exist, codes unique per family,
 * file names that match their fields, both locales present, and document control across revisions.
 */
export function checkContentRules(content: LoadedContent): Problem[] {
	const { entries, ids: found } = content;
	const familyOf = (model: string) => {
		const family = entries.products.find((p) => p.id === model)?.data.family ?? '';
		return found.families.includes(family) ? family : '';
	};
	const ids = {
		families: new Set(found.families),
		// A model whose file or family is invalid still exists; its family is unknown ('') and not compared.
		products: new Map(found.products.map((id) => [id, familyOf(id)])),
		sops: new Set(found.sops.map(slugOf)),
		checklists: new Set(found.checklists.map(slugOf)),
		etiquette: new Set(found.etiquette),
	};
	const learningIds = {
		...ids,
		guides: new Set(found.guides.map((id) => id.replace(/\.[^.]+$/, ''))),
		quizzes: new Set(found.quizzes),
	};
	return [
		...checkProducts(entries.products, ids.families),
		...checkFaults(entries, ids),
		...checkSops(entries.sops, ids),
		...checkChecklists(entries.checklists, ids.sops),
		...checkGuides(entries.guides),
		...checkQuizReferences(entries.quizzes, learningIds),
		...checkLearningReferences(entries.learning, learningIds),
	];
}

// --- internal ---

type Entries = LoadedContent['entries'];
type Ids = {
	families: Set<string>;
	products: Map<string, string>;
	sops: Set<string>;
	checklists: Set<string>;
	etiquette: Set<string>;
};

const slugOf = (id: string) => id.split('/')[0]!;
const fileName = (id: string) => id.split('/').at(-1)!;

function problem(entry: LoadedEntry, path: (string | number)[], message: string, severity: Problem['severity'] = 'error'): Problem {
	return { file: entry.file, line: entry.lineOf(path), field: path.join('.'), message, severity };
}

function missing(kind: string, id: string, folder: string, known: Iterable<string>): string {
	const list = [...known].sort().slice(0, 12).join(', ');
	return `${kind} "${id}" does not exist; use the name of a file in ${folder} (${list || 'none yet'}).`;
}

function checkProducts(products: Entries['products'], families: Set<string>): Problem[] {
	return products
		.filter((p) => !families.has(p.data.family))
		.map((p) => problem(p, ['family'], missing('family', p.data.family, 'content/families/', families)));
}

function checkFaults(entries: Entries, ids: Ids): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<string, LoadedEntry>();
	const schemes = new Map(entries.families.map((f) => [f.id, f.data.codeScheme]));
	for (const f of entries.faults) {
		const d = f.data;
		const [folder] = f.id.split('/');
		if (!ids.families.has(d.family)) problems.push(problem(f, ['family'], missing('family', d.family, 'content/families/', ids.families)));
		if (folder !== d.family) problems.push(problem(f, ['family'], `is ${d.family} but the file is in content/faults/${folder}/; move the file to content/faults/${d.family}/ or fix the family.`));
		if (fileName(f.id) !== codeSlug(d.code)) problems.push(problem(f, ['code'], `${d.code} does not match the file name ${fileName(f.id)}.yaml; rename the file to ${codeSlug(d.code)}.yaml.`));
		d.models.forEach((m, i) => {
			const family = ids.products.get(m);
			if (family === undefined) problems.push(problem(f, ['models', i], missing('model', m, 'content/products/', ids.products.keys())));
			else if (family && family !== d.family) problems.push(problem(f, ['models', i], `model ${m} belongs to family ${family}, not ${d.family}; remove it or move the entry.`));
		});
		if (d.sop && !ids.sops.has(d.sop)) problems.push(problem(f, ['sop'], missing('SOP', d.sop, 'content/sops/', ids.sops)));
		if (d.checklist && !ids.checklists.has(d.checklist)) problems.push(problem(f, ['checklist'], missing('checklist', d.checklist, 'content/checklists/', ids.checklists)));
		const key = `${d.family}/${codeKey(d.code, schemes.get(d.family))}`;
		const first = seen.get(key);
		if (first) problems.push(problem(f, ['code'], `${d.code} is the same code as ${(first.data as { code: string }).code} in ${first.file}; a code may appear once per family, so merge the two entries.`));
		else seen.set(key, f);
	}
	return problems;
}

function checkSops(sops: Entries['sops'], ids: Ids): Problem[] {
	const problems: Problem[] = [];
	for (const s of sops) {
		s.data.appliesTo.forEach((fam, i) => {
			if (!ids.families.has(fam)) problems.push(problem(s, ['appliesTo', i], missing('family', fam, 'content/families/', ids.families)));
		});
	}
	problems.push(...checkLocalePairs(sops, ['docId', 'revision', 'status', 'effective', 'owner', 'approver', 'approvedOn', 'reviewDue', 'stage']));
	const primary = sops.filter((s) => s.id.endsWith(`.${LOCALES[0]}`));
	return [...problems, ...checkSeries(primary, (id) => id.split('/')[1]!.replace(/\.[^.]+$/, ''), 'content/sops')];
}

function checkChecklists(checklists: Entries['checklists'], sops: Set<string>): Problem[] {
	const problems = checklists
		.filter((c) => !sops.has(c.data.sop))
		.map((c) => problem(c, ['sop'], missing('SOP', c.data.sop, 'content/sops/', sops)));
	return [...problems, ...checkSeries(checklists, (id) => id.split('/')[1]!, 'content/checklists')];
}

/** Both locales of every localized file exist, and the listed fields agree between them. */
function checkLocalePairs(entries: readonly LoadedEntry<Record<string, unknown>>[], sameFields: string[]): Problem[] {
	const problems: Problem[] = [];
	const byBase = new Map<string, Map<string, LoadedEntry<Record<string, unknown>>>>();
	for (const e of entries) {
		const dot = e.id.lastIndexOf('.');
		const [base, locale] = [e.id.slice(0, dot), e.id.slice(dot + 1)];
		if (!(LOCALES as readonly string[]).includes(locale)) {
			problems.push({ file: e.file, field: '', severity: 'error', message: `does not end in a locale; name it <name>.${LOCALES.join('.mdx or <name>.')}.mdx.` });
			continue;
		}
		byBase.set(base, (byBase.get(base) ?? new Map()).set(locale, e));
	}
	for (const [base, group] of byBase) {
		const [first] = group.values();
		for (const locale of LOCALES) {
			if (!group.has(locale)) problems.push({ file: first!.file, field: '', severity: 'error', message: `has no ${locale} translation; add ${base}.${locale}.mdx beside it.` });
		}
		const reference = group.get(LOCALES[0]);
		for (const [locale, e] of group) {
			if (!reference || locale === LOCALES[0]) continue;
			for (const field of sameFields) {
				if (String(e.data[field] ?? '') !== String(reference.data[field] ?? '')) {
					problems.push(problem(e, [field], `is ${String(e.data[field])} here but ${String(reference.data[field])} in ${reference.file}; both translations of a revision share their document-control fields.`));
				}
			}
		}
	}
	return problems;
}

function checkGuides(guides: Entries['guides']): Problem[] {
	return checkLocalePairs(guides, []);
}

/** Revision rules per document; `revisionOf` reads the revision number from an entry id. */
function checkSeries(entries: readonly LoadedEntry<RevisionLike & { docId: string }>[], revisionOf: (id: string) => string, folder: string): Problem[] {
	const problems: Problem[] = [];
	const byDoc = new Map<string, LoadedEntry<RevisionLike & { docId: string }>[]>();
	for (const e of entries) {
		if (e.data.revision !== revisionOf(e.id)) {
			problems.push(problem(e, ['revision'], `is ${e.data.revision} but the file name says ${revisionOf(e.id)}; make them the same.`));
		}
		byDoc.set(slugOf(e.id), [...(byDoc.get(slugOf(e.id)) ?? []), e]);
	}
	for (const [slug, revisions] of byDoc) {
		const docIds = new Set(revisions.map((r) => r.data.docId));
		if (docIds.size > 1) problems.push(problem(revisions[0]!, ['docId'], `differs between revisions of ${folder}/${slug} (${[...docIds].join(', ')}); every revision of a document keeps one docId.`));
		for (const p of checkRevisionSeries(`${folder}/${slug}`, revisions.map((r) => r.data))) {
			const entry = revisions.find((r) => r.data.revision === p.revision)!;
			problems.push(problem(entry, [p.field], p.message));
		}
	}
	return problems;
}

type LearningIds = Ids & { guides: Set<string>; quizzes: Set<string> };

/** Every quiz question's `rule` and `sop` name an etiquette rule and an SOP that exist. */
function checkQuizReferences(quizzes: Entries['quizzes'], ids: LearningIds): Problem[] {
	const problems: Problem[] = [];
	for (const quiz of quizzes) {
		quiz.data.questions.forEach((q, i) => {
			if (q.rule && !ids.etiquette.has(q.rule)) problems.push(problem(quiz, ['questions', i, 'rule'], missing('etiquette rule', q.rule, 'content/etiquette/', ids.etiquette)));
			if (q.sop && !ids.sops.has(q.sop)) problems.push(problem(quiz, ['questions', i, 'sop'], missing('SOP', q.sop, 'content/sops/', ids.sops)));
		});
	}
	return problems;
}

/** Every learning module's reading list and quiz exist, and no two modules share a place on the path. */
function checkLearningReferences(modules: Entries['learning'], ids: LearningIds): Problem[] {
	const problems: Problem[] = [];
	const lists = [
		['sops', 'SOP', 'content/sops/', ids.sops],
		['rules', 'etiquette rule', 'content/etiquette/', ids.etiquette],
		['checklists', 'checklist', 'content/checklists/', ids.checklists],
		['guides', 'guide', 'content/guides/', ids.guides],
	] as const;
	const orders = new Map<number, LoadedEntry>();
	for (const m of modules) {
		for (const [field, kind, folder, known] of lists) {
			m.data[field].forEach((id, i) => {
				if (!known.has(id)) problems.push(problem(m, [field, i], missing(kind, id, folder, known)));
			});
		}
		if (!ids.quizzes.has(m.data.quiz)) problems.push(problem(m, ['quiz'], missing('quiz', m.data.quiz, 'content/quizzes/', ids.quizzes)));
		const first = orders.get(m.data.order);
		if (first) problems.push(problem(m, ['order'], `${m.data.order} is also the order of ${first.file}; give each module its own place on the path.`));
		else orders.set(m.data.order, m);
	}
	return problems;
}

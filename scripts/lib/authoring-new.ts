/**
 * `kb new`: a new fault code, SOP, checklist, etiquette rule or quiz from its template, in the
 * right folder, with every required field present and each field commented from the schema.
 * Texts nobody has written yet are `TODO` placeholders, which `kb check` lists as warnings and
 * `kb approve` refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalCode } from '../../src/lib/fault-code.ts';
import { files } from '../../src/lib/routes.ts';
import { COLLECTIONS, type CollectionSpec } from '../../src/schemas/collections.ts';
import { LOCALES, type Locale } from '../../src/lib/locales.ts';
import {
	categoryOf,
	FAULT_CATEGORIES,
	FAULT_SUBCATEGORIES,
	FAULT_TAXONOMY,
	PRIORITIES,
	VISIT_STAGES,
	WORKFLOW_STAGES,
} from '../../src/schemas/taxonomy.ts';
import { SEVERITIES } from '../../src/schemas/etiquette.ts';
import { KbError } from '../../src/core/errors.ts';
import { listRevisions } from '../../src/core/documents.ts';
import {
	docVars,
	ids,
	missing,
	nextDocId,
	refuseDocId,
	refuseDuplicateCode,
	requireAbsent,
	requireExisting,
	requireOneOf,
	requireSlug,
	write,
	type NewContext,
} from './authoring-new-support.ts';
import { fillTemplate, readTemplate, yamlScalar } from './authoring-templates.ts';
import { readFields } from '../../src/core/yaml.ts';

export type { NewContext } from './authoring-new-support.ts';

/** A fault code: `content/faults/<family>/<code>.yaml`. */
export interface NewFault {
	family: string;
	code: string;
	titleZh?: string;
	titleEn?: string;
	/** Default `other` (hardware); the category follows from the subcategory. */
	subcategory?: string;
	/** Default P3. */
	priority?: string;
	sop?: string;
}

/** Creates a fault-code file; returns its path relative to the content folder. */
export function newFault(ctx: NewContext, o: NewFault): string[] {
	requireSlug('family', o.family);
	const families = ids(ctx, 'families');
	if (!families.includes(o.family)) throw missing('family', o.family, families, 'family-unknown');
	if (o.sop) requireExisting(ctx, 'sops', o.sop);
	const code = canonicalCode(o.code);
	if (!/\d/.test(code))
		throw new KbError(
			'code-invalid',
			`${JSON.stringify(o.code)} does not look like a fault code.`,
			'Write the code as the product displays it, e.g. E4 or F07.',
		);
	const subcategory = o.subcategory ?? 'other';
	requireOneOf('fault subcategory', subcategory, FAULT_SUBCATEGORIES);
	requireOneOf('priority', o.priority ?? 'P3', PRIORITIES);
	const category = categoryOf(subcategory)!;
	refuseDuplicateCode(ctx, o.family, code);
	const file = files.fault(o.family, code);
	const vars = {
		code: yamlScalar(code),
		family: o.family,
		titleZh: yamlScalar(o.titleZh ?? 'TODO：故障名称'),
		titleEn: yamlScalar(o.titleEn ?? 'TODO: name of the fault'),
		category,
		subcategory,
		priority: o.priority ?? 'P3',
		sop: o.sop,
		today: ctx.today,
		subcategories: FAULT_CATEGORIES.map(
			(c) => `${c}: ${Object.keys(FAULT_TAXONOMY[c].subcategories).join(', ')}`,
		).join('; '),
	};
	return [write(ctx, 'faults', file, fillTemplate(readTemplate('fault.yaml'), vars))];
}

/** An SOP: `content/sops/<slug>/1.0.<locale>.mdx`, in both locales unless one is named. */
export interface NewSop {
	slug: string;
	stage: string;
	docId?: string;
	owner?: string;
	titleZh?: string;
	titleEn?: string;
	appliesTo?: string[];
	locales?: Locale[];
}

/** Creates the first revision of an SOP as a draft; returns the files' paths. */
export function newSop(ctx: NewContext, o: NewSop): string[] {
	requireSlug('slug', o.slug);
	requireOneOf('workflow stage', o.stage, WORKFLOW_STAGES);
	requireAbsent(ctx, `${COLLECTIONS.sops.dir}/${o.slug}`);
	const families = ids(ctx, 'families');
	for (const f of o.appliesTo ?? [])
		if (!families.includes(f)) throw missing('family', f, families, 'family-unknown');
	const docId = o.docId ?? nextDocId(ctx, 'SOP');
	refuseDocId(ctx, docId);
	return (o.locales ?? [...LOCALES]).map((locale) => {
		const title =
			locale === 'zh-CN'
				? (o.titleZh ?? 'TODO：SOP 标题')
				: (o.titleEn ?? 'TODO: title of the SOP');
		const vars = {
			...docVars(ctx, o.slug, docId, o.owner),
			title: yamlScalar(title),
			appliesTo: (o.appliesTo ?? []).join(', '),
			stage: o.stage,
		};
		const template = readTemplate(`sop.${locale}.mdx`);
		return write(ctx, 'sops', files.sop(o.slug, '1.0', locale), fillTemplate(template, vars));
	});
}

/** A checklist: `content/checklists/<slug>/1.0.yaml`, serving an existing SOP. */
export interface NewChecklist {
	slug: string;
	sop: string;
	/** Default: the stage of the SOP's latest revision. */
	stage?: string;
	docId?: string;
	owner?: string;
	titleZh?: string;
	titleEn?: string;
}

/** Creates the first revision of a checklist as a draft. */
export function newChecklist(ctx: NewContext, o: NewChecklist): string[] {
	requireSlug('slug', o.slug);
	requireExisting(ctx, 'sops', o.sop);
	if (o.stage) requireOneOf('workflow stage', o.stage, WORKFLOW_STAGES);
	requireAbsent(ctx, `${COLLECTIONS.checklists.dir}/${o.slug}`);
	const sopRevision = listRevisions(ctx.contentDir, { kind: 'sops', slug: o.sop }).at(-1);
	const stage =
		o.stage ??
		String(
			readFields(readFileSync(join(ctx.contentDir, sopRevision!.files[0]!), 'utf8'), 'mdx').stage,
		);
	const docId = o.docId ?? nextDocId(ctx, 'CL');
	refuseDocId(ctx, docId);
	const vars = {
		...docVars(ctx, o.slug, docId, o.owner),
		titleZh: yamlScalar(o.titleZh ?? 'TODO：清单名称'),
		titleEn: yamlScalar(o.titleEn ?? 'TODO: name of the checklist'),
		sop: o.sop,
		stage,
	};
	return [
		write(
			ctx,
			'checklists',
			files.checklist(o.slug, '1.0'),
			fillTemplate(readTemplate('checklist.yaml'), vars),
		),
	];
}

/** An etiquette rule: `content/etiquette/<id>.yaml`. */
export interface NewRule {
	id: string;
	stage: string;
	/** Default major. */
	severity?: string;
}

/** Creates an etiquette rule. */
export function newRule(ctx: NewContext, o: NewRule): string[] {
	requireSlug('id', o.id);
	requireOneOf('visit stage', o.stage, VISIT_STAGES);
	requireOneOf('severity', o.severity ?? 'major', SEVERITIES);
	const file = `${COLLECTIONS.etiquette.dir}/${o.id}.yaml`;
	requireAbsent(ctx, file);
	return [
		write(
			ctx,
			'etiquette',
			file,
			fillTemplate(readTemplate('rule.yaml'), {
				id: o.id,
				stage: o.stage,
				severity: o.severity ?? 'major',
			}),
		),
	];
}

/** A quiz: `content/quizzes/<id>.yaml`, its first question testing an etiquette rule or an SOP. */
export interface NewQuiz {
	id: string;
	rule?: string;
	sop?: string;
	titleZh?: string;
	titleEn?: string;
}

/** Creates a quiz with one placeholder question; needs the quizzes collection. */
export function newQuiz(ctx: NewContext, o: NewQuiz): string[] {
	// Looked up at run time: the quiz collection is newer than this command and may be absent.
	const spec = (COLLECTIONS as Record<string, CollectionSpec>).quizzes;
	if (!spec)
		throw new KbError(
			'quizzes-missing',
			'This knowledge base has no quizzes collection.',
			'Add it to src/schemas/collections.ts first.',
		);
	requireSlug('id', o.id);
	if (!o.rule && !o.sop)
		throw new KbError(
			'quiz-topic-missing',
			'A quiz question names what it tests.',
			'Pass --rule <etiquette rule id> or --sop <SOP slug>.',
		);
	if (o.rule) requireExisting(ctx, 'etiquette', o.rule);
	if (o.sop) requireExisting(ctx, 'sops', o.sop);
	const file = `${spec.dir}/${o.id}.yaml`;
	requireAbsent(ctx, file);
	const vars = {
		id: o.id,
		titleZh: yamlScalar(o.titleZh ?? 'TODO：测验名称'),
		titleEn: yamlScalar(o.titleEn ?? 'TODO: title of the quiz'),
		rule: o.rule,
		sop: o.sop,
	};
	return [write(ctx, 'quizzes', file, fillTemplate(readTemplate('quiz.yaml'), vars))];
}

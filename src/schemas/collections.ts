import type { z } from 'zod';
import { splitLocaleId } from '../lib/locales.ts';
import { paths } from '../lib/routes.ts';
import { isPending, type DocStatus } from '../lib/status.ts';
import { ChecklistSchema } from './checklist.ts';
import { EtiquetteSchema } from './etiquette.ts';
import { FaultCodeSchema } from './fault-code.ts';
import { GuideSchema } from './guide.ts';
import { LearningModuleSchema } from './learning.ts';
import { FamilySchema, ProductSchema } from './product.ts';
import { QuizSchema } from './quiz.ts';
import { SopSchema } from './sop.ts';
import { SynonymsSchema } from './synonyms.ts';

/**
 * A collection name. Spelled out (rather than `keyof typeof COLLECTIONS`) because the table's
 * references name collections; `satisfies` below keeps the two in step.
 */
export type CollectionName = 'families' | 'products' | 'faults' | 'sops' | 'checklists' | 'etiquette' | 'guides' | 'quizzes' | 'learning' | 'synonyms';

/**
 * A link from one collection's field to another collection's entries, declared as data so one
 * rule checks them all. `path` is the field's dotted path; `*` stands for every item of a list
 * (`questions.*.rule`). A missing id is an error that names the file, the field and the id.
 */
export interface ReferenceSpec {
	path: string;
	to: CollectionName;
}

/** A page the site builds for an entry: its path under the locale root, and whether a production build has it. */
export interface EntryPage {
	path: string;
	/** False for draft and in-review revisions: `astro dev` shows them, a build leaves them out. */
	published: boolean;
}

/** Where a collection's files live, which schema validates them, what they link to and which pages they become. */
export interface CollectionSpec {
	/** Folder under the content root. */
	dir: string;
	/** Glob pattern of its files, relative to `dir`. */
	pattern: string;
	/** `yaml` files are data; `mdx` files have YAML frontmatter and a body. */
	format: 'yaml' | 'mdx';
	/** The zod schema of one file's data or frontmatter. */
	schema: z.ZodType;
	/** What one entry is called in messages: "family", "SOP". */
	label: string;
	/**
	 * The name other files use for an entry, from its id (default: the id). An SOP is cited by its
	 * slug (`onsite-visit`), not by one revision's file (`onsite-visit/2.0.zh-CN`).
	 */
	citeAs?: (id: string) => string;
	/** `files`: one file per locale (`<name>.<locale>.mdx`), which must come in pairs. */
	localized?: 'files';
	/** With `localized: 'files'`: fields every translation of an entry must have the same value in. */
	sharedFields?: readonly string[];
	/** Revisions under document control: one folder per document, one file per revision. */
	controlled?: boolean;
	/** The fields that link to other collections. */
	references?: readonly ReferenceSpec[];
	/** The pages an entry becomes; omitted for collections without pages of their own. */
	pages?: (id: string, data: never) => EntryPage[];
}

/**
 * Every content collection: the one table that `src/content.config.ts` (Astro), the content
 * core's loader and rules, the link check and the CLI's schema generator read. Adding a content
 * type means a schema module, an entry here, its pages and its components (docs/adding-a-content-type.md).
 * An entry's id is its path under `dir` without the extension (`ac/e4`, `onsite-visit/2.1.zh-CN`).
 */
export const COLLECTIONS = {
	families: {
		dir: 'families',
		pattern: '*.yaml',
		format: 'yaml',
		schema: FamilySchema,
		label: 'family',
		pages: (id: string) => [{ path: paths.family(id), published: true }],
	},
	products: {
		dir: 'products',
		pattern: '*.yaml',
		format: 'yaml',
		schema: ProductSchema,
		label: 'model',
		references: [{ path: 'family', to: 'families' }],
		pages: (id: string) => [{ path: paths.product(id), published: true }],
	},
	faults: {
		dir: 'faults',
		pattern: '*/*.yaml',
		format: 'yaml',
		schema: FaultCodeSchema,
		label: 'fault code',
		references: [
			{ path: 'family', to: 'families' },
			{ path: 'models.*', to: 'products' },
			{ path: 'sop', to: 'sops' },
			{ path: 'checklist', to: 'checklists' },
		],
		pages: (id: string, data: { draft?: boolean }) => [{ path: `faults/${id}/`, published: !data.draft }],
	},
	sops: {
		dir: 'sops',
		pattern: '*/*.mdx',
		format: 'mdx',
		schema: SopSchema,
		label: 'SOP',
		citeAs: slugOf,
		localized: 'files',
		sharedFields: ['docId', 'revision', 'status', 'effective', 'owner', 'approver', 'approvedOn', 'reviewDue', 'stage'],
		controlled: true,
		references: [{ path: 'appliesTo.*', to: 'families' }],
		pages: (id: string, data: { status: DocStatus; revision: string }) => revisionPages('sop', id, data),
	},
	checklists: {
		dir: 'checklists',
		pattern: '*/*.yaml',
		format: 'yaml',
		schema: ChecklistSchema,
		label: 'checklist',
		citeAs: slugOf,
		controlled: true,
		references: [{ path: 'sop', to: 'sops' }],
		pages: (id: string, data: { status: DocStatus; revision: string }) => revisionPages('checklist', id, data),
	},
	etiquette: {
		dir: 'etiquette',
		pattern: '*.yaml',
		format: 'yaml',
		schema: EtiquetteSchema,
		label: 'etiquette rule',
		pages: (id: string) => [{ path: paths.rule(id), published: true }],
	},
	guides: {
		dir: 'guides',
		pattern: '*.mdx',
		format: 'mdx',
		schema: GuideSchema,
		label: 'guide',
		citeAs: (id: string) => splitLocaleId(id).base,
		localized: 'files',
		pages: (id: string) => [{ path: paths.guide(splitLocaleId(id).base), published: true }],
	},
	quizzes: {
		dir: 'quizzes',
		pattern: '*.yaml',
		format: 'yaml',
		schema: QuizSchema,
		label: 'quiz',
		references: [
			{ path: 'questions.*.rule', to: 'etiquette' },
			{ path: 'questions.*.sop', to: 'sops' },
		],
	},
	learning: {
		dir: 'learning',
		pattern: '*.yaml',
		format: 'yaml',
		schema: LearningModuleSchema,
		label: 'learning module',
		references: [
			{ path: 'sops.*', to: 'sops' },
			{ path: 'rules.*', to: 'etiquette' },
			{ path: 'checklists.*', to: 'checklists' },
			{ path: 'guides.*', to: 'guides' },
			{ path: 'quiz', to: 'quizzes' },
		],
		pages: (id: string) => [{ path: paths.module(id), published: true }],
	},
	synonyms: {
		dir: 'synonyms',
		pattern: '*.yaml',
		format: 'yaml',
		schema: SynonymsSchema,
		label: 'synonyms file',
	},
} as const satisfies Record<CollectionName, CollectionSpec>;

/** The entry id of a file path relative to its collection folder. */
export function entryId(relativePath: string): string {
	return relativePath.replace(/\\/g, '/').replace(/\.(ya?ml|mdx?)$/, '');
}

/** A collection's spec with its optional parts, for code that walks every collection alike. */
export function collectionSpec(name: CollectionName): CollectionSpec {
	return COLLECTIONS[name];
}

// --- internal ---

function slugOf(id: string): string {
	return id.split('/')[0]!;
}

/** The pages of one revision: its own page, and the document's page when it is the current revision. */
function revisionPages(kind: 'sop' | 'checklist', id: string, data: { status: DocStatus; revision: string }): EntryPage[] {
	const slug = slugOf(id);
	const own = { path: paths[kind](slug, data.revision), published: !isPending(data.status) };
	return data.status === 'approved' ? [own, { path: paths[kind](slug), published: true }] : [own];
}

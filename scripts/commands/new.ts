import { defineCommand } from 'citty';
import { LOCALES } from '../../src/lib/locales.ts';
import {
	FAULT_SUBCATEGORIES,
	PRIORITIES,
	VISIT_STAGES,
	WORKFLOW_STAGES,
} from '../../src/schemas/taxonomy.ts';
import { SEVERITIES } from '../../src/schemas/etiquette.ts';
import { today } from '../../src/lib/time.ts';
import { requireContentDir } from '../lib/cli.ts';
import {
	newChecklist,
	newFault,
	newQuiz,
	newRule,
	newSop,
	type NewContext,
} from '../lib/authoring-new.ts';
import { loadSchemaDocs } from '../lib/authoring-schema-docs.ts';

const common = {
	content: { type: 'string', description: 'Content folder', default: 'content' },
	json: { type: 'boolean', description: 'Print the created paths as JSON' },
} as const;

/** Builds the context, runs `create` and reports the files it wrote. */
async function create(
	args: { content: string; json?: boolean },
	make: (ctx: NewContext) => string[],
	note = '',
): Promise<void> {
	const ctx: NewContext = {
		contentDir: requireContentDir(args.content),
		today: today(),
		docs: await loadSchemaDocs(),
	};
	const files = make(ctx).map((f) => `${args.content}/${f}`);
	if (args.json) {
		console.log(JSON.stringify({ files }));
		return;
	}
	for (const f of files) console.log(`created ${f}`);
	console.log(`Fill in every TODO${note}, then run \`npm run kb -- check\`.`);
}

const fault = defineCommand({
	meta: { name: 'fault', description: 'A fault code: content/faults/<family>/<code>.yaml' },
	args: {
		family: {
			type: 'positional',
			description: 'Family id (a file name in content/families/)',
			required: true,
		},
		code: {
			type: 'positional',
			description: 'The code as the product displays it, e.g. E5',
			required: true,
		},
		'title-zh': { type: 'string', description: 'Name of the fault in Chinese' },
		'title-en': { type: 'string', description: 'Name of the fault in English' },
		subcategory: {
			type: 'enum',
			options: [...FAULT_SUBCATEGORIES],
			description: 'Fault subcategory; the category follows from it',
			default: 'other',
		},
		priority: {
			type: 'enum',
			options: [...PRIORITIES],
			description: 'P1 (unusable or unsafe) to P4 (cosmetic)',
			default: 'P3',
		},
		sop: { type: 'string', description: 'The SOP slug a technician follows' },
		...common,
	},
	run: ({ args }) =>
		create(
			args,
			(ctx) =>
				newFault(ctx, {
					family: args.family,
					code: args.code,
					titleZh: args['title-zh'],
					titleEn: args['title-en'],
					subcategory: args.subcategory,
					priority: args.priority,
					sop: args.sop,
				}),
			` and check the subcategory (${args.subcategory}) and priority (${args.priority})`,
		),
});

const sop = defineCommand({
	meta: { name: 'sop', description: 'An SOP: content/sops/<slug>/1.0.<locale>.mdx, as a draft' },
	args: {
		slug: {
			type: 'positional',
			description: 'kebab-case name, e.g. water-heater-descaling',
			required: true,
		},
		stage: {
			type: 'enum',
			options: [...WORKFLOW_STAGES],
			description: 'The workflow stage it covers',
			required: true,
		},
		'doc-id': {
			type: 'string',
			description: 'Document number (default: the next free SOP number)',
		},
		owner: { type: 'string', description: 'Person or role who owns it' },
		'title-zh': { type: 'string', description: 'Title in Chinese' },
		'title-en': { type: 'string', description: 'Title in English' },
		'applies-to': {
			type: 'string',
			description: 'Family ids, comma-separated (default: all products)',
		},
		locale: {
			type: 'enum',
			options: ['both', ...LOCALES],
			description: 'Which language files to create',
			default: 'both',
		},
		...common,
	},
	run: ({ args }) =>
		create(args, (ctx) =>
			newSop(ctx, {
				slug: args.slug,
				stage: args.stage,
				docId: args['doc-id'],
				owner: args.owner,
				titleZh: args['title-zh'],
				titleEn: args['title-en'],
				appliesTo: args['applies-to']
					?.split(',')
					.map((s) => s.trim())
					.filter(Boolean),
				locales: args.locale === 'both' ? [...LOCALES] : [args.locale],
			}),
		),
});

const checklist = defineCommand({
	meta: {
		name: 'checklist',
		description: 'A checklist: content/checklists/<slug>/1.0.yaml, as a draft',
	},
	args: {
		slug: { type: 'positional', description: 'kebab-case name', required: true },
		sop: { type: 'string', description: 'The SOP slug it serves', required: true },
		stage: {
			type: 'enum',
			options: [...WORKFLOW_STAGES],
			description: "Workflow stage (default: the SOP's)",
		},
		'doc-id': {
			type: 'string',
			description: 'Document number (default: the next free checklist number)',
		},
		owner: { type: 'string', description: 'Person or role who owns it' },
		'title-zh': { type: 'string', description: 'Title in Chinese' },
		'title-en': { type: 'string', description: 'Title in English' },
		...common,
	},
	run: ({ args }) =>
		create(args, (ctx) =>
			newChecklist(ctx, {
				slug: args.slug,
				sop: args.sop,
				stage: args.stage,
				docId: args['doc-id'],
				owner: args.owner,
				titleZh: args['title-zh'],
				titleEn: args['title-en'],
			}),
		),
});

const rule = defineCommand({
	meta: { name: 'rule', description: 'A service-etiquette rule: content/etiquette/<id>.yaml' },
	args: {
		id: {
			type: 'positional',
			description: 'kebab-case id, cited in SOPs as <Rule id="…" />',
			required: true,
		},
		stage: {
			type: 'enum',
			options: [...VISIT_STAGES],
			description: 'The visit stage it belongs to',
			required: true,
		},
		severity: {
			type: 'enum',
			options: [...SEVERITIES],
			description: 'How serious breaking it is',
			default: 'major',
		},
		...common,
	},
	run: ({ args }) =>
		create(args, (ctx) =>
			newRule(ctx, { id: args.id, stage: args.stage, severity: args.severity }),
		),
});

const quiz = defineCommand({
	meta: {
		name: 'quiz',
		description: 'A quiz: content/quizzes/<id>.yaml with one question to write',
	},
	args: {
		id: { type: 'positional', description: 'kebab-case id', required: true },
		rule: { type: 'string', description: 'The etiquette rule the first question tests' },
		sop: { type: 'string', description: 'The SOP the first question tests' },
		'title-zh': { type: 'string', description: 'Title in Chinese' },
		'title-en': { type: 'string', description: 'Title in English' },
		...common,
	},
	run: ({ args }) =>
		create(args, (ctx) =>
			newQuiz(ctx, {
				id: args.id,
				rule: args.rule,
				sop: args.sop,
				titleZh: args['title-zh'],
				titleEn: args['title-en'],
			}),
		),
});

/** `kb new <kind>`: a new content file from its template, every field commented. */
export default defineCommand({
	meta: {
		name: 'new',
		description:
			'Create a fault code, SOP, checklist, etiquette rule or quiz from a commented template.',
	},
	subCommands: { fault, sop, checklist, rule, quiz },
});

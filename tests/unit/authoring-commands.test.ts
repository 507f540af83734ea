import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { readManifest, recordApproved } from '../../src/core/manifest.ts';
import {
	newChecklist,
	newFault,
	newQuiz,
	newRule,
	newSop,
	type NewContext,
} from '../../scripts/lib/authoring-new.ts';
import { write } from '../../scripts/lib/authoring-new-support.ts';
import { approveDocument } from '../../scripts/lib/authoring-approve.ts';
import { reviseDocument } from '../../scripts/lib/authoring-revise.ts';
import { loadSchemaDocs } from '../../scripts/lib/authoring-schema-docs.ts';
import { readFields } from '../../src/core/yaml.ts';
import { checkProject } from '../../src/core/check.ts';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/collections.ts';
import { copyFixture, type FixtureCopy } from '../helpers/fixture.ts';
import { printed as failure } from '../helpers/kb-error.ts';

const TODAY = '2026-11-26';
let copy: FixtureCopy;
let docs: NewContext['docs'];
beforeAll(async () => {
	docs = await loadSchemaDocs();
});
const fresh = (): NewContext => {
	copy = copyFixture();
	onTestFinished(copy.dispose);
	return { contentDir: copy.dir, today: TODAY, docs };
};
const read = (file: string) => readFileSync(`${copy.dir}/${file}`, 'utf8');
const report = () => checkProject(copy.dir, 'text', { root: `${copy.dir}/..`, today: TODAY });
const errorsOf = () => report().lines.filter((l) => !l.endsWith('(warning)'));
/** The top-level field names of a collection's schema, as zod sees them. */
const schemaKeys = (name: CollectionName) =>
	Object.keys((COLLECTIONS[name].schema as unknown as z.ZodObject).shape);

describe('newFault', () => {
	it('creates a valid file in the family folder with a comment above every required field', () => {
		const ctx = fresh();

		const files = newFault(ctx, {
			family: 'ac',
			code: 'e_12',
			subcategory: 'power',
			priority: 'P2',
		});

		expect(files).toEqual(['faults/ac/e-12.yaml']);
		expect(errorsOf()).toEqual([]);
		const lines = read(files[0]!).split('\n');
		const required = z.toJSONSchema(COLLECTIONS.faults.schema, {
			io: 'input',
			unrepresentable: 'any',
		}).required as string[];
		for (const key of required) {
			const at = lines.findIndex((l) => l.startsWith(`${key}:`));
			const comment = lines
				.slice(0, at)
				.reverse()
				.findIndex((l) => !l.startsWith('#'));
			expect(lines.slice(at - (comment === -1 ? at : comment), at).join(' '), key).toMatch(
				/^# .*Required\./,
			);
		}
		expect(readFields(read(files[0]!), 'yaml')).toMatchObject({
			code: 'E-12',
			category: 'hardware',
			subcategory: 'power',
			priority: 'P2',
		});
	});

	it.each<[string, Parameters<typeof newFault>[1], string]>([
		[
			'an unknown family',
			{ family: 'fridge', code: 'E1' },
			'error [family-unknown]: There is no family called fridge.\nfix: Use one of: ac.\n',
		],
		[
			'a code the family has in another spelling',
			{ family: 'ac', code: 'E04' },
			"error [code-taken]: E04 is the same code as E4 in faults/ac/e4.yaml.\nfix: Add the new spelling to that entry's `aliases` instead.\n",
		],
		[
			'an unknown subcategory',
			{ family: 'ac', code: 'E9', subcategory: 'rust' },
			'error [value-invalid]: "rust" is not a fault subcategory.\nfix: Use one of crash, compatibility, misoperation, power, port, display, other, drop, liquid, humidity.\n',
		],
		[
			'a code without a digit',
			{ family: 'ac', code: 'EE' },
			'error [code-invalid]: "EE" does not look like a fault code.\nfix: Write the code as the product displays it, e.g. E4 or F07.\n',
		],
		[
			'an unknown SOP',
			{ family: 'ac', code: 'E9', sop: 'onsite' },
			'error [sop-unknown]: There is no SOP called onsite.\nfix: Use one of: onsite-visit.\n',
		],
	])('refuses %s', (_name, options, message) => {
		const ctx = fresh();

		expect(failure(() => newFault(ctx, options))).toBe(message);
	});
});

describe('newSop', () => {
	it('creates a draft 1.0 in both languages with the next free document number', () => {
		const ctx = fresh();

		const files = newSop(ctx, {
			slug: 'door-greeting',
			stage: 'onsite-visit',
			owner: 'Training lead',
			titleEn: 'Door greeting',
		});

		expect(files).toEqual(['sops/door-greeting/1.0.zh-CN.mdx', 'sops/door-greeting/1.0.en.mdx']);
		expect(errorsOf()).toEqual([]);
		expect(readFields(read(files[1]!), 'mdx')).toMatchObject({
			title: 'Door greeting',
			docId: 'SOP-SVC-008',
			revision: '1.0',
			status: 'draft',
			effective: TODAY,
			reviewDue: '2027-11-26',
		});
	});

	it('creates one language when asked, which the check then reports as untranslated', () => {
		const ctx = fresh();

		newSop(ctx, { slug: 'door-greeting', stage: 'onsite-visit', locales: ['en'] });

		expect(errorsOf()).toEqual([
			'content/sops/door-greeting/1.0.en.mdx: has no zh-CN translation; add door-greeting/1.0.zh-CN.mdx beside it.',
		]);
	});

	it.each<[string, Parameters<typeof newSop>[1], string]>([
		[
			'a slug that exists',
			{ slug: 'onsite-visit', stage: 'onsite-visit' },
			'error [file-exists]: content sops/onsite-visit exists already.\nfix: Pick another name, or revise the existing document with `npm run kb -- revise`.\n',
		],
		[
			'a slug that is not kebab-case',
			{ slug: 'Door_Greeting', stage: 'onsite-visit' },
			'error [slug-invalid]: The slug "Door_Greeting" is not kebab-case.\nfix: Use lowercase letters, digits and single hyphens, e.g. door-greeting.\n',
		],
		[
			'a document number in use',
			{ slug: 'door-greeting', stage: 'onsite-visit', docId: 'CL-SVC-002' },
			'error [doc-id-taken]: CL-SVC-002 is the number of another document.\nfix: Leave out --doc-id to get the next free number, or pick another.\n',
		],
		[
			'an unknown stage',
			{ slug: 'door-greeting', stage: 'doorstep' },
			'error [value-invalid]: "doorstep" is not a workflow stage.\nfix: Use one of intake, diagnosis, repair-plan, execution, archive, onsite-visit, complaint, spare-parts.\n',
		],
		[
			'a document number that is not one',
			{ slug: 'door-greeting', stage: 'onsite-visit', docId: 'sop 9' },
			'error [doc-id-invalid]: sop 9 is not a document number.\nfix: Write it like SOP-SVC-009 or CL-SVC-007.\n',
		],
		[
			'an unknown family it applies to',
			{ slug: 'door-greeting', stage: 'onsite-visit', appliesTo: ['fridge'] },
			'error [family-unknown]: There is no family called fridge.\nfix: Use one of: ac.\n',
		],
	])('refuses %s', (_name, options, message) => {
		const ctx = fresh();

		expect(failure(() => newSop(ctx, options))).toBe(message);
	});
});

describe('newChecklist, newRule and newQuiz', () => {
	it('create valid files; a checklist takes its stage from its SOP', () => {
		const ctx = fresh();

		const files = [
			...newChecklist(ctx, { slug: 'door-check', sop: 'onsite-visit' }),
			...newRule(ctx, { id: 'greet-by-name', stage: 'at-the-door' }),
			...('quizzes' in COLLECTIONS ? newQuiz(ctx, { id: 'door-quiz', rule: 'greet-by-name' }) : []),
		];

		expect(files.slice(0, 2)).toEqual([
			'checklists/door-check/1.0.yaml',
			'etiquette/greet-by-name.yaml',
		]);
		expect(errorsOf()).toEqual([]);
		expect(readFields(read(files[0]!), 'yaml')).toMatchObject({
			docId: 'CL-SVC-003',
			stage: 'onsite-visit',
			sop: 'onsite-visit',
		});
	});

	it('refuse a checklist for an SOP that does not exist', () => {
		const ctx = fresh();

		expect(failure(() => newChecklist(ctx, { slug: 'door-check', sop: 'door' }))).toBe(
			'error [sop-unknown]: There is no SOP called door.\nfix: Use one of: onsite-visit.\n',
		);
	});

	it('refuse a quiz that names nothing to test', () => {
		const ctx = fresh();

		const expected =
			'quizzes' in COLLECTIONS
				? 'error [quiz-topic-missing]: A quiz question names what it tests.\nfix: Pass --rule <etiquette rule id> or --sop <SOP slug>.\n'
				: 'error [quizzes-missing]: This knowledge base has no quizzes collection.\nfix: Add it to src/schemas/collections.ts first.\n';

		expect(failure(() => newQuiz(ctx, { id: 'door-quiz' }))).toBe(expected);
	});

	it('never write over an existing file', () => {
		const ctx = fresh();

		expect(failure(() => write(ctx, 'faults', 'faults/ac/e4.yaml', 'code: E4\n'))).toBe(
			'error [file-exists]: faults/ac/e4.yaml exists already.\nfix: Pick another name, or edit the existing file.\n',
		);
	});

	it('refuse a rule that does not exist', () => {
		const ctx = fresh();

		expect(failure(() => newQuiz(ctx, { id: 'door-quiz', rule: 'greet' }))).toBe(
			'error [rule-unknown]: There is no rule called greet.\nfix: Use one of: follow-up-call, knock-properly.\n',
		);
	});
});

describe('the templates', () => {
	it.each<[CollectionName, (ctx: NewContext) => string[]]>([
		['faults', (ctx) => newFault(ctx, { family: 'ac', code: 'E9' })],
		['sops', (ctx) => newSop(ctx, { slug: 'door-greeting', stage: 'onsite-visit' })],
		['checklists', (ctx) => newChecklist(ctx, { slug: 'door-check', sop: 'onsite-visit' })],
		['etiquette', (ctx) => newRule(ctx, { id: 'greet-by-name', stage: 'at-the-door' })],
	])('name every field of the %s schema, as a field or in a comment', (collection, create) => {
		const ctx = fresh();

		const text = create(ctx).map(read).join('\n');

		const absent = schemaKeys(collection).filter(
			(key) => !new RegExp(`^(# )?${key}:|\\b${key}\\b`, 'm').test(text),
		);
		expect(absent).toEqual([]);
	});
});

describe('reviseDocument', () => {
	it('copies the current revision as the next draft, without approval fields and with a change note to write', () => {
		const ctx = fresh();

		const result = reviseDocument(ctx.contentDir, 'onsite-visit', { today: TODAY });

		expect(result.files).toEqual([
			'sops/onsite-visit/2.1.zh-CN.mdx',
			'sops/onsite-visit/2.1.en.mdx',
		]);
		const data = readFields(read(result.files[1]!), 'mdx');
		expect(data).toMatchObject({
			revision: '2.1',
			status: 'draft',
			effective: TODAY,
			reviewDue: '2027-11-26',
			changeSummary: 'TODO: say what changed from 2.0 to 2.1.',
		});
		expect(data).not.toHaveProperty('approver');
		expect(data).not.toHaveProperty('approvedOn');
		expect(read(result.files[1]!).split('---')[2]).toBe(
			read('sops/onsite-visit/2.0.en.mdx').split('---')[2],
		);
		expect(errorsOf()).toEqual([]);
	});

	it('starts a major revision with --major', () => {
		const ctx = fresh();

		const result = reviseDocument(ctx.contentDir, 'checklists/onsite-preparation', {
			today: TODAY,
			major: true,
		});

		expect(result.files).toEqual(['checklists/onsite-preparation/2.0.yaml']);
		expect(readFields(read(result.files[0]!), 'yaml').changeSummary).toEqual({
			'zh-CN': 'TODO：写明 2.0 版相对 1.0 版改了什么。',
			en: 'TODO: say what changed from 1.0 to 2.0.',
		});
	});

	it('refuses a second draft', () => {
		const ctx = fresh();
		reviseDocument(ctx.contentDir, 'onsite-visit', { today: TODAY });

		expect(failure(() => reviseDocument(ctx.contentDir, 'onsite-visit', { today: TODAY }))).toBe(
			'error [draft-exists]: sops/onsite-visit already has revision 2.1 in draft.\nfix: Edit sops/onsite-visit/2.1.zh-CN.mdx and sops/onsite-visit/2.1.en.mdx, or approve it with `npm run kb -- approve onsite-visit --by <name>`.\n',
		);
	});

	it('refuses a document folder without revision files', () => {
		const ctx = fresh();
		mkdirSync(`${ctx.contentDir}/sops/door-greeting`);

		expect(failure(() => reviseDocument(ctx.contentDir, 'door-greeting', { today: TODAY }))).toBe(
			'error [revisions-missing]: sops/door-greeting has no revision files.\nfix: Create the document with `npm run kb -- new` first.\n',
		);
	});

	it('asks which document is meant when an SOP and a checklist share the slug', () => {
		const ctx = fresh();
		mkdirSync(`${ctx.contentDir}/checklists/onsite-visit`);

		expect(failure(() => reviseDocument(ctx.contentDir, 'onsite-visit', { today: TODAY }))).toBe(
			'error [AMBIGUOUS_DOCUMENT]: onsite-visit is both an SOP and a checklist.\nfix: Name the one you mean: sops/onsite-visit or checklists/onsite-visit.\n',
		);
	});
});

describe('approveDocument', () => {
	/** A fixture copy with revision 2.1 of onsite-visit drafted and its change note written. */
	function drafted(): NewContext {
		const ctx = fresh();
		reviseDocument(ctx.contentDir, 'onsite-visit', { today: TODAY });
		['zh-CN', 'en'].forEach((l) =>
			copy.edit(`sops/onsite-visit/2.1.${l}.mdx`, (t) =>
				t.replace(/^changeSummary: .*$/m, 'changeSummary: Added a step'),
			),
		);
		return ctx;
	}

	it('makes the draft current, supersedes the previous revision by its status line only, and records the hashes', () => {
		const ctx = drafted();
		const before = read('sops/onsite-visit/2.0.en.mdx');

		const result = approveDocument(ctx.contentDir, 'onsite-visit', {
			by: 'Service manager',
			today: TODAY,
			root: `${copy.dir}/..`,
		});

		expect([
			result.approved.revision,
			result.superseded?.revision,
			result.effective,
			result.reviewDue,
		]).toEqual(['2.1', '2.0', TODAY, '2027-11-26']);
		expect(readFields(read('sops/onsite-visit/2.1.en.mdx'), 'mdx')).toMatchObject({
			status: 'approved',
			approver: 'Service manager',
			approvedOn: TODAY,
			effective: TODAY,
		});
		expect(read('sops/onsite-visit/2.0.en.mdx')).toBe(
			before.replace('status: approved', 'status: superseded'),
		);
		expect(Object.keys(readManifest(ctx.contentDir)!.files)).toContain(
			'sops/onsite-visit/2.1.en.mdx',
		);
		expect(errorsOf()).toEqual([]);
	});

	it('refuses a draft that still has template placeholders', () => {
		const ctx = fresh();
		reviseDocument(ctx.contentDir, 'onsite-visit', { today: TODAY });

		expect(
			failure(() =>
				approveDocument(ctx.contentDir, 'onsite-visit', { by: 'Service manager', today: TODAY }),
			),
		).toBe(
			'error [placeholders-left]: Revision 2.1 still has template placeholders (TODO) at sops/onsite-visit/2.1.zh-CN.mdx:10, sops/onsite-visit/2.1.en.mdx:10.\nfix: Write the real text there, then approve again.\n',
		);
	});

	it('refuses when the approved revision was edited after approval', () => {
		const ctx = drafted();
		copy.edit('sops/onsite-visit/2.0.en.mdx', (t) => t.replace('Arrive five', 'Arrive ten'));

		expect(
			failure(() =>
				approveDocument(ctx.contentDir, 'onsite-visit', { by: 'Service manager', today: TODAY }),
			),
		).toBe(
			'error [approved-file-changed]: The approved revision 2.0 of onsite-visit was edited after approval (sops/onsite-visit/2.0.en.mdx).\nfix: Restore it with `git checkout -- sops/onsite-visit/2.0.en.mdx` and put the change in the draft instead.\n',
		);
	});

	it.each<[string, Partial<Parameters<typeof approveDocument>[2]>, string]>([
		[
			"an effective date that is not after the previous revision's",
			{ today: '2025-12-01', effective: '2026-01-10' },
			'error [effective-not-after-previous]: --effective 2026-01-10 is not after revision 2.0 (2026-01-10).\nfix: Pass --effective 2026-01-11 or later.\n',
		],
		[
			'an effective date before the approval',
			{ effective: '2026-11-25' },
			'error [effective-before-approval]: --effective 2026-11-25 is before the approval date 2026-11-26.\nfix: A revision takes effect on or after the day it is approved; pass a later --effective.\n',
		],
		[
			'a review date not after the effective date',
			{ reviewDue: TODAY },
			'error [review-not-after-effective]: --review-due 2026-11-26 is not after the effective date 2026-11-26.\nfix: Pass a later --review-due (the default is a year after the effective date).\n',
		],
		[
			'a date that is not a date',
			{ effective: '26.11.2026' },
			'error [argument-invalid]: --effective 26.11.2026 is not a date.\nfix: Write it as YYYY-MM-DD, e.g. 2026-11-26.\n',
		],
		[
			'a blank approver',
			{ by: '  ' },
			'error [argument-missing]: No approver was given.\nfix: Say who approves it: `--by "Service manager"`.\n',
		],
	])('refuses %s', (_name, options, message) => {
		const ctx = drafted();

		expect(
			failure(() =>
				approveDocument(ctx.contentDir, 'onsite-visit', {
					by: 'Service manager',
					today: TODAY,
					...options,
				}),
			),
		).toBe(message);
	});

	it('refuses a document without a draft, and one that does not exist', () => {
		const ctx = fresh();

		expect([
			failure(() =>
				approveDocument(ctx.contentDir, 'onsite-visit', { by: 'Service manager', today: TODAY }),
			),
			failure(() =>
				approveDocument(ctx.contentDir, 'onsite', { by: 'Service manager', today: TODAY }),
			),
		]).toEqual([
			'error [draft-missing]: sops/onsite-visit has no draft revision to approve.\nfix: Start one with `npm run kb -- revise onsite-visit`.\n',
			'error [NO_SUCH_DOCUMENT]: There is no SOP or checklist called onsite.\nfix: Use one of: sops/onsite-visit, checklists/onsite-preparation.\n',
		]);
	});

	it('changes nothing when the approved result would be invalid', () => {
		const ctx = drafted();
		copy.edit('sops/onsite-visit/2.1.en.mdx', (t) =>
			t.replace('stage: onsite-visit', 'stage: doorstep'),
		);
		const before = [read('sops/onsite-visit/2.0.en.mdx'), read('sops/onsite-visit/2.1.en.mdx')];

		const message = failure(() =>
			approveDocument(ctx.contentDir, 'onsite-visit', {
				by: 'Service manager',
				today: TODAY,
				root: `${copy.dir}/..`,
			}),
		);

		expect(message).toContain(
			'error [result-invalid]: Approving would leave errors, so nothing was changed:\ncontent/sops/onsite-visit/2.1.en.mdx:13: stage: "doorstep" is not a workflow stage;',
		);
		expect(message).toMatch(/\nfix: Fix these in the draft, then approve again\.\n$/);
		expect([read('sops/onsite-visit/2.0.en.mdx'), read('sops/onsite-visit/2.1.en.mdx')]).toEqual(
			before,
		);
	});
});

describe('recordApproved', () => {
	it('records every approved, superseded or retired revision file and nothing twice', () => {
		fresh();
		copy.remove('.approved.json');

		const first = recordApproved(copy.dir);
		const second = recordApproved(copy.dir);

		expect(first.sort()).toEqual([
			'checklists/onsite-preparation/1.0.yaml',
			'sops/onsite-visit/1.0.en.mdx',
			'sops/onsite-visit/1.0.zh-CN.mdx',
			'sops/onsite-visit/2.0.en.mdx',
			'sops/onsite-visit/2.0.zh-CN.mdx',
		]);
		expect(second).toEqual([]);
		expect(existsSync(`${copy.dir}/.approved.json`)).toBe(true);
	});
});

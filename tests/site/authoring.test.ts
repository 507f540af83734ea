import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { recordApproved, type ApprovedManifest } from '../../src/core/manifest.ts';
import { COLLECTIONS } from '../../src/schemas/collections.ts';
import { copyFixture, type FixtureCopy } from '../helpers/fixture.ts';
import { buildSite, readBuilt, tempWorkDir, type BuildResult } from '../helpers/site.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const work = tempWorkDir('kb-authoring');
let copy: FixtureCopy;
let build: BuildResult;
const steps: { args: string[]; code: number | null; output: string }[] = [];

/** Runs the real CLI on the fixture copy, as a trainer would (KB_TODAY as in the build). */
function kb(...args: string[]): void {
	const run = spawnSync(process.execPath, ['scripts/kb.ts', ...args, '--content', copy.dir], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, KB_TODAY: '2026-11-26' },
	});
	steps.push({ args, code: run.status, output: `${run.stdout}${run.stderr}` });
}
/** Writes the text a trainer would: every `TODO:` placeholder becomes plain text. */
const fillIn = (file: string) => copy.edit(file, (t) => t.replace(/TODO[:：]\s*/g, ''));

beforeAll(() => {
	copy = copyFixture();
	// A checklist approved with a review date now past, for the review page: the fixture's approval
	// is re-recorded with those dates (editing an approved file afterwards is what the build refuses).
	copy.edit('checklists/onsite-preparation/1.0.yaml', (t) =>
		t
			.replace('reviewDue: 2027-02-01', 'reviewDue: 2026-11-01')
			.replace('effective: 2026-02-01', 'effective: 2026-01-21'),
	);
	const manifest = JSON.parse(
		readFileSync(join(copy.dir, '.approved.json'), 'utf8'),
	) as ApprovedManifest;
	const files = Object.entries(manifest.files).filter(
		([path]) => path !== 'checklists/onsite-preparation/1.0.yaml',
	);
	copy.write('.approved.json', JSON.stringify({ ...manifest, files: Object.fromEntries(files) }));
	recordApproved(copy.dir);
	kb(
		'new',
		'fault',
		'ac',
		'E9',
		'--subcategory',
		'power',
		'--priority',
		'P2',
		'--sop',
		'onsite-visit',
		'--title-zh',
		'电源故障',
		'--title-en',
		'Power fault',
	);
	kb(
		'new',
		'sop',
		'door-greeting',
		'--stage',
		'onsite-visit',
		'--owner',
		'Training lead',
		'--title-zh',
		'门口问候',
		'--title-en',
		'Door greeting',
	);
	kb('new', 'checklist', 'door-check', '--sop', 'door-greeting', '--owner', 'Training lead');
	kb('new', 'rule', 'greet-by-name', '--stage', 'at-the-door');
	kb('revise', 'onsite-visit');
	for (const l of ['zh-CN', 'en']) {
		copy.edit(`sops/onsite-visit/2.1.${l}.mdx`, (t) =>
			t
				.replace(/^changeSummary: .*$/m, 'changeSummary: Added the greeting')
				.replace('3. Knock:', '3. Greet by name.\n4. Knock:'),
		);
		fillIn(`sops/door-greeting/1.0.${l}.mdx`);
	}
	kb('approve', 'onsite-visit', '--by', 'Service manager');
	kb('approve', 'door-greeting', '--by', 'Service manager', '--review-due', '2026-12-10');
	kb('check');
	build = buildSite({ contentDir: copy.dir, outDir: join(work, 'dist') });
});
afterAll(() => {
	copy.dispose();
	rmSync(work, { recursive: true, force: true });
});

describe('kb new, revise and approve on a copy of the fixture content', () => {
	it('succeed, and leave content that kb check passes', () => {
		expect(
			steps.map((s) => [s.args.slice(0, 2).join(' '), s.code]),
			steps.map((s) => s.output).join('\n'),
		).toEqual([
			['new fault', 0],
			['new sop', 0],
			['new checklist', 0],
			['new rule', 0],
			['revise onsite-visit', 0],
			['approve onsite-visit', 0],
			['approve door-greeting', 0],
			['check', 0],
		]);
		expect(steps.at(-1)!.output).toMatch(/^0 errors, \d+ warnings\.$/m);
	});

	it('build, with the approved revisions current and the draft checklist left out', () => {
		expect(build.ok, build.output).toBe(true);

		expect(readBuilt(build.outDir, 'en/sops/onsite-visit/index.html')).toContain('Greet by name.');
		expect(readBuilt(build.outDir, 'en/sops/onsite-visit/2.0/index.html')).toContain(
			'This revision (2.0) has been superseded',
		);
		expect(readBuilt(build.outDir, 'sops/door-greeting/index.html')).toContain('门口问候');
		expect(readBuilt(build.outDir, 'en/faults/ac/e9/index.html')).toContain('Power fault');
		expect(existsSync(join(build.outDir, 'checklists/door-check/index.html'))).toBe(false);
	});
});

describe('the Review due page', () => {
	it('lists overdue and soon-due documents by owner in both languages', () => {
		const en = readBuilt(build.outDir, 'en/review-due/index.html');
		const zh = readBuilt(build.outDir, 'review-due/index.html');

		expect(text(en)).toContain('1 overdue, 1 due within 30 days.');
		expect(text(en)).toMatch(
			/Training lead · 2 to review.*CL-SVC-002 On-site preparation Checklist 1\.0 2026-11-01 25 days overdue.*SOP-SVC-008 Door greeting SOP 1\.0 2026-12-10 due in 14 days/,
		);
		expect(text(zh)).toMatch(
			/逾期 1 份，30 天内到期 1 份。.*CL-SVC-002 上门准备 检查清单 1\.0 2026-11-01 已逾期 25 天.*SOP-SVC-008 门口问候 SOP 1\.0 2026-12-10 14 天后到期/,
		);
	});

	it('is linked from the SOP list', () => {
		expect(readBuilt(build.outDir, 'en/sops/index.html')).toContain('href="/en/review-due/"');
	});
});

describe('the authoring guide', () => {
	it.each([
		['en', 'en/guides/authoring/index.html', 'Authoring guide'],
		['zh-CN', 'guides/authoring/index.html', '编写指南'],
	])(
		'exists in %s and lists every field of every schema and every component',
		(_locale, page, title) => {
			const html = readBuilt(build.outDir, page);

			expect(html).toContain(`<h1>${title}</h1>`);
			const missing = Object.entries(COLLECTIONS).flatMap(([name, spec]) =>
				Object.keys((spec.schema as unknown as z.ZodObject).shape)
					.filter((key) => !html.includes(`id="field-${name}-${key}"`))
					.map((key) => `${name}.${key}`),
			);
			expect(missing).toEqual([]);
			const components = /mdxComponents\s*=\s*\{([^}]*)\}/
				.exec(readFileSync(join(ROOT, 'src/components/mdx/index.ts'), 'utf8'))![1]!
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
			expect(components.filter((name) => !html.includes(`id="component-${name}"`))).toEqual([]);
			expect(html).toContain('id="component-mermaid"');
		},
	);

	it("shows a field's JSDoc, its type and whether it is required", () => {
		const row =
			/<tr id="field-faults-priority">[\s\S]*?<\/tr>/.exec(
				readBuilt(build.outDir, 'en/guides/authoring/index.html'),
			)?.[0] ?? '';

		expect(text(row)).toBe(
			'priority required one of: P1, P2, P3, P4 P1 (unusable or unsafe) to P4 (cosmetic or a question), as the source defines them.',
		);
	});
});

/** The visible text of some HTML, whitespace collapsed. */
function text(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/\s+/g, ' ')
		.trim();
}

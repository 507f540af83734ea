import { mkdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/core/check.ts';
import { copyFixture, FIXTURE_CONTENT, type FixtureCopy } from '../helpers/fixture.ts';

const TODAY = '2026-11-26';
let copy: FixtureCopy | undefined;
afterEach(() => copy?.dispose());

/** What `kb check` reports for the fixture after one change, paths relative to the copy, minus what it reports unchanged. */
function newLinesAfter(change: (c: FixtureCopy) => void, today = TODAY): string[] {
	const before = new Set(check(copyFixture(), TODAY));
	copy = copyFixture();
	change(copy);
	return check(copy, today).filter((line) => !before.has(line));
}

function check(c: FixtureCopy, today: string): string[] {
	const lines = checkProject(c.dir, 'text', { root: `${c.dir}/..`, today }).lines;
	if (c !== copy) c.dispose();
	return lines;
}

const bothLocales = (c: FixtureCopy, file: string, change: (t: string) => string) =>
	['zh-CN', 'en'].forEach((l) => c.edit(`${file}.${l}.mdx`, change));
const manifest = (c: FixtureCopy) =>
	JSON.parse(readFileSync(`${c.dir}/.approved.json`, 'utf8')) as { files: Record<string, string> };

describe('checkProject', () => {
	it("reports only the fixture's known warnings, and no error", () => {
		const report = checkProject(FIXTURE_CONTENT, 'text', {
			root: `${FIXTURE_CONTENT}/../../..`,
			today: TODAY,
		});

		expect(report.lines).toEqual([
			'tests/fixtures/content/faults/ac/e-101.yaml:1: sop: fault code E-101 names no SOP; add `sop:` with the procedure a technician should follow (onsite-visit). (warning)',
			'tests/fixtures/content/faults/ac/f07.yaml:1: sop: fault code F07 names no SOP; add `sop:` with the procedure a technician should follow (onsite-visit). (warning)',
			'tests/fixtures/content/etiquette/follow-up-call.yaml: is cited by no current SOP or guide; cite it with <Rule id="follow-up-call" /> where a procedure needs it, or remove the rule. (warning)',
		]);
		expect([report.errors, report.warnings]).toEqual([0, 3]);
	});

	it.each<[string, (c: FixtureCopy) => void, string[]]>([
		[
			'an approved revision edited after approval',
			(c) =>
				c.edit('sops/onsite-visit/2.0.en.mdx', (t) =>
					t.replace('Arrive five minutes early.', 'Arrive ten minutes early.'),
				),
			[
				'content/sops/onsite-visit/2.0.en.mdx:1: changed after it was approved; approved revisions are never edited. Restore it with `git checkout -- content/sops/onsite-visit/2.0.en.mdx` and make the change in a new revision: `npm run kb -- revise onsite-visit`.',
			],
		],
		[
			'an approved checklist whose date was moved after approval',
			(c) =>
				c.edit('checklists/onsite-preparation/1.0.yaml', (t) =>
					t.replace('reviewDue: 2027-02-01', 'reviewDue: 2027-03-01'),
				),
			[
				'content/checklists/onsite-preparation/1.0.yaml:1: changed after it was approved; approved revisions are never edited. Restore it with `git checkout -- content/checklists/onsite-preparation/1.0.yaml` and make the change in a new revision: `npm run kb -- revise onsite-preparation`.',
			],
		],
		[
			'an approved revision file that was deleted',
			(c) => c.remove('sops/onsite-visit/1.0.en.mdx'),
			[
				'content/sops/onsite-visit/1.0.zh-CN.mdx: has no en translation; add onsite-visit/1.0.en.mdx beside it.',
				'content/sops/onsite-visit/1.0.en.mdx: was approved (.approved.json holds its hash) but the file is gone; approved revisions are kept for the record, so restore it with `git checkout -- content/sops/onsite-visit/1.0.en.mdx`.',
			],
		],
		[
			'an approved revision set back to draft',
			(c) =>
				bothLocales(c, 'sops/onsite-visit/1.0', (t) =>
					t.replace('status: superseded', 'status: draft'),
				),
			[
				'content/sops/onsite-visit/1.0.en.mdx:6: status: is draft but this revision was approved (.approved.json holds its hash); an approved revision stays approved, superseded or retired — make a new revision with `npm run kb -- revise onsite-visit`.',
				'content/sops/onsite-visit/1.0.zh-CN.mdx:6: status: is draft but this revision was approved (.approved.json holds its hash); an approved revision stays approved, superseded or retired — make a new revision with `npm run kb -- revise onsite-visit`.',
			],
		],
		[
			'an approved revision with no recorded hash',
			(c) => {
				const m = manifest(c);
				delete m.files['checklists/onsite-preparation/1.0.yaml'];
				c.write('.approved.json', JSON.stringify(m));
			},
			[
				'content/checklists/onsite-preparation/1.0.yaml:3: status: is approved but .approved.json has no hash for this file; approve revisions with `npm run kb -- approve onsite-preparation --by <name>`, or record one approved outside the CLI with `npm run kb -- approve --record`.',
			],
		],
		[
			'a missing approved-revision manifest',
			(c) => c.remove('.approved.json'),
			[
				'content/.approved.json: is missing, so 5 approved revision files have no recorded hash; run `npm run kb -- approve --record` once to record them.',
			],
		],
		[
			'an image without alt text',
			(c) => {
				c.write('guides/panel.png', 'png');
				['zh-CN', 'en'].forEach((l) =>
					c.edit(`guides/workflow.${l}.mdx`, (t) => `${t}\n![](./panel.png)\n`),
				);
			},
			[
				'content/guides/workflow.en.mdx:9:1: body: image ./panel.png has no alt text; describe what it shows, e.g. ![The fuse F1 on the power board](./panel.png), so a screen reader or a failed download still tells the technician.',
				'content/guides/workflow.zh-CN.mdx:9:1: body: image ./panel.png has no alt text; describe what it shows, e.g. ![The fuse F1 on the power board](./panel.png), so a screen reader or a failed download still tells the technician.',
			],
		],
		[
			'an <img> without alt text',
			(c) =>
				c.edit('guides/workflow.zh-CN.mdx', (t) => `${t}\n<img src="/favicon.svg" alt="" />\n`),
			[
				'content/guides/workflow.zh-CN.mdx:9:1: body: image /favicon.svg has no alt text; describe what it shows, e.g. ![The fuse F1 on the power board](/favicon.svg), so a screen reader or a failed download still tells the technician.',
				'content/guides/workflow.en.mdx: body: images: 0 here but 1 in content/guides/workflow.zh-CN.mdx; translate what is missing so both languages say the same. (warning)',
			],
		],
		[
			'an internal link to a page that does not exist',
			(c) => c.edit('guides/workflow.en.mdx', (t) => `${t}\nSee [E9](/en/faults/ac/e9/).\n`),
			[
				'content/guides/workflow.en.mdx:9:5: body: links to /en/faults/ac/e9/, which is not a page of the site; link to an existing page, written from the site root, e.g. /faults/ac/e4/ or /en/sops/onsite-visit/.',
			],
		],
		[
			'a relative link that breaks on the revision page',
			(c) =>
				bothLocales(c, 'sops/onsite-visit/2.0', (t) =>
					t.replace('## Steps', '## Steps\n\nSee [E4](../../faults/ac/e4/).'),
				),
			[
				'content/sops/onsite-visit/2.0.en.mdx:1: changed after it was approved; approved revisions are never edited. Restore it with `git checkout -- content/sops/onsite-visit/2.0.en.mdx` and make the change in a new revision: `npm run kb -- revise onsite-visit`.',
				'content/sops/onsite-visit/2.0.zh-CN.mdx:1: changed after it was approved; approved revisions are never edited. Restore it with `git checkout -- content/sops/onsite-visit/2.0.zh-CN.mdx` and make the change in a new revision: `npm run kb -- revise onsite-visit`.',
				'content/sops/onsite-visit/2.0.en.mdx:18:5: body: links to ../../faults/ac/e4/ (from /en/sops/onsite-visit/2.0/ it leads to /en/sops/faults/ac/e4/), which is not a page of the site; link to an existing page, written from the site root, e.g. /faults/ac/e4/ or /en/sops/onsite-visit/.',
				'content/sops/onsite-visit/2.0.zh-CN.mdx:18:5: body: links to ../../faults/ac/e4/ (from /sops/onsite-visit/2.0/ it leads to /sops/faults/ac/e4/), which is not a page of the site; link to an existing page, written from the site root, e.g. /faults/ac/e4/ or /en/sops/onsite-visit/.',
			],
		],
		[
			'a link to a draft revision',
			(c) => {
				['zh-CN', 'en'].forEach((l) =>
					c.write(
						`sops/onsite-visit/2.1.${l}.mdx`,
						readFileSync(`${c.dir}/sops/onsite-visit/2.0.${l}.mdx`, 'utf8')
							.replace("revision: '2.0'", "revision: '2.1'")
							.replace('status: approved', 'status: draft')
							.replace('effective: 2026-01-10', 'effective: 2026-12-01'),
					),
				);
				c.edit(
					'guides/workflow.en.mdx',
					(t) => `${t}\nThe [next revision](/en/sops/onsite-visit/2.1/).\n`,
				);
			},
			[
				'content/guides/workflow.en.mdx:9:5: body: links to /en/sops/onsite-visit/2.1/, a draft revision that a build leaves out; link to the current revision or wait until this one is approved.',
			],
		],
		[
			'a translation with a step missing',
			(c) =>
				c.edit('sops/onsite-visit/1.0.en.mdx', (t) =>
					t.replace('2. Knock: <Rule id="knock-properly" />', 'Knock.'),
				),
			[
				'content/sops/onsite-visit/1.0.en.mdx:1: changed after it was approved; approved revisions are never edited. Restore it with `git checkout -- content/sops/onsite-visit/1.0.en.mdx` and make the change in a new revision: `npm run kb -- revise onsite-visit`.',
				'content/sops/onsite-visit/1.0.en.mdx: body: numbered steps: 1 here but 2 in content/sops/onsite-visit/1.0.zh-CN.mdx; translate what is missing so both languages say the same. (warning)',
				'content/sops/onsite-visit/1.0.en.mdx: body: does not cite <Rule id="knock-properly" /> as content/sops/onsite-visit/1.0.zh-CN.mdx does; cite the same rules in both languages. (warning)',
			],
		],
		[
			'an English text written in Chinese',
			(c) =>
				c.edit('etiquette/follow-up-call.yaml', (t) =>
					t.replace('en: To confirm the problem is solved', 'en: 确认问题已解决'),
				),
			[
				'content/etiquette/follow-up-call.yaml:7: why.en: is written in Chinese ("确认问题已解决"); translate it into English. (warning)',
			],
		],
		[
			'a fault code without an SOP',
			(c) => c.edit('faults/ac/e4.yaml', (t) => t.replace('sop: onsite-visit\n', '')),
			[
				'content/faults/ac/e4.yaml:1: sop: fault code E4 names no SOP; add `sop:` with the procedure a technician should follow (onsite-visit). (warning)',
			],
		],
		[
			'an etiquette rule nothing cites',
			(c) =>
				c.write(
					'etiquette/smile.yaml',
					readFileSync(`${c.dir}/etiquette/follow-up-call.yaml`, 'utf8'),
				),
			[
				'content/etiquette/smile.yaml: is cited by no current SOP or guide; cite it with <Rule id="smile" /> where a procedure needs it, or remove the rule. (warning)',
			],
		],
		[
			'a document number used by two documents',
			(c) => {
				mkdirSync(`${c.dir}/checklists/door-check`);
				c.write(
					'checklists/door-check/1.0.yaml',
					readFileSync(`${c.dir}/checklists/onsite-preparation/1.0.yaml`, 'utf8')
						.replace('CL-SVC-002', 'SOP-SVC-007')
						.replace('status: approved', 'status: draft'),
				);
			},
			[
				'content/checklists/door-check/1.0.yaml:1: docId: SOP-SVC-007 is already the number of content/sops/onsite-visit; every controlled document has its own docId, so give this one a new number.',
			],
		],
		[
			'a guide that takes the address of the authoring guide',
			(c) =>
				['zh-CN', 'en'].forEach((l) =>
					c.write(
						`guides/authoring.${l}.mdx`,
						readFileSync(`${c.dir}/guides/workflow.${l}.mdx`, 'utf8'),
					),
				),
			[
				'content/guides/authoring.en.mdx: has the address /guides/authoring/, which is a built-in page of the site; rename the file.',
				'content/guides/authoring.zh-CN.mdx: has the address /guides/authoring/, which is a built-in page of the site; rename the file.',
			],
		],
		[
			'a template placeholder left in',
			(c) =>
				c.edit('faults/ac/f07.yaml', (t) =>
					t.replace('en: Remote control not responding', "en: 'TODO: name of the fault'"),
				),
			[
				'content/faults/ac/f07.yaml:5: title.en: still holds the template placeholder "TODO: name of the fault"; write the real text. (warning)',
			],
		],
		[
			'a template placeholder left in a body',
			(c) => c.edit('guides/workflow.en.mdx', (t) => `${t}\nWait.\nTODO: second step.\n`),
			[
				'content/guides/workflow.en.mdx:10: body: still holds the template placeholder "TODO: second step."; write the real text. (warning)',
			],
		],
		[
			'a body that is not valid MDX, once and without shape warnings',
			(c) => {
				c.edit(
					'guides/workflow.en.mdx',
					(t) => `${t}\n## Steps\n\n<Warning>\n\nPower off.\n\n</Warning>\n`,
				);
				c.edit('guides/workflow.zh-CN.mdx', (t) => `${t}\n## 步骤\n\n<Warning>\n\n断电。\n`);
			},
			[
				'content/guides/workflow.zh-CN.mdx:11:1: body: <Warning> is never closed; close it with </Warning> (with a blank line before it after block content), or write <Warning /> when it holds nothing.',
			],
		],
		[
			'a misspelt field',
			(c) =>
				c.edit('faults/ac/f07.yaml', (t) =>
					t.replace('remoteFixable: true', 'remoteFixabel: true'),
				),
			[
				'content/faults/ac/f07.yaml:10: remoteFixabel: remoteFixabel is not a field here, so it is ignored; check its spelling (the fields are code, family, models, title, aliases, category, subcategory, priority, symptoms, causes, checks, remedy, remoteFixable, parts, tools, safety, sop, checklist, laborMinutes, draft, reviewed). (warning)',
			],
		],
	])('reports %s', (_name, change, expected) => {
		const lines = newLinesAfter(change);

		expect(lines).toEqual(expected);
	});

	it('allows the status change that approval itself makes', () => {
		const lines = newLinesAfter((c) =>
			bothLocales(c, 'sops/onsite-visit/1.0', (t) =>
				t.replace('status: superseded', 'status: retired'),
			),
		);

		expect(lines).toEqual([]);
	});

	it('accepts links to pages, files in public/ and anchors', () => {
		const lines = newLinesAfter((c) =>
			c.edit(
				'guides/workflow.en.mdx',
				(t) =>
					`${t}\n[E4](/en/faults/ac/e4/#checks) [rule](/etiquette/knock-properly/) [search](/en/search/) [icon](/favicon.svg) [top](#steps) [web](https://example.com/x)\n`,
			),
		);

		expect(lines).toEqual([]);
	});

	it('ignores links and images inside code', () => {
		const lines = newLinesAfter((c) =>
			c.edit(
				'guides/workflow.en.mdx',
				(t) => `${t}\n\`[x](/nowhere/)\`\n\n\`\`\`md\n![](a.png)\n\`\`\`\n`,
			),
		);

		expect(lines).toEqual([]);
	});

	it('warns of an SOP past its review date with the days past, counting from the given day', () => {
		const lines = newLinesAfter(() => {}, '2027-01-20');

		expect(lines).toEqual([
			'content/sops/onsite-visit/2.0.zh-CN.mdx:11: reviewDue: was due on 2027-01-10, 10 days ago; review the SOP and issue the result as a new revision (`npm run kb -- revise onsite-visit`), even if only the review date changes. (warning)',
		]);
	});

	it('counts errors and warnings and formats GitHub annotations', () => {
		copy = copyFixture();
		copy.edit('faults/ac/f07.yaml', (t) => t.replace('priority: P3', 'priority: P5'));

		const report = checkProject(copy.dir, 'github', { root: `${copy.dir}/..`, today: TODAY });

		expect([report.errors, report.warnings]).toEqual([1, 2]);
		expect(report.lines).toEqual([
			'::error file=content/faults/ac/f07.yaml,line=9::priority: "P5" is not a priority; use one of P1, P2, P3, P4.',
			'::warning file=content/faults/ac/e-101.yaml,line=1::sop: fault code E-101 names no SOP; add `sop:` with the procedure a technician should follow (onsite-visit).',
			'::warning file=content/etiquette/follow-up-call.yaml::is cited by no current SOP or guide; cite it with <Rule id="follow-up-call" /> where a procedure needs it, or remove the rule.',
		]);
	});
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/core/validate.ts';
import { breakingFixture } from '../helpers/broken-content.ts';
import { FIXTURE_CONTENT, type FixtureCopy } from '../helpers/fixture.ts';

const problemsAfter = breakingFixture();

describe('validateContent', () => {
	it('finds no problem in the fixture content', () => {
		const { problems, content } = validateContent(FIXTURE_CONTENT);

		expect(problems).toEqual([]);
		expect(content.entries.faults).toHaveLength(3);
	});

	it.each<[string, (c: FixtureCopy) => void, string[]]>([
		[
			'a missing field',
			(c) => c.edit('faults/ac/f07.yaml', (t) => t.replace(/^priority: P3\n/m, '')),
			['content/faults/ac/f07.yaml: priority: is missing; add it with one of P1, P2, P3, P4.'],
		],
		[
			'a wrong enum value',
			(c) => c.edit('faults/ac/f07.yaml', (t) => t.replace('priority: P3', 'priority: P5')),
			[
				'content/faults/ac/f07.yaml:9: priority: "P5" is not a priority; use one of P1, P2, P3, P4.',
			],
		],
		[
			'a subcategory of another category',
			(c) =>
				c.edit('faults/ac/f07.yaml', (t) =>
					t.replace('subcategory: misoperation', 'subcategory: liquid'),
				),
			[
				'content/faults/ac/f07.yaml:8: subcategory: subcategory liquid belongs to category misuse-environment, not software; change one of the two.',
			],
		],
		[
			'a missing translation inside a field',
			(c) =>
				c.edit('faults/ac/f07.yaml', (t) => t.replace('  en: Remote control not responding\n', '')),
			[
				'content/faults/ac/f07.yaml:4: title.en: the en text is missing; add a `en:` line under this field.',
			],
		],
		[
			'a dangling model reference',
			(c) =>
				c.edit('faults/ac/e4.yaml', (t) =>
					t.replace('models: [ac-kf35, ac-kf26]', 'models: [ac-kf35, ac-kf99]'),
				),
			[
				'content/faults/ac/e4.yaml:3: models.1: model "ac-kf99" does not exist; use the name of a file in content/products/ (ac-kf26, ac-kf35).',
			],
		],
		[
			'a dangling SOP reference',
			(c) => c.edit('faults/ac/e4.yaml', (t) => t.replace('sop: onsite-visit', 'sop: onsite-vist')),
			[
				'content/faults/ac/e4.yaml:30: sop: SOP "onsite-vist" does not exist; use the name of a file in content/sops/ (onsite-visit).',
			],
		],
		[
			'a duplicate code within a family',
			(c) =>
				c.write(
					'faults/ac/e04.yaml',
					readFileSync(`${c.dir}/faults/ac/e4.yaml`, 'utf8').replace('code: E4', 'code: E04'),
				),
			[
				'content/faults/ac/e4.yaml:1: code: E4 is the same code as E04 in content/faults/ac/e04.yaml; a code may appear once per family, so merge the two entries.',
			],
		],
		[
			'a code that does not match its file name',
			(c) => c.edit('faults/ac/f07.yaml', (t) => t.replace('code: F07', 'code: F08')),
			[
				'content/faults/ac/f07.yaml:1: code: F08 does not match the file name f07.yaml; rename the file to f08.yaml.',
			],
		],
		[
			'two current revisions',
			(c) =>
				['zh-CN', 'en'].forEach((l) =>
					c.edit(`sops/onsite-visit/1.0.${l}.mdx`, (t) =>
						t.replace('status: superseded', 'status: approved'),
					),
				),
			[
				'content/sops/onsite-visit/1.0.zh-CN.mdx:6: status: content/sops/onsite-visit has 2 approved revisions (1.0 and 2.0); exactly one may be current, so mark the older ones superseded.',
			],
		],
		[
			'a revision going backwards in time',
			(c) =>
				['zh-CN', 'en'].forEach((l) =>
					c.edit(`sops/onsite-visit/2.0.${l}.mdx`, (t) =>
						t
							.replace('effective: 2026-01-10', 'effective: 2025-02-21')
							.replace('approvedOn: 2026-01-05', 'approvedOn: 2025-02-20'),
					),
				),
			[
				'content/sops/onsite-visit/2.0.zh-CN.mdx:7: effective: revision 2.0 of content/sops/onsite-visit takes effect on 2025-02-21, not after revision 1.0 (2025-03-01); effective dates must increase with the revision number.',
			],
		],
		[
			'a review date before the effective date',
			(c) =>
				c.edit('checklists/onsite-preparation/1.0.yaml', (t) =>
					t.replace('reviewDue: 2027-02-01', 'reviewDue: 2026-01-01'),
				),
			[
				'content/checklists/onsite-preparation/1.0.yaml:8: reviewDue: `reviewDue` (2026-01-01) is not after `effective` (2026-02-01); a review date must come after the effective date.',
			],
		],
		[
			'a file revision that differs from its name',
			(c) =>
				c.edit('checklists/onsite-preparation/1.0.yaml', (t) =>
					t.replace("revision: '1.0'", "revision: '1.1'"),
				),
			[
				'content/checklists/onsite-preparation/1.0.yaml:2: revision: is 1.1 but the file name says 1.0; make them the same.',
			],
		],
		[
			'a missing locale file',
			(c) => c.remove('sops/onsite-visit/2.0.en.mdx'),
			[
				'content/sops/onsite-visit/2.0.zh-CN.mdx: has no en translation; add onsite-visit/2.0.en.mdx beside it.',
			],
		],
		[
			'a citation of a rule that does not exist',
			(c) =>
				c.edit('sops/onsite-visit/2.0.en.mdx', (t) =>
					t.replace('<Rule id="knock-properly" />', '<Rule id="knock-loudly" />'),
				),
			[
				'content/sops/onsite-visit/2.0.en.mdx:22:11: body: <Rule id="knock-loudly"> cites a rule that does not exist; use the name of a file in content/etiquette/.',
			],
		],
		[
			'a published fault entry and an approved checklist naming an SOP that is still a draft',
			(c) => {
				for (const locale of ['en', 'zh-CN']) {
					c.remove(`sops/onsite-visit/1.0.${locale}.mdx`);
					c.edit(`sops/onsite-visit/2.0.${locale}.mdx`, (t) =>
						t
							.replace('status: approved', 'status: draft')
							.replace(/^approver:.*\n^approvedOn:.*\n/m, ''),
					);
				}
			},
			[
				'content/faults/ac/e4.yaml:30: sop: names SOP onsite-visit, which has no approved revision, so this published fault entry would link to a page the site leaves out; approve onsite-visit first (`npm run kb -- approve onsite-visit --by <name>`), or remove the link until then.',
				'content/checklists/onsite-preparation/1.0.yaml:15: sop: names SOP onsite-visit, which has no approved revision, so this approved checklist would link to a page the site leaves out; approve onsite-visit first (`npm run kb -- approve onsite-visit --by <name>`), or remove the link until then.',
			],
		],
		[
			'invalid YAML',
			(c) =>
				c.edit('etiquette/follow-up-call.yaml', (t) =>
					t.replace('stage: after-the-visit', 'stage: [after-the-visit'),
				),
			[
				'content/etiquette/follow-up-call.yaml:2: is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
			],
		],
	])('reports %s with file, line, field and fix', (_name, breakIt, expected) => {
		const problems = problemsAfter(breakIt);

		expect(problems).toEqual(expected);
	});
});

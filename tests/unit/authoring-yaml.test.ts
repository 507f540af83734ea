import { describe, expect, it } from 'vitest';
import { editFrontmatter, editYaml, readFields, type FieldUpdate } from '../../src/core/yaml.ts';

const DOC = `# Checklist, revision 1.0
docId: CL-SVC-002
revision: '1.0'   # quoted, so it stays a string
status: approved
owner: Training lead
approver: Service manager
changeSummary:
  zh-CN: 首次发布
  en: First issue

# the items
items: []
`;

describe('editYaml', () => {
	it.each<[string, FieldUpdate[], string]>([
		[
			'replaces a scalar and keeps its trailing comment',
			[{ key: 'revision', value: '1.1' }],
			DOC.replace("revision: '1.0'", "revision: '1.1'"),
		],
		[
			'replaces a block map',
			[{ key: 'changeSummary', value: { 'zh-CN': '新', en: 'New' } }],
			DOC.replace('  zh-CN: 首次发布\n  en: First issue\n', '  zh-CN: 新\n  en: New\n'),
		],
		[
			'removes a field with its line',
			[{ key: 'approver' }],
			DOC.replace('approver: Service manager\n', ''),
		],
		[
			'inserts a missing field after another',
			[{ key: 'approvedOn', value: '2026-11-26', after: 'approver' }],
			DOC.replace(
				'approver: Service manager\n',
				"approver: Service manager\napprovedOn: '2026-11-26'\n",
			),
		],
		[
			'appends a missing field without an anchor',
			[{ key: 'sop', value: 'onsite-visit' }],
			`${DOC}sop: onsite-visit\n`,
		],
		['leaves a missing field missing when asked to remove it', [{ key: 'approvedOn' }], DOC],
		[
			'quotes a text that YAML would misread',
			[{ key: 'owner', value: 'TODO: owner' }],
			DOC.replace('owner: Training lead', 'owner: "TODO: owner"'),
		],
	])('%s', (_name, updates, expected) => {
		expect(editYaml(DOC, updates)).toBe(expected);
	});
});

describe('editFrontmatter', () => {
	it('edits only the frontmatter of an MDX file', () => {
		const mdx = '---\ntitle: A\nstatus: approved\n---\n\nstatus: approved is body text\n';

		expect(editFrontmatter(mdx, [{ key: 'status', value: 'superseded' }])).toBe(
			'---\ntitle: A\nstatus: superseded\n---\n\nstatus: approved is body text\n',
		);
	});

	it('refuses a file without frontmatter', () => {
		expect(() => editFrontmatter('# Title\n', [{ key: 'status', value: 'draft' }])).toThrow(
			'the file has no frontmatter',
		);
	});
});

describe('readFields', () => {
	it('reads dates as strings, as the CLI loader does', () => {
		expect(readFields('---\neffective: 2026-01-10\n---\nbody', 'mdx')).toEqual({
			effective: '2026-01-10',
		});
	});
});

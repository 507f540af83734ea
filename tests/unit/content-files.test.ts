import { readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakingFixture } from '../helpers/broken-content.ts';
import type { FixtureCopy } from '../helpers/fixture.ts';

const problemsAfter = breakingFixture();
const F07 = 'faults/ac/f07.yaml';

describe('content files the build would skip or misread', () => {
	it.each<[string, (c: FixtureCopy) => void, string[]]>([
		[
			'a .yml file',
			(c) => renameSync(join(c.dir, F07), join(c.dir, 'faults/ac/f07.yml')),
			[
				'content/faults/ac/f07.yml: ends in .yml, which the site does not load (the page would be missing); rename it to f07.yaml.',
			],
		],
		[
			'a .md guide',
			(c) =>
				renameSync(join(c.dir, 'guides/workflow.en.mdx'), join(c.dir, 'guides/workflow.en.md')),
			[
				'content/guides/workflow.en.md: ends in .md, which the site does not load (the page would be missing); rename it to workflow.en.mdx.',
				'content/guides/workflow.zh-CN.mdx: has no en translation; add workflow.en.mdx beside it.',
			],
		],
		[
			'a GB18030 file',
			(c) =>
				writeFileSync(join(c.dir, F07), Buffer.from([0xb9, 0xca, 0xd5, 0xcf, 0xc2, 0xeb, 0x0a])),
			[
				'content/faults/ac/f07.yaml: is not UTF-8: it looks like GB18030/GBK, as Chinese Windows editors save by default; save it as UTF-8 (in VS Code: "Reopen with Encoding" → GB18030, then "Save with Encoding" → UTF-8; or `iconv -f GB18030 -t UTF-8`).',
			],
		],
		[
			'a UTF-16 file',
			(c) =>
				writeFileSync(
					join(c.dir, F07),
					Buffer.concat([
						Buffer.from([0xff, 0xfe]),
						Buffer.from(readFileSync(join(c.dir, F07), 'utf8'), 'utf16le'),
					]),
				),
			[
				'content/faults/ac/f07.yaml: is saved as UTF-16; save it as UTF-8 (in VS Code: "Save with Encoding" → UTF-8; in Notepad: Save As → Encoding: UTF-8).',
			],
		],
		[
			'an empty file',
			(c) => c.write(F07, ''),
			[
				'content/faults/ac/f07.yaml: is empty; write its fields, or start from a template with `npm run kb -- new`.',
			],
		],
		[
			'a file of blank lines',
			(c) => c.write(F07, '\n  \n'),
			[
				'content/faults/ac/f07.yaml: is empty; write its fields, or start from a template with `npm run kb -- new`.',
			],
		],
		[
			'a 5 MB body',
			(c) =>
				c.edit(
					'guides/workflow.en.mdx',
					(t) => `${t}\n${'A line of text that goes on. '.repeat(180_000)}\n`,
				),
			[
				'content/guides/workflow.en.mdx: is 5.0 MB, more than the 1 MB a content file may have; split the text, and put pictures in public/ and link them.',
				'content/guides/workflow.zh-CN.mdx: has no en translation; add workflow.en.mdx beside it.',
			],
		],
		[
			'duplicate YAML keys',
			(c) => c.edit(F07, (t) => `${t}priority: P1\n`),
			['content/faults/ac/f07.yaml:11: is not valid YAML: Map keys must be unique'],
		],
		[
			'a Windows-reserved name',
			(c) =>
				c.write(
					'etiquette/con.yaml',
					readFileSync(join(c.dir, 'etiquette/knock-properly.yaml'), 'utf8'),
				),
			[
				'content/etiquette/con.yaml: is named "con", which Windows cannot create, so the repository could not be checked out there; rename it.',
			],
		],
		[
			'a link to a file outside the content folder',
			(c) => {
				const outside = join(tmpdir(), `kb-outside-${process.pid}.yaml`);
				writeFileSync(outside, readFileSync(join(c.dir, 'etiquette/knock-properly.yaml'), 'utf8'));
				symlinkSync(outside, join(c.dir, 'etiquette/borrowed.yaml'));
			},
			[
				`content/etiquette/borrowed.yaml: is a link to ${join(tmpdir(), `kb-outside-${process.pid}.yaml`)}, outside the content folder; content is reviewed where it lives, so copy the file here instead of linking to it.`,
			],
		],
		[
			'a dangling link',
			(c) =>
				symlinkSync(join(c.dir, 'etiquette/gone.yaml'), join(c.dir, 'etiquette/dangling.yaml')),
			[
				'content/etiquette/dangling.yaml: is a link to a file that does not exist; replace the link with the file itself, or delete it.',
			],
		],
	])('refuses %s with the file named and the fix', (_name, breakIt, expected) => {
		expect(problemsAfter(breakIt)).toEqual(expected);
	});

	it.each<[string, (c: FixtureCopy) => void]>([
		['CRLF line endings', (c) => c.edit('guides/workflow.en.mdx', (t) => t.replace(/\n/g, '\r\n'))],
		['a UTF-8 byte-order mark', (c) => c.edit(F07, (t) => `\uFEFF${t}`)],
		[
			'a link inside the content folder',
			(c) =>
				symlinkSync(
					join(c.dir, 'etiquette/knock-properly.yaml'),
					join(c.dir, 'etiquette/knock-politely.yaml'),
				),
		],
	])('accepts %s', (_name, change) => {
		expect(problemsAfter(change)).toEqual([]);
	});
});

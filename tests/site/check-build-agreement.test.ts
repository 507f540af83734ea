import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/core/check.ts';
import { guardReport } from '../../src/integrations/content-guard.ts';
import { FIXTURE_CONTENT } from '../helpers/fixture.ts';
import { buildSite, tempWorkDir } from '../helpers/site.ts';

// A green `kb check` must mean a green build. Every case below breaks the fixture content one way;
// `kb check` and the build's content guard (the code `astro build` runs before anything else) must
// both refuse it, naming the same file. Two real builds then show the two ends: a refused case
// stops before touching the last good site, and every accepted variation together builds.

const work = tempWorkDir('agreement');
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

/** A fresh copy of the fixture content inside the project, with helpers to break it. */
function fixture() {
	const dir = join(work, `c${n++}`, 'content');
	cpSync(FIXTURE_CONTENT, dir, { recursive: true });
	const path = (f: string) => join(dir, f);
	return {
		dir,
		path,
		read: (f: string) => readFileSync(path(f), 'utf8'),
		write: (f: string, text: string | Buffer) => writeFileSync(path(f), text),
		edit: (f: string, change: (t: string) => string) =>
			writeFileSync(path(f), change(readFileSync(path(f), 'utf8'))),
	};
}
type Fixture = ReturnType<typeof fixture>;

const GUIDE = 'guides/workflow.en.mdx';
const body = (text: string) => (c: Fixture) => c.edit(GUIDE, (t) => `${t}\n${text}\n`);
const F07 = 'faults/ac/f07.yaml';

const REFUSED: [name: string, file: string, breakIt: (c: Fixture) => void][] = [
	['an unclosed component', GUIDE, body('<Steps>\n\n1. Knock.')],
	['a stray {', GUIDE, body('Pressure {high')],
	['an unknown component', GUIDE, body('<Foo />')],
	['a rule citation of a missing rule in a guide', GUIDE, body('<Rule id="knock-loudly" />')],
	['a Rule without its id', GUIDE, body('<Rule />')],
	['an unknown prop', GUIDE, body('<Rule id="knock-properly" colour="red" />')],
	['{require(...)}', GUIDE, body("{require('node:fs')}")],
	['an expression', GUIDE, body('{1 + 1}')],
	['an import', GUIDE, body("import pkg from '../../package.json'")],
	['an export reading the environment', GUIDE, body('export const home = process.env.HOME')],
	['<script>', GUIDE, body('<script>alert(1)</script>')],
	['an onerror attribute', GUIDE, body('<img src="x.png" alt="x" onerror="alert(1)" />')],
	['<iframe>', GUIDE, body('<iframe src="https://example.com"></iframe>')],
	['<object>', GUIDE, body('<object data="x.swf"></object>')],
	['<embed>', GUIDE, body('<embed src="x.swf" />')],
	['<style>', GUIDE, body('<style>{"body{display:none}"}</style>')],
	['<form>', GUIDE, body('<form action="https://example.com"></form>')],
	['a style attribute', GUIDE, body('<p style="color:red">x</p>')],
	['a javascript: link', GUIDE, body('[x](javascript:alert(1))')],
	['a JaVaScRiPt: link in an <a>', GUIDE, body('<a href="JaVaScRiPt:alert(1)">x</a>')],
	['a vbscript: link', GUIDE, body('[x](vbscript:msgbox)')],
	['a data: picture', GUIDE, body('![x](data:image/png;base64,AAAA)')],
	['a Mermaid diagram that does not parse', GUIDE, body('```mermaid\nflowchart TD\n  A -->\n```')],
	['a picture beside the file that is missing', GUIDE, body('![The pump](./pump.png)')],
	[
		'a GB18030 file',
		F07,
		(c) => c.write(F07, Buffer.from([0xb9, 0xca, 0xd5, 0xcf, 0xc2, 0xeb, 0x0a])),
	],
	[
		'a UTF-16 file',
		F07,
		(c) =>
			c.write(F07, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(c.read(F07), 'utf16le')])),
	],
	['a .yml file', 'faults/ac/f07.yml', (c) => renameSync(c.path(F07), c.path('faults/ac/f07.yml'))],
	[
		'a .md guide',
		'guides/workflow.en.md',
		(c) => renameSync(c.path(GUIDE), c.path('guides/workflow.en.md')),
	],
	[
		'a link to a file outside content/',
		'etiquette/borrowed.yaml',
		(c) => {
			const outside = join(tmpdir(), `kb-agreement-${process.pid}.yaml`);
			writeFileSync(outside, c.read('etiquette/knock-properly.yaml'));
			symlinkSync(outside, c.path('etiquette/borrowed.yaml'));
		},
	],
	[
		'a dangling link',
		'etiquette/dangling.yaml',
		(c) => symlinkSync(c.path('etiquette/gone.yaml'), c.path('etiquette/dangling.yaml')),
	],
	['an empty file', F07, (c) => c.write(F07, '')],
	['a 5 MB body', 'guides/workflow.en.mdx', body('Text. '.repeat(900_000))],
	['duplicate YAML keys', F07, (c) => c.edit(F07, (t) => `${t}priority: P1\n`)],
	[
		'a Windows-reserved name',
		'etiquette/con.yaml',
		(c) => c.write('etiquette/con.yaml', c.read('etiquette/knock-properly.yaml')),
	],
	['a missing field', F07, (c) => c.edit(F07, (t) => t.replace(/^priority: P3\n/m, ''))],
	['a wrong enum value', F07, (c) => c.edit(F07, (t) => t.replace('priority: P3', 'priority: P5'))],
	[
		'invalid YAML',
		'etiquette/follow-up-call.yaml',
		(c) =>
			c.edit('etiquette/follow-up-call.yaml', (t) =>
				t.replace('stage: after-the-visit', 'stage: [after-the-visit'),
			),
	],
	[
		'a model that does not exist',
		'faults/ac/e4.yaml',
		(c) =>
			c.edit('faults/ac/e4.yaml', (t) =>
				t.replace('models: [ac-kf35, ac-kf26]', 'models: [ac-kf35, ac-nope]'),
			),
	],
	[
		'a code twice in one family',
		'faults/ac/f7.yaml',
		(c) => c.write('faults/ac/f7.yaml', c.read(F07).replace('code: F07', 'code: F7')),
	],
	['a missing translation', 'guides/workflow.zh-CN.mdx', (c) => rmSync(c.path(GUIDE))],
	[
		'two approved revisions',
		'sops/onsite-visit/1.0.zh-CN.mdx',
		(c) =>
			['en', 'zh-CN'].forEach((l) =>
				c.edit(`sops/onsite-visit/1.0.${l}.mdx`, (t) =>
					t.replace('status: superseded', 'status: approved'),
				),
			),
	],
	[
		'a published fault naming a draft-only SOP',
		'faults/ac/e4.yaml',
		(c) => {
			for (const l of ['en', 'zh-CN']) {
				rmSync(c.path(`sops/onsite-visit/1.0.${l}.mdx`));
				c.edit(`sops/onsite-visit/2.0.${l}.mdx`, (t) =>
					t
						.replace('status: approved', 'status: draft')
						.replace(/^approver:.*\n^approvedOn:.*\n/m, ''),
				);
			}
			c.edit('.approved.json', (t) => {
				const manifest = JSON.parse(t) as { files: Record<string, unknown> };
				const files = Object.entries(manifest.files).filter(([path]) => !path.startsWith('sops/'));
				return JSON.stringify({ ...manifest, files: Object.fromEntries(files) });
			});
		},
	],
	[
		'an approved revision edited after approval',
		'sops/onsite-visit/2.0.en.mdx',
		(c) => c.edit('sops/onsite-visit/2.0.en.mdx', (t) => t.replace('## ', '## Edited ')),
	],
];

describe('kb check and the build agree', () => {
	it('has at least 40 ways to break content', () => {
		expect(REFUSED.length).toBeGreaterThanOrEqual(40);
	});

	it.each(REFUSED)('both refuse %s, naming %s', (_name, file, breakIt) => {
		const c = fixture();
		breakIt(c);

		const check = checkProject(c.dir, 'text', { root: join(c.dir, '..'), today: '2026-11-26' });
		const guard = guardReport(c.dir, 'build');

		const checkErrors = check.lines.slice(0, check.errors);
		const guardLines = guard
			.split('\n')
			.slice(1)
			.map((l) => l.replaceAll(`${relative(process.cwd(), join(c.dir, '..'))}/`, ''));
		expect(check.errors).toBeGreaterThan(0);
		expect(guardLines.length).toBeGreaterThan(0);
		expect(checkErrors.some((l) => l.includes(file))).toBe(true);
		expect(guardLines.some((l) => l.includes(file))).toBe(true);
		for (const line of guardLines) expect(checkErrors).toContain(line);
	});

	it('stops a real build of refused content before touching the last good site', () => {
		const c = fixture();
		const outDir = join(work, 'refused-dist');
		mkdirSync(outDir, { recursive: true });
		writeFileSync(join(outDir, 'index.html'), 'last good site');
		body('<Foo />')(c);

		const build = buildSite({ contentDir: c.dir, outDir });

		expect(build.ok).toBe(false);
		expect(build.output).toContain('The content has 1 problem; nothing was built:');
		expect(build.output).toMatch(/workflow\.en\.mdx:\d+:1: body: <Foo> is not a component/);
		expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('last good site');
		expect(existsSync(`${outDir}.next`)).toBe(false);
	});

	it('builds every accepted variation that kb check passes', () => {
		const c = fixture();
		c.edit(GUIDE, (t) =>
			`${t}\n| Part | Torque |\n| --- | --- |\n| Pump | 4 Nm |\n\nPress <kbd>OK</kbd>. Call [the desk](tel:+864001234567) or [write](mailto:desk@example.com).\n\n{/* a note for reviewers */}\n\n\`\`\`html\n<script>alert(1)</script>\n\`\`\`\n\n\`\`\`mermaid\nflowchart TD\n  Door --> Shoes[Shoe covers on]\n\`\`\`\n\n![The pump](./pump.png)\n`.replace(
				/\n/g,
				'\r\n',
			),
		);
		writeFileSync(
			c.path('guides/pump.png'),
			Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
		);
		c.edit(F07, (t) => `\uFEFF${t}`);
		symlinkSync(c.path('etiquette/knock-properly.yaml'), c.path('etiquette/knock-politely.yaml'));
		const check = checkProject(c.dir, 'text', { root: join(c.dir, '..'), today: '2026-11-26' });

		const build = buildSite({ contentDir: c.dir, outDir: join(work, 'accepted-dist') });

		expect(check.lines.slice(0, check.errors)).toEqual([]);
		expect(build.output).not.toContain('nothing was built');
		expect(build.ok).toBe(true);
		const page = readFileSync(
			join(work, 'accepted-dist', 'en', 'guides', 'workflow', 'index.html'),
			'utf8',
		);
		expect(page).toContain('<kbd>OK</kbd>');
		expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(
			existsSync(join(work, 'accepted-dist', 'etiquette', 'knock-politely', 'index.html')),
		).toBe(true);
	});
});

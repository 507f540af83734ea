import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, MDX_COMPONENTS } from '../../src/core/mdx-subset.ts';
import { readPropsDocs } from '../../src/lib/schema-jsdoc.ts';
import { breakingFixture } from '../helpers/broken-content.ts';
import type { FixtureCopy } from '../helpers/fixture.ts';

const problemsAfter = breakingFixture();

/** The fixture's English guide with `body` as its whole body; the body starts on line 6 of the file. */
const guideBody = (body: string) => (c: FixtureCopy) =>
	c.edit('guides/workflow.en.mdx', (t) => `${t.slice(0, t.indexOf('\n---\n') + 5)}${body}\n`);
const at = (lineColumn: string, message: string) =>
	`content/guides/workflow.en.mdx:${lineColumn}: body: ${message}`;

describe('checkMdxSafety', () => {
	it.each<[string, string, string[]]>([
		[
			'an import',
			"import Secret from '../../src/secret.ts'",
			[
				at(
					'6:1',
					'`import` is code, which a body may not hold; the components work without importing and values belong in the frontmatter, so delete the line.',
				),
			],
		],
		[
			'an export',
			'export const title = "x"',
			[
				at(
					'6:1',
					'`export` is code, which a body may not hold; the components work without importing and values belong in the frontmatter, so delete the line.',
				),
			],
		],
		[
			'an export reading process.env',
			'Intro.\n\nexport const key = process.env.API_KEY',
			[
				at(
					'8:1',
					'`export` is code, which a body may not hold; the components work without importing and values belong in the frontmatter, so delete the line.',
				),
			],
		],
		[
			'a block expression',
			'{1 + 1}',
			[
				at(
					'6:1',
					'{1 + 1} is a JavaScript expression, which a body may not hold; write the text itself, and a literal brace as \\{.',
				),
			],
		],
		[
			'an inline require',
			"Read {require('fs').readFileSync('/etc/passwd')} now.",
			[
				at(
					'6:6',
					"{require('fs').readFileSync('/etc/passwd…} is a JavaScript expression, which a body may not hold; write the text itself, and a literal brace as \\{.",
				),
			],
		],
		[
			'a <script>',
			'<script>alert(1)</script>',
			[
				at(
					'6:1',
					"<script> is not allowed in a body; it would run code in every reader's browser, so delete it (a diagram is a ```mermaid block).",
				),
			],
		],
		[
			'an onerror handler on <img>',
			'<img src="/a.png" alt="Panel" onerror="alert(1)" />',
			[at('6:31', '`onerror` on <img> is an event handler, which would run code; delete it.')],
		],
		[
			'an unquoted onerror as in HTML',
			'<img src=x onerror=alert(1)>',
			[at('6:10', 'an attribute value must be in quotes; write it as name="value".')],
		],
		[
			'an onclick handler on <a>',
			'<a href="/faults/" onClick="steal()">Faults</a>',
			[at('6:20', '`onClick` on <a> is an event handler, which would run code; delete it.')],
		],
		[
			'an <iframe>',
			'<iframe src="https://evil.example/"></iframe>',
			[
				at(
					'6:1',
					'<iframe> is not allowed in a body; link to the page instead, as [title](https://…).',
				),
			],
		],
		[
			'an <object>',
			'<object data="/x.swf"></object>',
			[
				at(
					'6:1',
					'<object> is not allowed in a body; link to the file instead, as [title](/files/…).',
				),
			],
		],
		[
			'an <embed>',
			'See <embed src="/x.swf" />.',
			[
				at(
					'6:5',
					'<embed> is not allowed in a body; link to the file instead, as [title](/files/…).',
				),
			],
		],
		[
			'a <style>',
			'<style>body</style>',
			[
				at(
					'6:1',
					'<style> is not allowed in a body; the site stylesheet styles every page, so delete it.',
				),
			],
		],
		[
			'a <form> with an <input>',
			'<form action="https://evil.example/">\n  <input name="password" />\n</form>',
			[
				at(
					'6:1',
					'<form> is not allowed in a body; a page may not collect input, so put the checks in a checklist (content/checklists/) or link to the form.',
				),
				at(
					'7:3',
					'<input> is not allowed in a body; write it in Markdown, or use an HTML element docs/content-format.md allows.',
				),
			],
		],
		[
			'a style attribute',
			'<p style="display:none">Hidden.</p>',
			[
				at(
					'6:4',
					'`style` on <p> is not allowed, since the site stylesheet styles every page; delete it.',
				),
			],
		],
		[
			'a class attribute',
			'<p class="callout warning">Fake.</p>',
			[at('6:4', '`class` is not an attribute <p> may carry; delete it (allowed: title, lang).')],
		],
		[
			'a javascript: link',
			'[x](javascript:alert(1))',
			[
				at(
					'6:1',
					'the link target javascript:alert(1) is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.',
				),
			],
		],
		[
			'an upper-case JAVASCRIPT: link',
			'See [x](JAVASCRIPT:alert(1)).',
			[
				at(
					'6:5',
					'the link target JAVASCRIPT:alert(1) is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.',
				),
			],
		],
		[
			'an entity-encoded javascript: link',
			'[x](&#106;avascript:alert(1))',
			[
				at(
					'6:1',
					'the link target javascript:alert(1) is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.',
				),
			],
		],
		[
			'a javascript: link behind a blank',
			'[x](< javascript:alert(1)>)',
			[
				at(
					'6:1',
					'the link target javascript:alert(1) is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.',
				),
			],
		],
		[
			'a javascript: link split by a tab',
			'[x](java&#9;script:alert(1))',
			[
				at(
					'6:1',
					'the link target java script:alert(1) is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.',
				),
			],
		],
		[
			'a javascript: href on <a>',
			'<a href="javascript:alert(1)">x</a>',
			[
				at(
					'6:4',
					'the link target javascript:alert(1) is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.',
				),
			],
		],
		[
			'a mixed-case, entity-encoded href on <a>',
			'<a href="jAvAscript&#x3A;alert(1)">x</a>',
			[
				at(
					'6:4',
					'the link target jAvAscript:alert(1) is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.',
				),
			],
		],
		[
			'a javascript: reference definition',
			'[x][evil]\n\n[evil]: javascript:alert(1)',
			[
				at(
					'8:1',
					'the link target javascript:alert(1) is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.',
				),
			],
		],
		[
			'a vbscript: link',
			'[x](vbscript:msgbox(1))',
			[
				at(
					'6:1',
					'the link target vbscript:msgbox(1) is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.',
				),
			],
		],
		[
			'a data: image',
			'![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
			[
				at(
					'6:1',
					'the image source data:image/svg+xml;base64,PHN2ZyBvbmxvY… is not allowed; save the image as a file and give its path or http(s) address, as ![what it shows](/images/panel.png).',
				),
			],
		],
		[
			'a data: src on <img>',
			'<img src="data:text/html,x" alt="x" />',
			[
				at(
					'6:6',
					'the image source data:text/html,x is not allowed; save the image as a file and give its path or http(s) address, as ![what it shows](/images/panel.png).',
				),
			],
		],
		[
			'an unknown component',
			'<Foo />',
			[
				at(
					'6:1',
					'<Foo> is not a component a body may use; use <Steps>, <Warning>, <Checkpoint>, <Tools>, <Parts> or <Rule id="knock-properly" />, or write it as Markdown.',
				),
			],
		],
		[
			'Callout, which bodies are not given',
			'<Callout kind="warning">\n\nx\n\n</Callout>',
			[
				at(
					'6:1',
					'<Callout> is not a component a body may use; use <Steps>, <Warning>, <Checkpoint>, <Tools>, <Parts> or <Rule id="knock-properly" />, or write it as Markdown.',
				),
			],
		],
		[
			'an unknown prop on a component',
			'<Warning kind="danger">\n\nx\n\n</Warning>',
			[at('6:10', '<Warning> has no prop `kind`; delete it (<Warning> takes none).')],
		],
		[
			'an unknown prop on <Rule>',
			'Knock <Rule id="knock-properly" title="x" />.',
			[at('6:33', '<Rule> has no prop `title`; delete it (<Rule> takes id).')],
		],
		[
			'a missing required prop',
			'Knock <Rule />.',
			[at('6:7', '<Rule> needs the prop `id`; write it as <Rule id="knock-properly" />.')],
		],
		[
			'a <Rule id> citing a missing rule in a guide',
			'Knock <Rule id="knock-loudly" />.',
			[
				at(
					'6:7',
					'<Rule id="knock-loudly"> cites a rule that does not exist; use the name of a file in content/etiquette/.',
				),
			],
		],
		[
			'an expression prop',
			'Knock <Rule id={"knock-properly"} />.',
			[
				at(
					'6:13',
					'id={"knock-properly"} on <Rule> is a JavaScript expression, which a body may not hold; write it as id="knock-properly".',
				),
			],
		],
		[
			'a number expression attribute',
			'<img src="/a.png" alt="Panel" width={300} />',
			[
				at(
					'6:31',
					'width={300} on <img> is a JavaScript expression, which a body may not hold; write it as width="300".',
				),
			],
		],
		[
			'a spread',
			'<Steps {...props}>\n\n1. x\n\n</Steps>',
			[
				at(
					'6:8',
					'{...props} on <Steps> is a JavaScript expression, which a body may not hold; write each attribute as name="value".',
				),
			],
		],
		[
			'a fragment',
			'<>x</>',
			[
				at(
					'6:1',
					'a fragment <>…</> is not part of a body; remove its tags and keep what it holds.',
				),
			],
		],
		[
			'an <svg>',
			'<svg><circle r="4" /></svg>',
			[
				at(
					'6:1',
					'<svg> is not allowed in a body; save the drawing as an image file and show it with ![what it shows](/images/….svg).',
				),
				at(
					'6:6',
					'<circle> is not allowed in a body; write it in Markdown, or use an HTML element docs/content-format.md allows.',
				),
			],
		],
		[
			'an unclosed tag',
			'Intro.\n\n<Warning>\n\nDisconnect the power.\n',
			[
				at(
					'8:1',
					'<Warning> is never closed; close it with </Warning> (with a blank line before it after block content), or write <Warning /> when it holds nothing.',
				),
			],
		],
		[
			'a stray {',
			'Set it to {25 °C.',
			[
				at(
					'6:18',
					'a `{` before this point is never closed; a body holds no expressions, so write a literal brace as `\\{`.',
				),
			],
		],
	])('refuses %s', (_name, body, expected) => {
		expect(problemsAfter(guideBody(body))).toEqual(expected);
	});

	it.each<[string, string]>([
		['a table with <kbd>', '| key | does |\n|---|---|\n| <kbd>Esc</kbd> | cancels |'],
		[
			'a code fence holding <script>',
			'```html\n<script>alert(1)</script>\n<a href="javascript:x">x</a>\n```',
		],
		[
			'inline code with braces and tags',
			'Write `{x}` or `<script>` literally, and \\{this\\} too.',
		],
		['a Mermaid block', '```mermaid\nflowchart TD\n  A["Phone"] --> B{"Home?"}\n```'],
		[
			'the components with their props',
			'<Tools>\n\n- Multimeter\n\n</Tools>\n\n<Parts>\n\n- Fuse\n\n</Parts>\n\n<Steps>\n\n1. Knock <Rule id="knock-properly" />.\n\n</Steps>\n\n<Warning>\n\nx\n\n</Warning>\n\n<Checkpoint>\n\ny\n\n</Checkpoint>',
		],
		[
			'allowed HTML and attributes',
			'<p title="t" lang="en">Line<br />two <kbd>Ctrl</kbd> <sub>2</sub></p>\n\n<img src="/a.png" alt="Panel" width="300" height="200" />\n\n<table><tbody><tr><td colspan="2">x</td></tr></tbody></table>',
		],
		[
			'safe link targets',
			'[a](https://example.com) [b](/faults/ac/e4/) [c](../x/) [d](#scope) [e](mailto:a@b.cn) [f](tel:+86-400-000) <a href="http://x.cn" title="x">g</a> www.example.com',
		],
		['a comment for authors', '{/* Check the figures with the service centre. */}\n\nText.'],
	])('accepts %s', (_name, body) => {
		expect(problemsAfter(guideBody(body))).toEqual([]);
	});

	it("checks SOP bodies too, on the file's own line", () => {
		const problems = problemsAfter((c) =>
			c.edit('sops/onsite-visit/2.0.zh-CN.mdx', (t) =>
				t.replace('## ', '<iframe src="https://x.example/" />\n\n## '),
			),
		);

		expect(problems).toEqual([
			'content/sops/onsite-visit/2.0.zh-CN.mdx:16:1: body: <iframe> is not allowed in a body; link to the page instead, as [title](https://…).',
		]);
	});
});

describe('isSafeUrl', () => {
	it.each<[string, boolean]>([
		['https://example.com/a', true],
		['/faults/ac/e4/', true],
		['../x.png', true],
		['#scope', true],
		['?q=1', true],
		['mailto:a@b.cn', true],
		['TEL:+86', true],
		['javascript:alert(1)', false],
		[' \u0000javascript:alert(1)', false],
		['java\nscript:alert(1)', false],
		['\u200bjavascript:alert(1)', false],
		['data:image/png;base64,AA', false],
		['vbscript:x', false],
		['file:///etc/passwd', false],
	])('%j is %s', (url, expected) => {
		expect(isSafeUrl(url)).toBe(expected);
	});
});

describe('MDX_COMPONENTS', () => {
	const dir = join(import.meta.dirname, '..', '..', 'src', 'components', 'mdx');

	it('lists the components bodies are given, with the props their Props declare', () => {
		const given = /export const mdxComponents = \{([^}]*)\}/
			.exec(readFileSync(join(dir, 'index.ts'), 'utf8'))![1]!
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const declared = Object.fromEntries(
			given.map((name) => [
				name,
				Object.fromEntries(
					readPropsDocs(readFileSync(join(dir, `${name}.astro`), 'utf8')).map((p) => [
						p.name,
						p.required ? 'required' : 'optional',
					]),
				),
			]),
		);

		expect(
			Object.fromEntries(Object.entries(MDX_COMPONENTS).map(([name, spec]) => [name, spec.props])),
		).toEqual(declared);
	});
});

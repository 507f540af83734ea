import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/core/mdx.ts';
import {
	bodyShape,
	citedRules,
	hasMermaid,
	images,
	links,
	outline,
} from '../../src/core/mdx-read.ts';
import { formatProblem } from '../../src/core/problems.ts';

const tree = (body: string, firstLine = 1) => parseBody(body, { file: 'a.mdx', firstLine }).tree;

describe('parseBody', () => {
	it("puts positions on the file's lines when the body starts below the frontmatter", () => {
		const parsed = parseBody('\n## Scope\n\nText', { file: 'a.mdx', firstLine: 15 });

		expect(parsed.problems).toEqual([]);
		expect(
			parsed.tree.children.map(
				(n) => `${n.type}@${n.position?.start.line}:${n.position?.start.column}`,
			),
		).toEqual(['heading@16:1', 'paragraph@18:1']);
	});

	it.each<[string, string, string]>([
		[
			'an unclosed component',
			'<Warning>\n\nx\n',
			'a.mdx:10:1: body: <Warning> is never closed; close it with </Warning> (with a blank line before it after block content), or write <Warning /> when it holds nothing.',
		],
		[
			'an HTML void element without a slash',
			'Line<br>two',
			'a.mdx:10:5: body: <br> is never closed; MDX writes it as <br />.',
		],
		[
			'tags closed in the wrong order',
			'<kbd><b>x</kbd></b>',
			'a.mdx:10:10: body: </kbd> does not close <b> from line 10; close tags in the reverse order they were opened, and check their spelling.',
		],
		[
			'a stray brace',
			'Set it to {25 °C.\n\nThen wait.',
			'a.mdx:10:18: body: a `{` before this point is never closed; a body holds no expressions, so write a literal brace as `\\{`.',
		],
		[
			'a brace around text',
			'Set it to {25 °C}.',
			'a.mdx:10:15: body: `{` starts a JavaScript expression, which a body may not hold; write a literal brace as `\\{`.',
		],
		[
			'a less-than sign before a digit',
			'Keep it <3 mm.',
			'a.mdx:10:10: body: `<` starts a tag here but is followed by `3`; write a literal `<` as `\\<`.',
		],
		[
			'an HTML comment',
			'<!-- note -->',
			'a.mdx:10:2: body: an HTML comment is not MDX; delete it, or write a note to other authors as {/* … */}.',
		],
		[
			'an autolink',
			'<https://example.com>',
			'a.mdx:10:8: body: an autolink <https://…> is not MDX; write the link as [text](https://…).',
		],
		[
			'an unquoted attribute',
			'<img src=x alt="y" />',
			'a.mdx:10:10: body: an attribute value must be in quotes; write it as name="value".',
		],
	])('reports %s as one problem instead of throwing', (_name, body, expected) => {
		const parsed = parseBody(body, { file: 'a.mdx', firstLine: 10 });

		expect(parsed.problems.map(formatProblem)).toEqual([expected]);
		expect(parsed.tree.children).toEqual([]);
	});
});

describe('links', () => {
	it.each<[string, string, string[]]>([
		['a Markdown link', 'See [E4](/faults/ac/e4/ "title").', ['/faults/ac/e4/@1:5']],
		['a reference definition', '[e4]: /faults/ac/e4/', ['/faults/ac/e4/@1:1']],
		['an <a> element', '<a href="/en/sops/x/">x</a>', ['/en/sops/x/@1:1']],
		['links on later lines', 'one\n\n[a](/a/) and [b](../b/)', ['/a/@3:1', '../b/@3:14']],
		['no image as a link', '![alt](/img.png)', []],
		['no link inside code', '`[a](/a/)`\n```\n[b](/b/)\n```', []],
	])('finds %s', (_name, body, expected) => {
		expect(links(tree(body)).map((l) => `${l.target}@${l.line}:${l.column}`)).toEqual(expected);
	});

	it("counts lines from the body's first line in the file", () => {
		expect(links(tree('\n[a](/a/)', 15))[0]?.line).toBe(16);
	});
});

describe('images', () => {
	it.each<[string, string, string[]]>([
		['Markdown alt text', '![Fuse F1](./f1.png)', ['./f1.png|Fuse F1']],
		['empty Markdown alt text', '![ ](./f1.png)', ['./f1.png|']],
		['an image by reference', '![Fuse][f1]\n\n[f1]: ./f1.png', ['./f1.png|Fuse']],
		['an <img> alt attribute', '<img src="/a.png" alt="Panel" />', ['/a.png|Panel']],
		['an <img> without alt', '<img src="/a.png" />', ['/a.png|']],
		['no image inside code', '```\n<img src="/a.png" />\n```', []],
	])('reads %s', (_name, body, expected) => {
		expect(images(tree(body)).map((i) => `${i.src}|${i.alt}`)).toEqual(expected);
	});
});

describe('citedRules and hasMermaid', () => {
	it('lists each cited rule once, in order, and not the ones shown as code', () => {
		expect(
			citedRules(tree('<Rule id="b" /> <Rule id=\'a\' /> <Rule id="b" /> `<Rule id="c" />`')),
		).toEqual(['b', 'a']);
	});

	it.each<[string, string, boolean]>([
		['a mermaid block', '```mermaid\nflowchart TD\n```', true],
		[
			'a mermaid block in a component',
			'<Steps>\n\n```mermaid\nflowchart TD\n```\n\n</Steps>',
			true,
		],
		['another language', '```js\nmermaid\n```', false],
		['the word in text', 'Mermaid draws ```mermaid blocks.', false],
	])('finds %s: %s', (_name, body, expected) => {
		expect(hasMermaid(tree(body))).toBe(expected);
	});
});

describe('bodyShape', () => {
	it('counts headings, steps, components and diagrams, and lists cited rules', () => {
		const body =
			'## A\n\n<Steps>\n\n1. One <Rule id="b" />\n2. Two <Rule id="a" />\n\n</Steps>\n\n<Warning>\n\nx\n\n</Warning>\n\n```mermaid\nflowchart TD\n```\n';

		expect(bodyShape(tree(body))).toEqual({
			counts: {
				headings: 1,
				'numbered steps': 2,
				'Mermaid diagrams': 1,
				images: 0,
				'<Steps> blocks': 1,
				'<Warning> blocks': 1,
			},
			rules: ['a', 'b'],
		});
	});
});

describe('outline', () => {
	it('splits at ## headings and numbers the steps that sit in no other list', () => {
		const body =
			'Intro 1. no\n\n## One\n\n<Steps>\n\n1. Knock **twice** <Rule id="knock" />.\n2. Wait.\n   1. nested\n\n</Steps>\n\n## Two `x`\n\nSee CL-SVC-002 and `CL-SVC-003`.\n\n```\nCL-SVC-004\n```\n\n3. Third.\n';

		expect(outline(tree(body))).toEqual([
			{
				heading: 'One',
				steps: [
					{ n: 1, text: 'Knock twice .', rules: ['knock'] },
					{ n: 2, text: 'Wait.', rules: [] },
				],
				text: 'Knock \ntwice\n \n.\nWait.\nnested\n',
			},
			{
				heading: 'Two x',
				steps: [{ n: 3, text: 'Third.', rules: [] }],
				text: 'See CL-SVC-002 and \nCL-SVC-003\n.\nThird.\n',
			},
		]);
	});
});

import { describe, expect, it } from 'vitest';
import { bodyImages, bodyLinks, bodyShape, firstBodyLine, maskCode } from '../../src/core/mdx.ts';

describe('bodyLinks', () => {
	it.each<[string, string, string[]]>([
		['a Markdown link', 'See [E4](/faults/ac/e4/ "title").', ['/faults/ac/e4/@1']],
		['a reference definition', '[e4]: /faults/ac/e4/', ['/faults/ac/e4/@1']],
		['an <a> element', '<a href="/en/sops/x/">x</a>', ['/en/sops/x/@1']],
		['links on later lines', 'one\n\n[a](/a/) and [b](../b/)', ['/a/@3', '../b/@3']],
		['no image as a link', '![alt](/img.png)', []],
		['no link inside code', '`[a](/a/)`\n```\n[b](/b/)\n```', []],
	])('finds %s', (_name, body, expected) => {
		expect(bodyLinks(body).map((l) => `${l.target}@${l.line}`)).toEqual(expected);
	});

	it('counts lines from the body\'s first line in the file', () => {
		expect(bodyLinks('\n[a](/a/)', 15)[0]?.line).toBe(16);
	});
});

describe('bodyImages', () => {
	it.each<[string, string, string[]]>([
		['Markdown alt text', '![Fuse F1](./f1.png)', ['./f1.png|Fuse F1']],
		['empty Markdown alt text', '![ ](./f1.png)', ['./f1.png|']],
		['an <img> alt attribute', '<img src="/a.png" alt="Panel" />', ['/a.png|Panel']],
		['a JSX expression alt', "<img src='/a.png' alt={'Panel'} />", ['/a.png|Panel']],
		['an <img> without alt', '<img src="/a.png">', ['/a.png|']],
	])('reads %s', (_name, body, expected) => {
		expect(bodyImages(body).map((i) => `${i.src}|${i.alt}`)).toEqual(expected);
	});
});

describe('bodyShape', () => {
	it('counts headings, steps, components and diagrams, and lists cited rules', () => {
		const body = '## A\n\n<Steps>\n\n1. One <Rule id="b" />\n2. Two <Rule id="a" />\n\n</Steps>\n\n<Warning>\n\nx\n\n</Warning>\n\n```mermaid\nflowchart TD\n```\n';

		expect(bodyShape(body)).toEqual({
			counts: { headings: 1, 'numbered steps': 2, 'Mermaid diagrams': 1, images: 0, '<Steps> blocks': 1, '<Warning> blocks': 1 },
			rules: ['a', 'b'],
		});
	});
});

describe('maskCode and firstBodyLine', () => {
	it('blank code but keep line breaks', () => {
		expect(maskCode('a `b` c\n```\nx\n```\nd')).toBe('a     c\n   \n \n   \nd');
	});

	it('finds where the body starts', () => {
		const text = '---\ntitle: A\n---\n\nBody';

		expect(firstBodyLine(text, '\nBody')).toBe(4);
	});
});

/**
 * What the authoring checks read from an MDX body: links, images and the body's shape (how many
 * headings, steps, callouts and diagrams it has), each with its line in the file. Code spans and
 * fenced blocks are skipped, so a guide may show `<img>` or a link as an example.
 */

import { citedRules } from '../lib/citations.ts';

/** A link target in a body, with its 1-based line in the file. */
export interface BodyLink {
	target: string;
	line: number;
}

/** An image in a body: its source, its alt text ('' when there is none) and its line. */
export interface BodyImage {
	src: string;
	alt: string;
	line: number;
}

/** Counts that two translations of one body should share; `rules` are the cited rule ids. */
export interface BodyShape {
	counts: Record<string, number>;
	rules: string[];
}

/** Every link target in `body` (Markdown links, reference definitions, `<a href>`); `firstLine` is the body's first line in the file. */
export function bodyLinks(body: string, firstLine = 1): BodyLink[] {
	const text = maskCode(body);
	const at = lineAt(text, firstLine);
	const found: BodyLink[] = [];
	for (const m of text.matchAll(/(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?[^)\n]*\)/g)) found.push({ target: m[1]!, line: at(m.index) });
	for (const m of text.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)>?/gm)) found.push({ target: m[1]!, line: at(m.index) });
	for (const m of text.matchAll(/<a\b[^>]*>/g)) {
		const href = attribute(m[0], 'href');
		if (href !== undefined) found.push({ target: href, line: at(m.index) });
	}
	return found.sort((a, b) => a.line - b.line);
}

/** Every image in `body`, Markdown `![alt](src)` and `<img>`. */
export function bodyImages(body: string, firstLine = 1): BodyImage[] {
	const text = maskCode(body);
	const at = lineAt(text, firstLine);
	const found: BodyImage[] = [];
	for (const m of text.matchAll(/!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?[^)\n]*\)/g)) found.push({ src: m[2]!, alt: m[1]!.trim(), line: at(m.index) });
	for (const m of text.matchAll(/<img\b[^>]*>/g)) {
		found.push({ src: attribute(m[0], 'src') ?? '', alt: (attribute(m[0], 'alt') ?? '').trim(), line: at(m.index) });
	}
	return found.sort((a, b) => a.line - b.line);
}

/** The shape of a body, for comparing two translations. */
export function bodyShape(body: string): BodyShape {
	const mermaid = [...body.matchAll(/^\s*```mermaid\b/gm)].length;
	const text = maskCode(body);
	const counts: Record<string, number> = {
		headings: [...text.matchAll(/^#{1,6}\s/gm)].length,
		'numbered steps': [...text.matchAll(/^\s*\d+[.)]\s/gm)].length,
		'Mermaid diagrams': mermaid,
		images: bodyImages(body).length,
	};
	for (const m of text.matchAll(/<([A-Z][A-Za-z]*)\b/g)) {
		if (m[1] === 'Rule') continue;
		counts[`<${m[1]}> blocks`] = (counts[`<${m[1]}> blocks`] ?? 0) + 1;
	}
	const rules = citedRules(text).sort();
	return { counts, rules };
}

/** The 1-based line of a file's `text` on which its `body` (the text after the frontmatter) starts. */
export function firstBodyLine(text: string, body: string): number {
	return text.slice(0, text.length - body.length).split('\n').length;
}

/** The body's text with fenced code blocks and inline code blanked out, line breaks kept. */
export function maskCode(body: string): string {
	const blank = (s: string) => s.replace(/[^\n]/g, ' ');
	return body.replace(/^(\s*)(```|~~~)[^\n]*\n[\s\S]*?^\s*\2[^\n]*$/gm, blank).replace(/`[^`\n]+`/g, blank);
}

// --- internal ---

function lineAt(text: string, firstLine: number): (index: number) => number {
	return (index) => firstLine + (text.slice(0, index).match(/\n/g)?.length ?? 0);
}

function attribute(tag: string, name: string): string | undefined {
	const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*["'\`]([^"'\`]*)["'\`]\\s*\\})`).exec(tag);
	return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/**
 * What the checks and the site read from a body's tree (`parseBody` in `mdx.ts`): links, images,
 * cited etiquette rules, Mermaid diagrams, the counts two translations should share, and the
 * sections with their numbered steps. Each is a small pure function over the tree.
 */
import type { List, Nodes, Root } from 'mdast';
import { isJsx, stringAttribute, walk } from './mdx.ts';

/** A link target in a body, with its 1-based line and column in the file. */
export interface BodyLink {
	target: string;
	line: number;
	column: number;
}

/** An image in a body: its source, its alt text ('' when there is none) and where it is. */
export interface BodyImage {
	src: string;
	alt: string;
	line: number;
	column: number;
}

/** Counts that two translations of one body should share; `rules` are the cited rule ids, sorted. */
export interface BodyShape {
	counts: Record<string, number>;
	rules: string[];
}

/** A `## ` section of a body: its heading, its top-level numbered steps and its plain text. */
export interface BodySection {
	heading: string;
	/** Numbered steps not nested in another list: the number, the text of the step's first paragraph, the rules the step cites. */
	steps: { n: number; text: string; rules: string[] }[];
	/** The section's text and inline code, not its code blocks, a line per piece (for finding document numbers in it). */
	text: string;
}

/** Every link target: Markdown links and autolinks, reference definitions and `<a href>`. */
export function links(tree: Root): BodyLink[] {
	const found: BodyLink[] = [];
	walk(tree, (node) => {
		const target =
			node.type === 'link' || node.type === 'definition'
				? node.url
				: isJsx(node) && node.name === 'a'
					? stringAttribute(node, 'href')
					: undefined;
		if (target !== undefined) found.push({ target, ...at(node) });
	});
	return found;
}

/** Every image: Markdown `![alt](src)` (also by reference) and `<img>`. */
export function images(tree: Root): BodyImage[] {
	const definitions = new Map<string, string>();
	walk(tree, (node) => {
		if (node.type === 'definition') definitions.set(node.identifier, node.url);
	});
	const found: BodyImage[] = [];
	walk(tree, (node) => {
		if (node.type === 'image')
			found.push({ src: node.url, alt: (node.alt ?? '').trim(), ...at(node) });
		if (node.type === 'imageReference')
			found.push({
				src: definitions.get(node.identifier) ?? '',
				alt: (node.alt ?? '').trim(),
				...at(node),
			});
		if (isJsx(node) && node.name === 'img')
			found.push({
				src: stringAttribute(node, 'src') ?? '',
				alt: (stringAttribute(node, 'alt') ?? '').trim(),
				...at(node),
			});
	});
	return found;
}

/** The etiquette rules a tree cites with `<Rule id="…" />`, in order of first citation, each once. */
export function citedRules(tree: Nodes): string[] {
	const ids: string[] = [];
	walk(tree, (node) => {
		const id = isJsx(node) && node.name === 'Rule' ? stringAttribute(node, 'id') : undefined;
		if (id && !ids.includes(id)) ids.push(id);
	});
	return ids;
}

/** Whether a body holds a ```mermaid block; pages load Mermaid only then. */
export function hasMermaid(tree: Root): boolean {
	return countOf(tree, (n) => n.type === 'code' && n.lang === 'mermaid') > 0;
}

/** The shape of a body, for comparing two translations: headings, numbered steps, diagrams, images, component blocks and cited rules. */
export function bodyShape(tree: Root): BodyShape {
	const counts: Record<string, number> = {
		headings: countOf(tree, (n) => n.type === 'heading'),
		'numbered steps': countOf(
			tree,
			(n) => n.type === 'list' && n.ordered === true,
			(n) => (n as List).children.length,
		),
		'Mermaid diagrams': countOf(tree, (n) => n.type === 'code' && n.lang === 'mermaid'),
		images: images(tree).length,
	};
	walk(tree, (node) => {
		if (!isJsx(node) || !node.name || !/^[A-Z]/.test(node.name) || node.name === 'Rule') return;
		counts[`<${node.name}> blocks`] = (counts[`<${node.name}> blocks`] ?? 0) + 1;
	});
	return { counts, rules: citedRules(tree).sort() };
}

/** The body's `## ` sections in order, each with its numbered steps that sit in no other list; text before the first `## ` is left out. */
export function outline(tree: Root): BodySection[] {
	const sections: BodySection[] = [];
	walk(tree, (node, ancestors) => {
		if (node.type === 'heading' && node.depth === 2)
			sections.push({ heading: plainText(node).trim(), steps: [], text: '' });
		const section = sections.at(-1);
		if (!section || node.type === 'heading' || ancestors.some((a) => a.type === 'heading')) return;
		if (node.type === 'text' || node.type === 'inlineCode') section.text += `${node.value}\n`;
		if (node.type !== 'list' || !node.ordered || ancestors.some((a) => a.type === 'list')) return;
		node.children.forEach((item, i) => {
			const first = item.children[0];
			section.steps.push({
				n: (node.start ?? 1) + i,
				text: first ? plainText(first) : '',
				rules: citedRules(item),
			});
		});
	});
	return sections;
}

/** The text of a node without markup: text and code, no components (a `<Rule />` citation adds nothing); blocks end in a line break. */
export function plainText(node: Nodes): string {
	if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
	if (node.type === 'break') return '\n';
	if (!('children' in node)) return '';
	return node.children.map((c) => plainText(c)).join(PHRASING_PARENTS.has(node.type) ? '' : '\n');
}

// --- internal ---

const PHRASING_PARENTS = new Set([
	'paragraph',
	'heading',
	'emphasis',
	'strong',
	'delete',
	'link',
	'linkReference',
	'tableCell',
	'mdxJsxTextElement',
]);

function at(node: Nodes): { line: number; column: number } {
	return { line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 };
}

function countOf(
	tree: Nodes,
	match: (node: Nodes) => boolean,
	weight: (node: Nodes) => number = () => 1,
): number {
	let n = 0;
	walk(tree, (node) => {
		if (match(node)) n += weight(node);
	});
	return n;
}

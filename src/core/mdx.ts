/**
 * MDX bodies as trees. `parseBody` parses a body once, as MDX with GFM (what the site's MDX
 * pipeline reads), into an mdast tree whose positions are the file's own lines and columns; the
 * rules and the site read links, images, citations and the body's shape from that tree
 * (`mdx-read.ts`) instead of scanning the text. Code blocks and inline code are nodes of their
 * own, so a guide may show `<img>` or `{x}` as an example without it counting.
 */
import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown, type MdxJsxFlowElement, type MdxJsxTextElement } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Problem } from './problems.ts';

/** A parsed body: its tree (empty when the body is not valid MDX) and the syntax problem, if any. */
export interface ParsedBody {
	tree: Root;
	problems: Problem[];
}

/** Where a body sits: the file (relative to the project root) and the 1-based line the body starts on. */
export interface BodyPlace {
	file: string;
	/** The file line of the body's first line (the line after the closing `---`); default 1. */
	firstLine?: number;
}

/** A JSX element in a body: a component such as `<Steps>`, or raw HTML such as `<kbd>`, which MDX reads as JSX. */
export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * Parses an MDX body into an mdast tree with MDX (JSX, expressions, import/export) and GFM
 * (tables, strikethrough, autolinks). A syntax error does not throw: it becomes one problem at
 * its file:line:column, with a sentence saying how to write it, and the tree is empty.
 * Positions in the tree are lines and columns in the file; offsets are not file offsets.
 */
export function parseBody(body: string, place: BodyPlace): ParsedBody {
	// Blank lines before the body change nothing in Markdown and put every position, including
	// those inside the parser's error messages, on the file's own line.
	const text = '\n'.repeat(Math.max(0, (place.firstLine ?? 1) - 1)) + body;
	try {
		const tree = fromMarkdown(text, {
			extensions: [mdxjs(), gfm()],
			mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()],
		});
		return { tree, problems: [] };
	} catch (error) {
		return { tree: { type: 'root', children: [] }, problems: [syntaxProblem(error, place.file)] };
	}
}

/** Calls `visit` on `node` and every node below it, in document order, with the node's ancestors (nearest last). */
export function walk(
	node: Nodes,
	visit: (node: Nodes, ancestors: readonly Parents[]) => void,
	ancestors: Parents[] = [],
): void {
	visit(node, ancestors);
	if (!('children' in node)) return;
	const below = [...ancestors, node];
	for (const child of node.children) walk(child, visit, below);
}

/** Whether a node is a JSX element (a component or raw HTML). */
export function isJsx(node: Nodes): node is JsxElement {
	return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** The value of a JSX attribute written as a plain string (`id="x"`); undefined when it is missing or an expression. */
export function stringAttribute(node: JsxElement, name: string): string | undefined {
	for (const a of node.attributes) {
		if (a.type === 'mdxJsxAttribute' && a.name === name)
			return typeof a.value === 'string' ? a.value : a.value === null ? '' : undefined;
	}
	return undefined;
}

// --- internal ---

interface ParseError {
	reason: string;
	line?: number;
	column?: number;
	ruleId?: string;
}

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'wbr']);

function syntaxProblem(error: unknown, file: string): Problem {
	if (!error || typeof error !== 'object' || typeof (error as ParseError).reason !== 'string')
		throw error;
	const { reason, line, column, ruleId } = error as ParseError;
	const [message, at] = describeSyntaxError(reason, ruleId ?? '');
	return {
		file,
		line: at?.[0] ?? line,
		column: at?.[1] ?? column,
		field: 'body',
		severity: 'error',
		message,
	};
}

/** The parser's message as one sentence with a fix, and where the tag it names starts (when that is a better place). */
function describeSyntaxError(reason: string, ruleId: string): [string, [number, number]?] {
	const where = (m: RegExpExecArray, i: number): [number, number] => [
		Number(m[i]),
		Number(m[i + 1]),
	];
	let m = /^Expected a closing tag for `<([^`>]*)>` \((\d+):(\d+)/.exec(reason);
	if (m && VOID_ELEMENTS.has(m[1]!))
		return [`<${m[1]}> is never closed; MDX writes it as <${m[1]} />.`, where(m, 2)];
	if (m)
		return [
			`<${m[1]}> is never closed; close it with </${m[1]}> (with a blank line before it after block content), or write <${m[1]} /> when it holds nothing.`,
			where(m, 2),
		];
	m =
		/^Unexpected closing tag `([^`]*)`, expected corresponding closing tag for `([^`]*)` \((\d+):/.exec(
			reason,
		);
	if (m)
		return [
			`${m[1]} does not close ${m[2]} from line ${m[3]}; close tags in the reverse order they were opened, and check their spelling.`,
		];
	m = /^Expected the closing tag `([^`]*)` either after the end of `(\w+)`/.exec(reason);
	if (m)
		return [
			`${m[1]} closes a tag opened outside this ${m[2]}; put a block component's opening and closing tags on lines of their own, with blank lines around its content.`,
		];
	if (ruleId === 'unexpected-eof' && /closing brace for `\{`/.test(reason)) {
		return [
			'a `{` before this point is never closed; a body holds no expressions, so write a literal brace as `\\{`.',
		];
	}
	if (ruleId === 'acorn')
		return [
			'`{` starts a JavaScript expression, which a body may not hold; write a literal brace as `\\{`.',
		];
	if (/to create a comment in MDX/.test(reason))
		return [
			'an HTML comment is not MDX; delete it, or write a note to other authors as {/* … */}.',
		];
	if (/to create a link in MDX/.test(reason))
		return ['an autolink <https://…> is not MDX; write the link as [text](https://…).'];
	if (/before attribute value/.test(reason))
		return ['an attribute value must be in quotes; write it as name="value".'];
	m = /^Unexpected character (`.+?`) \(U\+[0-9A-F]+\) before name/.exec(reason);
	if (m)
		return [
			`\`<\` starts a tag here but is followed by ${m[1]}; write a literal \`<\` as \`\\<\`.`,
		];
	return [
		`is not valid MDX (${reason.replace(/\.$/, '')}); fix the tag, or write a literal \`<\` or \`{\` as \`\\<\` or \`\\{\`.`,
	];
}

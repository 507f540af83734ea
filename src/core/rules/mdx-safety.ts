/**
 * MDX bodies are content, not programs. On each body's tree: no syntax errors, no
 * `import`/`export`, no `{expressions}`, only the documented components with their props, raw
 * HTML only from a small allow-list, link and image targets only http(s), mailto, tel, relative
 * or `#…`, and every `<Rule id>` naming a rule that exists. The build guard and `kb check` both
 * run it (through `validate.ts`), so neither a build nor CI lets such a body through.
 */
import type { Nodes } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx';
import type { LoadedContent, LoadedEntry } from '../load.ts';
import { isJsx, walk, type JsxElement } from '../mdx.ts';
import {
	GLOBAL_ATTRIBUTES,
	HTML_ELEMENTS,
	isSafeUrl,
	MDX_COMPONENTS,
	URL_ATTRIBUTES,
} from '../mdx-subset.ts';
import { bodyProblem, type Problem } from '../problems.ts';

/** Every body's syntax problems and every use of MDX outside the safe subset, at its file:line:column. */
export function checkMdxSafety(content: LoadedContent): Problem[] {
	const rules = new Set(content.ids.etiquette);
	const problems: Problem[] = [];
	for (const entry of Object.values(content.entries).flat() as LoadedEntry[]) {
		if (!entry.parsed) continue;
		problems.push(...entry.parsed.problems);
		walk(entry.parsed.tree, (node) => {
			for (const [where, message] of nodeProblems(node, rules)) {
				const start = where.position?.start;
				problems.push(bodyProblem(entry.file, start, message));
			}
		});
	}
	return problems;
}

// --- internal ---

type Found = [where: { position?: Nodes['position'] }, message: string][];

const COMPONENT_LIST = `${Object.keys(MDX_COMPONENTS)
	.slice(0, -1)
	.map((c) => `<${c}>`)
	.join(', ')} or ${MDX_COMPONENTS.Rule!.example}`;

// Why an element is refused and what to write instead, where that says more than "write it in Markdown".
const INSTEAD: Record<string, string> = {
	script:
		"it would run code in every reader's browser, so delete it (a diagram is a ```mermaid block)",
	style: 'the site stylesheet styles every page, so delete it',
	iframe: 'link to the page instead, as [title](https://…)',
	object: 'link to the file instead, as [title](/files/…)',
	embed: 'link to the file instead, as [title](/files/…)',
	form: 'a page may not collect input, so put the checks in a checklist (content/checklists/) or link to the form',
	svg: 'save the drawing as an image file and show it with ![what it shows](/images/….svg)',
};

function nodeProblems(node: Nodes, rules: Set<string>): Found {
	if (node.type === 'mdxjsEsm') {
		const word = /^\s*(import|export)\b/.exec(node.value)?.[1] ?? 'import';
		return [
			[
				node,
				`\`${word}\` is code, which a body may not hold; the components work without importing and values belong in the frontmatter, so delete the line.`,
			],
		];
	}
	if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
		// A comment-only expression ({/* note */}) is a note to authors and renders nothing.
		if (isCommentOnly(node.data?.estree)) return [];
		return [
			[
				node,
				`{${clip(node.value)}} is a JavaScript expression, which a body may not hold; write the text itself, and a literal brace as \\{.`,
			],
		];
	}
	if (node.type === 'link' || node.type === 'definition')
		return isSafeUrl(node.url) ? [] : [[node, unsafeLink(node.url)]];
	if (node.type === 'image') return isSafeUrl(node.url) ? [] : [[node, unsafeImage(node.url)]];
	if (!isJsx(node)) return [];
	if (!node.name)
		return [
			[node, 'a fragment <>…</> is not part of a body; remove its tags and keep what it holds.'],
		];
	return /^[a-z][a-z0-9]*$/.test(node.name)
		? htmlProblems(node, node.name)
		: componentProblems(node, node.name, rules);
}

function componentProblems(node: JsxElement, name: string, rules: Set<string>): Found {
	const spec = Object.hasOwn(MDX_COMPONENTS, name) ? MDX_COMPONENTS[name] : undefined;
	if (!spec)
		return [
			[
				node,
				`<${name}> is not a component a body may use; use ${COMPONENT_LIST}, or write it as Markdown.`,
			],
		];
	const found: Found = [];
	const props = Object.keys(spec.props);
	for (const a of plainAttributes(node, name, found)) {
		if (!Object.hasOwn(spec.props, a.name))
			found.push([
				a,
				`<${name}> has no prop \`${a.name}\`; delete it (${props.length ? `<${name}> takes ${props.join(', ')}` : `<${name}> takes none`}).`,
			]);
	}
	for (const [prop, need] of Object.entries(spec.props)) {
		if (
			need === 'required' &&
			!node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === prop)
		)
			found.push([node, `<${name}> needs the prop \`${prop}\`; write it as ${spec.example}.`]);
	}
	const id =
		name === 'Rule'
			? node.attributes.find(
					(a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'id',
				)?.value
			: undefined;
	if (typeof id === 'string' && !rules.has(id))
		found.push([
			node,
			`<Rule id="${id}"> cites a rule that does not exist; use the name of a file in content/etiquette/.`,
		]);
	return found;
}

function htmlProblems(node: JsxElement, name: string): Found {
	const allowed = Object.hasOwn(HTML_ELEMENTS, name) ? HTML_ELEMENTS[name] : undefined;
	if (!allowed)
		return [
			[
				node,
				`<${name}> is not allowed in a body; ${(Object.hasOwn(INSTEAD, name) && INSTEAD[name]) || 'write it in Markdown, or use an HTML element docs/content-format.md allows'}.`,
			],
		];
	const found: Found = [];
	for (const a of plainAttributes(node, name, found)) {
		if (/^on/i.test(a.name))
			found.push([
				a,
				`\`${a.name}\` on <${name}> is an event handler, which would run code; delete it.`,
			]);
		else if (a.name === 'style')
			found.push([
				a,
				`\`style\` on <${name}> is not allowed, since the site stylesheet styles every page; delete it.`,
			]);
		else if (!allowed.includes(a.name) && !GLOBAL_ATTRIBUTES.includes(a.name))
			found.push([
				a,
				`\`${a.name}\` is not an attribute <${name}> may carry; delete it (allowed: ${[...allowed, ...GLOBAL_ATTRIBUTES].join(', ')}).`,
			]);
		else if (URL_ATTRIBUTES.includes(a.name) && typeof a.value === 'string' && !isSafeUrl(a.value))
			found.push([a, name === 'img' ? unsafeImage(a.value) : unsafeLink(a.value)]);
	}
	return found;
}

/** The attributes written as `name="value"` (or bare `name`); each `{...spread}` or `name={…}` adds a problem to `found` instead. */
function plainAttributes(node: JsxElement, element: string, found: Found): MdxJsxAttribute[] {
	const plain: MdxJsxAttribute[] = [];
	for (const a of node.attributes) {
		if (a.type === 'mdxJsxExpressionAttribute') {
			found.push([
				a,
				`{${clip(a.value)}} on <${element}> is a JavaScript expression, which a body may not hold; write each attribute as name="value".`,
			]);
		} else if (a.value && typeof a.value === 'object') {
			const literal = /^\s*(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?))\s*$/.exec(a.value.value);
			const quoted = `${a.name}="${literal ? (literal[1] ?? literal[2] ?? literal[3]) : '…'}"`;
			found.push([
				a,
				`${a.name}={${clip(a.value.value)}} on <${element}> is a JavaScript expression, which a body may not hold; write it as ${quoted}.`,
			]);
		} else plain.push(a);
	}
	return plain;
}

function unsafeLink(url: string): string {
	return `the link target ${clip(url)} is not allowed; link to an http(s), mailto: or tel: address, a site path such as /faults/ac/e4/, or #a-heading.`;
}

function unsafeImage(url: string): string {
	return `the image source ${clip(url)} is not allowed; save the image as a file and give its path or http(s) address, as ![what it shows](/images/panel.png).`;
}

function isCommentOnly(estree: unknown): boolean {
	return (
		typeof estree === 'object' &&
		estree !== null &&
		Array.isArray((estree as { body?: unknown }).body) &&
		(estree as { body: unknown[] }).body.length === 0
	);
}

function clip(s: string): string {
	const one = s.replace(/\s+/g, ' ').trim();
	return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

/**
 * The templates of `kb new` (`scripts/lib/templates/`) and how they are filled in: variables are
 * substituted, then every field line gets the field's JSDoc as a YAML comment above it, read from
 * the schemas, so the help in a new file is the schema's own and cannot drift from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { FieldDoc, SchemaDoc } from '../../src/lib/schema-docs.ts';

/** The folder of the template files. */
export const TEMPLATE_DIR = join(import.meta.dirname, 'templates');

/**
 * Fills a template: `{{name}}` becomes `vars.name` as given (quote it with {@link yamlScalar});
 * a line `{{?name|hint}}` becomes `name: <value>`, or the comment `# name: hint` when `vars.name`
 * is undefined.
 */
export function fillTemplate(text: string, vars: Record<string, string | undefined>): string {
	return text
		.replace(
			/^(\s*)\{\{\?(\w+)\|([^}]*)\}\}$/gm,
			(_, indent: string, name: string, hint: string) =>
				vars[name] === undefined
					? `${indent}# ${name}: ${hint}`
					: `${indent}${name}: ${vars[name]}`,
		)
		.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
			const value = vars[name];
			if (value === undefined) throw new Error(`template variable ${name} has no value`);
			return value;
		});
}

/** Reads a template file by name, e.g. `fault.yaml`. */
export function readTemplate(name: string): string {
	return readFileSync(join(TEMPLATE_DIR, name), 'utf8');
}

/** A string as a YAML scalar, quoted only when it has to be. */
export function yamlScalar(value: string): string {
	return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * Puts each field's documentation above its line: the JSDoc, whether it is required or its
 * default, and the allowed values. Commented-out optional fields (`# key: …`) are documented
 * too at the top level. For MDX only the frontmatter is annotated.
 */
export function annotate(text: string, doc: SchemaDoc, format: 'yaml' | 'mdx'): string {
	const fields = new Map(doc.fields.map((f) => [f.path, f]));
	const lines = text.split('\n');
	const out: string[] = [];
	const stack: { indent: number; path: string }[] = [];
	let inYaml = format === 'yaml';
	lines.forEach((line, i) => {
		if (format === 'mdx' && line === '---') inYaml = i === 0;
		const field = inYaml ? fieldOf(line, stack) : undefined;
		const docLine = field && fields.get(field.path);
		if (docLine) out.push(...commentFor(docLine, field.indent));
		out.push(line);
	});
	return out.join('\n');
}

// --- internal ---

/** Tracks the path of the key on `line`; returns it with the key's indentation, if the line has a key. */
function fieldOf(
	line: string,
	stack: { indent: number; path: string }[],
): { path: string; indent: number } | undefined {
	const commented = /^#\s?/.test(line);
	const m = /^(\s*)(- )?([A-Za-z][\w-]*):(\s|$)/.exec(line.replace(/^#\s?/, ''));
	if (!m) return undefined;
	const dash = m[2] ? m[1]!.length : -1;
	const indent = m[1]!.length + (m[2] ? 2 : 0);
	if (dash >= 0) {
		while (stack.length > 0 && stack.at(-1)!.indent >= dash + 1) stack.pop();
		stack.push({ indent: dash + 1, path: `${stack.at(-1)?.path ?? ''}[]` });
	}
	while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
	const parent = stack.at(-1)?.path;
	const path = parent ? `${parent}.${m[3]}` : m[3]!;
	stack.push({ indent, path });
	if (commented && indent > 0) return undefined;
	// A comment above `- key:` lines up with the dash, where a reader's eye starts.
	return { path, indent: commented ? 0 : m[1]!.length };
}

function commentFor(field: FieldDoc, indent: number): string[] {
	const parts = [field.description || 'No description in the schema.'];
	if (field.required) parts.push('Required.');
	else
		parts.push(
			field.default === undefined || /\bdefault\b/i.test(field.description)
				? 'Optional.'
				: `Optional; default ${field.default}.`,
		);
	const values = field.type.values;
	if (values && !values.every((v) => field.description.includes(v)))
		parts.push(`One of: ${values.join(', ')}.`);
	return wrap(parts.join(' '), 100 - indent - 2).map((l) => `${' '.repeat(indent)}# ${l}`);
}

function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(' ')) {
		if (current && current.length + word.length + 1 > width) {
			lines.push(current);
			current = word;
		} else current = current ? `${current} ${word}` : word;
	}
	return current ? [...lines, current] : lines;
}

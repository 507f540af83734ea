/**
 * Editor help from the schemas: one JSON Schema file per collection (`schemas/<name>.schema.json`,
 * committed) and the `yaml.schemas` setting that makes VS Code's YAML extension use them, so a
 * trainer gets completion, hover help and validation while typing. MDX frontmatter has no
 * schema-aware editor support in VS Code; its schema files are written for other tools and the
 * authoring guide, and `kb check` (also a VS Code task) covers it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SchemaDoc } from '../../src/lib/schema-docs.ts';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/collections.ts';

/** The folder the schema files go to, relative to the project root. */
export const SCHEMA_OUT = 'schemas';
/** VS Code's workspace settings, relative to the project root. */
export const VSCODE_SETTINGS = '.vscode/settings.json';

/** The generated files (path relative to the root → text): one schema per collection and the VS Code settings. */
export function editorFiles(
	docs: Record<CollectionName, SchemaDoc>,
	root: string,
): Record<string, string> {
	const files: Record<string, string> = {};
	const mapping: Record<string, string[]> = {};
	for (const [name, doc] of Object.entries(docs) as [CollectionName, SchemaDoc][]) {
		const spec = COLLECTIONS[name];
		const path = `${SCHEMA_OUT}/${name}.schema.json`;
		const where = `content/${spec.dir}/${spec.pattern}`;
		const schema = {
			...strict(doc.jsonSchema),
			title: `${name}: ${where}${spec.format === 'mdx' ? ' (frontmatter)' : ''}`,
		};
		files[path] = `${JSON.stringify(schema, null, '\t')}\n`;
		if (spec.format === 'yaml') mapping[`./${path}`] = [`**/content/${spec.dir}/${spec.pattern}`];
	}
	files[VSCODE_SETTINGS] = settingsWith(root, mapping);
	return files;
}

/** Writes the files that differ from what is on disk; returns their paths. With `check`, writes nothing. */
export function syncFiles(root: string, files: Record<string, string>, check = false): string[] {
	const stale = Object.entries(files).filter(
		([path, text]) =>
			!existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== text,
	);
	if (!check) {
		for (const [path, text] of stale) {
			mkdirSync(dirname(join(root, path)), { recursive: true });
			writeFileSync(join(root, path), text);
		}
	}
	return stale.map(([path]) => path);
}

// --- internal ---

/**
 * The schema with `additionalProperties: false` on every object, so the editor flags a misspelt
 * field as `kb check` does (zod itself ignores unknown fields).
 */
function strict(node: unknown): Record<string, unknown> {
	if (Array.isArray(node)) return node.map(strict) as unknown as Record<string, unknown>;
	if (!node || typeof node !== 'object') return node as Record<string, unknown>;
	const out = Object.fromEntries(
		Object.entries(node).map(([k, v]) => [k, k === 'default' || k === 'enum' ? v : strict(v)]),
	);
	if (out.type === 'object' && out.properties) out.additionalProperties = false;
	return out;
}

/** The current settings with `yaml.schemas` replaced; other settings are kept. */
function settingsWith(root: string, mapping: Record<string, string[]>): string {
	const path = join(root, VSCODE_SETTINGS);
	const current = existsSync(path)
		? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)
		: {};
	return `${JSON.stringify({ ...current, 'yaml.schemas': mapping }, null, '\t')}\n`;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { editorFiles, syncFiles } from '../../scripts/lib/authoring-json-schema.ts';
import { loadSchemaDocs } from '../../scripts/lib/authoring-schema-docs.ts';
import { MDX_COMPONENT_DOCS } from '../../src/data/mdx-docs.ts';
import { describeSchema, type SchemaDoc } from '../../src/lib/schema-docs.ts';
import { readPropsDocs, readSchemaSources } from '../../src/lib/schema-jsdoc.ts';
import type { CollectionName } from '../../src/schemas/collections.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let docs: Record<CollectionName, SchemaDoc>;
beforeAll(async () => {
	docs = await loadSchemaDocs();
});

describe('readSchemaSources', () => {
	it('reads field docs through z.object, .extend and refinements, and the schema a schema extends', () => {
		const source = `
/** The base. */
export const Base = z.object({
	/** Who owns it. */
	owner: z.string(),
	undocumented: z.string(),
});
/** The full thing. */
export const Full = Base.extend({
	/** Its title, see {@link Base}. */
	title: z.string(),
}).superRefine(check);`;

		expect(readSchemaSources({ 'x.ts': source })).toEqual({
			Base: { doc: 'The base.', fields: { owner: 'Who owns it.' } },
			Full: { doc: 'The full thing.', base: 'Base', fields: { title: 'Its title, see `Base`.' } },
		});
	});
});

describe('describeSchema', () => {
	it('joins the JSDoc to each field, following the schema it extends', () => {
		const Base = z.object({ owner: z.string(), due: z.string().optional() });
		const Full = Base.extend({ items: z.array(z.object({ id: z.string() })).min(1) });
		const sources = readSchemaSources({
			'x.ts':
				'const Base = z.object({\n\t/** Who. */\n\towner: z.string(),\n});\nconst Full = Base.extend({\n\t/** The items. */\n\titems: z.array(),\n});',
		});

		const doc = describeSchema(Full, [{ Base, Full }], sources);

		expect(doc.fields.map((f) => [f.path, f.required, f.description])).toEqual([
			['owner', true, 'Who.'],
			['due', false, ''],
			['items', true, 'The items.'],
			['items[].id', true, ''],
		]);
		expect(doc.fields[2]!.type).toEqual({ kind: 'object', list: true, minItems: 1 });
	});

	it('documents every top-level field of every collection', () => {
		const undocumented = Object.entries(docs).flatMap(([name, doc]) =>
			doc.fields
				.filter((f) => !f.path.includes('.') && !f.description)
				.map((f) => `${name}.${f.path}`),
		);

		expect(undocumented).toEqual([]);
	});
});

describe('the committed editor files', () => {
	it('are what `kb schemas` generates from the current schemas', () => {
		const stale = syncFiles(ROOT, editorFiles(docs, ROOT), true);

		expect(stale, 'run `npm run kb -- schemas` and commit the result').toEqual([]);
	});
});

describe('the MDX components', () => {
	it('are each documented for the authoring guide', () => {
		const index = readFileSync(join(ROOT, 'src/components/mdx/index.ts'), 'utf8');
		const registered = /mdxComponents\s*=\s*\{([^}]*)\}/
			.exec(index)![1]!
			.split(',')
			.map((s) => s.trim().split(':')[0]!)
			.filter(Boolean);

		expect(registered.filter((name) => !MDX_COMPONENT_DOCS[name])).toEqual([]);
		expect(registered.length).toBeGreaterThan(5);
	});

	it('have their attributes read from Props', () => {
		const rule = readFileSync(join(ROOT, 'src/components/mdx/Rule.astro'), 'utf8');

		expect(readPropsDocs(rule)).toEqual([
			{
				name: 'id',
				required: true,
				type: 'string',
				description: 'The etiquette rule id (a file name in content/etiquette/).',
			},
		]);
	});
});

/**
 * The schema docs as the CLI reads them: the source of `src/schemas/*.ts` from disk, the
 * modules imported, and one {@link SchemaDoc} per collection. `kb new` comments its templates
 * with them and `kb schemas` writes their JSON Schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeSchema, type SchemaDoc } from '../../src/lib/schema-docs.ts';
import { readSchemaSources } from '../../src/lib/schema-jsdoc.ts';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/collections.ts';

// Resolved from this file, not the working directory, so the imported schema objects are the
// very instances COLLECTIONS holds (the docs are matched to schemas by identity).
const SCHEMA_DIR = join(import.meta.dirname, '..', '..', 'src', 'schemas');

/** Every collection's schema docs, keyed by collection name. */
export async function loadSchemaDocs(): Promise<Record<CollectionName, SchemaDoc>> {
	const files = readdirSync(SCHEMA_DIR)
		.filter((f) => f.endsWith('.ts'))
		.sort();
	const sources = readSchemaSources(
		Object.fromEntries(files.map((f) => [f, readFileSync(join(SCHEMA_DIR, f), 'utf8')])),
	);
	const modules = await Promise.all(
		files.map(
			(f) => import(pathToFileURL(join(SCHEMA_DIR, f)).href) as Promise<Record<string, unknown>>,
		),
	);
	const names = Object.keys(COLLECTIONS) as CollectionName[];
	return Object.fromEntries(
		names.map((name) => [name, describeSchema(COLLECTIONS[name].schema, modules, sources)]),
	) as Record<CollectionName, SchemaDoc>;
}

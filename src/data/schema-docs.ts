import { describeSchema, type FieldType, type SchemaDoc } from '../lib/schema-docs.ts';
import { readPropsDocs, readSchemaSources, type PropDoc } from '../lib/schema-jsdoc.ts';
import type { Translate } from '../lib/i18n.ts';
import { COLLECTIONS, type CollectionName } from '../schemas/collections.ts';

// Read at build time by Vite: the schema modules, their source (for the JSDoc), and the MDX
// components' source (for their Props). The authoring guide is generated from these.
const modules = import.meta.glob<Record<string, unknown>>('../schemas/*.ts', { eager: true });
const sources = import.meta.glob<string>('../schemas/*.ts', {
	eager: true,
	query: '?raw',
	import: 'default',
});
const components = import.meta.glob<string>('../components/mdx/*.astro', {
	eager: true,
	query: '?raw',
	import: 'default',
});

/** One collection's documentation: where its files live and every field of its schema. */
export interface CollectionDoc extends SchemaDoc {
	collection: CollectionName;
	/** The file pattern under the content root, e.g. `content/faults/*\/*.yaml`. */
	where: string;
	format: 'yaml' | 'mdx';
}

/** Every collection's documentation, in the order of `COLLECTIONS`. */
export function collectionDocs(): CollectionDoc[] {
	const docs = readSchemaSources(
		Object.fromEntries(
			Object.entries(sources).map(([path, text]) => [path.split('/').at(-1)!, text]),
		),
	);
	const mods = Object.values(modules);
	return (Object.keys(COLLECTIONS) as CollectionName[]).map((collection) => {
		const spec = COLLECTIONS[collection];
		return {
			collection,
			where: `content/${spec.dir}/${spec.pattern}`,
			format: spec.format,
			...describeSchema(spec.schema, mods, docs),
		};
	});
}

/** The attributes of an MDX component by name (`Rule` → its `Props`); empty when it has none. */
export function componentProps(name: string): PropDoc[] {
	const source = components[`../components/mdx/${name}.astro`];
	return source ? readPropsDocs(source) : [];
}

/** A field's type in words, in the page's language: "list of text in zh-CN and en", "whole number 1–600". */
export function fieldTypeLabel(type: FieldType, t: Translate): string {
	let label = t(`authoring.type.${type.kind}`);
	if (type.values) label = `${label}: ${type.values.join(', ')}`;
	if (type.pattern) label = `${label} ${type.pattern}`;
	if (type.min !== undefined && type.max !== undefined) label = `${label} ${type.min}–${type.max}`;
	else if (type.min !== undefined) label = `${label}, ${t('authoring.type.min', { n: type.min })}`;
	else if (type.max !== undefined) label = `${label}, ${t('authoring.type.max', { n: type.max })}`;
	if (!type.list) return label;
	const list = t('authoring.type.list', { type: label });
	return type.minItems ? `${list}, ${t('authoring.type.minItems', { n: type.minItems })}` : list;
}

/** A description split into plain text and `code` spans, so backticked names render as code. */
export function codeSpans(text: string): { code: boolean; text: string }[] {
	return text
		.split('`')
		.map((part, i) => ({ code: i % 2 === 1, text: part }))
		.filter((p) => p.text !== '');
}

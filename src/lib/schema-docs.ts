/**
 * Field documentation read from the zod schemas themselves: the JSDoc on each field in the
 * schema source (read by `schema-jsdoc.ts`), joined to the JSON Schema zod generates. The
 * authoring guide page, `kb new` and `kb schemas` all use it, so the guide and the editor help
 * cannot drift from the schemas.
 * Pure: the caller passes the schema modules and their source text (the CLI reads files,
 * the site uses Vite's `import.meta.glob`).
 */
import { z } from 'zod';
import type { SchemaSource } from './schema-jsdoc.ts';

/** What kind of value a field takes, for a human label. */
export interface FieldType {
	kind:
		| 'text'
		| 'localized'
		| 'date'
		| 'enum'
		| 'id'
		| 'pattern'
		| 'integer'
		| 'number'
		| 'boolean'
		| 'object'
		| 'unknown';
	/** True when the field is a list of such values. */
	list: boolean;
	values?: string[];
	pattern?: string;
	min?: number;
	max?: number;
	/** Fewest list items, when the list has a minimum. */
	minItems?: number;
}

/** One documented field; nested fields have dotted paths (`items[].id`, `codeScheme.leadingZerosSignificant`). */
export interface FieldDoc {
	path: string;
	required: boolean;
	/** The default applied when the field is left out, as JSON; undefined when there is none. */
	default?: string;
	type: FieldType;
	/** The field's JSDoc, '' when it has none. */
	description: string;
}

/** The docs of one collection's schema. */
export interface SchemaDoc {
	/** The schema's export name, e.g. `FaultCodeSchema`. */
	name: string;
	description: string;
	fields: FieldDoc[];
	/** The JSON Schema (draft 7) of the authored shape, with every field's description. */
	jsonSchema: Record<string, unknown>;
}

/**
 * The docs of `schema`: every field with its JSDoc, type, default and whether it is required.
 * `modules` are the schema modules (to name the schema objects), `sources` their JSDoc.
 */
export function describeSchema(
	schema: z.ZodType,
	modules: Record<string, unknown>[],
	sources: Record<string, SchemaSource>,
): SchemaDoc {
	const names = namesOf(modules);
	const fieldDoc = (name: string | undefined, key: string): string => {
		for (let n = name, hops = 0; n && hops < 10; n = sources[n]?.base, hops++) {
			const doc = sources[n]?.fields[key];
			if (doc) return doc;
		}
		return '';
	};
	const jsonSchema = z.toJSONSchema(schema, {
		// Draft 7 is what editors' YAML and JSON language servers support best.
		target: 'draft-7',
		io: 'input',
		unrepresentable: 'any',
		override: ({ zodSchema, jsonSchema: js }) => {
			const name = names.get(zodSchema);
			const props = js.properties as Record<string, Record<string, unknown>> | undefined;
			if (!name || !props) return;
			for (const [key, prop] of Object.entries(props)) {
				const doc = fieldDoc(name, key);
				// A new object: zod shares one JSON node between every use of a schema (LocalizedSchema).
				if (doc) props[key] = { ...prop, description: doc, markdownDescription: doc };
			}
		},
	}) as Record<string, unknown>;
	const name = names.get(schema) ?? '';
	jsonSchema.description = sources[name]?.doc ?? '';
	return { name, description: sources[name]?.doc ?? '', fields: fieldsOf(jsonSchema), jsonSchema };
}

// --- internal ---

type Json = Record<string, unknown>;

function namesOf(modules: Record<string, unknown>[]): Map<unknown, string> {
	const names = new Map<unknown, string>();
	for (const mod of modules) {
		for (const [name, value] of Object.entries(mod)) {
			if (value instanceof z.ZodType && !names.has(value)) names.set(value, name);
		}
	}
	return names;
}

const isLocalized = (js: Json) => {
	const keys = Object.keys((js.properties as Json | undefined) ?? {});
	return js.type === 'object' && keys.length > 0 && keys.every((k) => k === 'zh-CN' || k === 'en');
};

function fieldsOf(js: Json, prefix = ''): FieldDoc[] {
	const props = (js.properties as Record<string, Json> | undefined) ?? {};
	const required = new Set((js.required as string[] | undefined) ?? []);
	return Object.entries(props).flatMap(([key, prop]) => {
		const path = `${prefix}${key}`;
		const list = prop.type === 'array';
		const value = list ? ((prop.items as Json | undefined) ?? {}) : prop;
		const row: FieldDoc = {
			path,
			required: required.has(key),
			default: prop.default === undefined ? undefined : JSON.stringify(prop.default),
			type: typeOf(value, list, prop.minItems as number | undefined),
			description: (prop.description as string | undefined) ?? '',
		};
		const nested =
			value.type === 'object' && !isLocalized(value)
				? fieldsOf(value, `${path}${list ? '[]' : ''}.`)
				: [];
		return [row, ...nested];
	});
}

const SLUG = '^[a-z0-9]+(-[a-z0-9]+)*$';
// Integers zod leaves unbounded come out as ±MAX_SAFE_INTEGER; they are no real limit.
const bound = (n: unknown) =>
	typeof n === 'number' && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;

function typeOf(js: Json, list: boolean, minItems?: number): FieldType {
	const base = { list, ...(minItems ? { minItems } : {}) };
	if (Array.isArray(js.enum)) return { ...base, kind: 'enum', values: js.enum.map(String) };
	if (isLocalized(js)) return { ...base, kind: 'localized' };
	if (js.type === 'string' && js.format === 'date') return { ...base, kind: 'date' };
	if (js.type === 'string' && js.pattern === SLUG) return { ...base, kind: 'id' };
	if (js.type === 'string' && typeof js.pattern === 'string')
		return { ...base, kind: 'pattern', pattern: js.pattern };
	if (js.type === 'string') return { ...base, kind: 'text' };
	if (js.type === 'integer' || js.type === 'number')
		return { ...base, kind: js.type, min: bound(js.minimum), max: bound(js.maximum) };
	if (js.type === 'boolean') return { ...base, kind: 'boolean' };
	if (js.type === 'object') return { ...base, kind: 'object' };
	return { ...base, kind: 'unknown' };
}

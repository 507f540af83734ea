/**
 * Field documentation read from the zod schemas themselves: the JSDoc on each field in the
 * schema source, joined to the JSON Schema zod generates. The authoring guide page and
 * `kb schemas` both use it, so the guide and the editor help cannot drift from the schemas.
 * Pure: the caller passes the schema modules and their source text (the CLI reads files,
 * the site uses Vite's `import.meta.glob`).
 */
import ts from 'typescript';
import { z } from 'zod';

/** The JSDoc of one exported schema: its own doc, its own fields' docs, and the schema it extends. */
export interface SchemaSource {
	doc: string;
	fields: Record<string, string>;
	/** The exported schema this one extends or refines (`SopSchema` → `DocControlSchema`). */
	base?: string;
}

/** What kind of value a field takes, for a human label. */
export interface FieldType {
	kind: 'text' | 'localized' | 'date' | 'enum' | 'id' | 'pattern' | 'integer' | 'number' | 'boolean' | 'object' | 'unknown';
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

/** Reads the JSDoc of every exported `const` schema in the given sources (file name → text). */
export function readSchemaSources(sources: Record<string, string>): Record<string, SchemaSource> {
	const out: Record<string, SchemaSource> = {};
	for (const [file, text] of Object.entries(sources)) {
		const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
		for (const statement of source.statements) {
			if (!ts.isVariableStatement(statement)) continue;
			for (const decl of statement.declarationList.declarations) {
				if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
				out[decl.name.text] = { doc: jsDocOf(decl), ...analyse(decl.initializer) };
			}
		}
	}
	return out;
}

/**
 * The docs of `schema`: every field with its JSDoc, type, default and whether it is required.
 * `modules` are the schema modules (to name the schema objects), `sources` their JSDoc.
 */
export function describeSchema(schema: z.ZodType, modules: Record<string, unknown>[], sources: Record<string, SchemaSource>): SchemaDoc {
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

/** One attribute of an Astro component, from its `Props` interface. */
export interface PropDoc {
	name: string;
	required: boolean;
	/** The TypeScript type as written, e.g. `string`. */
	type: string;
	description: string;
}

/** The attributes of an Astro component, read from the `interface Props` in its frontmatter. */
export function readPropsDocs(astroSource: string): PropDoc[] {
	const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(astroSource)?.[1] ?? '';
	const source = ts.createSourceFile('component.ts', front, ts.ScriptTarget.Latest, true);
	const props = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Props');
	const all: readonly ts.TypeElement[] = props?.members ?? [];
	const members = all.filter((m): m is ts.PropertySignature => ts.isPropertySignature(m));
	return members.map((m) => ({
		name: m.name.getText(source),
		required: !m.questionToken,
		type: m.type?.getText(source) ?? 'unknown',
		description: jsDocOf(m),
	}));
}

// --- internal ---

type Json = Record<string, unknown>;

function jsDocOf(node: ts.Node): string {
	const text = ts
		.getJSDocCommentsAndTags(node)
		.filter(ts.isJSDoc)
		.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
		.join(' ');
	return text.replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`').replace(/\s+/g, ' ').trim();
}

/** Follows a schema expression down its call chain: `Base.extend({...}).superRefine(...)`, `z.object({...})`. */
function analyse(expr: ts.Expression): { fields: Record<string, string>; base?: string } {
	if (ts.isIdentifier(expr)) return { fields: {}, base: expr.text };
	if (!ts.isCallExpression(expr) || !ts.isPropertyAccessExpression(expr.expression)) return { fields: {} };
	const method = expr.expression.name.text;
	const target = expr.expression.expression;
	const literal = expr.arguments[0] && ts.isObjectLiteralExpression(expr.arguments[0]) ? expr.arguments[0] : undefined;
	if (method === 'object' && ts.isIdentifier(target) && target.text === 'z') return { fields: literal ? fieldsOfLiteral(literal) : {} };
	const inner = analyse(target);
	if (method === 'extend' && literal) return { base: inner.base, fields: { ...inner.fields, ...fieldsOfLiteral(literal) } };
	return inner;
}

function fieldsOfLiteral(literal: ts.ObjectLiteralExpression): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const prop of literal.properties) {
		if (!ts.isPropertyAssignment(prop) && !ts.isShorthandPropertyAssignment(prop)) continue;
		const key = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : undefined;
		const doc = jsDocOf(prop);
		if (key && doc) fields[key] = doc;
	}
	return fields;
}

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
		const nested = value.type === 'object' && !isLocalized(value) ? fieldsOf(value, `${path}${list ? '[]' : ''}.`) : [];
		return [row, ...nested];
	});
}

const SLUG = '^[a-z0-9]+(-[a-z0-9]+)*$';
// Integers zod leaves unbounded come out as ±MAX_SAFE_INTEGER; they are no real limit.
const bound = (n: unknown) => (typeof n === 'number' && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);

function typeOf(js: Json, list: boolean, minItems?: number): FieldType {
	const base = { list, ...(minItems ? { minItems } : {}) };
	if (Array.isArray(js.enum)) return { ...base, kind: 'enum', values: js.enum.map(String) };
	if (isLocalized(js)) return { ...base, kind: 'localized' };
	if (js.type === 'string' && js.format === 'date') return { ...base, kind: 'date' };
	if (js.type === 'string' && js.pattern === SLUG) return { ...base, kind: 'id' };
	if (js.type === 'string' && typeof js.pattern === 'string') return { ...base, kind: 'pattern', pattern: js.pattern };
	if (js.type === 'string') return { ...base, kind: 'text' };
	if (js.type === 'integer' || js.type === 'number') return { ...base, kind: js.type, min: bound(js.minimum), max: bound(js.maximum) };
	if (js.type === 'boolean') return { ...base, kind: 'boolean' };
	if (js.type === 'object') return { ...base, kind: 'object' };
	return { ...base, kind: 'unknown' };
}

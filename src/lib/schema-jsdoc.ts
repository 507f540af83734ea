/**
 * JSDoc read from TypeScript source with the TypeScript parser (syntax only, no type check):
 * the docs of the fields of exported zod schemas, and of an Astro component's `Props`.
 */
import ts from 'typescript';

/** The JSDoc of one exported schema: its own doc, its own fields' docs, and the schema it extends. */
export interface SchemaSource {
	doc: string;
	fields: Record<string, string>;
	/** The exported schema this one extends or refines (`SopSchema` → `DocControlSchema`). */
	base?: string;
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
	const props = source.statements.find(
		(s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Props',
	);
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

function jsDocOf(node: ts.Node): string {
	const text = ts
		.getJSDocCommentsAndTags(node)
		.filter(ts.isJSDoc)
		.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
		.join(' ');
	return text
		.replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Follows a schema expression down its call chain: `Base.extend({...}).superRefine(...)`, `z.object({...})`. */
function analyse(expr: ts.Expression): { fields: Record<string, string>; base?: string } {
	if (ts.isIdentifier(expr)) return { fields: {}, base: expr.text };
	if (!ts.isCallExpression(expr) || !ts.isPropertyAccessExpression(expr.expression))
		return { fields: {} };
	const method = expr.expression.name.text;
	const target = expr.expression.expression;
	const literal =
		expr.arguments[0] && ts.isObjectLiteralExpression(expr.arguments[0])
			? expr.arguments[0]
			: undefined;
	if (method === 'object' && ts.isIdentifier(target) && target.text === 'z')
		return { fields: literal ? fieldsOfLiteral(literal) : {} };
	const inner = analyse(target);
	if (method === 'extend' && literal)
		return { base: inner.base, fields: { ...inner.fields, ...fieldsOfLiteral(literal) } };
	return inner;
}

function fieldsOfLiteral(literal: ts.ObjectLiteralExpression): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const prop of literal.properties) {
		if (!ts.isPropertyAssignment(prop) && !ts.isShorthandPropertyAssignment(prop)) continue;
		const key =
			ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : undefined;
		const doc = jsDocOf(prop);
		if (key && doc) fields[key] = doc;
	}
	return fields;
}

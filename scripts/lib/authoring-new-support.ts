/**
 * The checks and file helpers behind `kb new`: ids that exist, ids that are free, document
 * numbers, and writing a new file with its field comments.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeKey } from '../../src/lib/fault-code.ts';
import type { SchemaDoc } from '../../src/lib/schema-docs.ts';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/collections.ts';
import { addYears } from '../../src/lib/time.ts';
import { scalarText } from '../../src/lib/scalar.ts';
import { KbError } from '../../src/core/errors.ts';
import { listRevisions } from '../../src/core/documents.ts';
import { annotate, yamlScalar } from './authoring-templates.ts';
import { readFields } from '../../src/core/yaml.ts';

/** What every `new` needs: where the content is, today, and the schema docs for the comments. */
export interface NewContext {
	contentDir: string;
	today: string;
	docs: Partial<Record<CollectionName, SchemaDoc>>;
}

/** The template variables every controlled document shares. */
export function docVars(ctx: NewContext, slug: string, docId: string, owner: string | undefined) {
	return {
		slug,
		docId,
		owner: yamlScalar(owner ?? 'TODO: owner (person or role)'),
		today: ctx.today,
		reviewDue: addYears(ctx.today, 1),
	};
}

/** Writes a new file with its field comments; returns its path relative to the content folder. */
export function write(
	ctx: NewContext,
	collection: CollectionName,
	file: string,
	text: string,
): string {
	const doc = ctx.docs[collection];
	const target = join(ctx.contentDir, file);
	if (existsSync(target))
		throw new KbError(
			'file-exists',
			`${file} exists already.`,
			'Pick another name, or edit the existing file.',
		);
	mkdirSync(dirname(target), { recursive: true });
	writeFileSync(target, doc ? annotate(text, doc, COLLECTIONS[collection].format) : text);
	return file;
}

/** The entry ids of a collection (file names without extension, or folder names for SOPs and checklists). */
export function ids(ctx: NewContext, collection: CollectionName): string[] {
	const dir = join(ctx.contentDir, COLLECTIONS[collection].dir);
	return existsSync(dir)
		? readdirSync(dir)
				.filter((n) => !n.startsWith('.'))
				.map((n) => n.replace(/\.ya?ml$/, ''))
				.sort()
		: [];
}

/** Refuses a value that is not one of `values`. */
export function requireOneOf(what: string, value: string, values: readonly string[]): void {
	if (values.includes(value)) return;
	throw new KbError(
		'value-invalid',
		`${JSON.stringify(value)} is not a ${what}.`,
		`Use one of ${values.join(', ')}.`,
	);
}

/** Refuses an id that is not kebab-case. */
export function requireSlug(what: string, value: string): void {
	if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) return;
	throw new KbError(
		'slug-invalid',
		`The ${what} ${JSON.stringify(value)} is not kebab-case.`,
		'Use lowercase letters, digits and single hyphens, e.g. door-greeting.',
	);
}

/** Refuses a reference to a document that does not exist. */
export function requireExisting(
	ctx: NewContext,
	collection: 'sops' | 'etiquette',
	id: string,
): void {
	const known = ids(ctx, collection);
	if (!known.includes(id))
		throw missing(
			collection === 'sops' ? 'SOP' : 'rule',
			id,
			known,
			collection === 'sops' ? 'sop-unknown' : 'rule-unknown',
		);
}

export function requireAbsent(ctx: NewContext, path: string): void {
	if (existsSync(join(ctx.contentDir, path)))
		throw new KbError(
			'file-exists',
			`content ${path} exists already.`,
			'Pick another name, or revise the existing document with `npm run kb -- revise`.',
		);
}

export function missing(what: string, id: string, known: string[], code: string): KbError {
	return new KbError(
		code,
		`There is no ${what} called ${id}.`,
		`Use one of: ${known.join(', ') || 'none yet'}.`,
	);
}

export function refuseDuplicateCode(ctx: NewContext, family: string, code: string): void {
	const familyFile = readFields(
		readFileSync(join(ctx.contentDir, COLLECTIONS.families.dir, `${family}.yaml`), 'utf8'),
		'yaml',
	);
	const scheme = (familyFile.codeScheme ?? {}) as { leadingZerosSignificant?: boolean };
	const dir = join(ctx.contentDir, COLLECTIONS.faults.dir, family);
	for (const name of existsSync(dir) ? readdirSync(dir) : []) {
		const other = scalarText(readFields(readFileSync(join(dir, name), 'utf8'), 'yaml').code);
		if (codeKey(other, scheme) === codeKey(code, scheme)) {
			throw new KbError(
				'code-taken',
				`${code} is the same code as ${other} in ${COLLECTIONS.faults.dir}/${family}/${name}.`,
				"Add the new spelling to that entry's `aliases` instead.",
			);
		}
	}
}

export function refuseDocId(ctx: NewContext, docId: string): void {
	if (!/^[A-Z]+(-[A-Z0-9]+)+$/.test(docId))
		throw new KbError(
			'doc-id-invalid',
			`${docId} is not a document number.`,
			'Write it like SOP-SVC-009 or CL-SVC-007.',
		);
	if (docIds(ctx).includes(docId))
		throw new KbError(
			'doc-id-taken',
			`${docId} is the number of another document.`,
			'Leave out --doc-id to get the next free number, or pick another.',
		);
}

/** The next free number in the most used series of a kind (`SOP-SVC-008` → `SOP-SVC-009`). */
export function nextDocId(ctx: NewContext, kind: 'SOP' | 'CL'): string {
	const all = docIds(ctx);
	const series = new Map<string, number[]>();
	for (const id of all.filter((d) => d.startsWith(`${kind}-`))) {
		const m = /^(.*)-(\d+)$/.exec(id);
		if (m) series.set(m[1]!, [...(series.get(m[1]!) ?? []), Number(m[2])]);
	}
	const [prefix, numbers] = [...series.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [
		`${kind}-SVC`,
		[0],
	];
	for (let n = Math.max(...numbers) + 1; ; n++) {
		const id = `${prefix}-${String(n).padStart(3, '0')}`;
		if (!all.includes(id)) return id;
	}
}

// --- internal ---

/** Every docId in use, from the latest revision of each SOP and checklist. */
function docIds(ctx: NewContext): string[] {
	return (['sops', 'checklists'] as const).flatMap((kind) =>
		ids(ctx, kind).flatMap((slug) => {
			const latest = listRevisions(ctx.contentDir, { kind, slug }).at(-1);
			return latest
				? [
						String(
							readFields(
								readFileSync(join(ctx.contentDir, latest.files[0]!), 'utf8'),
								kind === 'sops' ? 'mdx' : 'yaml',
							).docId,
						),
					]
				: [];
		}),
	);
}

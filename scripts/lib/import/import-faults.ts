import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { KbError } from '../../../src/core/errors.ts';
import { codeKey } from '../../../src/lib/fault-code.ts';
import { files } from '../../../src/lib/routes.ts';
import { FaultCodeSchema, type FaultCodeInput } from '../../../src/schemas/fault-code.ts';
import type { Table } from '../table.ts';
import type { FaultMapping } from './fault-mapping.ts';

/** A row that could not be imported, with its spreadsheet row number (the header is row 1). */
export interface RejectedRow {
	row: number;
	reason: string;
}

/** An entry ready to write. */
export interface PlannedEntry {
	row: number;
	family: string;
	/** The family column's value (e.g. `FORD`), when families come from a column: names a new family file. */
	familyLabel?: string;
	data: FaultCodeInput;
}

/** What happened to each entry when written. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'kept-edited' | 'kept-authored';

/**
 * Turns table rows into validated fault entries. Bad rows are rejected with their row number and
 * reason; a second row with the same code in the same family is rejected as a duplicate.
 */
export function planImport(
	table: Table,
	mapping: FaultMapping,
	family: string | undefined,
	zerosMatter: (family: string) => boolean = () => mapping.leadingZerosSignificant,
): { entries: PlannedEntry[]; rejected: RejectedRow[] } {
	const col = (name: string | undefined) => (name === undefined ? -1 : table.headers.indexOf(name));
	const missing = Object.entries<string | undefined>(mapping.columns).filter(
		([, name]) => name !== undefined && col(name) < 0,
	);
	if (missing.length > 0) {
		const columns = missing.map(([f, n]) => `"${n}" (for ${f})`).join(', ');
		throw new KbError(
			'columns-missing',
			`the table has no column ${columns}; its columns are ${table.headers.join(', ')}.`,
			"name the table's columns in a mapping file and pass it with --mapping (scripts/mappings/ has examples).",
		);
	}
	if (!family && !mapping.columns.family)
		throw new KbError(
			'argument-missing',
			'no family was given for the codes.',
			'pass --family <id>, or map a family column in the mapping.',
		);
	const entries: PlannedEntry[] = [];
	const rejected: RejectedRow[] = [];
	const seen = new Map<string, number>();
	table.rows.forEach((cells, i) => {
		const row = table.rowNumbers?.[i] ?? i + 2;
		const cell = (name: string | undefined) =>
			name === undefined ? '' : (cells[col(name)] ?? '').trim();
		const fam = mapping.columns.family
			? familyId(mapping.familyPrefix, cell(mapping.columns.family))
			: family!;
		const base = cell(mapping.columns.code);
		const sub = cell(mapping.columns.subCode);
		const code = sub && !mapping.subCodeIgnore.includes(sub) ? `${base}-${sub}` : base;
		const title = cell(mapping.columns.title);
		if (!code)
			return rejected.push({
				row,
				reason: `the ${mapping.columns.code} column is empty; every row needs a code.`,
			});
		if (!/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(code))
			return rejected.push({
				row,
				reason: `code "${code}" has characters a code cannot have; use letters, digits and hyphens.`,
			});
		if (!title)
			return rejected.push({
				row,
				reason: `the ${mapping.columns.title} column is empty; every code needs a title.`,
			});
		const data: FaultCodeInput = {
			code,
			family: fam,
			title: { 'zh-CN': cell(mapping.columns.titleZh) || title, en: title },
			category: mapping.defaults.category,
			subcategory: mapping.defaults.subcategory,
			priority: mapping.defaults.priority,
			causes: steps(cell(mapping.columns.causes)).map((s) => ({ 'zh-CN': s, en: s })),
			remedy: steps(cell(mapping.columns.remedy)).map((s) => ({ 'zh-CN': s, en: s })),
		};
		const check = FaultCodeSchema.safeParse(data);
		if (!check.success)
			return rejected.push({
				row,
				reason: check.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '),
			});
		const key = `${fam}/${codeKey(code, { leadingZerosSignificant: zerosMatter(fam) })}`;
		const first = seen.get(key);
		if (first)
			return rejected.push({
				row,
				reason: `code ${check.data.code} is already in family ${fam} at row ${first}; a code may appear once per family.`,
			});
		seen.set(key, row);
		entries.push({
			row,
			family: fam,
			familyLabel: mapping.columns.family ? cell(mapping.columns.family) : undefined,
			data,
		});
	});
	return { entries, rejected };
}

/**
 * Writes planned entries under `contentDir/faults/<family>/`. A file the importer wrote and
 * nobody edited since is rewritten; one a trainer edited (or wrote) is kept unless `force`.
 * Each file is written to a temporary name and renamed, so a crash leaves no half file.
 */
export function writeEntry(
	contentDir: string,
	entry: PlannedEntry,
	source: string,
	force: boolean,
): WriteOutcome {
	const file = join(contentDir, files.fault(entry.family, entry.data.code));
	const body = stringify(entry.data, { lineWidth: 0 });
	const hash = digest(body);
	const text = `# Imported by \`kb import-faults\` from ${basename(source)}, row ${entry.row}. Edit freely: a re-import keeps edited files.\n# import-hash: ${hash}\n${body}`;
	if (existsSync(file)) {
		const current = readFileSync(file, 'utf8');
		const recorded = /^# import-hash: (\w+)$/m.exec(current)?.[1];
		const currentBody = current.replace(/^(#.*\n)+/, '');
		if (!force && !recorded) return 'kept-authored';
		if (!force && digest(currentBody) !== recorded) return 'kept-edited';
		if (recorded === hash && digest(currentBody) === hash) return 'unchanged';
		atomicWrite(file, text);
		return 'updated';
	}
	atomicWrite(file, text);
	return 'created';
}

/** Creates a family file for each new family id (named after the source value), so imported entries have a home. */
export function ensureFamily(
	contentDir: string,
	id: string,
	label: string,
	leadingZerosSignificant: boolean,
): boolean {
	const file = join(contentDir, 'families', `${id}.yaml`);
	if (existsSync(file)) return false;
	const description = {
		'zh-CN': `导入的故障码表：${label}`,
		en: `Imported fault-code table: ${label}`,
	};
	atomicWrite(
		file,
		stringify({
			name: { 'zh-CN': label, en: label },
			description,
			codeScheme: { leadingZerosSignificant },
		}),
	);
	return true;
}

/** The family id for a family column value: prefix plus the value in kebab case. */
export function familyId(prefix: string, value: string): string {
	return `${prefix}${value
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')}`;
}

// --- internal ---

/** Splits numbered or slash-separated steps: "1. A / 2. B" → ["A", "B"]. */
function steps(text: string): string[] {
	if (!text) return [];
	return text
		.split(/\s+\/\s+|\n/)
		.map((s) => s.replace(/^\s*(\d+[.)]|[•·-])\s*/, '').trim())
		.filter(Boolean);
}

function digest(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function atomicWrite(file: string, text: string): void {
	mkdirSync(dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.tmp`;
	writeFileSync(tmp, text);
	renameSync(tmp, file);
}

/**
 * The benchmarks' large content set: the starter content plus the first `n` rows of the shared
 * multi-brand OBD-II table, imported as a trainer would (`kb import-faults`). Benchmarks may read
 * `../shared`; tests may not.
 */
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadMapping } from '../../scripts/lib/import/fault-mapping.ts';
import {
	ensureFamily,
	planImport,
	writeEntry,
	type PlannedEntry,
} from '../../scripts/lib/import/import-faults.ts';
import { readTable } from '../../scripts/lib/table.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The shared OBD-II table the large set is imported from. */
export const OBD_TABLE = resolve(
	ROOT,
	'..',
	'shared',
	'data',
	'fault-tables',
	'obd-multibrand',
	'dtc_definitions.csv',
);

/** Copies the starter content to `dir` and imports `n` OBD-II rows into it; returns the entries written. */
export async function starterWithObd(dir: string, n: number): Promise<PlannedEntry[]> {
	cpSync(join(ROOT, 'content'), dir, { recursive: true });
	const { headers, rows } = await readTable(OBD_TABLE);
	const mapping = loadMapping(join(ROOT, 'scripts', 'mappings', 'obd-multibrand.yaml'));
	const { entries } = planImport({ headers, rows: rows.slice(0, n) }, mapping, undefined);
	for (const e of entries) {
		ensureFamily(dir, e.family, e.familyLabel ?? e.family, true);
		writeEntry(dir, e, OBD_TABLE, false);
	}
	return entries;
}

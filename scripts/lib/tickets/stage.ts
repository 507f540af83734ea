import type { Delimiter } from './csv.ts';
import type { TicketField } from './fields.ts';
import { runWithProgress, SILENT, type Progress } from './progress.ts';
import type { SourceRecord } from './records.ts';
import { dropTemp, sqlIdent, sqlString, type TicketStore } from './store.ts';

/**
 * Staging: the mapped columns of one export, as text, in a temporary table `staging(row, <field>…)`.
 * Only mapped columns are ever copied out of the export, so unmapped ones (names, phones,
 * addresses) are dropped before anything is written.
 */

/** Which source column feeds each mapped canonical field. */
export type Columns = Partial<Record<TicketField, string>>;

/** A row that could not be read at all (a broken CSV row, a bad JSON line), with why. */
export interface ReadError {
	row: number;
	reason: string;
}

/**
 * Stages a UTF-8 CSV with DuckDB's reader (fast, parallel). Returns false, leaving nothing staged,
 * when DuckDB meets a row it cannot split (wrong field count): the caller then stages the file
 * with {@link stageRecords} from the JavaScript reader, which numbers every row exactly.
 */
export async function stageCsv(
	store: TicketStore,
	file: string,
	header: string[],
	delimiter: Delimiter,
	columns: Columns,
	progress: Progress = SILENT,
): Promise<boolean> {
	const names = header.map((_, i) => `c${i}`);
	const types = `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
	const picks = Object.entries(columns).map(
		([field, col]) => `${sqlIdent(names[header.indexOf(col)]!)} AS ${sqlIdent(field)}`,
	);
	await store.run('DROP TABLE IF EXISTS kb_reject_errors; DROP TABLE IF EXISTS kb_reject_scans');
	await dropTemp(store, 'staging');
	// Insertion order is preserved, so rowid is the record's position: header is row 1.
	await runWithProgress(
		store,
		`CREATE OR REPLACE TEMP TABLE staging_raw AS SELECT ${picks.join(', ')} FROM read_csv(${sqlString(file)},
			header = true, auto_detect = false, columns = ${types}, delim = ${sqlString(delimiter)}, quote = '"', escape = '"',
			store_rejects = true, rejects_table = 'kb_reject_errors', rejects_scan = 'kb_reject_scans')`,
		progress,
	);
	const [{ n }] = (await store.all<{ n: number }>(
		'SELECT count(*) AS n FROM kb_reject_errors',
	)) as [{ n: number }];
	await store.run('DROP TABLE IF EXISTS kb_reject_errors; DROP TABLE IF EXISTS kb_reject_scans');
	if (n > 0) {
		await store.run('DROP TABLE staging_raw');
		return false;
	}
	await store.run(
		'CREATE OR REPLACE TEMP VIEW staging AS SELECT rowid + 2 AS row, * FROM staging_raw',
	);
	return true;
}

/**
 * Stages records from a JavaScript reader (NDJSON, JSON, XLSX, a connector's batch, or a CSV
 * DuckDB could not split). Unmapped keys are never appended; unreadable records come back as
 * {@link ReadError}s.
 */
export async function stageRecords(
	store: TicketStore,
	records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>,
	columns: Columns,
	progress: Progress = SILENT,
): Promise<ReadError[]> {
	const fields = Object.keys(columns) as TicketField[];
	await dropTemp(store, 'staging');
	await store.run(
		`CREATE TEMP TABLE staging (row BIGINT${fields.map((f) => `, ${sqlIdent(f)} VARCHAR`).join('')})`,
	);
	const appender = await store.conn.createAppender('staging');
	const errors: ReadError[] = [];
	let n = 0;
	for await (const rec of records) {
		if (rec.error !== undefined) {
			errors.push({ row: rec.row, reason: rec.error });
			continue;
		}
		appender.appendBigInt(BigInt(rec.row));
		for (const f of fields) {
			const v = rec.fields[columns[f]!];
			if (v === null || v === undefined) appender.appendNull();
			else appender.appendVarchar(v);
		}
		appender.endRow();
		if (++n % 10_000 === 0) progress.update(undefined, `${n.toLocaleString('en')} rows`);
	}
	appender.closeSync();
	return errors;
}

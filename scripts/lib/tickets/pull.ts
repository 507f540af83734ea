import { BUSINESS_TIME_ZONE } from '../../../src/lib/time.ts';

import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { CsvParser, sniffDelimiter, type Delimiter } from './csv.ts';
import { sniffFileEncoding, transcodeToUtf8 } from './encoding.ts';
import type { TicketField } from './fields.ts';
import { chooseMapping, type Mapping } from './mapping.ts';
import { normaliseStaged } from './normalise.ts';
import { SILENT, type Progress } from './progress.ts';
import {
	csvRecords,
	fileLines,
	formatOf,
	jsonRecords,
	ndjsonRecords,
	readJsonFile,
	xlsxRecords,
	type FileFormat,
	type SourceRecord,
} from './records.ts';
import { writeRejects, type Reject } from './rejects.ts';
import { stageCsv, stageRecords, type Columns, type ReadError } from './stage.ts';
import { dropTemp, sqlString, type TicketStore } from './store.ts';
import { upsertNormalised, type UpsertCounts } from './upsert.ts';

/** The default business time zone: times without an offset are read in it, and weeks are cut in it. */
export const DEFAULT_TIMEZONE = BUSINESS_TIME_ZONE;

/** Options of {@link pullFile}. */
export interface FilePullOptions {
	file: string;
	store: TicketStore;
	/** The secret for hashing serial numbers (see `loadSalt`). */
	salt: string;
	/** A mapping file's mapping; without one, the best-fitting preset is used. */
	mapping?: Mapping;
	/** `--encoding`: overrides detection for CSV. */
	encoding?: string;
	/** `--timezone`: overrides the mapping's zone for times without an offset. */
	timezone?: string;
	/** Where to write the rejects (default `.kb/rejects/<source>.csv`). */
	rejectsFile?: string;
	progress?: Progress;
}

/** What a pull did, for the summary table and `--json`. */
export interface PullSummary extends UpsertCounts {
	source: string;
	file: string;
	format: FileFormat;
	encoding?: string;
	/** Records read, bad ones included. */
	rows: number;
	rejected: number;
	rejectsFile: string;
	/** Canonical fields the export provided. */
	fields: TicketField[];
	/** Export columns that were not mapped, and so were dropped unread. */
	dropped: string[];
	/** The first 20 rejects, for the summary (all of them are in `rejectsFile`). */
	firstRejects: Reject[];
	seconds: number;
}

/**
 * Pulls one export file into the store: detects format and encoding, maps columns, drops the
 * unmapped ones, normalises, upserts by (source, id) and writes the rejects file. A bad row
 * never stops the pull. Throws a KbError only for problems with the file as a whole.
 */
export async function pullFile(options: FilePullOptions): Promise<PullSummary> {
	const started = performance.now();
	const { file, store, progress = SILENT } = options;
	const format = formatOf(file);
	// The scratch folder holds a transcoded copy of the export (with its personal data) only for the pull.
	const scratch = mkdtempSync(join(tmpdir(), 'kb-pull-'));
	try {
		progress.phase(`reading ${basename(file)}`);
		const read =
			format === 'csv'
				? await stageCsvFile(options, scratch, progress)
				: await stageOtherFile(options, format, progress);
		progress.done(`${read.mapping.source}, ${Object.keys(read.columns).length} fields mapped`);
		const timezone = options.timezone ?? read.mapping.timezone ?? DEFAULT_TIMEZONE;
		progress.phase('normalising');
		await normaliseStaged(store, read.mapping, read.columns, options.salt, timezone, progress);
		progress.done();
		progress.phase('storing');
		const fields = Object.keys(read.columns) as TicketField[];
		const counts = await upsertNormalised(store, read.mapping.source, 'file', fields);
		const rejects = await collectRejects(store, read.errors);
		const rejectsFile = options.rejectsFile ?? defaultRejectsFile(store, read.mapping.source);
		writeRejects(rejectsFile, rejects);
		const [{ n: staged }] = (await store.all<{ n: number }>(
			'SELECT count(*) AS n FROM staging',
		)) as [{ n: number }];
		const rows = staged + read.errors.length;
		await store.run(
			`INSERT INTO pulls VALUES (${sqlString(read.mapping.source)}, now(), ${sqlString(basename(file))}, ${rows}, ${counts.inserted}, ${counts.updated}, ${counts.unchanged}, ${rejects.length})`,
		);
		progress.done(`${counts.inserted} new, ${counts.updated} changed, ${rejects.length} rejected`);
		return {
			source: read.mapping.source,
			file,
			format,
			encoding: read.encoding,
			rows,
			rejected: rejects.length,
			rejectsFile,
			fields,
			dropped: read.dropped,
			firstRejects: rejects.slice(0, 20),
			seconds: (performance.now() - started) / 1000,
			...counts,
		};
	} finally {
		rmSync(scratch, { recursive: true, force: true });
		await dropScratchTables(store);
	}
}

/** Where a pull's rejects go unless `--rejects` says otherwise: `rejects/<source>.csv` beside the store. */
export function defaultRejectsFile(store: TicketStore, source: string): string {
	return join(
		store.path === ':memory:' ? tmpdir() : dirname(store.path),
		'rejects',
		`${source}.csv`,
	);
}

/** The rows normalising rejected, and the unreadable rows, in row order. */
export async function collectRejects(store: TicketStore, errors: ReadError[]): Promise<Reject[]> {
	const bad = await store.all<{ row: number; ticket_id: string | null; reason: string }>(
		'SELECT row, ticket_id, reason FROM rejected ORDER BY row',
	);
	return [
		...errors.map((e) => ({ row: e.row, id: null, reason: e.reason })),
		...bad.map((b) => ({ row: b.row, id: b.ticket_id, reason: b.reason })),
	].sort((a, b) => (a.row < 0 ? 1 : b.row < 0 ? -1 : a.row - b.row));
}

/** Drops the temporary tables of a pull, so the next one starts clean. */
export async function dropScratchTables(store: TicketStore): Promise<void> {
	await dropTemp(store, 'staging');
	for (const { name } of await store.all<{ name: string }>(
		"SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND (table_name IN ('staging_raw', 'normalised', 'rejected') OR table_name LIKE 'lk\\_%' ESCAPE '\\')",
	)) {
		await store.run(`DROP TABLE ${name}`);
	}
}

// --- internal ---

interface Staged {
	mapping: Mapping;
	columns: Columns;
	errors: ReadError[];
	dropped: string[];
	encoding?: string;
}

async function stageCsvFile(
	options: FilePullOptions,
	scratch: string,
	progress: Progress,
): Promise<Staged> {
	const detected = sniffFileEncoding(options.file, options.encoding);
	const encoding = detected.encoding === 'undecided' ? 'utf-8' : detected.encoding;
	let path = options.file;
	if (encoding !== 'utf-8') {
		path = join(scratch, 'utf8.csv');
		await transcodeToUtf8(options.file, path, encoding);
	}
	const { header, delimiter } = readHeader(path);
	const { mapping, columns } = chooseMapping(header, options.mapping, options.file);
	const dropped = header.filter((h) => !Object.values(columns).includes(h));
	const label = `${encoding}${detected.bom ? ' with BOM' : ''}`;
	if (await stageCsv(options.store, path, header, delimiter, columns, progress))
		return { mapping, columns, errors: [], dropped, encoding: label };
	// DuckDB met a row it cannot split: read the file in JavaScript, which numbers every row.
	const errors = await stageRecords(
		options.store,
		csvRecords(path, 'utf-8', delimiter),
		columns,
		progress,
	);
	return { mapping, columns, errors, dropped, encoding: label };
}

async function stageOtherFile(
	options: FilePullOptions,
	format: FileFormat,
	progress: Progress,
): Promise<Staged> {
	const records =
		format === 'xlsx'
			? xlsxRecords(options.file)
			: format === 'json'
				? jsonRecords(readJsonFile(options.file))
				: ndjsonRecords(fileLines(options.file));
	const { keys, replay } = await peekKeys(records, 1000);
	const { mapping, columns } = chooseMapping(keys, options.mapping, options.file);
	const dropped = keys.filter((k) => !Object.values(columns).includes(k));
	const errors = await stageRecords(options.store, replay, columns, progress);
	return { mapping, columns, errors, dropped };
}

function readHeader(file: string): { header: string[]; delimiter: Delimiter } {
	const fd = openSync(file, 'r');
	const buf = Buffer.alloc(1 << 20);
	const n = readSync(fd, buf, 0, buf.length, 0);
	closeSync(fd);
	const text = new TextDecoder('utf-8').decode(buf.subarray(0, n)).replace(/^\ufeff/, '');
	const delimiter = sniffDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
	const parser = new CsvParser(delimiter);
	const first = parser.push(text)[0] ?? parser.end()[0];
	return { header: (first?.fields ?? []).map((h) => h.trim()), delimiter };
}

// The mapping is chosen from the keys of the first records; they are then replayed for staging.
async function peekKeys(
	records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>,
	n: number,
): Promise<{ keys: string[]; replay: AsyncIterable<SourceRecord> }> {
	const it =
		Symbol.asyncIterator in records ? records[Symbol.asyncIterator]() : records[Symbol.iterator]();
	const head: SourceRecord[] = [];
	const keys = new Set<string>();
	while (head.length < n) {
		const next = await it.next();
		if (next.done) break;
		head.push(next.value);
		for (const k of Object.keys(next.value.fields ?? {})) keys.add(k);
	}
	async function* replay(): AsyncGenerator<SourceRecord> {
		yield* head;
		for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
	}
	return { keys: [...keys], replay: replay() };
}

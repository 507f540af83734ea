import { createReadStream, readFileSync } from 'node:fs';
import {
	InvalidInputError,
	InvalidSpreadsheetError,
	readSheet,
	SheetNotFoundError,
	type SheetData,
} from 'read-excel-file/node';
import { CsvParser, sniffDelimiter, type Delimiter } from './csv.ts';
import type { TextEncodingName } from './encoding.ts';
import { KbError } from '../../../src/core/errors.ts';
import { scalarText } from '../../../src/lib/scalar.ts';

/** One source record: its row (or line, or item) number and its fields as text, or why it could not be read. */
export type SourceRecord =
	| { row: number; fields: Record<string, string | null>; error?: undefined }
	| { row: number; error: string; fields?: undefined };

/** Export formats the file pull reads. */
export type FileFormat = 'csv' | 'ndjson' | 'json' | 'xlsx';

/** The format of a file from its extension (`.csv`, `.tsv`, `.txt`, `.ndjson`, `.jsonl`, `.json`, `.xlsx`). */
export function formatOf(file: string): FileFormat {
	const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
	if (['csv', 'tsv', 'txt'].includes(ext)) return 'csv';
	if (['ndjson', 'jsonl'].includes(ext)) return 'ndjson';
	if (ext === 'json') return 'json';
	if (ext === 'xlsx') return 'xlsx';
	throw new KbError(
		'format-unknown',
		`cannot tell the format of ${file} from its extension.`,
		'name the file .csv, .tsv, .ndjson, .json or .xlsx.',
	);
}

/**
 * Flattens a JSON ticket into dotted keys with text values: `via.channel`, Zendesk's
 * `custom_fields: [{id, value}]` as `custom_fields.<id>`, RT's `CustomFields: [{name, values}]`
 * as `CF.{name}`. Lists of plain values are joined with ", "; `null` stays null.
 */
export function flattenRecord(
	value: unknown,
	prefix = '',
	out: Record<string, string | null> = {},
): Record<string, string | null> {
	if (value === null || value === undefined) {
		if (prefix) out[prefix] = null;
	} else if (Array.isArray(value)) {
		flattenArray(value, prefix, out);
	} else if (value instanceof Date) {
		out[prefix] = wallClock(value);
	} else if (typeof value === 'object') {
		for (const [k, v] of Object.entries(value))
			flattenRecord(v, prefix ? `${prefix}.${k}` : k, out);
	} else {
		out[prefix] = scalarText(value);
	}
	return out;
}

/** Records of a JSON array (or an object holding one under `tickets`, `items`, `results` or `data`); items numbered from 1. */
export function* jsonRecords(text: string): Generator<SourceRecord> {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (error) {
		throw new KbError(
			'json-invalid',
			`the file is not valid JSON: ${(error as Error).message}`,
			'export it again, or save it as NDJSON (one ticket per line) so one bad line does not spoil the file.',
		);
	}
	const list = Array.isArray(doc)
		? doc
		: (['tickets', 'items', 'results', 'data']
				.map((k) => (doc as Record<string, unknown> | null)?.[k])
				.find(Array.isArray) as unknown[] | undefined);
	if (!list)
		throw new KbError(
			'json-shape',
			'the JSON holds no list of tickets.',
			'give a JSON array of tickets, or an object with a `tickets` array.',
		);
	for (const [i, item] of list.entries()) {
		yield item && typeof item === 'object' && !Array.isArray(item)
			? { row: i + 1, fields: flattenRecord(item) }
			: { row: i + 1, error: 'is not a JSON object; each ticket must be an object.' };
	}
}

/** Records of NDJSON text, numbered by line; blank lines are skipped, a bad line becomes an error record. */
export async function* ndjsonRecords(
	lines: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<SourceRecord> {
	let row = 0;
	for await (const line of lines) {
		row++;
		if (!line.trim()) continue;
		try {
			const item: unknown = JSON.parse(line);
			yield item && typeof item === 'object' && !Array.isArray(item)
				? { row, fields: flattenRecord(item) }
				: { row, error: 'is not a JSON object; each line must be one ticket object.' };
		} catch {
			yield { row, error: 'is not valid JSON; each line must be one complete JSON object.' };
		}
	}
}

/** The rows of an XLSX file's first sheet; a file that is not a workbook is a KbError (`xlsx-unreadable`). */
export async function readXlsxRows(file: string): Promise<SheetData> {
	try {
		return await readSheet(file);
	} catch (error) {
		if (!(
			error instanceof InvalidInputError ||
			error instanceof InvalidSpreadsheetError ||
			error instanceof SheetNotFoundError
		))
			throw error;
		throw new KbError(
			'xlsx-unreadable',
			`cannot read ${file} as an Excel workbook: ${(error as Error).message.split('\n')[0]}`,
			'open it in Excel and save it again as "Excel Workbook (.xlsx)", or export it as "CSV UTF-8".',
		);
	}
}

/** Records of an XLSX file's first sheet, numbered as Excel numbers rows (the header is row 1). */
export async function* xlsxRecords(file: string): AsyncGenerator<SourceRecord> {
	const rows = await readXlsxRows(file);
	const header = (rows[0] ?? []).map((h) => cellText(h) ?? '');
	for (let i = 1; i < rows.length; i++) {
		const cells = rows[i]!;
		if (cells.every((c) => c === null || c === '')) continue;
		yield { row: i + 1, fields: Object.fromEntries(header.map((h, j) => [h, cellText(cells[j])])) };
	}
}

/** Records of a CSV file read in JavaScript, numbered as a spreadsheet numbers rows; a row with the wrong number of fields is an error record. */
export async function* csvRecords(
	file: string,
	encoding: TextEncodingName,
	delimiter?: Delimiter,
): AsyncGenerator<SourceRecord> {
	const decoder = new TextDecoder(encoding);
	let parser: CsvParser | undefined;
	let header: string[] | undefined;
	const emit = (recs: { row: number; fields: string[] }[]): SourceRecord[] =>
		recs.flatMap((r): SourceRecord[] => {
			if (!header) {
				header = r.fields;
				return [];
			}
			if (r.fields.length !== header.length)
				return [
					{
						row: r.row,
						error: `has ${r.fields.length} fields where the header has ${header.length}; check for a stray delimiter or an unclosed quote.`,
					},
				];
			return [
				{ row: r.row, fields: Object.fromEntries(header.map((h, j) => [h, r.fields[j] ?? null])) },
			];
		});
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
		const text = decoder.decode(chunk as Buffer, { stream: true });
		parser ??= new CsvParser(delimiter ?? sniffDelimiter(text.split(/\r?\n/, 1)[0] ?? ''));
		yield* emit(parser.push(text));
	}
	if (!parser) return;
	yield* emit([...parser.push(decoder.decode()), ...parser.end()]);
	if (parser.unterminated)
		yield { row: -1, error: 'the file ends inside a quoted field; a quote is not closed.' };
}

/** The lines of a UTF-8 file, streamed. */
export async function* fileLines(file: string): AsyncGenerator<string> {
	let rest = '';
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
		const lines = (rest + decoder.decode(chunk as Buffer, { stream: true })).split('\n');
		rest = lines.pop() ?? '';
		yield* lines.map((l) => l.replace(/\r$/, ''));
	}
	if (rest) yield rest;
}

/** Reads a small JSON file whole (connectors' fixtures, exports under a few hundred MB). */
export function readJsonFile(file: string): string {
	return readFileSync(file, 'utf8').replace(/^\ufeff/, '');
}

// --- internal ---

function flattenArray(value: unknown[], prefix: string, out: Record<string, string | null>): void {
	const objects = value.filter(
		(v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v),
	);
	if (objects.length === 0) {
		out[prefix] = value.length ? value.map(String).join(', ') : null;
		return;
	}
	for (const o of objects) {
		if (prefix.endsWith('CustomFields') && typeof o.name === 'string') {
			const vals = Array.isArray(o.values) ? o.values : [];
			out[`CF.{${o.name}}`] = vals.length ? vals.map(String).join(', ') : null;
		} else if ((typeof o.id === 'number' || typeof o.id === 'string') && 'value' in o) {
			const v = o.value;
			out[`${prefix}.${o.id}`] =
				v === null || v === undefined
					? null
					: Array.isArray(v)
						? v.map(String).join(', ')
						: scalarText(v);
		}
	}
}

function cellText(cell: unknown): string | null {
	if (cell === null || cell === undefined || cell === '') return null;
	if (cell instanceof Date) return wallClock(cell);
	return scalarText(cell);
}

// Spreadsheet dates carry no zone: read-excel-file gives the wall-clock time as a UTC Date, and
// Excel's day fractions come back a millisecond off (09:29:59.999), so round to the second.
function wallClock(d: Date): string {
	const iso = new Date(Math.round(d.getTime() / 1000) * 1000).toISOString();
	const time = iso.slice(11, 19);
	return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

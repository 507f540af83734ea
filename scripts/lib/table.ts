import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { scalarText } from '../../src/lib/scalar.ts';
import { parseCsv, sniffDelimiter } from './tickets/csv.ts';
import { detectEncoding, normaliseEncodingName } from './tickets/encoding.ts';
import { readXlsxRows } from './tickets/records.ts';

/** A spreadsheet as rows of strings, with each row's number in the file (the header is row 1). */
export interface Table {
	headers: string[];
	rows: string[][];
	/** The file row of each data row; without it, data row `i` is row `i + 2`. */
	rowNumbers?: number[];
	/** The text encoding a CSV was read with. */
	encoding?: string;
}

/**
 * Reads a CSV or TSV (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 as Chinese Excel
 * writes it; `encoding` overrides) or an XLSX file (first sheet) into headers and rows of trimmed
 * strings. CSV parsing and encoding detection are the ticket pull's, so both read files alike.
 */
export async function readTable(file: string, encoding?: string): Promise<Table> {
	if (extname(file).toLowerCase() === '.xlsx') {
		const data: unknown[][] = await readXlsxRows(file);
		const [headers = [], ...rows] = data.map((row) => row.map(cellText));
		return { headers, rows };
	}
	const bytes = readFileSync(file);
	const detected = encoding ? normaliseEncodingName(encoding) : detectEncoding(bytes).encoding;
	const enc = detected === 'undecided' ? 'utf-8' : detected;
	const text = new TextDecoder(enc).decode(bytes).replace(/^\uFEFF/, '');
	const [header, ...records] = parseCsv(
		text,
		sniffDelimiter(text.slice(0, text.indexOf('\n') + 1 || undefined)),
	);
	return {
		headers: (header?.fields ?? []).map((h) => h.trim()),
		rows: records.map((r) => r.fields.map((f) => f.trim())),
		rowNumbers: records.map((r) => r.row),
		encoding: enc,
	};
}

// --- internal ---

function cellText(cell: unknown): string {
	if (cell === null || cell === undefined) return '';
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return scalarText(cell).trim();
}

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

/** A spreadsheet as rows of strings; `rowNumber(i)` is the 1-based line of data row `i` in the file. */
export interface Table {
	headers: string[];
	rows: string[][];
	/** The text encoding a CSV was read with. */
	encoding?: string;
}

/**
 * Reads a CSV (UTF-8 with or without BOM, else GB18030 as Chinese Excel writes it, or `encoding`)
 * or an XLSX file (first sheet) into headers and rows of trimmed strings.
 */
export async function readTable(file: string, encoding?: string): Promise<Table> {
	if (extname(file).toLowerCase() === '.xlsx') {
		const { readSheet } = await import('read-excel-file/node');
		const data = (await readSheet(file)) as unknown[][];
		const [headers = [], ...rows] = data.map((row) => row.map(cellText));
		return { headers, rows };
	}
	const bytes = readFileSync(file);
	const enc = encoding ?? detectEncoding(bytes);
	const text = new TextDecoder(enc).decode(bytes).replace(/^\uFEFF/, '');
	const [headers = [], ...rows] = parseCsv(text);
	return { headers: headers.map((h) => h.trim()), rows, encoding: enc };
}

/** `utf-8` when the bytes decode as UTF-8, else `gb18030` (a superset of GBK and GB2312). */
export function detectEncoding(bytes: Uint8Array): string {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return 'utf-8';
	} catch {
		return 'gb18030';
	}
}

/** Parses RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') field += text[i++]!;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === ',') (row.push(field), (field = ''));
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			if (row.length > 1 || row[0] !== '') rows.push(row);
			(row = []), (field = '');
		} else field += c;
	}
	if (field !== '' || row.length > 0) rows.push([...row, field]);
	return rows;
}

// --- internal ---

function cellText(cell: unknown): string {
	if (cell === null || cell === undefined) return '';
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return String(cell).trim();
}

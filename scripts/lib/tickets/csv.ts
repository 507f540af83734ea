/**
 * A small RFC 4180 CSV reader: quoted fields with `""` escapes, quoted line breaks, CR LF or LF.
 * The pull reads large files with DuckDB; this reader takes the header, the files DuckDB cannot
 * read row by row (a broken row), and the tests' expectations of both.
 */

/** Delimiters a ticket export may use: comma, semicolon (European Excel) or tab (RT, "Unicode text"). */
export const DELIMITERS = [',', ';', '\t'] as const;
/** A CSV delimiter. */
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter of a header line: whichever of comma, semicolon and tab occurs most outside quotes (comma on a tie). */
export function sniffDelimiter(headerLine: string): Delimiter {
	const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (const ch of headerLine) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && counts.has(ch as Delimiter))
			counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
	}
	return [...counts.entries()].reduce((best, e) => (e[1] > best[1] ? e : best))[0];
}

/** One record and its number: the header is record 1, blank lines are not counted. */
export interface CsvRecord {
	row: number;
	fields: string[];
}

/** A push parser: feed it text chunks, take the complete records; `end()` flushes the last one. */
export class CsvParser {
	#delimiter: string;
	#field = '';
	#fields: string[] = [];
	#quoted = false;
	#afterQuote = false;
	#pendingCr = false;
	#row = 0;
	#out: CsvRecord[] = [];
	/** Whether the text ended inside a quoted field (an unterminated quote). */
	unterminated = false;

	constructor(delimiter: Delimiter = ',') {
		this.#delimiter = delimiter;
	}

	/** Parses a chunk; returns the records it completed. */
	push(chunk: string): CsvRecord[] {
		for (let i = 0; i < chunk.length; i++) this.#char(chunk[i]!);
		return this.#take();
	}

	/** Ends the input; returns the last record, if any. */
	end(): CsvRecord[] {
		this.unterminated = this.#quoted;
		if (this.#field !== '' || this.#fields.length > 0 || this.#quoted) this.#endRecord();
		return this.#take();
	}

	// --- internal ---

	#char(ch: string): void {
		if (this.#pendingCr) {
			this.#pendingCr = false;
			if (ch === '\n') return;
		}
		if (this.#quoted) {
			if (ch === '"') {
				this.#quoted = false;
				this.#afterQuote = true;
			} else this.#field += ch;
			return;
		}
		if (ch === '"') {
			// A quote right after a closing quote is an escaped quote; elsewhere it opens a quoted run.
			if (this.#afterQuote) this.#field += '"';
			this.#quoted = true;
			this.#afterQuote = false;
			return;
		}
		this.#afterQuote = false;
		if (ch === this.#delimiter) {
			this.#fields.push(this.#field);
			this.#field = '';
		} else if (ch === '\n' || ch === '\r') {
			this.#pendingCr = ch === '\r';
			this.#endRecord();
		} else this.#field += ch;
	}

	#endRecord(): void {
		this.#fields.push(this.#field);
		// Blank lines are neither records nor counted, as DuckDB's reader skips them too.
		if (!(this.#fields.length === 1 && this.#fields[0] === ''))
			this.#out.push({ row: ++this.#row, fields: this.#fields });
		this.#fields = [];
		this.#field = '';
		this.#quoted = false;
		this.#afterQuote = false;
	}

	#take(): CsvRecord[] {
		const out = this.#out;
		this.#out = [];
		return out;
	}
}

/** Parses a whole CSV text into records (header included). */
export function parseCsv(text: string, delimiter: Delimiter = ','): CsvRecord[] {
	const parser = new CsvParser(delimiter);
	return [...parser.push(text.replace(/^\ufeff/, '')), ...parser.end()];
}

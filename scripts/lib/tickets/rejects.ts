import { writeFileAtomic } from './atomic.ts';

/** A row that was not stored, and why. */
export interface Reject {
	/** Row number in the export (header = 1), line of an NDJSON file, or item of a JSON array; -1 for the end of the file. */
	row: number;
	/** The ticket id, when the row had one. */
	id: string | null;
	/** Full sentences naming the field, the value and the fix, joined with "; ". */
	reason: string;
}

/**
 * Writes the rejects of a pull as CSV (`row,id,reason`, UTF-8 with a BOM so Excel opens it),
 * atomically, replacing the previous pull's list. Only the row number, the id and the reason
 * are written: never the row itself, which may hold personal data.
 */
export function writeRejects(file: string, rejects: readonly Reject[]): void {
	const lines = rejects.map((r) =>
		[r.row < 0 ? 'end' : String(r.row), r.id ?? '', r.reason].map(csvField).join(','),
	);
	writeFileAtomic(file, `\ufeffrow,id,reason\n${lines.map((l) => `${l}\n`).join('')}`);
}

/** One reject as the summary prints it: `row 7 (T-1007): created "2026-13-01" is not a date…`. */
export function formatReject(r: Reject): string {
	const where = r.row < 0 ? 'end of file' : `row ${r.row}`;
	return `${where}${r.id ? ` (${r.id})` : ''}: ${r.reason}`;
}

// --- internal ---

function csvField(s: string): string {
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

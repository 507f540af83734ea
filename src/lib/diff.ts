import { diffLines } from 'diff';

/** One line of a text diff. */
export interface DiffLine {
	kind: 'added' | 'removed' | 'same';
	text: string;
}

/**
 * A line-by-line diff of two texts, in order, with unchanged lines kept so the reader sees
 * context. Trailing whitespace differences are ignored; blank lines are dropped.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
	const lines: DiffLine[] = [];
	for (const part of diffLines(before, after, { ignoreWhitespace: false })) {
		const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
		for (const text of part.value.replace(/\n$/, '').split('\n')) {
			if (text.trim() !== '') lines.push({ kind, text: text.trimEnd() });
		}
	}
	return lines;
}

/** How many lines were added and removed. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
	return {
		added: lines.filter((l) => l.kind === 'added').length,
		removed: lines.filter((l) => l.kind === 'removed').length,
	};
}

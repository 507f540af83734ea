import { describe, expect, it } from 'vitest';
import { diffStats, lineDiff } from '../../src/lib/diff.ts';

describe('lineDiff', () => {
	it('marks added and removed lines and keeps the context', () => {
		const lines = lineDiff('a\nb\nc\n', 'a\nB\nc\nd\n');

		expect(lines).toEqual([
			{ kind: 'same', text: 'a' },
			{ kind: 'removed', text: 'b' },
			{ kind: 'added', text: 'B' },
			{ kind: 'same', text: 'c' },
			{ kind: 'added', text: 'd' },
		]);
		expect(diffStats(lines)).toEqual({ added: 2, removed: 1 });
	});

	it('returns only unchanged lines for equal texts', () => {
		expect(diffStats(lineDiff('x\ny', 'x\ny'))).toEqual({ added: 0, removed: 0 });
	});
});

import { describe, expect, it } from 'vitest';
import { isPass, scoreOf, type AnswerKey } from '../../src/client/learn/progress.ts';

const KEY: AnswerKey[] = [
	{ id: 'knock', answer: 'b' },
	{ id: 'late', answer: 'a' },
	{ id: 'call-back', answer: 'c' },
];

describe('scoreOf', () => {
	it.each<
		[
			string,
			Record<string, 'a' | 'b' | 'c'>,
			{ answered: number; correct: number; percent: number; finished: boolean },
		]
	>([
		['nothing answered', {}, { answered: 0, correct: 0, percent: 0, finished: false }],
		[
			'one right of three',
			{ knock: 'b' },
			{ answered: 1, correct: 1, percent: 33, finished: false },
		],
		[
			'all answered, two right',
			{ knock: 'b', late: 'a', 'call-back': 'a' },
			{ answered: 3, correct: 2, percent: 67, finished: true },
		],
		[
			'answers to removed questions',
			{ knock: 'b', gone: 'a' },
			{ answered: 1, correct: 1, percent: 33, finished: false },
		],
	])('scores %s', (_, answers, expected) => {
		const score = scoreOf(answers, KEY);

		expect(score).toEqual({ ...expected, total: 3 });
	});
});

describe('isPass', () => {
	it('passes a finished attempt at exactly the pass mark', () => {
		const score = scoreOf({ knock: 'b', late: 'a', 'call-back': 'a' }, KEY);

		expect(isPass(score, 67)).toBe(true);
		expect(isPass(score, 68)).toBe(false);
	});

	it('does not pass an unfinished attempt however good', () => {
		const score = scoreOf({ knock: 'b', late: 'a' }, KEY);

		expect(isPass(score, 50)).toBe(false);
	});
});

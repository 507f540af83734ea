import { describe, expect, it } from 'vitest';
import { matchRanges } from '../../src/lib/search-highlight.ts';

const marked = (text: string, terms: string[]) =>
	matchRanges(text, terms).map(([s, e]) => text.slice(s, e));

describe('matchRanges', () => {
	it.each([
		['a code, ignoring case', 'E4 outdoor unit', ['e4'], ['E4']],
		['a full-width code typed as half-width', 'Ｅ４ 通信故障', ['E4'], ['Ｅ４']],
		['a half-width code typed as full-width', '显示E4并停机', ['Ｅ４'], ['E4']],
		['each word of a Latin query', 'No hot water after repair', ['hot', 'water'], ['hot', 'water']],
		[
			'a word at the start of a longer word',
			'water too hot, hotter still',
			['hot'],
			['hot', 'hot'],
		],
		[
			'the two-character pieces of a Chinese term',
			'分体空调不制冷',
			['空调制冷'],
			['空调', '制冷'],
		],
		['a one-character Chinese term', '水温显示不准', ['水'], ['水']],
		['a Latin word inside a mixed term', '热水器 F05 插头', ['故障码f05'], ['F05']],
	])('marks %s', (_, text, terms, expected) => {
		expect(marked(text, terms)).toEqual(expected);
	});

	it('merges overlapping and touching ranges into one', () => {
		const ranges = matchRanges('不制冷了', ['不制', '制冷']);

		expect(ranges).toEqual([[0, 3]]);
	});

	it('returns UTF-16 offsets into the original text when NFKC changes its length', () => {
		const text = '单位 ㎏ 以内';

		const ranges = matchRanges(text, ['kg']);

		expect(ranges).toEqual([[3, 4]]);
		expect(text.slice(3, 4)).toBe('㎏');
	});

	it.each([
		['the middle of a word', 'not enough', ['no'], ['no']],
		['a lone Latin letter', 'error f 05 fuse', ['f'], []],
		['an empty term', 'anything', ['', '  '], []],
	])('does not mark %s', (_, text, terms, expected) => {
		expect(marked(text, terms)).toEqual(expected);
	});
});

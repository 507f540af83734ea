import { describe, expect, it } from 'vitest';
import {
	indexTerms,
	pairsMatch,
	queryWords,
	stem,
	unitRuns,
	wholeTitleTerm,
} from '../../src/lib/search-terms.ts';

describe('unitRuns', () => {
	it('reads Chinese characters one by one and Latin letters and digits as words, across punctuation', () => {
		expect(unitRuns('空气流量（MAF）传感器电路第1排传感器2')).toEqual([
			[
				'空',
				'气',
				'流',
				'量',
				'maf',
				'传',
				'感',
				'器',
				'电',
				'路',
				'第',
				'1',
				'排',
				'传',
				'感',
				'器',
				'2',
			],
		]);
	});

	it('splits runs at white space and folds full-width forms', () => {
		expect(unitRuns('Ｅ４ 排水')).toEqual([['e4'], ['排', '水']]);
	});
});

describe('indexTerms', () => {
	it('indexes mixed tokens so the digit tells 第1排 from 第2排', () => {
		const one = indexTerms('第1排氧传感器', true);
		const two = indexTerms('第2排氧传感器', true);
		expect(one.has('第1') && one.has('1排')).toBe(true);
		expect(two.has('第1') || two.has('1排')).toBe(false);
	});

	it('pairs a Latin word with the Chinese next to it, across brackets', () => {
		const terms = indexTerms('空气流量（MAF）传感器', false);
		expect([...terms]).toEqual(expect.arrayContaining(['maf', '量maf', 'maf传', '传感']));
	});

	it('keeps single characters for titles only, and leaves English stop words and plain word pairs out', () => {
		expect(indexTerms('漏水', true).has('漏')).toBe(true);
		expect(indexTerms('漏水', false).has('漏')).toBe(false);
		expect([...indexTerms('Misfire of the Cylinders', false)].sort()).toEqual([
			'cylinder',
			'misfire',
		]);
	});
});

describe('queryWords', () => {
	it('turns a Chinese word into its pairs and a Latin word into one stemmed term', () => {
		expect(queryWords('MAF传感器 sensors')).toEqual([
			{ kind: 'pairs', text: 'maf传感器', pairs: ['maf传', '传感', '感器'] },
			{ kind: 'term', text: 'sensors', term: 'sensor' },
		]);
	});

	it('keeps a lone Chinese character as itself and makes stop words optional when others remain', () => {
		expect(queryWords('水')).toEqual([{ kind: 'term', text: '水', term: '水' }]);
		expect(queryWords('the')).toEqual([{ kind: 'term', text: 'the', term: 'the' }]);
		expect(queryWords('loss of power')).toEqual([
			{ kind: 'term', text: 'loss', term: 'loss' },
			{ kind: 'term', text: 'of', term: 'of', optional: true },
			{ kind: 'term', text: 'power', term: 'power' },
		]);
	});
});

describe('pairsMatch', () => {
	it.each([
		[[true, true, true], 0],
		[[true, false, true], 1],
		[[true, false, true, false, true], 2],
		[[false, true, true], -1],
		[[true, true, false], -1],
		[[true, false, false, true], -1],
	])('%j → %i', (present, expected) => {
		expect(pairsMatch(present)).toBe(expected);
	});
});

describe('stem and wholeTitleTerm', () => {
	it('folds plurals and -ing/-ed the same way on both sides', () => {
		expect(
			[
				'sensors',
				'batteries',
				'glass',
				'status',
				'bus',
				'draining',
				'drained',
				'stopped',
				'speed',
			].map(stem),
		).toEqual(['sensor', 'battery', 'glass', 'status', 'bus', 'drain', 'drain', 'stop', 'speed']);
	});

	it('ignores punctuation, width and case in a whole title', () => {
		expect(wholeTitleTerm('空气流量（MAF）传感器')).toBe(wholeTitleTerm('空气流量 maf 传感器'));
		expect(wholeTitleTerm('第1排')).not.toBe(wholeTitleTerm('第2排'));
	});
});

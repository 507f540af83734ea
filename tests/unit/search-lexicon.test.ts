import { describe, expect, it } from 'vitest';
import {
	buildLexicon,
	searchLexicon,
	shardsForQuery,
	type LexiconDoc,
} from '../../src/lib/search-lexicon.ts';
import { indexTerms, queryTerms } from '../../src/lib/search-terms.ts';

const doc = (
	u: string,
	title: string,
	aliases: string[] = [],
	text: string[] = [],
	code?: string,
): LexiconDoc => ({ card: { u, t: title, k: 'fault', f: {} }, title, aliases, text, code });

describe('queryTerms and indexTerms', () => {
	it.each([
		['不制冷', ['不制', '制冷']],
		['漏', ['漏']],
		['Not cooling', ['not', 'cooling']],
		['空调 E4', ['空调', 'e4']],
	])('splits %j into %j', (q, terms) => {
		expect(queryTerms(q)).toEqual(terms);
	});

	it('indexes every bigram and character of a Chinese run', () => {
		expect([...indexTerms('不制冷')].sort()).toEqual(['不', '不制', '冷', '制', '制冷'].sort());
	});
});

describe('searchLexicon', () => {
	const docs = [
		doc('/a/', '室外机通信故障', ['不制冷', '外机不转'], ['吹风不凉'], 'E4'),
		doc('/b/', '制冷剂不足', [], ['制冷效果差']),
		doc('/c/', '漏水保护', ['漏水', '滴水']),
	];
	const { buckets, shards } = buildLexicon(docs);
	const loaded = new Map(shards.map((s, i) => [i, s]));

	it('finds a substring the query shares with an alias, not only whole words', () => {
		expect(searchLexicon('不制冷', buckets, loaded).map((c) => c.u)).toEqual(['/a/']);
	});

	it('ranks a title match above a text match', () => {
		expect(searchLexicon('制冷', buckets, loaded).map((c) => c.u)).toEqual(['/b/', '/a/']);
	});

	it('needs every query term', () => {
		expect(searchLexicon('漏水 不转', buckets, loaded)).toEqual([]);
	});

	it('asks only for the shards that hold the query terms', () => {
		expect(shardsForQuery('漏水', 8)).toHaveLength(1);
	});
});

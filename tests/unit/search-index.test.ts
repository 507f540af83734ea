import { describe, expect, it } from 'vitest';
import { bucketOf } from '../../src/lib/search-terms.ts';
import {
	buildSearchIndex,
	decodePostings,
	encodePostings,
	queryReadings,
	rankDocs,
	TIER,
	type IndexDoc,
} from '../../src/lib/search-index.ts';

const doc = (u: string, title: string, extra: Partial<IndexDoc> = {}): IndexDoc => ({
	card: { u, t: title, k: 'fault' },
	title,
	...extra,
});

// In ranking order: the generic family's entries first, as src/data/search.ts orders them.
const DOCS: IndexDoc[] = [
	doc('generic/p0300', '随机/多个气缸检测到失火', { code: 'P0300' }),
	doc('generic/p0301', '气缸1检测到失火', { code: 'P0301' }),
	doc('generic/p0150', '氧传感器电路故障（第2排传感器1）', { code: 'P0150' }),
	doc('generic/p0130', '氧传感器电路故障（第1排传感器1）', { code: 'P0130' }),
	doc('brand/p0300', '失火', { code: 'P0300', context: ['美的'] }),
	doc('wm/e2', '排水超时', {
		code: 'E2',
		aliases: ['不排水'],
		symptoms: ['洗涤前排水很慢'],
		context: ['滚筒洗衣机'],
	}),
	doc('wh/c0', '预约待机中', { symptoms: ['晚上洗澡时不出热水'], body: ['检查预约设置'] }),
	doc('wh/f1', '水箱温度传感器开路', { body: ['更换温度传感器后试机，确认出热水'] }),
	doc('x/p1', 'Power Loss'),
	doc('x/p2', 'Loss of Power Supply'),
];

function search(query: string, synonyms: string[][] = [], negations: string[] = []) {
	const index = buildSearchIndex(DOCS);
	const lookup = (term: string, which: 'title' | 'body') => {
		const shards = which === 'title' ? index.titleShards : index.bodyShards;
		return decodePostings(shards[bucketOf(term, shards.length)]![term]);
	};
	return rankDocs(queryReadings(query, synonyms, negations), lookup).map((r) => ({
		u: DOCS[r.id]!.card.u,
		tier: r.tier,
	}));
}

describe('rankDocs', () => {
	it('puts the whole title first, then titles holding the phrase in document order', () => {
		expect(search('失火').map((r) => r.u)).toEqual([
			'brand/p0300',
			'generic/p0300',
			'generic/p0301',
		]);
		expect(search('失火')[0]!.tier).toBe(TIER.exactTitle);
	});

	it('treats digits as significant in mixed tokens', () => {
		expect(search('第1排传感器1').map((r) => r.u)).toEqual(['generic/p0130']);
		expect(search('第2排').map((r) => r.u)).toEqual(['generic/p0150']);
	});

	it('completes a query with the family name without ranking on it', () => {
		expect(search('洗衣机不排水')).toEqual([{ u: 'wm/e2', tier: TIER.alias }]);
	});

	it('ranks titles, then aliases and symptoms, then body text', () => {
		expect(search('出热水')).toEqual([
			{ u: 'wh/c0', tier: TIER.alias },
			{ u: 'wh/f1', tier: TIER.body },
		]);
	});

	it('finds entries written with a synonym, after those with the words searched for', () => {
		expect(search('没有热水').map((r) => r.u)).toEqual([]);
		expect(search('没有热水', [['没有热水', '不出热水']]).map((r) => r.u)).toEqual(['wh/c0']);
		expect(search('热水器没有出热水', [], ['没有', '不']).map((r) => r.u)).toEqual([]);
		expect(search('没有出热水', [], ['没有', '不']).map((r) => r.u)).toEqual(['wh/c0']);
	});

	it("ranks titles with the query's stop words first, but does not need them", () => {
		expect(search('loss of power').map((r) => r.u)).toEqual(['x/p2', 'x/p1']);
	});

	it('needs every word of the query', () => {
		expect(search('失火 第1排')).toEqual([]);
	});
});

describe('encodePostings and decodePostings', () => {
	it('round-trip doc numbers and field bits, small gaps and large ones', () => {
		const flat = [0, 1, 1, 2, 2, 15, 40, 4, 1000, 8, 99_999, 3, 5_000_000, 1];
		const coded = encodePostings(flat);

		expect(coded).toMatch(/^[\w-]+$/);
		expect([...decodePostings(coded)]).toEqual([
			[0, 1],
			[1, 2],
			[2, 15],
			[40, 4],
			[1000, 8],
			[99_999, 3],
			[5_000_000, 1],
		]);
		expect(decodePostings(undefined).size).toBe(0);
	});
});

describe('buildSearchIndex', () => {
	it('blocks cards in document order and round-trips postings', () => {
		const index = buildSearchIndex(DOCS);
		expect(index.cardBlocks.flat().map((c) => c.u)).toEqual(DOCS.map((d) => d.card.u));
		const shards = index.titleShards;
		const bits = decodePostings(shards[bucketOf('失火', shards.length)]!['失火']);
		expect([...bits.keys()]).toEqual([0, 1, 4]);
	});
});

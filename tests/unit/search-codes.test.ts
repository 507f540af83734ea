import { describe, expect, it } from 'vitest';
import { codeKey } from '../../src/lib/fault-code.ts';
import {
	buildCodeMap,
	codeShardOf,
	lookupCode,
	nearbyShards,
	nearestCodes,
} from '../../src/lib/search-codes.ts';
import type { StoredCard } from '../../src/lib/search-index.ts';

const card = (
	family: string,
	code: string,
): { code: string; family: string; card: StoredCard } => ({
	code,
	family,
	card: { u: `/faults/${family}/${code.toLowerCase()}/`, t: code, c: code, k: 'fault' },
});

describe('buildCodeMap and lookupCode', () => {
	const map = buildCodeMap(
		[card('ac', 'E4'), card('wh', 'E4'), card('wm', 'F07'), card('ac', 'E-101')],
		() => false,
	);

	it.each([
		['e4', ['/faults/ac/e4/', '/faults/wh/e4/']],
		['Ｅ－０４', ['/faults/ac/e4/', '/faults/wh/e4/']],
		['故障码 F7', ['/faults/wm/f07/']],
		['e101', ['/faults/ac/e-101/']],
		['E5', []],
	])('finds %j in %j', (query, urls) => {
		const key = codeKey(query);

		expect(lookupCode(key, map.get(codeShardOf(key))).map((c) => c.u)).toEqual(urls);
	});
});

describe('nearestCodes', () => {
	it('offers codes with the same letters, nearest number first', () => {
		const map = buildCodeMap(
			[card('ac', 'E1'), card('ac', 'E5'), card('ac', 'E9'), card('ac', 'F5')],
			() => false,
		);
		const shards = nearbyShards('E6', [...map.keys()], 5).map((n) => map.get(n)!);

		expect(nearestCodes('E6', shards, 3).map((c) => c.c)).toEqual(['E5', 'E9', 'E1']);
	});
});

describe('crowded code shards', () => {
	it('are split by the fourth character, and a lookup finds its key in the split shard', () => {
		const many = Array.from({ length: 400 }, (_, i) =>
			card(`family-with-a-long-name-${i % 20}`, `P0${String(300 + (i % 20)).padStart(3, '0')}`),
		);
		const map = buildCodeMap([...many, card('ac', 'P03')], () => true);
		const names = [...map.keys()];

		expect(names).toEqual(expect.arrayContaining(['P03', 'P030', 'P031']));
		expect(codeShardOf('P0305', names)).toBe('P030');
		expect(codeShardOf('P03', names)).toBe('P03');
		expect(lookupCode('P0305', map.get(codeShardOf('P0305', names)))).toHaveLength(20);
		expect(lookupCode('P03', map.get(codeShardOf('P03', names)))).toHaveLength(1);
		for (const shard of map.values()) expect(JSON.stringify(shard).length).toBeLessThan(24 * 1024);
	});
});

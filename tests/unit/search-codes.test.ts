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

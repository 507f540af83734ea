import { codeKey } from './fault-code.ts';
import type { StoredCard } from './search-index.ts';

/** A shard of the exact-code map: code key → the entries with that code (one per family). */
export type CodeShard = Record<string, StoredCard[]>;

/**
 * The shard a code key lives in: its first three characters, or its first four where the build
 * split a crowded three-character shard (`available`, the shard names it wrote).
 */
export function codeShardOf(key: string, available?: readonly string[]): string {
	return key.length >= 4 && available?.includes(key.slice(0, 4))
		? key.slice(0, 4)
		: key.slice(0, 3);
}

// A shard past this many bytes is split by the keys' fourth character: a code lookup stays small.
const SHARD_BYTES = 24 * 1024;

/** Groups cards by code key and shard. `schemeOf` says whether a family's leading zeros matter. */
export function buildCodeMap(
	entries: readonly { code: string; family: string; card: StoredCard }[],
	leadingZerosSignificant: (family: string) => boolean,
): Map<string, CodeShard> {
	const shards = new Map<string, CodeShard>();
	for (const e of entries) {
		// Index under the family's own key and the zero-insensitive key, so E04 finds F-families that write E4.
		const keys = new Set([
			codeKey(e.code, { leadingZerosSignificant: leadingZerosSignificant(e.family) }),
			codeKey(e.code),
		]);
		for (const key of keys) {
			const shard = shards.get(codeShardOf(key)) ?? {};
			(shard[key] ??= []).push(e.card);
			shards.set(codeShardOf(key), shard);
		}
	}
	for (const [name, shard] of [...shards]) {
		if (JSON.stringify(shard).length <= SHARD_BYTES) continue;
		const short: CodeShard = {};
		for (const [key, cards] of Object.entries(shard)) {
			if (key.length < 4) {
				short[key] = cards;
				continue;
			}
			const sub = shards.get(key.slice(0, 4)) ?? {};
			sub[key] = cards;
			shards.set(key.slice(0, 4), sub);
		}
		if (Object.keys(short).length > 0) shards.set(name, short);
		else shards.delete(name);
	}
	return shards;
}

/** The entries with exactly this code key in any family. */
export function lookupCode(key: string, shard: CodeShard | undefined): StoredCard[] {
	return shard?.[key] ?? [];
}

/**
 * Up to `limit` codes nearest to an unknown key among the loaded shards: same letters first,
 * then by numeric distance, then alphabetically.
 */
export function nearestCodes(key: string, shards: readonly CodeShard[], limit = 5): StoredCard[] {
	const [letters, number] = splitKey(key);
	const seen = new Set<string>();
	const candidates: { card: StoredCard; rank: [number, number, string] }[] = [];
	for (const shard of shards) {
		for (const [k, cards] of Object.entries(shard)) {
			const [l, n] = splitKey(k);
			for (const card of cards) {
				if (seen.has(card.u)) continue;
				seen.add(card.u);
				candidates.push({ card, rank: [l === letters ? 0 : 1, Math.abs(n - number), k] });
			}
		}
	}
	return candidates
		.sort(
			(a, b) =>
				a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2].localeCompare(b.rank[2]),
		)
		.slice(0, limit)
		.map((c) => c.card);
}

/**
 * The shard names to load for nearest codes: the key's own shard, else those sharing the longest
 * prefix, else those with the nearest number.
 */
export function nearbyShards(key: string, available: readonly string[], limit = 2): string[] {
	const own = codeShardOf(key, available);
	if (available.includes(own)) return [own];
	for (let n = Math.min(2, key.length); n > 0; n--) {
		const matches = available.filter((s) => s.startsWith(key.slice(0, n)));
		if (matches.length > 0)
			return matches
				.sort(
					(a, b) => Math.abs(numberOf(a) - numberOf(key)) - Math.abs(numberOf(b) - numberOf(key)),
				)
				.slice(0, limit);
	}
	// No code shares even its first letter (`Z9`): the codes with the nearest number, in any letter.
	return [...available]
		.sort(
			(a, b) =>
				Math.abs(numberOf(a) - numberOf(key)) - Math.abs(numberOf(b) - numberOf(key)) ||
				a.localeCompare(b),
		)
		.slice(0, limit);
}

// --- internal ---

function splitKey(key: string): [string, number] {
	const m = /^([A-Z]*)(\d*)/.exec(key);
	return [m?.[1] ?? '', Number(m?.[2] || 0)];
}

function numberOf(s: string): number {
	return Number(/\d+/.exec(s)?.[0] ?? 0);
}

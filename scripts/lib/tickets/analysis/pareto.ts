/**
 * The Pareto set: the most frequent codes that together make up `share` of the coded tickets.
 * Codes are ranked by count, ties by identity for a stable order, and the code that crosses the
 * share is included: with shares of 50, 25, 20 and 5 % the set is the first three (two make 75 %,
 * short of 80 %, so the third, which crosses it, is in).
 * Returns identity → rank (1 = most tickets).
 */
export function paretoSet(
	items: readonly { identity: string; count: number }[],
	share = 0.8,
): Map<string, number> {
	const total = items.reduce((sum, i) => sum + i.count, 0);
	const ranked = [...items]
		.filter((i) => i.count > 0)
		.sort((a, b) => b.count - a.count || a.identity.localeCompare(b.identity));
	const set = new Map<string, number>();
	let before = 0;
	for (const item of ranked) {
		if (before >= share * total) break;
		set.set(item.identity, set.size + 1);
		before += item.count;
	}
	return set;
}

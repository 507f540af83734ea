import { describe, expect, test } from 'vitest';
import { codeKey } from '../../src/lib/fault-code.ts';
import { norm, words } from '../bench/search-queries.ts';
import { generateCatalogue } from '../bench/zh-catalogue.ts';

const N = 500;
const catalogue = generateCatalogue(N, { perGroup: 10 });
const byId = new Map(catalogue.entries.map((e) => [e.id, e]));

describe('generateCatalogue', () => {
	test('gives the same catalogue and queries for the same seed', () => {
		const again = generateCatalogue(N, { perGroup: 10 });

		expect(again.entries.map((e) => [e.id, e.titleZh])).toEqual(
			catalogue.entries.map((e) => [e.id, e.titleZh]),
		);
		expect(again.queries).toEqual(catalogue.queries);
	});

	test('writes N entries with ids unique across families', () => {
		expect(catalogue.entries).toHaveLength(N);
		expect(byId.size).toBe(N);
	});

	test('mixes Latin letters or digits into most Chinese titles, as real tables do', () => {
		const mixed = catalogue.entries.filter((e) => /[A-Za-z0-9]/.test(e.titleZh)).length;

		expect(mixed / N).toBeGreaterThan(0.55);
	});

	test('repeats titles that differ only in a digit', () => {
		const titles = new Set(catalogue.entries.map((e) => e.titleZh));

		expect(
			[...titles].some((t) => t.includes('第1排') && titles.has(t.replace('第1排', '第2排'))),
		).toBe(true);
	});

	test('writes explanations of 100–300 characters', () => {
		const lengths = catalogue.entries.map((e) => e.explanation.length);

		expect(Math.min(...lengths)).toBeGreaterThanOrEqual(100);
		expect(Math.max(...lengths)).toBeLessThanOrEqual(300);
	});

	test('shares some codes among ten or more families', () => {
		const families = new Map<string, Set<string>>();
		for (const e of catalogue.entries)
			families.set(codeKey(e.code), (families.get(codeKey(e.code)) ?? new Set()).add(e.family));

		expect([...families.values()].filter((f) => f.size >= 10).length).toBeGreaterThan(0);
	});

	test('keeps Chinese out of the English titles', () => {
		expect(catalogue.entries.filter((e) => /\p{Script=Han}/u.test(e.titleEn))).toEqual([]);
	});
});

describe('benchmark queries', () => {
	test('has queries in every group, each with relevant entries', () => {
		const groups = new Set(catalogue.queries.map((q) => q.group));

		expect([...groups].sort()).toEqual([
			'code',
			'en-words',
			'zh-explanation',
			'zh-phrase',
			'zh-title',
		]);
		expect(catalogue.queries.every((q) => q.relevant.length > 0)).toBe(true);
	});

	// The judgements recomputed independently of the sampler, by each group's rule.
	const rule = {
		code: (q: string, id: string) => codeKey(byId.get(id)!.code) === codeKey(q),
		'zh-title': (q: string, id: string) => norm(byId.get(id)!.titleZh) === norm(q),
		'zh-phrase': (q: string, id: string) => norm(byId.get(id)!.titleZh).includes(norm(q)),
		'en-words': (q: string, id: string) =>
			q.split(' ').every((w) => words(byId.get(id)!.titleEn).includes(w)),
		'zh-explanation': (q: string, id: string) =>
			q.split(' ').every((t) => byId.get(id)!.explanation.includes(t)),
	};
	test.each(
		catalogue.queries.filter((_, i) => i % 5 === 0).map((q) => [q.group, q.query, q] as const),
	)('judges %s query %j by its rule', (group, query, q) => {
		const expected = catalogue.entries.filter((e) => rule[group](query, e.id)).map((e) => e.id);

		expect(q.relevant.sort()).toEqual(expected.sort());
	});
});

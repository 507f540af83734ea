import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/client/search/engine.ts';
import { STARTER, sharedBuild } from '../helpers/builds.ts';
import { diskFetch } from '../helpers/search-files.ts';

// The search engine of the site, run in Node on the starter build's own index files: what a query
// fetches and finds, whatever was searched before.
let outDir: string;
const realFetch = globalThis.fetch;

beforeAll(async () => {
	outDir = await sharedBuild(STARTER);
});

/** A fresh engine over the built zh-CN (or en) index, and the fetch that counts what it read. */
function engine(locale: 'zh-CN' | 'en' = 'zh-CN') {
	const fetch = diskFetch(outDir);
	globalThis.fetch = fetch;
	const prefix = locale === 'en' ? '/en/' : '/';
	return { engine: new SearchEngine(`http://site${prefix}search-data/`, '/pagefind/', '/'), fetch };
}

const urls = (cards: readonly { u: string }[]) => cards.map((c) => c.u);

describe('the built search index', () => {
	afterAll(() => (globalThis.fetch = realFetch));

	it('answers a code from two small files and never reads the term index', async () => {
		const { engine: e, fetch } = engine();
		const outcome = await e.search('故障码 E-1');

		expect(urls(outcome.exact)).toEqual(['/faults/ac/e1/', '/faults/wh/e1/', '/faults/wm/e1/']);
		expect(outcome.results).toEqual([]);
		expect(fetch.requests).toBe(2);
		expect(fetch.bytes).toBeLessThan(60 * 1024);
	});

	it('says an unknown code has no entry and offers codes with the nearest number', async () => {
		const { engine: e } = engine();
		const outcome = await e.code('Z9');

		expect(outcome.exact).toEqual([]);
		expect(outcome.nearest.length).toBeGreaterThan(0);
		expect(outcome.nearest.every((c) => /9$/.test(c.c ?? ''))).toBe(true);
	});

	it('ranks the same in a fresh engine as after other searches', async () => {
		const queries = [
			'不制冷',
			'没有热水',
			'洗衣机不排水',
			'漏水',
			'显示屏',
			'上门',
			'第1排',
			'E4 排水',
		];
		const fresh: string[][] = [];
		for (const q of queries) fresh.push(urls((await engine().engine.search(q)).results));
		const { engine: used } = engine();
		const reused: string[][] = [];
		for (const q of [...queries].reverse()) reused.unshift(urls((await used.search(q)).results));

		expect(reused).toEqual(fresh);
		expect(fresh.filter((r) => r.length > 0).length).toBeGreaterThanOrEqual(6);
	});

	it('finds entries written with a synonym from content/synonyms/', async () => {
		// 没有热水 is not written in any entry's aliases; its synonyms 不出热水 and 不加热 are.
		const { engine: e } = engine();
		const outcome = await e.search('没有热水');

		expect(outcome.results.slice(0, 5).every((c) => c.u.startsWith('/faults/wh/'))).toBe(true);
		expect(outcome.terms).toEqual(expect.arrayContaining(['没有热水', '不出热水']));
	});

	it('shows each result with its code, family, type and an excerpt', async () => {
		const { engine: e } = engine('en');
		const [first] = (await e.search('not draining')).results;

		expect(first).toMatchObject({
			u: '/en/faults/wm/e2/',
			c: 'E2',
			k: 'fault',
			fam: 'wm',
			f: { type: ['Fault code'] },
		});
		expect(first!.x?.length).toBeGreaterThan(10);
	});
});

/**
 * Benchmark: search at the scale of a real catalogue. Builds the site twice — with the bilingual
 * Chinese benchmark catalogue (zh-catalogue.ts) and with the shared English OBD-II table — and
 * runs every benchmark query as a first search in a fresh phone-sized browser profile: relevant@1,
 * relevant@3, bytes and requests fetched, time to results; then a few first-visit searches on a
 * slow network. Prints each figure beside its target. Not a test: it never fails on a figure.
 *
 *   npm run bench:search -- [N=10000] [queries per group=60]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { canonicalCode, codeSlug } from '../../src/lib/fault-code.ts';
import { launchBrowser, takePageErrors } from '../helpers/browser.ts';
import { buildSite, previewSite, tempWorkDir } from '../helpers/site.ts';
import { starterWithObd } from './obd-content.ts';
import { type BenchQuery, prng, sampleQueries, type QueryEntry } from './search-queries.ts';
import { printSlowNetwork, printTable, type Measured } from './search-report.ts';
import { generateCatalogue, writeCatalogue } from './zh-catalogue.ts';

// The search UI's selectors, in this one place: the UI is being rebuilt. `next` is the contract of
// the header search (a dialog on every page); `current` is the /search/ page it replaces.
const UI = {
	next: {
		detect: '[data-search-open], [data-search-input]',
		open: '[data-search-open]',
		input: '[data-search-input]',
		results: '[data-search-results] a',
		exact: '[data-search-exact] a',
		root: '[data-search-root]',
	},
	current: {
		page: 'search/',
		input: '#q',
		results: '#search-results a',
		exact: '#search-exact a',
		root: '#search-app',
	},
} as const;

const N = Number(process.argv[2] ?? 10_000);
const PER_GROUP = Number(process.argv[3] ?? 60);
const PHONE = { width: 390, height: 844 };
// Chromium's "slow 3G"-like profile of the issue: 300 ms round trip, 1.6 Mbit/s down.
const SLOW = {
	offline: false,
	latency: 300,
	downloadThroughput: 200_000,
	uploadThroughput: 96_000,
};

const work = tempWorkDir('bench-search');
const browser = await launchBrowser();

// 1. The Chinese benchmark catalogue: every group, then the slow-network first visits.
const zh = generateCatalogue(N, { perGroup: PER_GROUP });
const zhSite = await buildAndServe('zh-catalogue', (dir) => writeCatalogue(dir, zh));
const zhRuns = await runAll(zhSite.url, zh.queries, zh.entries[0]!.id);
printTable(
	`Chinese benchmark catalogue, ${zh.entries.length} entries in ${zh.families.length} families`,
	zhRuns,
);
const slowCases = [
	...zh.queries.filter((q) => q.group === 'code').slice(0, 5),
	...zh.queries.filter((q) => q.group === 'zh-phrase').slice(0, 5),
];
const slowRuns: Measured[] = [];
for (const q of slowCases) slowRuns.push(await measure(zhSite.url, q, zh.entries.at(-1)!.id, true));
printSlowNetwork(slowRuns);
zhSite.close();

// 2. The shared English OBD-II table: codes and English title words.
let obd: QueryEntry[] = [];
const obdSite = await buildAndServe('obd', async (dir) => {
	obd = (await starterWithObd(dir, N)).map((e) => ({
		id: `${e.family}/${codeSlug(e.data.code)}`,
		code: canonicalCode(e.data.code),
		zerosMatter: true,
		titleZh: e.data.title['zh-CN'],
		titleEn: e.data.title.en,
	}));
});
const rng = prng(7);
const obdQueries = [
	...sampleQueries(obd, 'code', PER_GROUP, rng),
	...sampleQueries(obd, 'en-words', PER_GROUP, rng),
];
printTable(
	`English OBD-II table, ${obd.length} entries`,
	await runAll(obdSite.url, obdQueries, obd[0]!.id),
);
obdSite.close();

// Blocking service workers (so their precache is not counted) makes the offline badge's script throw.
const errors = takePageErrors(browser).filter((e) => !e.includes("reading 'installing'"));
if (errors.length) console.log(`\n${errors.length} page errors, first: ${errors[0]}`);
await browser.close();
rmSync(work, { recursive: true, force: true });

// --- internal ---

async function buildAndServe(name: string, write: (dir: string) => void | Promise<void>) {
	const content = join(work, `${name}-content`);
	mkdirSync(content, { recursive: true });
	await write(content);
	const start = performance.now();
	const built = buildSite({ contentDir: content, outDir: join(work, `${name}-dist`) });
	if (!built.ok) throw new Error(`the ${name} build failed:\n${built.output.slice(-3000)}`);
	console.log(`Built ${name} in ${((performance.now() - start) / 1000).toFixed(0)} s.`);
	return previewSite(built.outDir);
}

async function runAll(url: string, queries: BenchQuery[], faultId: string): Promise<Measured[]> {
	const out: Measured[] = [];
	for (const [i, q] of queries.entries()) {
		out.push(await measure(url, q, faultId, false));
		if (i % 20 === 19) process.stderr.write(`  ${i + 1}/${queries.length} queries\n`);
	}
	return out;
}

/**
 * One first search in a fresh profile: load a page (the search page for the current UI, the home
 * page — or on a slow network a fault page — for the header search), then count every byte and
 * request from opening the search to the rendered results of `q`.
 */
async function measure(
	root: string,
	q: BenchQuery,
	faultId: string,
	slow: boolean,
): Promise<Measured> {
	const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
	const page = await context.newPage();
	const net = await watchNetwork(await context.newCDPSession(page), slow);
	const site = q.locale === 'en' ? `${root}en/` : root;
	const result: Measured = {
		q,
		ms: NaN,
		bytes: 0,
		requests: 0,
		ranked: [],
		exact: [],
		timedOut: false,
	};
	try {
		await page.goto(slow ? `${site}faults/${faultId}/` : site);
		const next = (await page.$(UI.next.detect)) !== null;
		if (!next && !slow) await page.goto(`${site}${UI.current.page}`);
		await quiet(net, page);
		net.counting = true;
		const start = performance.now();
		const found = await search(page, next, site, q.query);
		result.ms = performance.now() - start;
		await quiet(net, page);
		Object.assign(result, found);
	} catch (error) {
		result.timedOut = true;
		result.error = String(error).split('\n')[0];
	}
	Object.assign(result, { bytes: net.bytes, requests: net.requests });
	await context.close();
	return result;
}

/** Opens the search, types `query` and waits for its results (or for a jump to an entry). */
async function search(page: Page, next: boolean, site: string, query: string) {
	const ui = next ? UI.next : UI.current;
	if (next) {
		if (await page.locator(UI.next.open).first().isVisible())
			await page.locator(UI.next.open).first().click();
	} else if (!page.url().endsWith(UI.current.page)) {
		await page.goto(`${site}${UI.current.page}`);
	}
	// The current page says "done" once it has rendered anything, so the flag is cleared first.
	if (!next) await page.$eval(UI.current.root, (el) => delete (el as HTMLElement).dataset.state);
	const from = new URL(page.url()).pathname;
	await page.locator(ui.input).first().fill(query);
	const jumped = page.waitForURL((u) => u.pathname !== from && u.pathname.includes('/faults/'), {
		timeout: 30_000,
	});
	const rendered = page.waitForFunction(
		([sel, q, needQuery]) =>
			[...document.querySelectorAll<HTMLElement>(sel)].some(
				(el) => el.dataset.state === 'done' && (!needQuery || el.dataset.query === q),
			),
		[ui.root, query, next] as const,
		{ timeout: 30_000 },
	);
	const how = await Promise.race([jumped.then(() => 'jumped'), rendered.then(() => 'rendered')]);
	void jumped.catch(() => undefined);
	void rendered.catch(() => undefined);
	if (how === 'jumped') return { ranked: [entryId(page.url())], exact: [], jumped: true };
	const hrefs = (sel: string) =>
		page.$$eval(sel, (as) => as.map((a) => (a as HTMLAnchorElement).href));
	return {
		ranked: (await hrefs(ui.results)).map(entryId),
		exact: (await hrefs(ui.exact)).map(entryId),
	};
}

interface Net {
	counting: boolean;
	bytes: number;
	requests: number;
	last: number;
}

/**
 * Counts the encoded bytes and requests of the page and of its dedicated workers (Pagefind fetches
 * its wasm, index and fragments from a worker, which the page's own Network events do not show),
 * with the cache disabled and, when `slow`, the slow network applied to each.
 */
async function watchNetwork(cdp: CDPSession, slow: boolean): Promise<Net> {
	const net: Net = { counting: false, bytes: 0, requests: 0, last: performance.now() };
	const on = (method: string, params: { encodedDataLength?: number }) => {
		if (!method.startsWith('Network.')) return;
		net.last = performance.now();
		if (!net.counting) return;
		if (method === 'Network.requestWillBeSent') net.requests++;
		if (method === 'Network.loadingFinished') net.bytes += params.encodedDataLength ?? 0;
	};
	const setup = async (send: (method: string, params?: object) => Promise<unknown>) => {
		await send('Network.enable');
		await send('Network.setCacheDisabled', { cacheDisabled: true });
		if (slow) await send('Network.emulateNetworkConditions', SLOW);
	};
	for (const m of ['Network.requestWillBeSent', 'Network.loadingFinished'] as const)
		cdp.on(m, (params) => on(m, params as { encodedDataLength?: number }));
	// Workers start paused, so they are counted and throttled from their first request.
	cdp.on('Target.attachedToTarget', (e) => {
		let id = 0;
		const send = (method: string, params = {}) =>
			cdp.send('Target.sendMessageToTarget', {
				sessionId: e.sessionId,
				message: JSON.stringify({ id: ++id, method, params }),
			});
		void setup(send).then(() => send('Runtime.runIfWaitingForDebugger'));
	});
	cdp.on('Target.receivedMessageFromTarget', (e) => {
		const m = JSON.parse(e.message) as { method?: string; params?: { encodedDataLength?: number } };
		if (m.method) on(m.method, m.params ?? {});
	});
	await setup((method, params) => cdp.send(method as 'Network.enable', params));
	await cdp.send('Target.setAutoAttach', {
		autoAttach: true,
		waitForDebuggerOnStart: true,
		flatten: false,
	});
	return net;
}

/** Waits until the network has been silent for 500 ms (at most 5 s). */
async function quiet(net: Net, page: Page): Promise<void> {
	const until = performance.now() + 5000;
	while (performance.now() < until && performance.now() - net.last < 500)
		await page.waitForTimeout(50);
}

/** `<family>/<code slug>` of a fault page URL, or the URL's path for any other page. */
function entryId(href: string): string {
	const path = new URL(href).pathname;
	const m = /\/faults\/([^/]+)\/([^/]+)\/?$/.exec(path);
	return m ? `${m[1]}/${m[2]}` : path;
}

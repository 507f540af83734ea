/**
 * Benchmark: the knowledge-base build at N fault entries against a minimal Astro template over
 * the same data, built in the same run. Prints the ratio (target ≤ 2.5×), peak memory
 * (target ≤ 1.5 GB), the Pagefind index size, and the bytes the search page fetches for one
 * code query and one Chinese symptom query (target ≤ 150 KB). Not a test: it never fails on time.
 *
 *   npm run bench -- [N=10000]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { previewSite, tempWorkDir } from '../helpers/site.ts';
import { starterWithObd } from './obd-content.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const N = Number(process.argv[2] ?? 10_000);
const work = tempWorkDir('bench');
const env = {
	...process.env,
	ASTRO_TELEMETRY_DISABLED: '1',
	PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
	KB_TODAY: '2026-11-26',
};

// 1. The starter content plus N real OBD-II entries, imported as a trainer would.
const content = join(work, 'content');
const entries = await starterWithObd(content, N);
console.log(
	`Imported ${entries.length} OBD-II entries into ${readdirSync(join(content, 'families')).length} families.`,
);

// 2. The baseline: a minimal Astro template rendering the same entries from one JSON file, in
// both languages as the site does (a page per entry per locale), with no layout, search or checks.
const minimal = join(work, 'minimal');
mkdirSync(join(minimal, 'src', 'pages', 'faults'), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(minimal, 'node_modules'));
writeFileSync(join(minimal, 'package.json'), '{"type":"module"}');
writeFileSync(
	join(minimal, 'astro.config.mjs'),
	"export default { build: { format: 'directory' } };\n",
);
writeFileSync(
	join(minimal, 'src', 'entries.json'),
	JSON.stringify(entries.map((e) => ({ id: `${e.family}-${e.data.code}`, ...e.data }))),
);
writeFileSync(
	join(minimal, 'src', 'pages', 'faults', '[id].astro'),
	`---\nimport entries from '../../entries.json';\nexport function getStaticPaths() { return entries.flatMap((e) => ['zh-CN', 'en'].map((l) => ({ params: { id: \`\${l}-\${e.id.toLowerCase()}\` }, props: { e, l } }))); }\nconst { e, l } = Astro.props;\n---\n<html lang={l}><head><title>{e.code}</title></head><body><h1>{e.code} {e.title[l]}</h1><p>{e.family}</p><ol>{e.remedy?.map((r) => <li>{r[l]}</li>)}</ol></body></html>\n`,
);

const timed = (label: string, cwd: string, args: string[], extra: Record<string, string> = {}) => {
	const start = performance.now();
	const r = spawnSync('/usr/bin/time', ['-f', '%M', 'astro', ...args], {
		cwd,
		env: { ...env, ...extra },
		encoding: 'utf8',
		maxBuffer: 1 << 28,
	});
	const seconds = (performance.now() - start) / 1000;
	if (r.status !== 0) throw new Error(`${label} failed:\n${r.stderr.slice(-3000)}`);
	const peakKb = Number(r.stderr.trim().split('\n').at(-1));
	return { seconds, peakMb: peakKb / 1024, log: r.stdout + r.stderr };
};

const base = timed('minimal template', minimal, ['build', '--outDir', join(minimal, 'dist')]);
const ours = timed('knowledge base', ROOT, ['build', '--outDir', join(work, 'dist')], {
	KB_CONTENT_DIR: content,
	KB_CACHE_DIR: join(work, 'cache'),
});
// The offline step (Pagefind index + service worker) has no counterpart in the baseline; report it apart.
const offlineSeconds = Number(/took ([\d.]+) s\)/.exec(ours.log)?.[1] ?? 0);

// 3. What one query costs a phone: bytes fetched after the search page has loaded.
const preview = await previewSite(join(work, 'dist'));
const browser = await launchBrowser();
const bytesFor = async (query: string) => {
	const page = await browser.newPage();
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	await page.goto(`${preview.url}search/`);
	await page.waitForLoadState('networkidle');
	let bytes = 0;
	cdp.on(
		'Network.loadingFinished',
		(e: { encodedDataLength: number }) => (bytes += e.encodedDataLength),
	);
	await page.fill('[data-search-input]', query);
	await page.waitForFunction((q) => {
		const root = document.querySelector<HTMLElement>('[data-search-root]');
		return root?.dataset.state === 'done' && root.dataset.query === q;
	}, query);
	await page.waitForLoadState('networkidle');
	await page.close();
	return bytes;
};
const codeBytes = await bytesFor('P0300');
const zhBytes = await bytesFor('不制冷');
await browser.close();
preview.close();

const dirSize = (dir: string): number =>
	readdirSync(dir).reduce(
		(sum, f) =>
			sum +
			(statSync(join(dir, f)).isDirectory() ? dirSize(join(dir, f)) : statSync(join(dir, f)).size),
		0,
	);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(
	`\nBuild of ${entries.length} fault entries (+ starter content), ${new Date().toISOString().slice(0, 10)}:`,
);
console.log(
	`  minimal template   ${base.seconds.toFixed(1)} s   peak ${base.peakMb.toFixed(0)} MB`,
);
console.log(
	`  knowledge base     ${ours.seconds.toFixed(1)} s   peak ${ours.peakMb.toFixed(0)} MB   ratio ${(ours.seconds / base.seconds).toFixed(2)}× (target ≤ 2.5×; memory target ≤ 1536 MB)`,
);
console.log(
	`    of which Pagefind + service worker ${offlineSeconds.toFixed(1)} s; pages alone ${((ours.seconds - offlineSeconds) / base.seconds).toFixed(2)}× the baseline`,
);
console.log(
	`  Pagefind index     ${kb(dirSize(join(work, 'dist', 'pagefind')))}; search data ${kb(dirSize(join(work, 'dist', 'search-data')))}`,
);
console.log(
	`  bytes per query    code "P0300" ${kb(codeBytes)}   Chinese symptom "不制冷" ${kb(zhBytes)}   (target ≤ 150 KB)`,
);
rmSync(work, { recursive: true, force: true });

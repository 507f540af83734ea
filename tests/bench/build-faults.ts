/**
 * Benchmark: the knowledge-base build at N fault entries against a minimal Astro template over
 * the same entries, built in the same run. Prints the ratio (target ≤ 2.5×), peak memory
 * (target ≤ 1.5 GB), and the sizes of the search data and the precache. Not a test: it never
 * fails on time. The entries are the bilingual Chinese benchmark catalogue (long explanations,
 * mixed titles; tests/bench/zh-catalogue.ts) or, with `obd`, the shared English OBD-II table.
 * What a search costs a phone is measured by `npm run bench:search`.
 *
 * Both builds run RUNS times, interleaved (minimal, ours, minimal, …), and the ratio is of the
 * medians: on this 2-core machine one build of the bare template took 16.7 s in one run and 23.3 s
 * in the next, which alone moved a single-run ratio from 2.1× to 3.0×.
 *
 *   npm run bench -- [N=10000] [zh|obd] [RUNS=3]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { tempWorkDir } from '../helpers/site.ts';
import { starterWithObd } from './obd-content.ts';
import { generateCatalogue, writeCatalogue } from './zh-catalogue.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const N = Number(process.argv[2] ?? 10_000);
const SET = process.argv[3] === 'obd' ? 'obd' : 'zh';
const RUNS = Math.max(1, Number(process.argv[4] ?? 3));
const work = tempWorkDir('bench');
const env = {
	...process.env,
	ASTRO_TELEMETRY_DISABLED: '1',
	PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
	KB_TODAY: '2026-11-26',
};

// 1. The starter content plus N entries: the Chinese benchmark catalogue, or real OBD-II rows
// imported as a trainer would.
const content = join(work, 'content');
interface MinimalEntry {
	id: string;
	code: string;
	family: string;
	title: Record<string, string>;
	remedy?: Record<string, string>[];
}
let entries: MinimalEntry[];
if (SET === 'zh') {
	const catalogue = generateCatalogue(N, { perGroup: 1 });
	writeCatalogue(content, catalogue);
	entries = catalogue.entries.map((e) => ({
		id: e.id.replace('/', '-'),
		code: e.code,
		family: e.family,
		title: { 'zh-CN': e.titleZh, en: e.titleEn },
		remedy: e.sentences.checks.map((c) => ({ ...c })),
	}));
} else {
	entries = (await starterWithObd(content, N)).map((e) => ({
		id: `${e.family}-${e.data.code}`,
		...(e.data as Omit<MinimalEntry, 'id'>),
	}));
}
console.log(
	`Wrote ${entries.length} ${SET === 'zh' ? 'Chinese benchmark catalogue' : 'OBD-II'} entries into ${readdirSync(join(content, 'families')).length} families.`,
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
writeFileSync(join(minimal, 'src', 'entries.json'), JSON.stringify(entries));
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

const bases: ReturnType<typeof timed>[] = [];
const runs: ReturnType<typeof timed>[] = [];
for (let run = 0; run < RUNS; run++) {
	rmSync(join(minimal, 'dist'), { recursive: true, force: true });
	bases.push(timed('minimal template', minimal, ['build', '--outDir', join(minimal, 'dist')]));
	// A cold build each time: no content cache, no previous site.
	rmSync(join(work, 'dist'), { recursive: true, force: true });
	rmSync(join(work, 'cache'), { recursive: true, force: true });
	runs.push(
		timed('knowledge base', ROOT, ['build', '--outDir', join(work, 'dist')], {
			KB_CONTENT_DIR: content,
			KB_CACHE_DIR: join(work, 'cache'),
		}),
	);
	console.log(
		`  run ${run + 1}: minimal ${bases.at(-1)!.seconds.toFixed(1)} s, knowledge base ${runs.at(-1)!.seconds.toFixed(1)} s`,
	);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = {
	seconds: median(bases.map((b) => b.seconds)),
	peakMb: Math.max(...bases.map((b) => b.peakMb)),
};
const ours = {
	seconds: median(runs.map((r) => r.seconds)),
	peakMb: Math.max(...runs.map((r) => r.peakMb)),
	log: runs.at(-1)!.log,
};
// The offline step (Pagefind index + service worker) has no counterpart in the baseline; report it apart.
const offlineSeconds = median(runs.map((r) => Number(/took ([\d.]+) s\)/.exec(r.log)?.[1] ?? 0)));

const dirSize = (dir: string): number =>
	readdirSync(dir).reduce(
		(sum, f) =>
			sum +
			(statSync(join(dir, f)).isDirectory() ? dirSize(join(dir, f)) : statSync(join(dir, f)).size),
		0,
	);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(
	`\nBuild of ${entries.length} fault entries (+ starter content), ${new Date().toISOString().slice(0, 10)}, median of ${RUNS} runs (peak: the highest):`,
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
const precache = /sw\.js precaches (\d+) files, (\d+) KB/.exec(ours.log);
console.log(
	`  search data        ${kb(dirSize(join(work, 'dist', 'search-data')) + dirSize(join(work, 'dist', 'en', 'search-data')))} (both locales); Pagefind index ${kb(dirSize(join(work, 'dist', 'pagefind')))}`,
);
console.log(
	`  precache           ${precache ? `${precache[1]} files, ${(Number(precache[2]) / 1024).toFixed(1)} MB` : 'not reported'} (target ≤ 40 MB)`,
);
rmSync(work, { recursive: true, force: true });

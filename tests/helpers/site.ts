import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');
// Vitest sets NODE_ENV, BASE_URL, MODE… in its own environment; a child build must not inherit them.
const VITEST_VARS = /^(VITEST.*|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR|TEST)$/;
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_VARS.test(k)));
// The tools' shebangs say `node`: make that the Node running the tests (22), not the system's.
const PATH = `${BIN}${delimiter}${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;

/** What a build printed, and whether it succeeded. */
export interface BuildResult {
	ok: boolean;
	output: string;
	outDir: string;
}

/**
 * Builds the site from `contentDir` into `outDir` with Astro, then indexes it with Pagefind,
 * as `npm run build` does. `base` sets KB_BASE (e.g. `/kb/`).
 */
export function buildSite(options: { contentDir: string; outDir: string; base?: string }): BuildResult {
	const env = {
		...cleanEnv(),
		PATH,
		ASTRO_TELEMETRY_DISABLED: '1',
		KB_CONTENT_DIR: options.contentDir,
		KB_CACHE_DIR: `${options.outDir}-cache`,
		KB_BASE: options.base ?? '/',
		KB_TODAY: '2026-11-26',
	};
	const astro = spawnSync(join(BIN, 'astro'), ['build', '--outDir', options.outDir], { cwd: ROOT, env, encoding: 'utf8' });
	let output = `${astro.stdout}${astro.stderr}`;
	if (astro.status !== 0) return { ok: false, output, outDir: options.outDir };
	const pagefind = spawnSync(join(BIN, 'pagefind'), ['--site', options.outDir], { cwd: ROOT, env, encoding: 'utf8' });
	output += `${pagefind.stdout}${pagefind.stderr}`;
	return { ok: pagefind.status === 0, output, outDir: options.outDir };
}

/** A running preview server. */
export interface Preview {
	url: string;
	close: () => void;
}

/** Serves a built `outDir` with `astro preview` under `base` on a free port. */
export function previewSite(outDir: string, base = '/', port = 4400 + Math.floor(Math.random() * 500)): Promise<Preview> {
	const env = { ...cleanEnv(), PATH, ASTRO_TELEMETRY_DISABLED: '1', KB_BASE: base };
	const child = spawn(join(BIN, 'astro'), ['preview', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env });
	return new Promise((ok, fail) => {
		let log = '';
		const timer = setTimeout(() => fail(new Error(`astro preview did not start:\n${log}`)), 60_000);
		const onData = (chunk: Buffer) => {
			log += chunk.toString();
			if (/Local\s/.test(log) || log.includes(`127.0.0.1:${port}`)) {
				clearTimeout(timer);
				ok({ url: `http://127.0.0.1:${port}${base}`, close: () => child.kill() });
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (code) => fail(new Error(`astro preview exited with ${code}:\n${log}`)));
	});
}

/** Every `.html` file under `dir`, as paths relative to it. */
export function htmlFiles(dir: string, prefix = ''): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return htmlFiles(path, `${prefix}${name}/`);
		return name.endsWith('.html') ? [`${prefix}${name}`] : [];
	});
}

/** The internal links (href and src) of a page that start with `base`. */
export function internalLinks(html: string, base: string): string[] {
	return [...html.matchAll(/\s(?:href|src)="([^"#?]+)[^"]*"/g)].map((m) => m[1]!).filter((u) => u.startsWith(base));
}

/** Reads a built file. */
export function readBuilt(outDir: string, path: string): string {
	return readFileSync(join(outDir, path), 'utf8');
}

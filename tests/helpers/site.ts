import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, extname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');
// Vitest sets NODE_ENV, BASE_URL, MODE… in its own environment; a child build must not inherit them,
// nor the KB_* settings of the shell that started the tests (each build states its own).
const VITEST_VARS = /^(VITEST.*|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR|TEST|KB_.*)$/;
const cleanEnv = () =>
	Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_VARS.test(k)));
// The tools' shebangs say `node`: make that the Node running the tests (22), not the system's.
const PATH = `${BIN}${delimiter}${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;

/**
 * A fresh work folder inside the project (tests/.tmp/, git-ignored). Builds must write inside
 * the project: for an outDir outside it, Astro 7 puts its prerender chunks in the shared
 * `.astro/.prerender/`, where two builds running at once overwrite each other.
 */
export function tempWorkDir(name: string): string {
	mkdirSync(join(ROOT, 'tests', '.tmp'), { recursive: true });
	return mkdtempSync(join(ROOT, 'tests', '.tmp', `${name}-`));
}

/** What a build printed, and whether it succeeded. */
export interface BuildResult {
	ok: boolean;
	output: string;
	outDir: string;
}

/**
 * Builds the site from `contentDir` into `outDir` as `npm run build` does (Astro, then
 * Pagefind and the service worker from the offline integration). `base` sets KB_BASE (e.g. `/kb/`);
 * `env` adds to the build's environment (e.g. KB_TRENDS_REPORT). Specs share builds through
 * tests/helpers/builds.ts; call this directly only for content no other spec builds.
 */
export function buildSite(options: {
	contentDir: string;
	outDir: string;
	base?: string;
	env?: Record<string, string>;
}): BuildResult {
	const env = {
		...cleanEnv(),
		...options.env,
		PATH,
		ASTRO_TELEMETRY_DISABLED: '1',
		KB_CONTENT_DIR: options.contentDir,
		KB_CACHE_DIR: `${options.outDir}-cache`,
		KB_BASE: options.base ?? '/',
		KB_TODAY: '2026-11-26',
	};
	// The offline integration runs Pagefind at the end of the build (the service worker precaches its index).
	const astro = spawnSync(join(BIN, 'astro'), ['build', '--outDir', options.outDir], {
		cwd: ROOT,
		env,
		encoding: 'utf8',
		maxBuffer: 1 << 28,
	});
	return {
		ok: astro.status === 0,
		output: `${astro.stdout}${astro.stderr}`,
		outDir: options.outDir,
	};
}

/** A running preview server. */
export interface Preview {
	url: string;
	close: () => void;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
};

/**
 * Serves a built `outDir` under `base` on a free loopback port, like a plain static host.
 * (Not `astro preview`: Astro 7 allows one preview per machine, and tests run beside other builds.)
 */
export function previewSite(outDir: string, base = '/'): Promise<Preview> {
	const server = createServer((req, res) => {
		const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (!url.startsWith(base)) return void res.writeHead(404).end('not under base');
		let file = join(outDir, url.slice(base.length));
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file.startsWith(outDir) || !existsSync(file)) {
			const notFound = join(outDir, '404.html');
			return void res
				.writeHead(404, { 'content-type': TYPES['.html']! })
				.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
		}
		res
			.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
			.end(readFileSync(file));
	});
	return new Promise((ok) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			ok({ url: `http://127.0.0.1:${port}${base}`, close: () => server.close() });
		});
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
	return [...html.matchAll(/\s(?:href|src)="([^"#?]+)[^"]*"/g)]
		.map((m) => m[1]!)
		.filter((u) => u.startsWith(base));
}

/** Reads a built file. */
export function readBuilt(outDir: string, path: string): string {
	return readFileSync(join(outDir, path), 'utf8');
}

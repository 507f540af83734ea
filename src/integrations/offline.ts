import { createHash } from 'node:crypto';
import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { generateSW, type ManifestEntry } from 'workbox-build';
import en from '../i18n/en.json' with { type: 'json' };
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };
import { LOCALES, localePrefix } from '../lib/locales.ts';
import { paths } from '../lib/routes.ts';
import { neededScripts, scanPages, type PageScan } from './offline-scripts.ts';

/**
 * Makes the built site work offline and installable: a Workbox service worker (`sw.js`) that
 * precaches every page, the stylesheet and the scripts pages load, the Pagefind index and the
 * Mermaid chunks the site's diagrams need, plus a web app manifest per locale. Past the precache
 * budget, fault pages are cached once visited, and one never visited opens offline in the
 * locale's offline fault view from the precached fault data.
 * Everything is relative to the service worker, so any base path (KB_BASE) works.
 * See docs/decisions/0030-offline-service-worker.md and 0044-whole-catalogue-offline.md.
 */
export function offline(contentDir: string): AstroIntegration {
	return {
		name: 'kb-offline',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				// Pages print the content version they were built from; the cached copy then says what the device holds.
				updateConfig({
					vite: {
						define: {
							'import.meta.env.KB_CONTENT_VERSION': JSON.stringify(contentVersion(contentDir)),
						},
					},
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const out = fileURLToPath(dir);
				writeManifests(out);
				// One walk and one read of every page serve Pagefind, the precache budget and the script list.
				const files = siteFiles(out);
				const scan = scanPages(
					out,
					files.map((f) => f.path).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')),
				);
				// The worker's code does not depend on the pages: it is bundled while Pagefind indexes.
				const [worker] = await Promise.all([
					workerCode(),
					// The index must exist before the precache list is made.
					runPagefind(out, scan.indexable),
				]);
				const { entries, size, warnings } = precacheList(
					out,
					[
						...files,
						...siteFiles(join(out, 'pagefind')).map((f) => ({ ...f, path: `pagefind/${f.path}` })),
					],
					scan,
				);
				warnings.forEach((w) => logger.warn(w));
				writeFileSync(join(out, 'sw.js'), withPrecache(worker, entries));
				const count = entries.length;
				const seconds = ((performance.now() - started) / 1000).toFixed(1);
				logger.info(
					`sw.js precaches ${count} files, ${Math.round(size / 1024)} KB (Pagefind and service worker took ${seconds} s)`,
				);
				logger.info(`offline fault data (precached): ${faultDataSizes(files)}`);
			},
		},
	};
}

/** A short hash of every file under the content folder: the same content gives the same version. */
export function contentVersion(contentDir: string): string {
	const hash = createHash('sha256');
	for (const file of filesUnder(contentDir)) {
		hash.update(relative(contentDir, file).replace(/\\/g, '/'));
		hash.update(readFileSync(file));
	}
	return hash.digest('hex').slice(0, 8);
}

// --- internal ---

function filesUnder(dir: string): string[] {
	let names: string[];
	try {
		names = readdirSync(dir).sort();
	} catch {
		return [];
	}
	return names.flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

/**
 * What the service worker precaches: the built site's pages, styles, scripts, data, icons and the
 * Pagefind index, within the budget (see {@link withinBudget}), each with the MD5 of its bytes as
 * its revision, as Workbox's own list is made. Made from the one walk of the site: Workbox's glob
 * over 28,000 files took longer than hashing the 7,000 it keeps.
 */
function precacheList(
	out: string,
	files: { path: string; size: number }[],
	scan: PageScan,
): { entries: (ManifestEntry & { size: number })[]; size: number; warnings: string[] } {
	const siteBytes = files.reduce((sum, f) => sum + f.size, 0);
	// Of the many script chunks, only those a page loads (and Mermaid's, for the diagrams present) are kept.
	const keep = neededScripts(out, scan);
	const script = (url: string) =>
		(url.startsWith('_astro/') || url.startsWith('vendor/mermaid/')) && url.endsWith('.js');
	const warnings: string[] = [];
	const candidates = files.filter(({ path, size }) => {
		if (!PRECACHED.test(path) || NEVER_PRECACHED.test(path) || (script(path) && !keep.has(path)))
			return false;
		// Past the budget, what will not be precached is skipped before hashing 20,000 pages for nothing.
		if (siteBytes > PRECACHE_BUDGET && DEFERRABLE.test(path)) return false;
		if (size > MAX_FILE_BYTES) {
			warnings.push(
				`${path} is ${Math.round(size / 1024)} KB, over the 4 MB a precached file may have; it is cached when used.`,
			);
			return false;
		}
		return true;
	});
	const entries = withinBudget(
		candidates.map(({ path, size }) => ({
			url: path,
			revision: createHash('md5')
				.update(readFileSync(join(out, path)))
				.digest('hex'),
			size,
		})),
	);
	return {
		entries,
		size: entries.reduce((sum, e) => sum + e.size, 0),
		warnings: [...warnings, ...overBudget(entries)],
	};
}

// Pages, styles, scripts, data, icons and the Pagefind index; never the worker itself, the Mermaid
// version stamp, or the full-text postings of the site search, which are large and used online only
// (the rest of search-data/ is precached for offline title search).
const PRECACHED = /\.(html|css|js|json|webmanifest|svg|png)$|^pagefind\//;
const NEVER_PRECACHED =
	/^sw\.js$|^vendor\/mermaid\/VERSION$|^([^/]+\/)?search-data\/body\/|(^|\/)\./;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Workbox bundles the worker with its precache list written into the code; at 7,000 entries that
 * took seconds of transpiling and minifying a 600 KB literal. So the worker is bundled with a
 * one-entry placeholder list ({@link PLACEHOLDER}), and the real list replaces it afterwards.
 */
async function workerCode(): Promise<string> {
	const folder = mkdtempSync(join(tmpdir(), 'kb-sw-'));
	try {
		await generateSW(workerOptions(folder));
		return readFileSync(join(folder, 'sw.js'), 'utf8');
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

const PLACEHOLDER = { url: '__kb_precache__', revision: '0' };

/** The worker's code with the precache list in place of the placeholder entry. */
export function withPrecache(code: string, entries: ManifestEntry[]): string {
	const placeholder = `{url:"${PLACEHOLDER.url}",revision:"${PLACEHOLDER.revision}"}`;
	const at = code.indexOf(placeholder);
	if (at < 0 || code.indexOf(placeholder, at + 1) >= 0)
		throw new Error(
			'The service worker has no single precache placeholder; Workbox changed how it writes the list (src/integrations/offline.ts).',
		);
	const list = entries.map((e) => JSON.stringify({ url: e.url, revision: e.revision })).join(',');
	return code.slice(0, at) + list + code.slice(at + placeholder.length);
}

/** The worker, bundled into `folder`, which holds nothing to precache but the placeholder. */
function workerOptions(folder: string): Parameters<typeof generateSW>[0] {
	return {
		swDest: join(folder, 'sw.js'),
		globDirectory: folder,
		globPatterns: [],
		additionalManifestEntries: [PLACEHOLDER],
		// `?q=` on the search page and Pagefind's `?ts=` cache tag must not miss the precache.
		ignoreURLParametersMatching: [/.*/],
		directoryIndex: 'index.html',
		cleanupOutdatedCaches: true,
		// A new deploy waits until the page asks for it (see src/client/offline/), so a checklist in progress is never reloaded under the technician.
		skipWaiting: false,
		clientsClaim: true,
		inlineWorkboxRuntime: true,
		sourcemap: false,
		cacheId: 'kb',
		runtimeCaching: [
			{
				urlPattern: /\/_astro\//,
				handler: 'CacheFirst',
				options: { cacheName: 'kb-assets', expiration: { maxEntries: 300 } },
			},
			// Past the precache budget, fault pages are kept once visited instead; one never visited is shown
			// offline by the locale's offline fault view from the precached fault data (docs/decisions/0044).
			...faultPageRoutes(),
			{
				urlPattern: /\/pagefind\/fragment\//,
				handler: 'CacheFirst',
				options: { cacheName: 'kb-fragments', expiration: { maxEntries: 4000 } },
			},
		],
	};
}

// A phone on a poor connection should not download more than this on first visit.
const PRECACHE_BUDGET = Number(process.env.KB_PRECACHE_BUDGET_MB ?? 40) * 1024 * 1024;
// Fault pages in any locale, and Pagefind's fragments: cached when visited once over the budget.
const DEFERRABLE = /^([^/]+\/)?faults\/[^/]+\/[^/]+\/index\.html$|^pagefind\/fragment\//;

/**
 * The runtime routes of fault pages, one per locale (a page matches the first route whose pattern
 * fits, so the prefixed locales come before the root one): cached once visited, and when a page is
 * neither cached nor reachable, answered with the locale's precached offline fault view, which
 * renders the entry from `fault-data/` on the device.
 */
function faultPageRoutes(): NonNullable<Parameters<typeof generateSW>[0]['runtimeCaching']> {
	const prefixed = LOCALES.filter((l) => localePrefix(l) !== '');
	return [...prefixed, ...LOCALES.filter((l) => localePrefix(l) === '')].map((locale) => ({
		urlPattern: new RegExp(`/${localePrefix(locale)}faults/[^/]+/[^/]+/$`),
		handler: 'StaleWhileRevalidate' as const,
		options: {
			cacheName: 'kb-faults',
			expiration: { maxEntries: 2000 },
			// Relative to sw.js, so any base path works; the page is precached (never deferred).
			precacheFallback: { fallbackURL: `${localePrefix(locale)}${paths.offlineFault}index.html` },
		},
	}));
}

/** The size of each locale's `fault-data/` folder, for the build log: `zh-CN 612 KB in 256 files, …`. */
function faultDataSizes(site: { path: string; size: number }[]): string {
	const sizes = LOCALES.map((locale) => {
		const folder = `${localePrefix(locale)}fault-data/`;
		const files = site.filter((f) => f.path.startsWith(folder));
		const bytes = files.reduce((sum, f) => sum + f.size, 0);
		return { text: `${locale} ${Math.round(bytes / 1024)} KB in ${files.length} files`, bytes };
	});
	const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
	return `${sizes.map((s) => s.text).join(', ')}; ${Math.round(total / 1024)} KB in all`;
}

/** Every file under `dir`, as a path relative to it with `/`, and its size. */
function siteFiles(dir: string, sub = ''): { path: string; size: number }[] {
	let entries;
	try {
		entries = readdirSync(join(dir, sub), { withFileTypes: true });
	} catch {
		return [];
	}
	return entries.flatMap((entry) => {
		const path = sub ? `${sub}/${entry.name}` : entry.name;
		return entry.isDirectory()
			? siteFiles(dir, path)
			: [{ path, size: statSync(join(dir, path)).size }];
	});
}

/**
 * The precache entries, trimmed to the budget: when everything does not fit, individual fault
 * pages and Pagefind fragments are left to runtime caching (kept once visited), while the shell,
 * SOPs, checklists, etiquette, lists, the search indexes and the offline fault data and view
 * (docs/decisions/0044-whole-catalogue-offline.md) stay precached.
 */
function withinBudget<T extends { url: string; size: number }>(entries: T[]): T[] {
	const total = entries.reduce((sum, e) => sum + e.size, 0);
	return total <= PRECACHE_BUDGET ? entries : entries.filter((e) => !DEFERRABLE.test(e.url));
}

/** A warning for the build log when the precache is over the budget even with fault pages deferred. */
function overBudget(manifest: { size: number }[]): string[] {
	const total = manifest.reduce((sum, e) => sum + e.size, 0);
	if (total <= PRECACHE_BUDGET) return [];
	const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
	return [
		`the precache is ${mb(total)} MB, over the ${mb(PRECACHE_BUDGET)} MB budget even without fault pages and Pagefind fragments; see docs/decisions/0044-whole-catalogue-offline.md for what else can be deferred.`,
	];
}

/**
 * The Pagefind index of the pages that mark their text for it (`data-pagefind-body`): documents,
 * not the fault pages, which the site's own index serves (docs/decisions/0045). Handing Pagefind
 * only those pages, not the whole folder, spares it parsing 20,000 fault pages it would drop.
 */
async function runPagefind(out: string, pages: string[]): Promise<void> {
	const { index, errors } = await pagefind.createIndex({});
	try {
		if (!index) throw new Error(errors.join('\n'));
		for (const page of pages) {
			const added = await index.addHTMLFile({
				sourcePath: page,
				content: readFileSync(join(out, page), 'utf8'),
			});
			if (added.errors.length > 0) throw new Error(`${page}: ${added.errors.join('\n')}`);
		}
		const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
		if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
	} catch (error) {
		throw new Error(`Pagefind failed while preparing the offline precache: ${String(error)}`, {
			cause: error,
		});
	} finally {
		await pagefind.close();
	}
}

/** One manifest per locale, so an installed app opens in the language it was installed from. */
function writeManifests(out: string): void {
	const icons = (prefix: string) => [
		{ src: `${prefix}icons/icon-192.png`, sizes: '192x192', type: 'image/png' },
		{ src: `${prefix}icons/icon-512.png`, sizes: '512x512', type: 'image/png' },
		{
			src: `${prefix}icons/icon-maskable-512.png`,
			sizes: '512x512',
			type: 'image/png',
			purpose: 'maskable',
		},
	];
	const manifest = (lang: string, strings: Record<string, string>, prefix: string) => ({
		name: strings['site.name'],
		short_name: strings['offline.appShortName'],
		description: strings['site.tagline'],
		lang,
		id: './',
		start_url: './',
		scope: prefix || './',
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: '#0b5cad',
		icons: icons(prefix),
	});
	writeFileSync(
		join(out, 'manifest.webmanifest'),
		JSON.stringify(manifest('zh-CN', zhCN, ''), null, '\t'),
	);
	mkdirSync(join(out, 'en'), { recursive: true });
	writeFileSync(
		join(out, 'en', 'manifest.webmanifest'),
		JSON.stringify(manifest('en', en, '../'), null, '\t'),
	);
}

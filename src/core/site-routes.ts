/**
 * The pages a production build of the content will have, for checking internal links without
 * building. Static pages are read from `src/pages/`; the dynamic routes of the knowledge
 * collections are derived from the content as the pages derive them (drafts and in-review
 * revisions are left out, as in a production build). Sections whose routes are not modelled
 * here (a dynamic folder another feature adds) are accepted unchecked rather than reported.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localePaths } from '../lib/routes.ts';
import { collectionSpec, COLLECTIONS, type CollectionName } from '../schemas/collections.ts';
import type { LoadedContent, LoadedEntry } from './load.ts';

/** The site's pages as root paths (`/faults/ac/e4/`, `/en/faults/ac/e4/`), plus what is known about the rest. */
export interface SiteRoutes {
	pages: Set<string>;
	/** Pages of draft or in-review revisions: they exist in `astro dev` but not in a build. */
	drafts: Set<string>;
	/** First path segments served by routes this module does not model (accepted unchecked). */
	unmodelled: Set<string>;
	/** Files in `public/`, served as they are. */
	files: Set<string>;
	/** The static pages under `src/pages/[...lang]/`, without locale prefix (`search/`, `guides/authoring/`). */
	statics: Set<string>;
}

/** The routes of `content` with the site's pages under `siteDir/src/pages` and files in `siteDir/public`. */
export function siteRoutes(content: LoadedContent, siteDir: string): SiteRoutes {
	const pages = new Set<string>();
	const drafts = new Set<string>();
	const add = (set: Set<string>, path: string) => localePaths(path).forEach((p) => set.add(p));
	const { statics, dynamicSections } = scanPages(join(siteDir, 'src', 'pages', '[...lang]'));
	statics.forEach((p) => add(pages, p));
	const modelled = new Set<string>();
	for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
		const { pages: pagesOf, controlled } = collectionSpec(name);
		if (!pagesOf) continue;
		const valid = new Map((content.entries[name] as LoadedEntry[]).map((e) => [e.id, e.data]));
		for (const id of content.ids[name]) {
			// An invalid file still has its page (its own problem is reported); a revision needs valid data to place it.
			const data = valid.get(id);
			if (data === undefined && controlled) continue;
			for (const page of pagesOf(id, (data ?? {}) as never)) {
				add(page.published ? pages : drafts, page.path);
				modelled.add(page.path.split('/')[0]!);
			}
		}
	}
	const unmodelled = new Set([...dynamicSections].filter((s) => !modelled.has(s)));
	return {
		pages,
		drafts,
		unmodelled,
		files: publicFiles(join(siteDir, 'public')),
		statics: new Set(statics),
	};
}

export { localePaths };

// --- internal ---

function scanPages(dir: string, prefix = ''): { statics: string[]; dynamicSections: Set<string> } {
	const statics: string[] = [];
	const dynamicSections = new Set<string>();
	if (!existsSync(dir)) return { statics, dynamicSections };
	for (const name of readdirSync(dir).sort()) {
		const path = join(dir, name);
		if (name.includes('[')) {
			dynamicSections.add(prefix.split('/')[0] || name);
		} else if (statSync(path).isDirectory()) {
			const inner = scanPages(path, `${prefix}${name}/`);
			statics.push(...inner.statics);
			inner.dynamicSections.forEach((s) => dynamicSections.add(s));
		} else if (name.endsWith('.astro')) {
			statics.push(
				name === 'index.astro' ? prefix : `${prefix}${name.slice(0, -'.astro'.length)}/`,
			);
		} else if (/\.(ts|js)$/.test(name)) {
			// An endpoint (e.g. a JSON file); its output name is the file name without the script extension.
			statics.push(`${prefix}${name.replace(/\.(ts|js)$/, '')}`);
		}
	}
	return { statics, dynamicSections };
}

function publicFiles(dir: string, prefix = '/'): Set<string> {
	const files = new Set<string>();
	if (!existsSync(dir)) return files;
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory())
			publicFiles(path, `${prefix}${name}/`).forEach((f) => files.add(f));
		else files.add(`${prefix}${name}`);
	}
	return files;
}

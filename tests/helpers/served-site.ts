import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { buildSite, previewSite, tempWorkDir } from './site.ts';

/** A built site served on loopback, with a browser to visit it. */
export interface ServedSite {
	/** The site's root URL, ending in the base path. */
	url: string;
	browser: Browser;
	/** Closes the browser and the server and removes the build. */
	close: () => Promise<void>;
}

/**
 * Builds `contentDir` (default: the starter content) under `base`, serves it and launches
 * Chromium: the setup of every journey spec. Throws with the build output when the build fails.
 */
export async function serveSite(name: string, options: { contentDir?: string; base?: string } = {}): Promise<ServedSite> {
	const work = tempWorkDir(name);
	const build = buildSite({ contentDir: options.contentDir ?? 'content', outDir: join(work, 'dist'), base: options.base });
	if (!build.ok) throw new Error(build.output);
	const preview = await previewSite(join(work, 'dist'), options.base);
	const browser = await launchBrowser();
	return {
		url: preview.url,
		browser,
		close: async () => {
			await browser.close();
			preview.close();
			rmSync(work, { recursive: true, force: true });
		},
	};
}

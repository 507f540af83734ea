import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, takePageErrors } from './browser.ts';
import { sharedBuild, type ContentSet } from './builds.ts';
import { previewSite, type Preview } from './site.ts';

/** A shared build served on loopback, with the spec's own browser to visit it. */
export interface ServedSite {
	/** The site's root URL, ending in the base path. */
	readonly url: string;
	/** The built site's folder, shared with other specs: never change it. */
	readonly outDir: string;
	readonly browser: Browser;
	/** A fresh browser profile (its own storage, service workers and downloads), closed after the test. */
	newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
	/** A page in a fresh browser profile, closed after the test. */
	newPage: (options?: BrowserContextOptions) => Promise<Page>;
}

/**
 * The setup of every journey spec. Before the spec's tests: takes the run's shared build of `set`
 * (building it if no spec has yet), serves it on loopback and launches Chromium. After each test:
 * closes the profiles the test opened, then fails the test if any page logged a console error or
 * threw, listing them. After all: closes the browser and the server (the build stays for other specs).
 */
export function useServedSite(set: ContentSet): ServedSite {
	let outDir: string | undefined;
	let preview: Preview | undefined;
	let browser: Browser | undefined;
	const contexts: BrowserContext[] = [];
	const ready = <T>(value: T | undefined): T => {
		if (value === undefined)
			throw new Error(
				`The site ${set.name} is not served yet: use it inside tests and hooks, not at the top of the spec.`,
			);
		return value;
	};

	beforeAll(async () => {
		outDir = await sharedBuild(set);
		preview = await previewSite(outDir, set.base);
		browser = await launchBrowser();
	});
	afterEach(async () => {
		await Promise.all(contexts.splice(0).map((c) => c.close()));
		if (browser)
			expect(
				takePageErrors(browser),
				'console errors and uncaught exceptions in the pages of this test',
			).toEqual([]);
	});
	afterAll(async () => {
		await browser?.close();
		preview?.close();
	});

	const site: ServedSite = {
		get url() {
			return ready(preview).url;
		},
		get outDir() {
			return ready(outDir);
		},
		get browser() {
			return ready(browser);
		},
		newContext: async (options) => {
			const context = await ready(browser).newContext(options);
			contexts.push(context);
			return context;
		},
		newPage: async (options) => (await site.newContext(options)).newPage(),
	};
	return site;
}

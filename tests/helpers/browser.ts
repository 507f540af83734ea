import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.KB_CHROMIUM ?? '/usr/bin/chromium';

const pageErrors = new WeakMap<Browser, string[]>();

/** Records the console errors and uncaught exceptions of every page of `context` in `into`. */
function watchForErrors(context: BrowserContext, into: string[]): void {
	context.on('console', (message) => {
		if (message.type() !== 'error') return;
		const { url, lineNumber } = message.location();
		into.push(
			`console error on ${message.page()?.url() ?? 'a worker'}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`,
		);
	});
	context.on('weberror', (error) =>
		into.push(
			`uncaught exception on ${error.page()?.url() ?? 'a worker'}: ${error.error().stack ?? error.error().message}`,
		),
	);
}

/**
 * Launches headless Chromium with the flags this sandbox needs (no sandbox, no background network).
 * Every context it opens (`browser.newPage()` included) records its pages' console errors and
 * uncaught exceptions; `takePageErrors` hands them out.
 */
export async function launchBrowser(): Promise<Browser> {
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const errors: string[] = [];
	pageErrors.set(browser, errors);
	// Playwright's newPage() opens its context through this.newContext(), so this covers both.
	const newContext = browser.newContext.bind(browser);
	browser.newContext = async (options) => {
		const context = await newContext(options);
		watchForErrors(context, errors);
		return context;
	};
	return browser;
}

/** The console errors and uncaught exceptions the browser's pages had since the last call, in order. */
export function takePageErrors(browser: Browser): string[] {
	return pageErrors.get(browser)?.splice(0) ?? [];
}

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
);

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
	id: string;
	impact: string;
	help: string;
	targets: string[];
}

const axePreloaded = new WeakSet<BrowserContext>();

/**
 * Runs axe-core on the page and returns the serious and critical violations. The first call in a
 * browser context also preloads axe-core into that context's later pages (an init script costs
 * far less than injecting the 0.5 MB script into each page again).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
	if (!(await page.evaluate(() => 'axe' in window)))
		await page.addScriptTag({ content: axeSource });
	if (!axePreloaded.has(page.context())) {
		axePreloaded.add(page.context());
		await page.context().addInitScript({ content: axeSource });
	}
	const violations = await page.evaluate(async () => {
		const result = await (
			window as unknown as {
				axe: {
					run: () => Promise<{
						violations: {
							id: string;
							impact: string;
							help: string;
							nodes: { target: string[] }[];
						}[];
					}>;
				};
			}
		).axe.run();
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' ')),
		}));
	});
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

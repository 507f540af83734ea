import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getViteConfig } from 'astro/config';
import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ChecklistDoc } from '../../src/data/content.ts';
import { translator } from '../../src/lib/i18n.ts';
import { localeHref } from '../../src/lib/routes.ts';
import type { DocStatus } from '../../src/lib/status.ts';
import { ChecklistSchema } from '../../src/schemas/checklist.ts';
import { FIXTURE_CONTENT } from '../helpers/fixture.ts';
import { tempWorkDir } from '../helpers/site.ts';

// Components rendered alone with Astro's container API, without a build. A bare Astro (no config
// file, so no content guard or integrations) compiles them in a Vite server of this file's own,
// so only this file pays for starting it.
const ROOT = resolve(import.meta.dirname, '..', '..');
// Its own cache, so the dev server and `astro check` in this checkout keep theirs.
const work = tempWorkDir('kb-render');
// The locals src/middleware.ts would set for an English page under /kb/.
const locals: App.Locals = {
	locale: 'en',
	t: translator('en'),
	href: (path = '', locale = 'en') => localeHref('/kb/', locale, path),
};
let vite: ViteDevServer;
let container: AstroContainer;
let DocBanner: AstroComponentFactory;
let ChecklistView: AstroComponentFactory;

beforeAll(async () => {
	const config = await getViteConfig(
		{
			root: ROOT,
			cacheDir: join(work, 'vite'),
			logLevel: 'error',
			optimizeDeps: { noDiscovery: true, include: [] },
			server: { middlewareMode: true, hmr: false, watch: null },
		},
		{ root: ROOT, configFile: false, logLevel: 'error' },
	)({ command: 'serve', mode: 'test' });
	vite = await createServer({ ...config, configFile: false });
	const load = async (path: string) =>
		((await vite.ssrLoadModule(path)) as { default: AstroComponentFactory }).default;
	const { experimental_AstroContainer } = (await vite.ssrLoadModule(
		'astro/container',
	)) as typeof import('astro/container');
	container = await experimental_AstroContainer.create();
	DocBanner = await load('/src/components/DocBanner.astro');
	ChecklistView = await load('/src/components/ChecklistView.astro');
});
afterAll(async () => {
	// beforeAll may have failed before starting it.
	await (vite as ViteDevServer | undefined)?.close();
	rmSync(work, { recursive: true, force: true });
});

/** The visible text of some HTML, tags stripped and whitespace collapsed. */
const textOf = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/** The text of the banner of revision 1.0 with `status`. */
async function banner(status: DocStatus): Promise<string> {
	return textOf(
		await container.renderToString(DocBanner, { props: { status, revision: '1.0' }, locals }),
	);
}

describe('DocBanner', () => {
	it('says a retired document is retired', async () => {
		expect(await banner('retired')).toBe('This document has been retired.');
	});

	it('says a superseded revision is superseded and links the current one', async () => {
		const html = await container.renderToString(DocBanner, {
			props: {
				status: 'superseded',
				revision: '1.0',
				current: { revision: '1.1', path: 'checklists/handover/' },
			},
			locals,
		});

		expect(textOf(html)).toBe(
			'This revision (1.0) has been superseded and is kept for reference only. View the current revision 1.1',
		);
		expect(html).toContain('href="/kb/en/checklists/handover/"');
	});

	it.each(['draft', 'in-review'] as const)(
		'warns not to work from a revision that is %s',
		async (status) => {
			expect(await banner(status)).toBe(
				'This revision (1.0) is a draft, not yet approved: do not work from it.',
			);
		},
	);

	it('shows nothing on the current revision', async () => {
		expect(await banner('approved')).toBe('');
	});
});

describe('ChecklistView', () => {
	it('shows the retired banner on a retired checklist, as SopView does on a retired SOP', async () => {
		const yaml = parse(
			readFileSync(join(FIXTURE_CONTENT, 'checklists/onsite-preparation/1.0.yaml'), 'utf8'),
		) as object;
		const cl = ChecklistSchema.parse({ ...yaml, status: 'retired' });
		const doc = {
			slug: 'onsite-preparation',
			revisions: [{ data: cl }],
		} as unknown as ChecklistDoc;

		const html = await container.renderToString(ChecklistView, { props: { doc, cl }, locals });

		expect(textOf(html)).toMatch(
			/^This document has been retired\. On-site preparation Document CL-SVC-002/,
		);
		expect(html).toMatch(
			/<p class="banner danger" role="status"[^>]*>This document has been retired\.<\/p>/,
		);
	});
});

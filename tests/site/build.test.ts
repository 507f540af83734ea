import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandCard, type SearchMeta, type StoredCard } from '../../src/lib/search-index.ts';
import { FIXTURE_KB, sharedBuildResult, STARTER_SUB_PATH } from '../helpers/builds.ts';
import { copyFixture } from '../helpers/fixture.ts';
import {
	buildSite,
	tempWorkDir,
	htmlFiles,
	internalLinks,
	readBuilt,
	type BuildResult,
} from '../helpers/site.ts';

const work = tempWorkDir('kb-build');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a build of the fixture content (with the handover checklist) under the base path /kb/', () => {
	let build: BuildResult;
	beforeAll(async () => {
		build = await sharedBuildResult(FIXTURE_KB);
	});

	it('succeeds', () => {
		expect(build.ok, build.output).toBe(true);
	});

	it('has no broken internal link', () => {
		const broken: string[] = [];
		let checked = 0;

		for (const page of htmlFiles(build.outDir)) {
			for (const link of internalLinks(readBuilt(build.outDir, page), '/kb/')) {
				checked++;
				const target = join(build.outDir, decodeURI(link.slice('/kb/'.length)));
				if (!existsSync(target) && !existsSync(join(target, 'index.html')))
					broken.push(`${page} → ${link}`);
			}
		}

		expect(broken).toEqual([]);
		expect(checked).toBeGreaterThan(500);
	});

	it('links nothing outside the base path', () => {
		const html = readBuilt(build.outDir, 'en/faults/ac/e4/index.html');

		const rootLinks = [...html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)]
			.map((m) => m[1])
			.filter((u) => !u!.startsWith('/kb/'));

		expect(rootLinks).toEqual([]);
	});

	it('leaves fault pages to the search index, with their filter values on the result cards', () => {
		const html = readBuilt(build.outDir, 'en/faults/ac/e4/index.html');
		// Fault entries are searched through search-data/ (decision 0045); Pagefind keeps documents.
		expect(html).not.toContain('data-pagefind-body');
		expect(readBuilt(build.outDir, 'en/sops/onsite-visit/index.html')).toContain(
			'data-pagefind-body',
		);
		expect(existsSync(join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);

		const meta = JSON.parse(readBuilt(build.outDir, 'en/search-data/meta.json')) as SearchMeta;
		const cards = readdirSync(join(build.outDir, 'en', 'search-data', 'cards')).flatMap(
			(f) =>
				JSON.parse(
					readFileSync(join(build.outDir, 'en', 'search-data', 'cards', f), 'utf8'),
				) as StoredCard[],
		);
		const e4 = cards.find((c) => c.u === '/kb/en/faults/ac/e4/');
		expect(e4 && expandCard(e4, meta).f).toEqual({
			type: ['Fault code'],
			family: ['Split air conditioners'],
			model: ['ac-kf26', 'ac-kf35'],
			category: ['Software'],
			priority: ['P2'],
		});
	});

	it('renders the current SOP revision with its document-control header and a diff', () => {
		const html = readBuilt(build.outDir, 'en/sops/onsite-visit/index.html');

		expect(html).toContain('SOP-SVC-007');
		expect(html).toMatch(/<li class="added">.*Arrive five minutes early\./);
		expect(html).toContain('class="mermaid"');
	});

	it('marks a superseded revision with a banner and loads no Mermaid where there is no diagram', () => {
		const html = readBuilt(build.outDir, 'en/sops/onsite-visit/1.0/index.html');

		expect(html).toContain('This revision (1.0) has been superseded');
		expect(html).not.toContain('MermaidLoader');
	});
});

describe('a build of the starter knowledge base under the base path /intranet/kb/', () => {
	it('has no broken internal link, including links written inside SOP and guide bodies', async () => {
		const build = await sharedBuildResult(STARTER_SUB_PATH);
		expect(build.ok, build.output.slice(-2000)).toBe(true);
		const broken: string[] = [];

		for (const page of htmlFiles(build.outDir)) {
			for (const link of internalLinks(readBuilt(build.outDir, page), '/')) {
				const target = join(build.outDir, decodeURI(link.replace(/^\/intranet\/kb\//, '')));
				if (
					!link.startsWith('/intranet/kb/') ||
					(!existsSync(target) && !existsSync(join(target, 'index.html')))
				)
					broken.push(`${page} → ${link}`);
			}
		}

		expect(broken).toEqual([]);
	});
});

describe('a build of broken content', () => {
	it('stops before writing anything and names every problem', () => {
		const copy = copyFixture();
		copy.edit('faults/ac/f07.yaml', (t) => t.replace('priority: P3', 'priority: urgent'));
		copy.edit('products/ac-kf26.yaml', (t) => t.replace('family: ac', 'family: fridge'));
		const outDir = join(work, 'broken');

		const build = buildSite({ contentDir: copy.dir, outDir });
		copy.dispose();

		expect(build.ok).toBe(false);
		expect(build.output).toContain('The content has 2 problems; nothing was built:');
		expect(build.output).toContain(
			'faults/ac/f07.yaml:9: priority: "urgent" is not a priority; use one of P1, P2, P3, P4.',
		);
		expect(build.output).toContain(
			'products/ac-kf26.yaml:1: family: family "fridge" does not exist; use the name of a file in content/families/ (ac).',
		);
		expect(existsSync(outDir)).toBe(false);
	});
});

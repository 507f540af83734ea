import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { neededScripts } from '../../src/integrations/offline-scripts.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A tiny built site: `files` maps paths to contents. */
function site(files: Record<string, string>): string {
	dir = mkdtempSync(join(tmpdir(), 'kb-sw-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

const CHUNKS = {
	'_astro/page.A.js': 'import{a}from"./shared.B.js";',
	'_astro/shared.B.js': 'export const a=1;',
	'_astro/Loader.C.js': 'import"./preload.D.js";await import(`./mermaid.core.E.js`);',
	'_astro/preload.D.js': '',
	'_astro/mermaid.core.E.js':
		'import{x}from"./core-dep.F.js";()=>import(`./flowDiagram-X.G.js`);()=>import(`./ganttDiagram-Y.H.js`);()=>import(`./dagre-Z.I.js`);',
	'_astro/core-dep.F.js': '',
	'_astro/flowDiagram-X.G.js': 'import"./flow-dep.J.js";',
	'_astro/flow-dep.J.js': '',
	'_astro/ganttDiagram-Y.H.js': '',
	'_astro/dagre-Z.I.js': '',
	'_astro/unused.K.js': '',
};

describe('neededScripts', () => {
	it('keeps the scripts pages load and their static imports, and no Mermaid where there is no diagram', () => {
		const out = site({
			...CHUNKS,
			'index.html': '<script type="module" src="/kb/_astro/page.A.js"></script>',
		});

		expect([...neededScripts(out)].sort()).toEqual(['_astro/page.A.js', '_astro/shared.B.js']);
	});

	it('adds Mermaid and the chunks of the diagram kinds present, but not the others', () => {
		const out = site({
			...CHUNKS,
			'sops/a/index.html':
				'<pre class="mermaid">flowchart TD\nA-->B</pre><script type="module" src="/_astro/Loader.C.js"></script>',
		});

		expect([...neededScripts(out)].sort()).toEqual([
			'_astro/Loader.C.js',
			'_astro/core-dep.F.js',
			'_astro/dagre-Z.I.js',
			'_astro/flow-dep.J.js',
			'_astro/flowDiagram-X.G.js',
			'_astro/mermaid.core.E.js',
			'_astro/preload.D.js',
		]);
	});

	it('keeps every lazy chunk for a diagram kind it does not know, so nothing is missing offline', () => {
		const out = site({
			...CHUNKS,
			'index.html':
				'<pre class="mermaid">quadrantChart\n</pre><script type="module" src="/_astro/Loader.C.js"></script>',
		});

		expect(neededScripts(out).has('_astro/ganttDiagram-Y.H.js')).toBe(true);
		expect(neededScripts(out).has('_astro/unused.K.js')).toBe(false);
	});

	it('keeps the parts of the static Mermaid build that the diagrams present need', () => {
		const out = site({
			'sops/a/index.html': '<pre class="mermaid">flowchart TD\nA-->B</pre>',
			'vendor/mermaid/mermaid.esm.min.js': 'import{a}from"./chunks/mermaid.esm.min/chunk-A.js";',
			'vendor/mermaid/chunks/mermaid.esm.min/chunk-A.js':
				'import"./chunk-B.js";()=>import("./flowDiagram-X.js");()=>import("./ganttDiagram-Y.js");',
			'vendor/mermaid/chunks/mermaid.esm.min/chunk-B.js': '',
			'vendor/mermaid/chunks/mermaid.esm.min/flowDiagram-X.js': 'import"./dagre-Z.js";',
			'vendor/mermaid/chunks/mermaid.esm.min/dagre-Z.js': '',
			'vendor/mermaid/chunks/mermaid.esm.min/ganttDiagram-Y.js': '',
		});

		expect([...neededScripts(out)].sort()).toEqual([
			'vendor/mermaid/chunks/mermaid.esm.min/chunk-A.js',
			'vendor/mermaid/chunks/mermaid.esm.min/chunk-B.js',
			'vendor/mermaid/chunks/mermaid.esm.min/dagre-Z.js',
			'vendor/mermaid/chunks/mermaid.esm.min/flowDiagram-X.js',
			'vendor/mermaid/mermaid.esm.min.js',
		]);
	});
});

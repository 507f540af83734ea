import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Mermaid's lazily loaded chunks per diagram keyword (the first word of a diagram). Mermaid
 * splits every diagram type into its own chunk; only the kinds the site uses are precached.
 * A keyword missing here makes {@link neededScripts} keep every lazy chunk, so nothing breaks.
 */
export const MERMAID_CHUNKS: Record<string, string[]> = {
	flowchart: ['flowDiagram-', 'dagre-'],
	graph: ['flowDiagram-', 'dagre-'],
	sequenceDiagram: ['sequenceDiagram-'],
	classDiagram: ['classDiagram-', 'dagre-'],
	stateDiagram: ['stateDiagram-', 'dagre-'],
	'stateDiagram-v2': ['stateDiagram-', 'dagre-'],
	erDiagram: ['erDiagram-', 'dagre-'],
	gantt: ['ganttDiagram-'],
	pie: ['pieDiagram-'],
	journey: ['journeyDiagram-'],
	timeline: ['timeline-definition-'],
};

/** What the built pages need offline and what Pagefind indexes, from one read of every page. */
export interface PageScan {
	/** Script files (`<name>.js` under `_astro/`) that pages reference or inline. */
	scripts: Set<string>;
	/** Diagram kinds (the first word of each `<pre class="mermaid">`) on any page. */
	diagramKinds: Set<string>;
	/** Pages (paths relative to the site) that mark their text for Pagefind with `data-pagefind-body`. */
	indexable: string[];
}

/**
 * Reads every HTML page of the built site in `out` once. One page at a time: at 10,000 entries
 * the pages together are hundreds of megabytes.
 */
export function scanPages(out: string, pages: string[] = htmlFiles(out)): PageScan {
	const scan: PageScan = { scripts: new Set(), diagramKinds: new Set(), indexable: [] };
	for (const page of pages) {
		const html = readFileSync(join(out, page), 'utf8');
		for (const m of html.matchAll(/_astro\/([\w.$-]+\.js)/g)) scan.scripts.add(m[1]!);
		for (const m of html.matchAll(/<pre class="mermaid">\s*([\w-]+)/g))
			scan.diagramKinds.add(m[1]!);
		if (html.includes('data-pagefind-body')) scan.indexable.push(page);
	}
	return scan;
}

/**
 * The script files under `_astro/` (as `_astro/<name>.js`) the built site in `out` needs offline:
 * every script a page references or inlines, everything those import statically, and of the
 * lazy imports only Mermaid's core and the chunks of the diagram kinds the pages contain.
 */
export function neededScripts(out: string, scan: PageScan = scanPages(out)): Set<string> {
	const kinds = scan.diagramKinds;
	const lazy = lazyPrefixes(kinds);
	const seen = new Set<string>();
	const queue = [...scan.scripts];
	while (queue.length > 0) {
		const name = queue.pop()!;
		if (seen.has(name)) continue;
		seen.add(name);
		let code: string;
		try {
			code = readFileSync(join(out, '_astro', name), 'utf8');
		} catch {
			continue;
		}
		queue.push(...[...code.matchAll(STATIC_IMPORT)].map((m) => m[1]!));
		queue.push(
			...[...code.matchAll(DYNAMIC_IMPORT)]
				.map((m) => m[1]!)
				.filter((n) => lazy === 'all' || lazy.some((p) => n.startsWith(p))),
		);
	}
	return new Set([...[...seen].map((n) => `_astro/${n}`), ...vendorMermaid(out, kinds)]);
}

/**
 * The files of the static Mermaid build (`vendor/mermaid/`, see mermaid-vendor.ts) the diagrams
 * need: its entry, what that imports statically, and the lazy chunks of the diagram kinds present.
 */
function vendorMermaid(out: string, kinds: Set<string>): string[] {
	const lazy = lazyPrefixes(kinds);
	if (lazy !== 'all' && lazy.length === 0) return [];
	const root = join(out, 'vendor', 'mermaid');
	const seen = new Set<string>();
	const queue = ['mermaid.esm.min.js'];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		let code: string;
		try {
			code = readFileSync(join(root, file), 'utf8');
		} catch {
			continue;
		}
		seen.add(file);
		const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
		for (const m of code.matchAll(VENDOR_STATIC)) queue.push(folder + m[1]!);
		for (const m of code.matchAll(VENDOR_DYNAMIC)) {
			const name = m[1]!.split('/').at(-1)!;
			if (lazy === 'all' || lazy.some((p) => name.startsWith(p))) queue.push(folder + m[1]!);
		}
	}
	return [...seen].map((f) => `vendor/mermaid/${f}`);
}

// --- internal ---

// Minified chunks import each other as `from"./x.js"`, `import"./x.js"` and lazily as import(`./x.js`).
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`]\.\/([\w.$-]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]\.\/([\w.$-]+\.js)["'`]\s*\)/g;
// Mermaid's own build imports across one folder level: `./chunks/mermaid.esm.min/x.js`.
const VENDOR_STATIC = /(?:\bfrom|\bimport)\s*["'`]\.\/([\w.$/-]+\.js)["'`]/g;
const VENDOR_DYNAMIC = /\bimport\(\s*["'`]\.\/([\w.$/-]+\.js)["'`]\s*\)/g;

function lazyPrefixes(kinds: Set<string>): string[] | 'all' {
	if (kinds.size === 0) return [];
	const prefixes = ['mermaid.core'];
	for (const kind of kinds) {
		const chunks = MERMAID_CHUNKS[kind];
		if (!chunks) return 'all';
		prefixes.push(...chunks);
	}
	return prefixes;
}

/** The HTML pages under `out`, relative to it, outside `_astro/` and `pagefind/`. */
function htmlFiles(out: string, dir = ''): string[] {
	return readdirSync(join(out, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = dir ? `${dir}/${entry.name}` : entry.name;
		if (entry.isDirectory())
			return path === '_astro' || path === 'pagefind' ? [] : htmlFiles(out, path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';

/** Where Mermaid's prebuilt browser files are served from, under the site base. */
export const MERMAID_VENDOR_DIR = 'vendor/mermaid';

/**
 * Serves Mermaid's own prebuilt ES module build as static files (`public/vendor/mermaid/`)
 * instead of bundling it: bundling Mermaid 12 cost ~400 MB of build memory and ~2 s for every
 * build, measured on the starter site (1,231 MB → 836 MB peak). Files are renamed `.mjs` → `.js`
 * (imports rewritten to match) so any static server sends them with a JavaScript MIME type.
 * The copy is refreshed when the installed Mermaid version changes; `public/vendor/` is not committed.
 */
export function mermaidVendor(): AstroIntegration {
	return {
		name: 'kb-mermaid-vendor',
		hooks: {
			'astro:config:setup': ({ config }) => {
				copyMermaid(join(new URL(config.publicDir).pathname, MERMAID_VENDOR_DIR));
			},
		},
	};
}

/** Copies the browser build of the installed Mermaid into `dest` unless it is already there. */
export function copyMermaid(dest: string): void {
	const pkgFile = createRequire(import.meta.url).resolve('mermaid/package.json');
	const { version } = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string };
	const marker = join(dest, 'VERSION');
	if (existsSync(marker) && readFileSync(marker, 'utf8') === version) return;
	const dist = join(dirname(pkgFile), 'dist');
	rmSync(dest, { recursive: true, force: true });
	const chunks = join('chunks', 'mermaid.esm.min');
	mkdirSync(join(dest, chunks), { recursive: true });
	const files = [
		'mermaid.esm.min.mjs',
		...readdirSync(join(dist, chunks))
			.filter((f) => f.endsWith('.mjs'))
			.map((f) => join(chunks, f)),
	];
	for (const file of files) {
		const text = readFileSync(join(dist, file), 'utf8').replace(
			/(\.\/[\w./$-]+)\.mjs(["'`])/g,
			'$1.js$2',
		);
		writeFileSync(join(dest, file.replace(/\.mjs$/, '.js')), text);
	}
	writeFileSync(marker, version);
}

import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DATA_FILES_BUNDLE, decodeDataFiles } from '../lib/data-files.ts';
import { LOCALES, localePrefix } from '../lib/locales.ts';

/**
 * Writes each locale's generated data files (search index, offline fault data) from the one
 * bundle the build rendered for it, then removes the bundle. Must come before the offline step,
 * which precaches those files. See src/lib/data-files.ts.
 */
export function dataFiles(): AstroIntegration {
	return {
		name: 'kb-data-files',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const written = await Promise.all(
					LOCALES.map((locale) => splitBundle(join(out, localePrefix(locale)))),
				);
				logger.info(`wrote ${written.reduce((a, b) => a + b, 0)} search and offline data files`);
			},
		},
	};
}

/**
 * Writes the files of the bundle in `root` beside it and removes it; returns how many. Several
 * writes are in flight at once: one after another, 8,000 small files took two seconds.
 */
export async function splitBundle(root: string): Promise<number> {
	const bundle = join(root, DATA_FILES_BUNDLE);
	const files = decodeDataFiles(await readFile(bundle, 'utf8'));
	for (const folder of new Set(files.map(([path]) => dirname(join(root, path)))))
		mkdirSync(folder, { recursive: true });
	let next = 0;
	const writer = async () => {
		while (next < files.length) {
			const [path, json] = files[next++]!;
			await writeFile(join(root, path), json);
		}
	};
	await Promise.all(Array.from({ length: 16 }, writer));
	await rm(bundle);
	return files.length;
}

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
			'astro:build:done': ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const written = LOCALES.map((locale) => splitBundle(join(out, localePrefix(locale))));
				logger.info(`wrote ${written.reduce((a, b) => a + b, 0)} search and offline data files`);
			},
		},
	};
}

/** Writes the files of the bundle in `root` beside it and removes it; returns how many. */
export function splitBundle(root: string): number {
	const bundle = join(root, DATA_FILES_BUNDLE);
	const files = decodeDataFiles(readFileSync(bundle, 'utf8'));
	const made = new Set<string>();
	for (const [path, json] of files) {
		const file = join(root, path);
		const folder = dirname(file);
		if (!made.has(folder)) mkdirSync(folder, { recursive: true });
		made.add(folder);
		writeFileSync(file, json);
	}
	rmSync(bundle);
	return files.length;
}

import { resolve } from 'node:path';
import type { CollectionName } from '../schemas/collections.ts';
import type { LoadedContent } from './load.ts';

/**
 * The build guard validates every content file before Astro starts; Astro's content loaders then
 * need the same files. Rather than read and parse 10,000 YAML files a second time (with another
 * YAML parser, which could read a value differently), the guard hands what it parsed to the
 * loaders of the same process (src/content.config.ts). Each collection is taken once: a later
 * load (the dev server's reload after an edit) reads the files again.
 *
 * The hand-off lives on `globalThis` because the guard (an integration) and the loaders (compiled
 * by Vite) load this module separately.
 */
export interface HandedEntry {
	id: string;
	/** Path relative to the project root, as Astro's own loader records it. */
	file: string;
	/** The fields as written (the loader applies Astro's schema, references included). */
	raw: unknown;
}

/** Keeps the YAML collections of `content` (validated, from `contentDir`) for the loaders. */
export function handOffContent(contentDir: string, content: LoadedContent): void {
	const collections = new Map<string, HandedEntry[]>();
	for (const [name, entries] of Object.entries(content.entries))
		collections.set(
			name,
			entries.map((e) => ({ id: e.id, file: e.file, raw: e.raw })),
		);
	store()[KEY] = { dir: resolve(contentDir), collections };
}

/** The entries of collection `name` the guard validated in `contentDir`, once; else undefined. */
export function takeHandedEntries(
	contentDir: string,
	name: CollectionName,
): HandedEntry[] | undefined {
	const handed = store()[KEY];
	if (!handed || handed.dir !== resolve(contentDir)) return undefined;
	const entries = handed.collections.get(name);
	handed.collections.delete(name);
	return entries;
}

// --- internal ---

const KEY = Symbol.for('repair-kb.handed-content');

interface Handed {
	dir: string;
	collections: Map<string, HandedEntry[]>;
}

function store(): { [KEY]?: Handed } {
	return globalThis as { [KEY]?: Handed };
}

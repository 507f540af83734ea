import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A `fetch` that serves a built site's files from disk, so the search engine's ranking can be
 * exercised in Node on real index files (no server, no browser). Counts the bytes it served.
 */
export function diskFetch(outDir: string): typeof fetch & { bytes: number; requests: number } {
	const f = ((input: string | URL | Request) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		const path = decodeURIComponent(new URL(url, 'http://site/').pathname);
		try {
			const body = readFileSync(join(outDir, path));
			f.bytes += body.length;
			f.requests++;
			return Promise.resolve(new Response(body, { status: 200 }));
		} catch {
			return Promise.resolve(new Response('not found', { status: 404 }));
		}
	}) as typeof fetch & { bytes: number; requests: number };
	f.bytes = 0;
	f.requests = 0;
	return f;
}

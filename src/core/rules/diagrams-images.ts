/**
 * Two kinds of body content that fail a build or a page where the MDX itself is valid: Mermaid
 * diagrams that do not parse (the page would show Mermaid's error box instead of the flowchart),
 * and pictures written next to the file (`![…](./x.png)`) that are not there (Astro's image
 * step stops the build). Both run in the build guard and `kb check` through `validate.ts`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code } from 'mdast';
import type { LoadedContent, LoadedEntry } from '../load.ts';
import { images } from '../mdx-read.ts';
import { walk } from '../mdx.ts';
import { bodyProblem, type Problem } from '../problems.ts';

/** Every Mermaid block parses, and every picture with a relative path exists beside its file. */
export function checkDiagramsAndImages(content: LoadedContent, root: string): Problem[] {
	const bodies = (Object.values(content.entries).flat() as LoadedEntry[]).filter(
		(e) => e.parsed && e.parsed.problems.length === 0,
	);
	return [...checkImageFiles(bodies, root), ...checkDiagrams(bodies)];
}

/** Where diagrams known to parse are remembered, by hash of their source, between runs. */
export const DIAGRAM_CACHE = join('node_modules', '.cache', 'kb-mermaid-ok.json');

// --- internal ---

function checkImageFiles(bodies: readonly LoadedEntry[], root: string): Problem[] {
	const problems: Problem[] = [];
	for (const entry of bodies) {
		for (const image of images(entry.parsed!.tree)) {
			if (!image.src || /^([a-z][a-z0-9+.-]*:|\/|#)/i.test(image.src)) continue;
			const path = decodeURI(image.src.split(/[?#]/)[0]!);
			if (existsSync(join(root, dirname(entry.file), path))) continue;
			const message = `picture ${image.src} is not there (looked for ${join(dirname(entry.file), path)}); put the file beside ${entry.file.split('/').at(-1)!} or fix the path.`;
			problems.push(bodyProblem(entry.file, image, message));
		}
	}
	return problems;
}

function checkDiagrams(bodies: readonly LoadedEntry[]): Problem[] {
	const blocks = bodies.flatMap((entry) => {
		const found: { entry: LoadedEntry; node: Code; hash: string }[] = [];
		walk(entry.parsed!.tree, (node) => {
			if (node.type === 'code' && node.lang === 'mermaid')
				found.push({
					entry,
					node,
					hash: createHash('sha256').update(node.value).digest('hex').slice(0, 16),
				});
		});
		return found;
	});
	const known = readCache();
	const unseen = [...new Set(blocks.filter((b) => !known.has(b.hash)).map((b) => b.node.value))];
	if (unseen.length === 0) return [];
	const errors = parseInWorker(unseen);
	const problems: Problem[] = [];
	for (const block of blocks) {
		const i = unseen.indexOf(block.node.value);
		if (i === -1) continue;
		const error = errors[i] ?? '';
		if (!error) {
			known.add(block.hash);
			continue;
		}
		const start = block.node.position?.start;
		const detail = error
			.split('\n')
			.filter(Boolean)
			.map((l) => l.trim())
			.join(' ')
			.slice(0, 300);
		const message = `the Mermaid diagram does not parse (${detail}); fix its syntax — the page would show an error box instead of the flowchart.`;
		problems.push(bodyProblem(block.entry.file, start, message));
	}
	writeCache(known);
	return problems;
}

function parseInWorker(sources: string[]): string[] {
	const worker = fileURLToPath(new URL('../mermaid/parse-worker.ts', import.meta.url));
	const run = spawnSync(process.execPath, [worker], {
		input: JSON.stringify(sources),
		encoding: 'utf8',
		maxBuffer: 1 << 26,
	});
	if (run.status !== 0)
		throw new Error(
			`The Mermaid check could not run: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`,
		);
	return JSON.parse(run.stdout) as string[];
}

function readCache(): Set<string> {
	try {
		return new Set(JSON.parse(readFileSync(DIAGRAM_CACHE, 'utf8')) as string[]);
	} catch {
		return new Set();
	}
}

function writeCache(known: Set<string>): void {
	try {
		mkdirSync(dirname(DIAGRAM_CACHE), { recursive: true });
		writeFileSync(DIAGRAM_CACHE, JSON.stringify([...known].sort()));
	} catch {
		// A read-only checkout only loses the cache: every run then parses the diagrams again.
	}
}

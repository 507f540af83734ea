import { join, relative } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { COLLECTIONS, entryId, type CollectionName } from '../schemas/collections.ts';
import { listContentFiles, readContentText } from './files.ts';
import { parseBody, type ParsedBody } from './mdx.ts';
import type { Problem } from './problems.ts';

/** One validated content file. */
export interface LoadedEntry<T = unknown> {
	id: string;
	/** Path relative to the project root. */
	file: string;
	data: T;
	/** The fields as written, before the schema's defaults and transforms (for the unknown-field check). */
	raw: unknown;
	/** The MDX body, for mdx collections. */
	body?: string;
	/** The MDX body parsed into a tree with file positions, once, on first use (`parseBody`); mdx collections only. */
	readonly parsed?: ParsedBody;
	/** Finds the 1-based line of a field path in the file, when it is there. */
	lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/** Every collection's valid entries plus the problems of the invalid files. */
export interface LoadedContent {
	entries: { [K in CollectionName]: LoadedEntry<z.output<(typeof COLLECTIONS)[K]['schema']>>[] };
	/** The id of every file found, valid or not, so one broken file does not make its references dangle too. */
	ids: Record<CollectionName, string[]>;
	problems: Problem[];
}

/**
 * Reads and validates every file under `contentDir` with the collection schemas.
 * An invalid file yields one problem per schema issue and is left out of `entries`.
 * `root` is what file paths in problems are relative to (default: the current directory).
 */
export function loadContent(contentDir: string, root = process.cwd()): LoadedContent {
	const problems: Problem[] = [];
	const entries = {} as Record<CollectionName, LoadedEntry[]>;
	const ids = {} as Record<CollectionName, string[]>;
	for (const [name, spec] of Object.entries(COLLECTIONS) as [
		CollectionName,
		(typeof COLLECTIONS)[CollectionName],
	][]) {
		const listing = {
			dir: join(contentDir, spec.dir),
			depth: spec.pattern.split('/').length,
			ext: `.${spec.format}`,
			contentRoot: contentDir,
			root,
		};
		entries[name] = [];
		const files = listContentFiles(listing, problems);
		ids[name] = files.map((f) => entryId(f.rel));
		for (const { rel, absolute } of files) {
			const file = relative(root, absolute).replace(/\\/g, '/');
			const text = readContentText(absolute, file, problems);
			const loaded =
				text === undefined
					? undefined
					: loadFile(file, text, rel, spec.format, spec.schema, problems);
			if (loaded) entries[name].push(loaded);
		}
	}
	return { entries: entries as LoadedContent['entries'], ids, problems };
}

// --- internal ---

function loadFile(
	file: string,
	text: string,
	rel: string,
	format: 'yaml' | 'mdx',
	schema: z.ZodType,
	problems: Problem[],
): LoadedEntry | undefined {
	let yamlText = text;
	let lineOffset = 0;
	let body: string | undefined;
	let firstLine = 1;
	if (format === 'mdx') {
		const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
		if (!match) {
			problems.push({
				file,
				line: 1,
				field: '',
				severity: 'error',
				message:
					'has no frontmatter; start the file with a `---` line, the fields, and another `---` line.',
			});
			return undefined;
		}
		yamlText = match[1]!;
		lineOffset = 1;
		body = text.slice(match[0].length);
		firstLine = match[0].split('\n').length;
	}
	const parsed = parseYaml(yamlText);
	if ('errors' in parsed) {
		for (const err of parsed.errors) {
			const line = (err.linePos?.[0]?.line ?? 0) + lineOffset;
			problems.push({
				file,
				line: line || undefined,
				field: '',
				severity: 'error',
				message: `is not valid YAML: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '')}`,
			});
		}
		return undefined;
	}
	const { raw } = parsed;
	// A missing field has no node of its own: fall back to the nearest parent that exists.
	let positions: { doc: Document; counter: LineCounter } | undefined;
	const lineOf = (path: readonly PropertyKey[]) => {
		positions ??= parsed.positions();
		for (let n = path.length; n > 0; n--) {
			const node = positions.doc.getIn(path.slice(0, n) as unknown[], true) as
				{ range?: [number, number, number] } | undefined;
			if (node?.range) return positions.counter.linePos(node.range[0]).line + lineOffset;
		}
		return undefined;
	};
	const result = schema.safeParse(raw);
	if (!result.success) {
		for (const issue of result.error.issues) {
			problems.push({
				file,
				line: lineOf(issue.path),
				field: issue.path.join('.'),
				severity: 'error',
				message: describeIssue(issue),
			});
		}
		return undefined;
	}
	let tree: ParsedBody | undefined;
	return {
		id: entryId(rel),
		file,
		data: result.data,
		raw,
		body,
		lineOf,
		get parsed() {
			return body === undefined ? undefined : (tree ??= parseBody(body, { file, firstLine }));
		},
	};
}

/**
 * The fields of a YAML text, or its errors. The YAML library that gives line numbers reads 10,000
 * files in about two seconds; js-yaml, with the same core schema, in a quarter of a second. So the
 * fields come from js-yaml, and the document with positions is parsed only when a problem needs a
 * line, or when js-yaml refuses the text (the message is then the other library's, as before).
 * The two differ on one thing found: js-yaml accepts a flow collection (`[a,` … `b]`) that continues
 * on a less indented line, which the YAML library refuses; a text with a bracket left open on a
 * line takes the strict path.
 */
function parseYaml(
	text: string,
):
	| { raw: unknown; positions: () => { doc: Document; counter: LineCounter } }
	| { errors: YAMLError[] } {
	const strict = () => {
		const counter = new LineCounter();
		return { doc: parseDocument(text, { lineCounter: counter, prettyErrors: true }), counter };
	};
	if (!openFlow(text)) {
		try {
			const raw: unknown = load(text, { schema: CORE_SCHEMA });
			return { raw: raw ?? {}, positions: strict };
		} catch {
			// Parsed again below, for the message and its line.
		}
	}
	const positions = strict();
	if (positions.doc.errors.length > 0) return { errors: positions.doc.errors };
	return { raw: positions.doc.toJS() ?? {}, positions: () => positions };
}

/** Whether some line opens more `[` or `{` than it closes. */
function openFlow(text: string): boolean {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x5b || c === 0x7b) depth++;
		else if (c === 0x5d || c === 0x7d) depth--;
		else if (c === 0x0a) {
			if (depth !== 0) return true;
			depth = 0;
		}
	}
	return depth !== 0;
}

/** Rewrites zod's terse built-in messages into sentences with a fix; custom messages pass through. */
function describeIssue(issue: z.core.$ZodIssue): string {
	const builtIn = issue.message.startsWith('Invalid input');
	if (builtIn && issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
		return `is missing; add this field (expected ${issue.expected}).`;
	}
	if (builtIn && issue.code === 'invalid_type')
		return `${issue.message.replace(/^Invalid input: /, 'has the wrong type: ')}.`;
	if (issue.code === 'unrecognized_keys')
		return `has unknown fields ${issue.keys.join(', ')}; remove them or check their spelling.`;
	return issue.message;
}

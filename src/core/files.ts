/**
 * Finding and reading content files the way the build will: only the extensions the site loads,
 * no links out of `content/`, UTF-8 text of a sane size. Every refusal is a {@link Problem} with a
 * fix, never a stack trace, so `kb check` and the build guard report the same thing.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Problem } from './problems.ts';

/** The largest content file accepted, in bytes. A larger one is a pasted picture or export, not a text. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A file of a collection: its path under the collection folder and on disk. */
export interface ContentFile {
	/** Path under the collection folder, forward slashes: `ac/e4.yaml`. */
	rel: string;
	absolute: string;
}

/** What {@link listContentFiles} needs to know about a collection. */
export interface Listing {
	/** The collection folder on disk. */
	dir: string;
	/** Folder levels of its files: 1 for `*.yaml`, 2 for `*\/*.yaml`. */
	depth: number;
	/** The one extension the site loads, with its dot: `.yaml` or `.mdx`. */
	ext: string;
	/** The content root; links must stay inside it. */
	contentRoot: string;
	/** What problem paths are relative to. */
	root: string;
}

/**
 * The files of one collection, sorted. Files with a near-miss extension (`.yml`, `.md`) that the
 * build would silently skip, links leading out of the content folder and dangling links are
 * reported in `problems` and left out. Names starting with `_` or `.` are skipped (drafts, editor files).
 */
export function listContentFiles(listing: Listing, problems: Problem[]): ContentFile[] {
	return walk(listing.dir, listing.depth, '', listing, problems);
}

/**
 * The text of a content file, or undefined with a problem when it is not UTF-8 text of a sane
 * size. A UTF-8 byte-order mark is dropped (Windows Notepad writes one); line endings are kept.
 */
export function readContentText(
	absolute: string,
	file: string,
	problems: Problem[],
): string | undefined {
	const bytes = readFileSync(absolute);
	const refuse = (message: string) =>
		problems.push({ file, field: '', severity: 'error', message });
	if (bytes.length > MAX_FILE_BYTES) {
		refuse(
			`is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB a content file may have; split the text, and put pictures in public/ and link them.`,
		);
		return undefined;
	}
	if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
		refuse('is empty; write its fields, or start from a template with `npm run kb -- new`.');
		return undefined;
	}
	const utf16 =
		(bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	if (utf16) {
		refuse(
			'is saved as UTF-16; save it as UTF-8 (in VS Code: "Save with Encoding" → UTF-8; in Notepad: Save As → Encoding: UTF-8).',
		);
		return undefined;
	}
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return text.startsWith('\uFEFF') ? text.slice(1) : text;
	} catch {
		const gb = new TextDecoder('gb18030').decode(bytes);
		const looksChinese = /[\u4e00-\u9fff]{2,}/.test(gb);
		const what = looksChinese
			? 'is not UTF-8: it looks like GB18030/GBK, as Chinese Windows editors save by default'
			: 'is not UTF-8 text';
		refuse(
			`${what}; save it as UTF-8 (in VS Code: "Reopen with Encoding" → GB18030, then "Save with Encoding" → UTF-8; or \`iconv -f GB18030 -t UTF-8\`).`,
		);
		return undefined;
	}
}

// --- internal ---

// Names Windows cannot create: a checkout on a trainer's laptop would fail on them.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const NEAR_MISSES: Record<string, string[]> = { '.yaml': ['.yml'], '.mdx': ['.md', '.markdown'] };

function walk(
	dir: string,
	depth: number,
	prefix: string,
	listing: Listing,
	problems: Problem[],
): ContentFile[] {
	let names: string[];
	try {
		names = readdirSync(dir).sort();
	} catch {
		return [];
	}
	return names.flatMap((name): ContentFile[] => {
		if (name.startsWith('_') || name.startsWith('.')) return [];
		const absolute = join(dir, name);
		const file = relative(listing.root, absolute).replace(/\\/g, '/');
		const refuse = (message: string): [] => (
			problems.push({ file, field: '', severity: 'error', message }),
			[]
		);
		if (lstatSync(absolute).isSymbolicLink()) {
			if (!existsSync(absolute))
				return refuse(
					'is a link to a file that does not exist; replace the link with the file itself, or delete it.',
				);
			const target = realpathSync(absolute);
			const inside = realpathSync(listing.contentRoot);
			if (target !== inside && !target.startsWith(`${inside}${sep}`)) {
				return refuse(
					`is a link to ${target}, outside the content folder; content is reviewed where it lives, so copy the file here instead of linking to it.`,
				);
			}
		}
		const stem = name.split('.')[0] ?? name;
		if (WINDOWS_RESERVED.test(stem))
			return refuse(
				`is named "${stem}", which Windows cannot create, so the repository could not be checked out there; rename it.`,
			);
		if (statSync(absolute).isDirectory())
			return depth > 1 ? walk(absolute, depth - 1, `${prefix}${name}/`, listing, problems) : [];
		if (depth !== 1) return [];
		if (name.endsWith(listing.ext)) return [{ rel: `${prefix}${name}`, absolute }];
		const miss = NEAR_MISSES[listing.ext]?.find((e) => name.endsWith(e));
		if (miss)
			return refuse(
				`ends in ${miss}, which the site does not load (the page would be missing); rename it to ${basename(name, miss)}${listing.ext}.`,
			);
		return [];
	});
}

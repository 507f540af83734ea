/**
 * The approved-revision manifest, `content/.approved.json`: a SHA-256 hash of every SOP and
 * checklist revision file that has been approved, so `kb check` can tell when one was edited
 * afterwards. Approved revisions are the record of what technicians were told to do; a change
 * belongs in a new revision (`kb revise`).
 *
 * The hash covers the whole file except the value of its top-level `status:` line, because
 * `kb approve` itself moves the previous revision from `approved` to `superseded` (and retiring
 * a document changes only the status too). Line endings are normalised to `\n`, so a Windows
 * checkout does not count as an edit. See docs/decisions/0020-approved-revision-hashes.md.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isControlled } from '../lib/status.ts';
import { frozenFiles } from './documents.ts';
import { KbError } from './errors.ts';
import { readFields, splitFrontmatter } from './yaml.ts';
import type { LoadedContent, LoadedEntry } from './load.ts';
import type { Problem } from './problems.ts';

/** The manifest's file name in the content folder. */
export const MANIFEST_FILE = '.approved.json';

/** What the manifest records of one approved revision file. */
export interface ManifestEntry {
	/** `sha256:<hex>` of the file as approved ({@link hashRevision}). */
	hash: string;
	/** Who approved it, from the file's `approver` when it was recorded. */
	approver?: string;
	/** When, from the file's `approvedOn` (YYYY-MM-DD). */
	approvedOn?: string;
}

/** The manifest: content-relative path of each approved revision file → what was approved. */
export interface ApprovedManifest {
	about: string;
	files: Record<string, ManifestEntry>;
}

/** The hash of a revision file's text, ignoring its `status:` value and line endings. */
export function hashRevision(text: string, format: 'yaml' | 'mdx'): string {
	const unified = text.replace(/\r\n?/g, '\n');
	const blank = (yaml: string) => yaml.replace(/^status:.*$/m, 'status:');
	let normalised = blank(unified);
	if (format === 'mdx') {
		const { head, front, rest } = splitFrontmatter(unified);
		normalised = front === undefined ? unified : `${head}${blank(front)}${rest}`;
	}
	return `sha256:${createHash('sha256').update(normalised).digest('hex')}`;
}

/** The hash of a content file, by path relative to `contentDir`. */
export function hashFile(contentDir: string, path: string): string {
	return hashRevision(
		readFileSync(join(contentDir, path), 'utf8'),
		path.endsWith('.mdx') ? 'mdx' : 'yaml',
	);
}

/** Reads the manifest; undefined when the content folder has none. */
export function readManifest(contentDir: string): ApprovedManifest | undefined {
	const path = join(contentDir, MANIFEST_FILE);
	if (!existsSync(path)) return undefined;
	const files = parseManifestFiles(readFileSync(path, 'utf8'));
	if (!files) {
		throw new KbError(
			'manifest-unreadable',
			`${path} is not a manifest of approved revisions (it is not JSON with a "files" object).`,
			`Restore it from git with \`git checkout -- ${path}\`; never edit it by hand.`,
		);
	}
	return { about: ABOUT, files };
}

/** Writes the manifest with its paths sorted, tab-indented, so diffs stay small. */
export function writeManifest(contentDir: string, manifest: ApprovedManifest): void {
	const files = Object.fromEntries(
		Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b, 'en')),
	);
	writeFileSync(
		join(contentDir, MANIFEST_FILE),
		`${JSON.stringify({ about: ABOUT, files }, null, '\t')}\n`,
	);
}

/**
 * Adds a hash for every given frozen file the manifest does not list yet and returns those
 * paths. Hashes already recorded are never replaced: that would approve an edit silently.
 */
export function recordFiles(contentDir: string, paths: readonly string[]): string[] {
	const manifest = readManifest(contentDir) ?? { about: ABOUT, files: {} };
	const added = paths.filter((p) => !(p in manifest.files));
	const history =
		added.length > 0
			? recordedHistory(contentDir)
			: new Map<string, { hash: string; commit: string }>();
	for (const path of added) {
		const hash = hashFile(contentDir, path);
		const earlier = history.get(path);
		// A hash deleted from the manifest is still in git: recording a new one would bless an edit.
		if (earlier && earlier.hash !== hash) {
			throw new KbError(
				'approved-file-changed',
				`${path} was approved with other content (its hash is in ${MANIFEST_FILE} at commit ${earlier.commit.slice(0, 7)}); an approved revision is never edited, so its hash is not recorded again.`,
				`Restore it with \`git checkout ${earlier.commit.slice(0, 7)} -- ${join(contentDir, path)}\` and put the change in a new revision (\`npm run kb -- revise\`).`,
			);
		}
		const fields = readFields(
			readFileSync(join(contentDir, path), 'utf8'),
			path.endsWith('.mdx') ? 'mdx' : 'yaml',
		);
		manifest.files[path] = {
			hash,
			...textField('approver', fields.approver),
			...textField('approvedOn', fields.approvedOn),
		};
	}
	if (added.length > 0 || !existsSync(join(contentDir, MANIFEST_FILE)))
		writeManifest(contentDir, manifest);
	return added;
}

/**
 * Records the hash of every approved, superseded or retired revision file that has none yet
 * (`kb approve --record`): for revisions approved before the manifest existed or outside the CLI.
 * Returns the paths it added.
 */
export function recordApproved(contentDir: string): string[] {
	return recordFiles(contentDir, frozenFiles(contentDir));
}

/**
 * The manifest's problems: an approved revision file that changed or disappeared after
 * approval, went back to draft, or was approved without its hash being recorded.
 * `root` is what problem paths are relative to.
 */
export function checkApprovedManifest(
	content: LoadedContent,
	contentDir: string,
	root: string,
): Problem[] {
	const rel = (path: string) => relative(root, join(contentDir, path)).replace(/\\/g, '/');
	const frozen = [
		...content.entries.sops.map((e) => ({ e, kind: 'sops' })),
		...content.entries.checklists.map((e) => ({ e, kind: 'checklists' })),
	];
	const contentPath = (e: LoadedEntry) =>
		relative(contentDir, join(root, e.file)).replace(/\\/g, '/');
	const revise = (kind: string, id: string) =>
		`npm run kb -- revise ${docRef(content, kind, id.split('/')[0]!)}`;
	const manifest = readManifest(contentDir);
	const approvedFiles = frozen.filter(({ e }) => isControlled(e.data.status));
	if (!manifest) {
		if (approvedFiles.length === 0) return [];
		const message = `is missing, so ${approvedFiles.length} approved revision files have no recorded hash; run \`npm run kb -- approve --record\` once to record them.`;
		return [{ file: rel(MANIFEST_FILE), field: '', severity: 'error', message }];
	}
	const problems: Problem[] = [];
	const byPath = new Map(frozen.map((f) => [contentPath(f.e), f]));
	for (const [path, hash] of Object.entries(manifest.files)) {
		const found = byPath.get(path);
		if (!existsSync(join(contentDir, path))) {
			problems.push({
				file: rel(path),
				field: '',
				severity: 'error',
				message: `was approved (${MANIFEST_FILE} holds its hash) but the file is gone; approved revisions are kept for the record, so restore it with \`git checkout -- ${rel(path)}\`.`,
			});
		} else if (hashFile(contentDir, path) !== hash.hash) {
			const fix = found
				? ` and make the change in a new revision: \`${revise(found.kind, found.e.id)}\``
				: '';
			problems.push({
				file: rel(path),
				line: 1,
				field: '',
				severity: 'error',
				message: `changed after it was approved; approved revisions are never edited. Restore it with \`git checkout -- ${rel(path)}\`${fix}.`,
			});
		} else if (found && !isControlled(found.e.data.status)) {
			problems.push({
				file: rel(path),
				line: found.e.lineOf(['status']),
				field: 'status',
				severity: 'error',
				message: `is ${found.e.data.status} but this revision was approved (${MANIFEST_FILE} holds its hash); an approved revision stays approved, superseded or retired — make a new revision with \`${revise(found.kind, found.e.id)}\`.`,
			});
		}
	}
	for (const { e, kind } of approvedFiles) {
		if (contentPath(e) in manifest.files) continue;
		const doc = docRef(content, kind, e.id.split('/')[0]!);
		problems.push({
			file: e.file,
			line: e.lineOf(['status']),
			field: 'status',
			severity: 'error',
			message: `is ${e.data.status} but ${MANIFEST_FILE} has no hash for this file; approve revisions with \`npm run kb -- approve ${doc} --by <name>\`, or record one approved outside the CLI with \`npm run kb -- approve --record\`.`,
		});
	}
	return problems;
}

/** How `kb revise` and `kb approve` name a document: its slug, or `sops/<slug>` when a checklist has the same slug. */
export function docRef(content: LoadedContent, kind: string, slug: string): string {
	const other = kind === 'sops' ? content.ids.checklists : content.ids.sops;
	return other.some((id) => id.split('/')[0] === slug) ? `${kind}/${slug}` : slug;
}

// --- internal ---

/** The manifest's `files`, accepting the older form where each value is the hash string itself. */
function parseManifestFiles(text: string): Record<string, ManifestEntry> | undefined {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return undefined;
	}
	const files = (data as { files?: unknown } | null)?.files;
	if (!files || typeof files !== 'object') return undefined;
	const entries: Record<string, ManifestEntry> = {};
	for (const [path, value] of Object.entries(files as Record<string, unknown>)) {
		if (typeof value === 'string') entries[path] = { hash: value };
		else if (
			value &&
			typeof value === 'object' &&
			typeof (value as ManifestEntry).hash === 'string'
		)
			entries[path] = value as ManifestEntry;
		else return undefined;
	}
	return entries;
}

/**
 * Every hash the manifest has held for each path, newest commit first, from git history of the
 * manifest file (at most the last 500 commits that touched it). Empty outside a git checkout.
 */
function recordedHistory(contentDir: string): Map<string, { hash: string; commit: string }> {
	const seen = new Map<string, { hash: string; commit: string }>();
	const git = (args: string[]) =>
		spawnSync('git', ['-C', contentDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
	const log = git(['log', '--format=%H', '-n', '500', '--', MANIFEST_FILE]);
	if (log.status !== 0) return seen;
	for (const commit of log.stdout.split('\n').filter(Boolean)) {
		const show = git(['show', `${commit}:./${MANIFEST_FILE}`]);
		const files = show.status === 0 ? parseManifestFiles(show.stdout) : undefined;
		for (const [path, entry] of Object.entries(files ?? {})) {
			if (!seen.has(path)) seen.set(path, { hash: entry.hash, commit });
		}
	}
	return seen;
}

function textField(name: 'approver' | 'approvedOn', value: unknown): Partial<ManifestEntry> {
	return typeof value === 'string' && value ? { [name]: value } : {};
}

const ABOUT =
	'SHA-256 of each approved SOP and checklist revision file (status line excluded), written by `npm run kb -- approve`. Do not edit by hand; see docs/authoring.md.';

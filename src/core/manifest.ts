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
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isControlled } from '../lib/status.ts';
import { frozenFiles } from './documents.ts';
import { splitFrontmatter } from './yaml.ts';
import type { LoadedContent, LoadedEntry } from './load.ts';
import type { Problem } from './problems.ts';

/** The manifest's file name in the content folder. */
export const MANIFEST_FILE = '.approved.json';

/** The manifest: content-relative path of each approved revision file → `sha256:<hex>`. */
export interface ApprovedManifest {
	about: string;
	files: Record<string, string>;
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
	return hashRevision(readFileSync(join(contentDir, path), 'utf8'), path.endsWith('.mdx') ? 'mdx' : 'yaml');
}

/** Reads the manifest; undefined when the content folder has none. */
export function readManifest(contentDir: string): ApprovedManifest | undefined {
	const path = join(contentDir, MANIFEST_FILE);
	if (!existsSync(path)) return undefined;
	const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<ApprovedManifest>;
	return { about: ABOUT, files: data.files ?? {} };
}

/** Writes the manifest with its paths sorted, tab-indented, so diffs stay small. */
export function writeManifest(contentDir: string, manifest: ApprovedManifest): void {
	const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b, 'en')));
	writeFileSync(join(contentDir, MANIFEST_FILE), `${JSON.stringify({ about: ABOUT, files }, null, '\t')}\n`);
}

/**
 * Adds a hash for every given frozen file the manifest does not list yet and returns those
 * paths. Hashes already recorded are never replaced: that would approve an edit silently.
 */
export function recordFiles(contentDir: string, paths: readonly string[]): string[] {
	const manifest = readManifest(contentDir) ?? { about: ABOUT, files: {} };
	const added = paths.filter((p) => !(p in manifest.files));
	for (const path of added) manifest.files[path] = hashFile(contentDir, path);
	if (added.length > 0 || !existsSync(join(contentDir, MANIFEST_FILE))) writeManifest(contentDir, manifest);
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
export function checkApprovedManifest(content: LoadedContent, contentDir: string, root: string): Problem[] {
	const rel = (path: string) => relative(root, join(contentDir, path)).replace(/\\/g, '/');
	const frozen = [...content.entries.sops.map((e) => ({ e, kind: 'sops' })), ...content.entries.checklists.map((e) => ({ e, kind: 'checklists' }))];
	const contentPath = (e: LoadedEntry) => relative(contentDir, join(root, e.file)).replace(/\\/g, '/');
	const revise = (kind: string, id: string) => `npm run kb -- revise ${docRef(content, kind, id.split('/')[0]!)}`;
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
			problems.push({ file: rel(path), field: '', severity: 'error', message: `was approved (${MANIFEST_FILE} holds its hash) but the file is gone; approved revisions are kept for the record, so restore it with \`git checkout -- ${rel(path)}\`.` });
		} else if (hashFile(contentDir, path) !== hash) {
			const fix = found ? ` and make the change in a new revision: \`${revise(found.kind, found.e.id)}\`` : '';
			problems.push({ file: rel(path), line: 1, field: '', severity: 'error', message: `changed after it was approved; approved revisions are never edited. Restore it with \`git checkout -- ${rel(path)}\`${fix}.` });
		} else if (found && !isControlled(found.e.data.status)) {
			problems.push({ file: rel(path), line: found.e.lineOf(['status']), field: 'status', severity: 'error', message: `is ${found.e.data.status} but this revision was approved (${MANIFEST_FILE} holds its hash); an approved revision stays approved, superseded or retired — make a new revision with \`${revise(found.kind, found.e.id)}\`.` });
		}
	}
	for (const { e, kind } of approvedFiles) {
		if (contentPath(e) in manifest.files) continue;
		const doc = docRef(content, kind, e.id.split('/')[0]!);
		problems.push({ file: e.file, line: e.lineOf(['status']), field: 'status', severity: 'error', message: `is ${e.data.status} but ${MANIFEST_FILE} has no hash for this file; approve revisions with \`npm run kb -- approve ${doc} --by <name>\`, or record one approved outside the CLI with \`npm run kb -- approve --record\`.` });
	}
	return problems;
}

/** How `kb revise` and `kb approve` name a document: its slug, or `sops/<slug>` when a checklist has the same slug. */
export function docRef(content: LoadedContent, kind: string, slug: string): string {
	const other = kind === 'sops' ? content.ids.checklists : content.ids.sops;
	return other.some((id) => id.split('/')[0] === slug) ? `${kind}/${slug}` : slug;
}

// --- internal ---

const ABOUT =
	'SHA-256 of each approved SOP and checklist revision file (status line excluded), written by `npm run kb -- approve`. Do not edit by hand; see docs/authoring.md.';

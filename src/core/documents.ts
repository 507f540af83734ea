/**
 * Controlled documents on disk: finding an SOP or checklist by slug and listing its revisions
 * with their files, as `kb revise` and `kb approve` need them (read straight from the files,
 * so a document can be revised even while another file in `content/` is broken).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, splitLocaleId } from '../lib/locales.ts';
import { compareRevisions } from '../lib/revision.ts';
import { scalarText } from '../lib/scalar.ts';
import { isControlled, type DocStatus } from '../lib/status.ts';
import { KbError } from './errors.ts';
import { readFields } from './yaml.ts';

/** An SOP or checklist: its collection folder and slug. */
export interface DocumentRef {
	kind: 'sops' | 'checklists';
	slug: string;
}

/** One revision of a document and its files (paths relative to the content folder, default locale first). */
export interface RevisionFiles {
	revision: string;
	/** As the file says; a value outside the statuses is `kb check`'s to report. */
	status: DocStatus;
	effective: string;
	files: string[];
}

/**
 * Finds a document by `sops/<slug>`, `checklists/<slug>` or a bare slug. A bare slug that is
 * both an SOP and a checklist is refused with a hint to name the kind.
 */
export function findDocument(contentDir: string, ref: string): DocumentRef {
	const match = /^(?:(sops|checklists)\/)?([^/]+)\/?$/.exec(ref.trim());
	const slug = match?.[2] ?? ref;
	const kinds = (['sops', 'checklists'] as const).filter(
		(k) => (!match?.[1] || match[1] === k) && existsSync(join(contentDir, k, slug)),
	);
	if (kinds.length === 1) return { kind: kinds[0]!, slug };
	if (kinds.length > 1) {
		throw new KbError(
			'AMBIGUOUS_DOCUMENT',
			`${slug} is both an SOP and a checklist.`,
			`Name the one you mean: sops/${slug} or checklists/${slug}.`,
		);
	}
	const known = (['sops', 'checklists'] as const).flatMap((k) =>
		listDir(join(contentDir, k)).map((s) => `${k}/${s}`),
	);
	throw new KbError(
		'NO_SUCH_DOCUMENT',
		`There is no SOP or checklist called ${ref}.`,
		`Use one of: ${known.join(', ') || 'none yet'}.`,
	);
}

/** The revisions of a document, oldest first. */
export function listRevisions(contentDir: string, doc: DocumentRef): RevisionFiles[] {
	const folder = `${doc.kind}/${doc.slug}`;
	const byRevision = new Map<string, string[]>();
	for (const name of listDir(join(contentDir, folder))) {
		const m =
			doc.kind === 'sops'
				? /^(\d+\.\d+)\.([^.]+)\.mdx$/.exec(name)
				: /^(\d+\.\d+)\.ya?ml$/.exec(name);
		if (m) byRevision.set(m[1]!, [...(byRevision.get(m[1]!) ?? []), `${folder}/${name}`]);
	}
	return [...byRevision.entries()]
		.map(([revision, files]) => {
			const ordered = [...files].sort((a, b) => localeRank(a) - localeRank(b));
			const data = readFields(
				readFileSync(join(contentDir, ordered[0]!), 'utf8'),
				doc.kind === 'sops' ? 'mdx' : 'yaml',
			);
			return {
				revision,
				status: scalarText(data.status) as DocStatus,
				effective: dateOf(data.effective),
				files: ordered,
			};
		})
		.sort((a, b) => compareRevisions(a.revision, b.revision));
}

/** Every revision file, relative to the content folder, whose revision is approved, superseded or retired. */
export function frozenFiles(contentDir: string): string[] {
	return (['sops', 'checklists'] as const).flatMap((kind) =>
		listDir(join(contentDir, kind)).flatMap((slug) =>
			listRevisions(contentDir, { kind, slug })
				.filter((r) => isControlled(r.status))
				.flatMap((r) => r.files),
		),
	);
}

// --- internal ---

function listDir(dir: string): string[] {
	return existsSync(dir)
		? readdirSync(dir)
				.filter((n) => !n.startsWith('.') && !n.startsWith('_'))
				.sort()
		: [];
}

function localeRank(file: string): number {
	const { locale } = splitLocaleId(file.replace(/\.mdx$/, ''));
	return locale ? LOCALES.indexOf(locale) : LOCALES.length;
}

function dateOf(value: unknown): string {
	return value instanceof Date ? value.toISOString().slice(0, 10) : scalarText(value);
}

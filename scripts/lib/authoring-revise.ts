/**
 * `kb revise`: a new revision of an SOP or checklist starts as a draft copy of the current one.
 * (`kb approve`, in `authoring-approve.ts`, makes it current.)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, splitLocaleId, type Locale } from '../../src/lib/locales.ts';
import { currentRevision, nextRevision } from '../../src/lib/revision.ts';
import { isPending } from '../../src/lib/status.ts';
import { addDays, addYears } from '../../src/lib/time.ts';
import { KbError } from '../../src/core/errors.ts';
import { findDocument, listRevisions, type DocumentRef } from '../../src/core/documents.ts';
import { PLACEHOLDER } from '../../src/core/rules/hygiene.ts';
import { editRevisionFile, type FieldUpdate } from '../../src/core/yaml.ts';

/** What `revise` wrote. */
export interface ReviseResult {
	doc: DocumentRef;
	from: string;
	revision: string;
	effective: string;
	/** Paths relative to the content folder. */
	files: string[];
}

/**
 * Creates the next revision of a document as a draft copy of its current (or latest) revision:
 * next number (`major` for x.0), status draft, no approval fields, `changeSummary` placeholders,
 * effective today (or the day after the latest revision's date) and a review due a year later.
 */
export function reviseDocument(
	contentDir: string,
	ref: string,
	options: { major?: boolean; today: string },
): ReviseResult {
	const doc = findDocument(contentDir, ref);
	const revisions = listRevisions(contentDir, doc);
	const latest = revisions.at(-1);
	if (!latest)
		throw new KbError(
			'revisions-missing',
			`${doc.kind}/${doc.slug} has no revision files.`,
			'Create the document with `npm run kb -- new` first.',
		);
	const pending = revisions.find((r) => isPending(r.status));
	if (pending) {
		throw new KbError(
			'draft-exists',
			`${doc.kind}/${doc.slug} already has revision ${pending.revision} in ${pending.status}.`,
			`Edit ${pending.files.join(' and ')}, or approve it with \`npm run kb -- approve ${ref} --by <name>\`.`,
		);
	}
	const base = currentRevision(revisions) ?? latest;
	const revision = nextRevision(latest.revision, options.major);
	const effective = options.today > latest.effective ? options.today : addDays(latest.effective, 1);
	const files = base.files.map((file) => {
		const target = file.replace(
			new RegExp(`/${base.revision.replace('.', '\\.')}\\.`),
			`/${revision}.`,
		);
		const { locale } = splitLocaleId(file.replace(/\.mdx$/, ''));
		const summary =
			doc.kind === 'sops'
				? changeNote(locale ?? 'en', base.revision, revision)
				: Object.fromEntries(LOCALES.map((l) => [l, changeNote(l, base.revision, revision)]));
		const updates: FieldUpdate[] = [
			{ key: 'revision', value: revision },
			{ key: 'status', value: 'draft' },
			{ key: 'effective', value: effective },
			{ key: 'approver' },
			{ key: 'approvedOn' },
			{ key: 'reviewDue', value: addYears(effective, 1) },
			{ key: 'changeSummary', value: summary },
		];
		writeNew(
			contentDir,
			target,
			editRevisionFile(readFileSync(join(contentDir, file), 'utf8'), file, updates),
		);
		return target;
	});
	return { doc, from: base.revision, revision, effective, files };
}

// --- internal ---

function changeNote(locale: Locale, from: string, to: string): string {
	return locale === 'zh-CN'
		? `${PLACEHOLDER}：写明 ${to} 版相对 ${from} 版改了什么。`
		: `${PLACEHOLDER}: say what changed from ${from} to ${to}.`;
}

function writeNew(contentDir: string, file: string, text: string): void {
	if (existsSync(join(contentDir, file)))
		throw new KbError(
			'file-exists',
			`${file} exists already.`,
			'Remove it or pick another revision number.',
		);
	writeFileSync(join(contentDir, file), text);
}

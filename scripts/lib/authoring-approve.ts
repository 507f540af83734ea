/**
 * `kb approve`: a document's draft revision becomes the current one, the previous approved
 * revision is superseded (its status line is the only thing rewritten), and the new files'
 * hashes go into the approved manifest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hashFile, readManifest, recordApproved, recordFiles } from '../../src/core/manifest.ts';
import { currentRevision } from '../../src/lib/revision.ts';
import { isPending } from '../../src/lib/status.ts';
import { addDays, addYears, isIsoDate } from '../../src/lib/time.ts';
import { KbError } from '../../src/core/errors.ts';
import {
	findDocument,
	listRevisions,
	type DocumentRef,
	type RevisionFiles,
} from '../../src/core/documents.ts';
import { PLACEHOLDER } from '../../src/core/rules/hygiene.ts';
import { editRevisionFile, type FieldUpdate } from '../../src/core/yaml.ts';
import { errorsOf, formatProblem } from '../../src/core/problems.ts';
import { validateContent } from '../../src/core/validate.ts';

/** What `approve` changed. */
export interface ApproveResult {
	doc: DocumentRef;
	approved: RevisionFiles;
	superseded?: RevisionFiles;
	effective: string;
	reviewDue: string;
	/** Files whose hashes were newly recorded in the manifest. */
	recorded: string[];
}

/** Options of {@link approveDocument}; dates are YYYY-MM-DD. */
export interface ApproveOptions {
	by: string;
	today: string;
	/** Default: today, or the day after the previous revision's effective date if that is later. */
	effective?: string;
	/** Default: a year after `effective`. */
	reviewDue?: string;
	/** Project root, for validating the result (default: the current directory). */
	root?: string;
}

/**
 * Approves a document's pending (draft or in-review) revision: sets status, approver, dates;
 * marks the previous approved revision superseded; validates the content and rolls every edit
 * back if the result has errors; records the new files' hashes.
 */
export function approveDocument(
	contentDir: string,
	ref: string,
	options: ApproveOptions,
): ApproveResult {
	const doc = findDocument(contentDir, ref);
	const revisions = listRevisions(contentDir, doc);
	const pending = revisions.findLast((r) => isPending(r.status));
	if (!pending)
		throw new KbError(
			'draft-missing',
			`${doc.kind}/${doc.slug} has no draft revision to approve.`,
			`Start one with \`npm run kb -- revise ${ref}\`.`,
		);
	const by = options.by.trim();
	if (!by)
		throw new KbError(
			'argument-missing',
			'No approver was given.',
			'Say who approves it: `--by "Service manager"`.',
		);
	refusePlaceholders(contentDir, pending);
	const current = currentRevision(revisions);
	if (current) refuseChanged(contentDir, current, ref);
	const previous = revisions
		.filter((r) => !isPending(r.status) && r.revision !== pending.revision)
		.at(-1);
	const { effective, reviewDue } = datesFor(options, previous);
	const updates: FieldUpdate[] = [
		{ key: 'status', value: 'approved' },
		{ key: 'effective', value: effective },
		{ key: 'approver', value: by, after: 'owner' },
		{ key: 'approvedOn', value: options.today, after: 'approver' },
		{ key: 'reviewDue', value: reviewDue },
	];
	const originals = new Map<string, string>();
	const change = (file: string, list: FieldUpdate[]) => {
		const text = readFileSync(join(contentDir, file), 'utf8');
		originals.set(file, text);
		writeFileSync(join(contentDir, file), editRevisionFile(text, file, list));
	};
	pending.files.forEach((f) => change(f, updates));
	current?.files.forEach((f) => change(f, [{ key: 'status', value: 'superseded' }]));
	rollBackOnErrors(contentDir, options.root ?? process.cwd(), originals);
	const hadManifest = readManifest(contentDir) !== undefined;
	const recorded = [
		...recordFiles(contentDir, pending.files),
		...(hadManifest ? [] : recordApproved(contentDir)),
	];
	const superseded = current && { ...current, status: 'superseded' as const };
	return {
		doc,
		approved: { ...pending, status: 'approved', effective },
		superseded,
		effective,
		reviewDue,
		recorded,
	};
}

// --- internal ---

function refusePlaceholders(contentDir: string, pending: RevisionFiles): void {
	const left = pending.files.flatMap((file) =>
		placeholderLines(readFileSync(join(contentDir, file), 'utf8'), file.endsWith('.mdx')).map(
			(n) => `${file}:${n}`,
		),
	);
	if (left.length === 0) return;
	throw new KbError(
		'placeholders-left',
		`Revision ${pending.revision} still has template placeholders (${PLACEHOLDER}) at ${left.join(', ')}.`,
		'Write the real text there, then approve again.',
	);
}

/** The 1-based lines holding a placeholder, skipping YAML comments (the templates' help mentions the marker). */
function placeholderLines(text: string, mdx: boolean): number[] {
	const lines = text.split('\n');
	const bodyStart = mdx ? lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---') : lines.length;
	return lines.flatMap((line, i) =>
		line.includes(PLACEHOLDER) && !(i < bodyStart && /^\s*#/.test(line)) ? [i + 1] : [],
	);
}

function refuseChanged(contentDir: string, current: RevisionFiles, ref: string): void {
	const files = readManifest(contentDir)?.files ?? {};
	const changed = current.files.filter(
		(f) => f in files && hashFile(contentDir, f) !== files[f]?.hash,
	);
	if (changed.length === 0) return;
	throw new KbError(
		'approved-file-changed',
		`The approved revision ${current.revision} of ${ref} was edited after approval (${changed.join(', ')}).`,
		`Restore it with \`git checkout -- ${changed.join(' ')}\` and put the change in the draft instead.`,
	);
}

function datesFor(
	options: ApproveOptions,
	previous: RevisionFiles | undefined,
): { effective: string; reviewDue: string } {
	for (const [name, value] of [
		['--effective', options.effective],
		['--review-due', options.reviewDue],
	] as const) {
		if (value !== undefined && !isIsoDate(value))
			throw new KbError(
				'argument-invalid',
				`${name} ${value} is not a date.`,
				`Write it as YYYY-MM-DD, e.g. ${options.today}.`,
			);
	}
	const earliest =
		previous && previous.effective >= options.today
			? addDays(previous.effective, 1)
			: options.today;
	const effective = options.effective ?? earliest;
	if (effective < options.today)
		throw new KbError(
			'effective-before-approval',
			`--effective ${effective} is before the approval date ${options.today}.`,
			'A revision takes effect on or after the day it is approved; pass a later --effective.',
		);
	if (previous && effective <= previous.effective)
		throw new KbError(
			'effective-not-after-previous',
			`--effective ${effective} is not after revision ${previous.revision} (${previous.effective}).`,
			`Pass --effective ${addDays(previous.effective, 1)} or later.`,
		);
	const reviewDue = options.reviewDue ?? addYears(effective, 1);
	if (reviewDue <= effective)
		throw new KbError(
			'review-not-after-effective',
			`--review-due ${reviewDue} is not after the effective date ${effective}.`,
			'Pass a later --review-due (the default is a year after the effective date).',
		);
	return { effective, reviewDue };
}

/** Validates the content; if a changed file has an error, restores every changed file and throws the errors. */
function rollBackOnErrors(contentDir: string, root: string, originals: Map<string, string>): void {
	const touched = new Set([...originals.keys()].map((f) => resolve(contentDir, f)));
	const errors = errorsOf(validateContent(contentDir, root).problems).filter((p) =>
		touched.has(resolve(root, p.file)),
	);
	if (errors.length === 0) return;
	for (const [file, text] of originals) writeFileSync(join(contentDir, file), text);
	throw new KbError(
		'result-invalid',
		`Approving would leave errors, so nothing was changed:\n${errors.map(formatProblem).join('\n')}`,
		'Fix these in the draft, then approve again.',
	);
}

/**
 * Revision numbers and the document-control rules across the revisions of one document.
 * Generic over anything with a revision, status and effective date, so SOPs and checklists share it.
 */

import type { DocStatus } from './status.ts';

/** The fields the cross-revision rules read. */
export interface RevisionLike {
	revision: string;
	status: DocStatus;
	effective: string;
}

/** A problem found across revisions, with the revision it is about. */
export interface RevisionProblem {
	revision: string;
	field: string;
	message: string;
}

/** Compares `major.minor` revision strings numerically (`1.10` comes after `1.9`). */
export function compareRevisions(a: string, b: string): number {
	const [am = 0, an = 0] = a.split('.').map(Number);
	const [bm = 0, bn = 0] = b.split('.').map(Number);
	return am - bm || an - bn;
}

/** The revisions sorted oldest first. Does not modify the input. */
export function sortRevisions<T extends RevisionLike>(revisions: readonly T[]): T[] {
	return [...revisions].sort((a, b) => compareRevisions(a.revision, b.revision));
}

/** The one approved revision, or undefined when there is none. */
export function currentRevision<T extends RevisionLike>(revisions: readonly T[]): T | undefined {
	return revisions.find((r) => r.status === 'approved');
}

/** The revision after `revision`: `1.2` → `1.3`, or with `major` `1.2` → `2.0`. */
export function nextRevision(revision: string, major = false): string {
	const [m = 0, n = 0] = revision.split('.').map(Number);
	return major ? `${m + 1}.0` : `${m}.${n + 1}`;
}

/**
 * Checks one document's revisions: at most one approved, no approved or superseded revision
 * newer than the approved one, no two files with one number, and effective dates that increase
 * with the revision number. `docName` names the document in messages.
 */
export function checkRevisionSeries(
	docName: string,
	revisions: readonly RevisionLike[],
): RevisionProblem[] {
	const problems: RevisionProblem[] = [];
	const sorted = sortRevisions(revisions);
	const approved = sorted.filter((r) => r.status === 'approved');
	if (approved.length > 1) {
		const list = approved.map((r) => r.revision).join(' and ');
		for (const r of approved.slice(0, -1)) {
			problems.push({
				revision: r.revision,
				field: 'status',
				message: `${docName} has ${approved.length} approved revisions (${list}); exactly one may be current, so mark the older ones superseded.`,
			});
		}
	}
	const current = approved.at(-1);
	for (const r of sorted) {
		if (
			current &&
			r.status === 'superseded' &&
			compareRevisions(r.revision, current.revision) > 0
		) {
			problems.push({
				revision: r.revision,
				field: 'status',
				message: `revision ${r.revision} of ${docName} is superseded but newer than the approved ${current.revision}; a revision can only be superseded by a later one.`,
			});
		}
	}
	for (let i = 1; i < sorted.length; i++) {
		const prev = sorted[i - 1]!;
		const r = sorted[i]!;
		if (compareRevisions(prev.revision, r.revision) === 0) {
			problems.push({
				revision: r.revision,
				field: 'revision',
				message: `${docName} has two files for revision ${r.revision}; give each revision its own number.`,
			});
		} else if (r.effective <= prev.effective) {
			problems.push({
				revision: r.revision,
				field: 'effective',
				message: `revision ${r.revision} of ${docName} takes effect on ${r.effective}, not after revision ${prev.revision} (${prev.effective}); effective dates must increase with the revision number.`,
			});
		}
	}
	return problems;
}

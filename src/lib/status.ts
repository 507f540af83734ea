/**
 * Document control's vocabulary: the states of a revision and what each means for publishing
 * and for changes. One place, so the site, the build guard and the CLI agree on "published".
 */

/** Document-control states. Only `approved` is current; `draft` and `in-review` never reach a production build. */
export const DOC_STATUSES = ['draft', 'in-review', 'approved', 'superseded', 'retired'] as const;
/** A document-control state. */
export type DocStatus = (typeof DOC_STATUSES)[number];

/** Statuses of a revision that was approved at some point: its file is frozen and it needs an approver. */
export const CONTROLLED_STATUSES: readonly DocStatus[] = ['approved', 'superseded', 'retired'];

/** Whether a revision is still being written (draft or in review): left out of production builds. */
export function isPending(status: DocStatus): boolean {
	return status === 'draft' || status === 'in-review';
}

/** Whether a revision is published in a production build (approved, superseded or retired). */
export function isPublished(status: DocStatus): boolean {
	return !isPending(status);
}

/** Whether a revision has been approved at some point, so its content may no longer change. */
export function isControlled(status: DocStatus): boolean {
	return CONTROLLED_STATUSES.includes(status);
}

/** Whether an entry with a `draft` flag (fault entries) is published. */
export function isPublishedEntry(entry: { draft?: boolean }): boolean {
	return !entry.draft;
}

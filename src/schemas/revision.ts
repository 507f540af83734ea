import { z } from 'zod';
import { DateSchema, oneOf } from './localized.ts';

import { DOC_STATUSES, isControlled, type DocStatus } from '../lib/status.ts';

export { DOC_STATUSES, type DocStatus };

/**
 * The document-control fields that SOPs and checklists share, one set per revision file.
 * The cross-revision rules (one current, increasing revisions and dates) live in `src/lib/revision.ts`.
 */
export const DocControlSchema = z.object({
	/** Controlled document number, e.g. `SOP-SVC-007`; the same for every revision of one document. */
	docId: z
		.string()
		.regex(
			/^[A-Z]+(-[A-Z0-9]+)+$/,
			'must look like SOP-SVC-007 or CL-DIAG-002: capital letters and digits joined by hyphens.',
		),
	/** Revision number `major.minor`, e.g. `2.1`; must match the file name and increase from revision to revision. */
	revision: z
		.string({ error: 'must be a revision number such as 1.0 or 2.1, written in quotes.' })
		.regex(/^\d+\.\d+$/, 'must be `major.minor`, e.g. 1.0 or 2.1 (write it in quotes).'),
	/** `draft`, `in-review`, `approved` (the one current revision), `superseded` or `retired`. */
	status: z.enum(DOC_STATUSES, {
		error: oneOf('document status', DOC_STATUSES),
	}),
	/** Date from which this revision applies (YYYY-MM-DD). */
	effective: DateSchema,
	/** Person or role accountable for the content. */
	owner: z.string().trim().min(1, 'name the person or role who owns this document.'),
	/** Who approved the revision; required once it is approved. */
	approver: z.string().trim().min(1).optional(),
	/** Date of approval (YYYY-MM-DD); required once approved, and not after `effective`. */
	approvedOn: DateSchema.optional(),
	/** Date by which the document must be reviewed again (YYYY-MM-DD); must be after `effective`. */
	reviewDue: DateSchema,
});
/** Document-control fields of one revision. */
export type DocControl = z.output<typeof DocControlSchema>;

/**
 * The per-revision checks on document-control fields, as full-sentence messages.
 * Applied with `.superRefine(checkDocControl)` by the SOP and checklist schemas.
 */
export function checkDocControl(doc: DocControl, ctx: z.RefinementCtx): void {
	if (doc.reviewDue <= doc.effective) {
		ctx.addIssue({
			code: 'custom',
			path: ['reviewDue'],
			message: `\`reviewDue\` (${doc.reviewDue}) is not after \`effective\` (${doc.effective}); a review date must come after the effective date.`,
		});
	}
	const controlled = isControlled(doc.status);
	if (controlled && !doc.approver) {
		ctx.addIssue({ code: 'custom', path: ['approver'], message: `a revision with status ${doc.status} needs an \`approver\`; add who approved it.` });
	}
	if (controlled && !doc.approvedOn) {
		ctx.addIssue({ code: 'custom', path: ['approvedOn'], message: `a revision with status ${doc.status} needs \`approvedOn\` (YYYY-MM-DD); add the approval date.` });
	}
	if (doc.approvedOn && doc.approvedOn > doc.effective) {
		ctx.addIssue({
			code: 'custom',
			path: ['approvedOn'],
			message: `\`approvedOn\` (${doc.approvedOn}) is after \`effective\` (${doc.effective}); a revision must be approved before it takes effect.`,
		});
	}
}

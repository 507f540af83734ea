import { z } from 'zod';
import { LocalizedSchema, oneOf, SlugSchema } from './localized.ts';
import { checkDocControl, DocControlSchema } from './revision.ts';
import { WorkflowStageSchema } from './taxonomy.ts';

import { EVIDENCE_KINDS } from '../lib/field-values.ts';

export { EVIDENCE_KINDS };

/** One item of a checklist. */
export const ChecklistItemSchema = z.object({
	/** Stable kebab-case id, unique within the checklist; keep it across revisions when the item's meaning is unchanged. */
	id: SlugSchema,
	/** What to check or do, in every locale. */
	text: LocalizedSchema,
	/** A critical item must be done before the checklist can be completed. Default false. */
	critical: z.boolean().default(false),
	/** Proof the item needs: none (default), photo, signature or measurement. */
	evidence: z
		.enum(EVIDENCE_KINDS, {
			error: oneOf('evidence kind', EVIDENCE_KINDS),
		})
		.default('none'),
	/** Unit of a measurement, e.g. V, MΩ, °C. */
	unit: z.string().optional(),
});
/** A checklist item. */
export type ChecklistItem = z.output<typeof ChecklistItemSchema>;

/** One revision of a checklist: `content/checklists/<slug>/<revision>.yaml`, both locales in one file. */
export const ChecklistSchema = DocControlSchema.extend({
	/** Title in every locale. */
	title: LocalizedSchema,
	/** What changed in this revision, in every locale. */
	changeSummary: LocalizedSchema,
	/** The SOP slug this checklist serves (a folder in `content/sops/`). */
	sop: SlugSchema,
	/** The workflow stage it is used in. */
	stage: WorkflowStageSchema,
	/** The items, in the order they are done. */
	items: z.array(ChecklistItemSchema).min(1, 'a checklist needs at least one item.'),
})
	.superRefine(checkDocControl)
	.superRefine((c, ctx) => {
		const seen = new Set<string>();
		c.items.forEach((item, i) => {
			if (seen.has(item.id)) {
				ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `item id ${item.id} is used twice; give each item its own id.` });
			}
			seen.add(item.id);
		});
	});
/** A validated checklist revision. */
export type Checklist = z.output<typeof ChecklistSchema>;

import { z } from 'zod';
import { SlugSchema } from './localized.ts';
import { checkDocControl, DocControlSchema } from './revision.ts';
import { WorkflowStageSchema } from './taxonomy.ts';

/**
 * Frontmatter of one SOP revision in one locale: `content/sops/<slug>/<revision>.<locale>.mdx`.
 * Both locale files of a revision carry the same document-control fields; `kb check` and the
 * build compare them.
 */
export const SopSchema = DocControlSchema.extend({
	/** Title in this file's language. */
	title: z.string().trim().min(1, 'give the SOP a title.'),
	/** One or two sentences on what the procedure is for, in this file's language. */
	summary: z.string().trim().min(1, 'write a one-line summary of what this procedure is for.'),
	/** What changed in this revision, in this file's language. */
	changeSummary: z.string().trim().min(1, 'say what changed in this revision (for 1.0: "First issue").'),
	/** Family ids the procedure applies to; empty means all products. */
	appliesTo: z.array(SlugSchema).default([]),
	/** The workflow stage this SOP covers. */
	stage: WorkflowStageSchema,
}).superRefine(checkDocControl);
/** Frontmatter of an SOP revision as authored. */
export type SopInput = z.input<typeof SopSchema>;
/** Validated frontmatter of an SOP revision. */
export type Sop = z.output<typeof SopSchema>;

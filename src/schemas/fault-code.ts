import { z } from 'zod';
import { canonicalCode } from '../lib/fault-code.ts';
import { DateSchema, LocalizedListSchema, LocalizedSchema, oneOf, SlugSchema } from './localized.ts';
import { categoryOf, FAULT_CATEGORIES, FAULT_SUBCATEGORIES, PrioritySchema } from './taxonomy.ts';

/** A spare part a repair may need. */
export const PartSchema = z.object({
	/** Part name in every locale. */
	name: LocalizedSchema,
	/** Manufacturer part number, if there is one. */
	partNo: z.string().optional(),
});

/**
 * The fields of a fault-code entry, before the cross-field check. Astro's collection config
 * extends this with `reference()` links; everything else uses {@link FaultCodeSchema}.
 */
export const FaultCodeFields = z.object({
	/** The code as the product shows it; stored in canonical form (`e_4` → `E-4`). Unique within a family. */
	code: z.string().trim().min(1, 'write the code as the product displays it, e.g. E4.').transform(canonicalCode),
	/** The family id (a file name in `content/families/`). */
	family: SlugSchema,
	/** Model ids this code occurs on (file names in `content/products/`). Empty means every model of the family. */
	models: z.array(SlugSchema).default([]),
	/** Short name of the fault in every locale. */
	title: LocalizedSchema,
	/** Other spellings of the code and the customer's own words for the symptom, any language. */
	aliases: z.array(z.string().trim().min(1)).default([]),
	/** Top-level category of the source taxonomy: software, hardware or misuse-environment. */
	category: z.enum(FAULT_CATEGORIES, {
		error: oneOf('fault category', FAULT_CATEGORIES),
	}),
	/** Subcategory within `category`, e.g. crash, power, liquid. */
	subcategory: z.string().refine((s) => FAULT_SUBCATEGORIES.includes(s), {
		error: oneOf('fault subcategory', FAULT_SUBCATEGORIES),
	}),
	/** P1 (unusable or unsafe) to P4 (cosmetic or a question), as the source defines them. */
	priority: PrioritySchema,
	/** What the customer or technician sees, in every locale. */
	symptoms: LocalizedListSchema,
	/** Likely causes, most likely first. */
	causes: LocalizedListSchema,
	/** Diagnostic checks in the order to do them (simple to complex, outside to inside). */
	checks: LocalizedListSchema,
	/** Remedy steps in order. */
	remedy: LocalizedListSchema,
	/** Whether a phone or remote session can usually fix it (no visit needed). Default false. */
	remoteFixable: z.boolean().default(false),
	/** Spare parts the remedy may need. */
	parts: z.array(PartSchema).default([]),
	/** Tools the technician needs. */
	tools: LocalizedListSchema,
	/** Safety notes; shown first and highlighted. */
	safety: LocalizedListSchema,
	/** The SOP slug to follow (a folder in `content/sops/`), if any. */
	sop: SlugSchema.optional(),
	/** The checklist slug to run (a folder in `content/checklists/`), if any. */
	checklist: SlugSchema.optional(),
	/** Typical labour time on site, in minutes (1–600). */
	laborMinutes: z.number().int().min(1).max(600).optional(),
	/**
	 * A draft entry is shown by `npm run dev` only and left out of production builds and search.
	 * `kb tickets scaffold` writes drafts; remove the line (or set false) to publish. Default false.
	 */
	draft: z.boolean().default(false),
	/** Date the entry was last reviewed (YYYY-MM-DD); the ticket report calls an entry stale when a rise began after it. */
	reviewed: DateSchema.optional(),
});

/** Checks that `subcategory` belongs to `category`. */
export function checkFaultCategory(f: { category: string; subcategory: string }, ctx: z.RefinementCtx): void {
	const parent = categoryOf(f.subcategory);
	if (parent && parent !== f.category) {
		ctx.addIssue({
			code: 'custom',
			path: ['subcategory'],
			message: `subcategory ${f.subcategory} belongs to category ${parent}, not ${f.category}; change one of the two.`,
		});
	}
}

/**
 * One fault code of one product family (`content/faults/<family>/<code>.yaml`).
 * Structured YAML, not MDX, so 10,000 entries build fast (see docs/decisions/0002-fault-format.md).
 */
export const FaultCodeSchema = FaultCodeFields.superRefine(checkFaultCategory);
/** A fault-code entry as authored. */
export type FaultCodeInput = z.input<typeof FaultCodeSchema>;
/** A validated fault-code entry. */
export type FaultCode = z.output<typeof FaultCodeSchema>;

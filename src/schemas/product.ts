import { z } from 'zod';
import { LocalizedSchema, oneOf, SlugSchema } from './localized.ts';

/** A product family (`content/families/<id>.yaml`); its id is the file name. */
export const FamilySchema = z.object({
	/** Family name in every locale. */
	name: LocalizedSchema,
	/** One line on what the family is, in every locale. */
	description: LocalizedSchema,
	/**
	 * True when this family's codes apply to every manufacturer or model line (the SAE generic
	 * OBD-II codes, say); search then lists its entries before brand-specific ones. Default false.
	 */
	generic: z.boolean().default(false),
	/**
	 * How this family's fault codes are written. `leadingZerosSignificant: false` (the default)
	 * means `E04` and `E4` are the same code; set it to true where the display shows fixed-width codes.
	 */
	codeScheme: z
		.object({ leadingZerosSignificant: z.boolean().default(false) })
		.default({ leadingZerosSignificant: false }),
});
/** A product family. */
export type Family = z.output<typeof FamilySchema>;

/** Lifecycle states of a model. */
export const PRODUCT_STATUSES = ['active', 'discontinued', 'end-of-service'] as const;

/** A product model (`content/products/<id>.yaml`); its id is the file name, e.g. `ac-kf35`. */
export const ProductSchema = z.object({
	/** The family id (a file name in `content/families/`). */
	family: SlugSchema,
	/** Marketing name of the model in every locale. */
	name: LocalizedSchema,
	/** Year the model went on sale, 2000–2030. */
	launchYear: z.number().int().min(2000, 'must be 2000 or later.').max(2030, 'must be 2030 or earlier.'),
	/** `active`, `discontinued` (still serviced) or `end-of-service`. */
	status: z.enum(PRODUCT_STATUSES, {
		error: oneOf('product status', PRODUCT_STATUSES),
	}),
});
/** A product model. */
export type Product = z.output<typeof ProductSchema>;

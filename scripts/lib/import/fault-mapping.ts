import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { KbError } from '../../../src/core/errors.ts';
import {
	FAULT_CATEGORIES,
	FAULT_SUBCATEGORIES,
	PRIORITIES,
} from '../../../src/schemas/taxonomy.ts';

/** How a manufacturer's fault table maps onto fault-code entries (`--mapping <file>`). */
export const FaultMappingSchema = z.object({
	/** Source column for each entry field; only `code` and `title` are required. */
	columns: z.object({
		/** The code column, e.g. `code`. */
		code: z.string(),
		/** A sub-code column; a non-ignored sub-code is appended: `E515` + `26` → `E515-26`. */
		subCode: z.string().optional(),
		/** The title, in English unless `titleZh` is mapped too. */
		title: z.string(),
		/** A Chinese title column; without it the English title stands in both locales until translated. */
		titleZh: z.string().optional(),
		/** Remedy text; numbered steps (`1. … / 2. …`) become an ordered list. */
		remedy: z.string().optional(),
		/** Causes text, split like `remedy`. */
		causes: z.string().optional(),
		/** A column naming the family of each row (e.g. a manufacturer); overrides `--family`. */
		family: z.string().optional(),
	}),
	/** Prefix of family ids made from the family column, e.g. `obd-` → `obd-ford`. */
	familyPrefix: z.string().default(''),
	/** Whether leading zeros matter in this table's codes (OBD's P02E7 is not P2E07). Default false; set on families it creates. */
	leadingZerosSignificant: z.boolean().default(false),
	/** Sub-codes that mean "no sub-code". Default `['', '00']`. */
	subCodeIgnore: z.array(z.string()).default(['', '00']),
	/** Values for fields the table does not have. */
	defaults: z
		.object({
			category: z.enum(FAULT_CATEGORIES).default('hardware'),
			subcategory: z
				.string()
				.refine((s) => FAULT_SUBCATEGORIES.includes(s))
				.default('other'),
			priority: z.enum(PRIORITIES).default('P3'),
		})
		.default({ category: 'hardware', subcategory: 'other', priority: 'P3' }),
});
/** A validated mapping. */
export type FaultMapping = z.output<typeof FaultMappingSchema>;

/** The mapping used without `--mapping`: columns named code, title, remedy, causes. */
export const DEFAULT_MAPPING: FaultMapping = FaultMappingSchema.parse({
	columns: { code: 'code', title: 'title', remedy: 'remedy', causes: 'causes' },
});

/** Reads and validates a mapping file; a KbError names the file and each bad field. */
export function loadMapping(file: string): FaultMapping {
	let raw: unknown;
	try {
		raw = parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new KbError(
			'mapping-unreadable',
			`cannot read mapping ${file}: ${(error as Error).message.split('\n')[0]!.replace(/:$/, '.')}`,
			'check the path and that the file is YAML.',
		);
	}
	const result = FaultMappingSchema.safeParse(raw);
	if (result.success) return result.data;
	const issues = result.error.issues.map(
		(i) => `${file}: ${i.path.join('.') || '(top)'}: ${i.message}`,
	);
	throw new KbError(
		'mapping-invalid',
		issues.join('\n'),
		'fix the mapping file; scripts/mappings/ has examples of every field.',
	);
}

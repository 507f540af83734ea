import type { z } from 'zod';
import { ChecklistSchema } from './checklist.ts';
import { EtiquetteSchema } from './etiquette.ts';
import { FaultCodeSchema } from './fault-code.ts';
import { GuideSchema } from './guide.ts';
import { LearningModuleSchema } from './learning.ts';
import { FamilySchema, ProductSchema } from './product.ts';
import { QuizSchema } from './quiz.ts';
import { SopSchema } from './sop.ts';

/** Where a collection's files live and which schema validates them. */
export interface CollectionSpec {
	/** Folder under the content root. */
	dir: string;
	/** Glob pattern of its files, relative to `dir`. */
	pattern: string;
	/** `yaml` files are data; `mdx` files have YAML frontmatter and a body. */
	format: 'yaml' | 'mdx';
	/** The zod schema of one file's data or frontmatter. */
	schema: z.ZodType;
}

/**
 * Every content collection, shared by `src/content.config.ts` (Astro) and the CLI's loader.
 * An entry's id is its path under `dir` without the extension (`ac/e4`, `onsite-visit/2.1.zh-CN`).
 */
export const COLLECTIONS = {
	families: { dir: 'families', pattern: '*.yaml', format: 'yaml', schema: FamilySchema },
	products: { dir: 'products', pattern: '*.yaml', format: 'yaml', schema: ProductSchema },
	faults: { dir: 'faults', pattern: '*/*.yaml', format: 'yaml', schema: FaultCodeSchema },
	sops: { dir: 'sops', pattern: '*/*.mdx', format: 'mdx', schema: SopSchema },
	checklists: { dir: 'checklists', pattern: '*/*.yaml', format: 'yaml', schema: ChecklistSchema },
	etiquette: { dir: 'etiquette', pattern: '*.yaml', format: 'yaml', schema: EtiquetteSchema },
	guides: { dir: 'guides', pattern: '*.mdx', format: 'mdx', schema: GuideSchema },
	quizzes: { dir: 'quizzes', pattern: '*.yaml', format: 'yaml', schema: QuizSchema },
	learning: { dir: 'learning', pattern: '*.yaml', format: 'yaml', schema: LearningModuleSchema },
} as const satisfies Record<string, CollectionSpec>;

/** A collection name. */
export type CollectionName = keyof typeof COLLECTIONS;

/** The entry id of a file path relative to its collection folder. */
export function entryId(relativePath: string): string {
	return relativePath.replace(/\\/g, '/').replace(/\.(ya?ml|mdx?)$/, '');
}

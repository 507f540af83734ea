import { z } from 'zod';
import { LocalizedSchema, SlugSchema } from './localized.ts';

/**
 * The fields of a learning module, before Astro's `reference()` links are applied in
 * `src/content.config.ts`; everything else uses {@link LearningModuleSchema}.
 */
export const LearningModuleFields = z.object({
	/** Position on the onboarding path, smallest first; each module has its own. */
	order: z.number({ error: 'is missing; give the module its place on the path as a whole number, e.g. `order: 3`.' }).int().min(1, 'must be 1 or more; the path starts at 1.'),
	/** Title in every locale. */
	title: LocalizedSchema,
	/** One or two sentences on what the new hire learns, in every locale. */
	summary: LocalizedSchema,
	/** Estimated time to read the material and take the quiz, in minutes (1–240). */
	minutes: z
		.number({ error: 'is missing; estimate the minutes the module takes, e.g. `minutes: 20`.' })
		.int()
		.min(1, 'must be at least 1 minute.')
		.max(240, 'must be at most 240 minutes; split a longer module in two.'),
	/** SOPs to read, in order (folders in `content/sops/`); the current revision is linked. */
	sops: z.array(SlugSchema).default([]),
	/** Etiquette rules to read, in order (file names in `content/etiquette/`). */
	rules: z.array(SlugSchema).default([]),
	/** Checklists to practise, in order (folders in `content/checklists/`). */
	checklists: z.array(SlugSchema).default([]),
	/** Guides to read, in order (file names in `content/guides/` without the locale). */
	guides: z.array(SlugSchema).default([]),
	/** The quiz that closes the module (a file name in `content/quizzes/`). */
	quiz: SlugSchema,
	/** Share of the quiz's questions to get right to complete the module, in percent (1–100). */
	passMark: z
		.number({ error: 'is missing; set the share of correct answers that passes, in percent, e.g. `passMark: 80`.' })
		.int()
		.min(1, 'must be at least 1 (percent).')
		.max(100, 'must be at most 100 (percent).'),
});

/** Checks that a module gives the trainee something to read before its quiz. */
export function checkModuleReading(m: { sops: unknown[]; rules: unknown[]; checklists: unknown[]; guides: unknown[] }, ctx: z.RefinementCtx): void {
	if (m.sops.length + m.rules.length + m.checklists.length + m.guides.length === 0) {
		ctx.addIssue({
			code: 'custom',
			path: ['sops'],
			message: 'the module has nothing to read; list at least one of `sops`, `rules`, `checklists` or `guides`.',
		});
	}
}

/** A module of the onboarding path: `content/learning/<id>.yaml`, both locales in one file. */
export const LearningModuleSchema = LearningModuleFields.superRefine(checkModuleReading);
/** A learning module as authored. */
export type LearningModuleInput = z.input<typeof LearningModuleSchema>;
/** A validated learning module. */
export type LearningModule = z.output<typeof LearningModuleSchema>;

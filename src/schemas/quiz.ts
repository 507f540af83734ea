import { z } from 'zod';
import { LocalizedSchema, SlugSchema } from './localized.ts';

import { CHOICE_LETTERS, type ChoiceLetter } from '../lib/field-values.ts';

export { CHOICE_LETTERS, type ChoiceLetter };

/**
 * The fields of one quiz question, before the cross-field check. Astro's collection config
 * extends this with a `reference()` for `rule`; everything else uses {@link QuizQuestionSchema}.
 */
export const QuizQuestionFields = z.object({
	/** Stable kebab-case id, unique within the quiz; progress on a device is saved under it. */
	id: SlugSchema,
	/** The question, in every locale. */
	question: LocalizedSchema,
	/** The answers to choose from, 2–6 of them, in the order shown; they are lettered a, b, c… */
	choices: z
		.array(LocalizedSchema)
		.min(2, 'a question needs at least two choices; add the wrong answers a new hire might pick.')
		.max(CHOICE_LETTERS.length, `a question may have at most ${CHOICE_LETTERS.length} choices (a–f); drop the weakest ones.`),
	/** The letter of the correct choice: `a` is the first choice, `b` the second, and so on. */
	answer: z.enum(CHOICE_LETTERS, {
		error: (issue) =>
			issue.input === undefined
				? 'is missing; add the letter of the correct choice, e.g. `answer: b`.'
				: `${JSON.stringify(issue.input)} is not a choice letter; write the letter of the correct choice (a for the first, b for the second, …).`,
	}),
	/** Why the answer is right, shown after the trainee answers; cite the rule or step in words. */
	explanation: LocalizedSchema,
	/** The etiquette rule the question tests (a file name in `content/etiquette/`). */
	rule: SlugSchema.optional(),
	/** The SOP the question tests (a folder in `content/sops/`); used when no single rule covers it. */
	sop: SlugSchema.optional(),
});

/** Checks that the answer is one of the choices and that the question names what it tests. */
export function checkQuestion(q: { choices: unknown[]; answer: ChoiceLetter; rule?: unknown; sop?: unknown }, ctx: z.RefinementCtx): void {
	const index = CHOICE_LETTERS.indexOf(q.answer);
	if (index >= q.choices.length) {
		const last = CHOICE_LETTERS[q.choices.length - 1];
		ctx.addIssue({
			code: 'custom',
			path: ['answer'],
			message: `is ${q.answer} but there are only ${q.choices.length} choices (a–${last}); point \`answer\` at one of them or add the missing choice.`,
		});
	}
	if (q.rule === undefined && q.sop === undefined) {
		ctx.addIssue({
			code: 'custom',
			path: ['rule'],
			message: 'the question names neither a `rule` nor an `sop`; add the etiquette rule or the SOP it tests, so trainees can read up on it.',
		});
	}
}

/** One quiz question. */
export const QuizQuestionSchema = QuizQuestionFields.superRefine(checkQuestion);
/** A validated quiz question. */
export type QuizQuestion = z.output<typeof QuizQuestionSchema>;

/** Checks that no two questions of a quiz share an id. */
export function checkQuestionIds(quiz: { questions: { id: string }[] }, ctx: z.RefinementCtx): void {
	const seen = new Set<string>();
	quiz.questions.forEach((q, i) => {
		if (seen.has(q.id)) {
			ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question id ${q.id} is used twice; give each question its own id.` });
		}
		seen.add(q.id);
	});
}

/** The fields of a quiz file, before the cross-question check. */
export const QuizFields = z.object({
	/** Title in every locale. */
	title: LocalizedSchema,
	/** The questions, in the order they are asked. */
	questions: z.array(QuizQuestionSchema).min(1, 'a quiz needs at least one question.'),
});

/** A quiz: `content/quizzes/<id>.yaml`, both locales in one file; its id is the file name. */
export const QuizSchema = QuizFields.superRefine(checkQuestionIds);
/** A quiz as authored. */
export type QuizInput = z.input<typeof QuizSchema>;
/** A validated quiz. */
export type Quiz = z.output<typeof QuizSchema>;

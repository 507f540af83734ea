import type { ChoiceLetter } from '../../lib/field-values.ts';
import { readJson, writeJson } from '../storage.ts';

/** What the device remembers of one module: the answers given in the current attempt and whether it was ever passed. */
export interface ModuleProgress {
	/** Question id → the letter chosen in the current attempt. */
	answers: Record<string, ChoiceLetter>;
	/** True once an attempt reached the pass mark; a later failed attempt does not undo it. */
	passed: boolean;
	/** The best score so far, in percent. */
	best: number;
}

/** A question's id and its correct letter: all the scoring needs. */
export interface AnswerKey {
	id: string;
	answer: ChoiceLetter;
}

/** The result of an attempt so far. */
export interface Score {
	answered: number;
	correct: number;
	total: number;
	/** Correct answers as a whole percentage of all questions. */
	percent: number;
	/** Every question has been answered. */
	finished: boolean;
}

/** Scores the answers against the key; answers to questions no longer in the quiz are ignored. */
export function scoreOf(answers: Record<string, ChoiceLetter>, key: readonly AnswerKey[]): Score {
	const given = key.filter((q) => answers[q.id] !== undefined);
	const correct = given.filter((q) => answers[q.id] === q.answer).length;
	const total = key.length;
	return {
		answered: given.length,
		correct,
		total,
		percent: total === 0 ? 0 : Math.round((correct / total) * 100),
		finished: given.length === total,
	};
}

/** Whether a finished attempt reaches the pass mark (in percent). */
export function isPass(score: Score, passMark: number): boolean {
	return score.finished && score.percent >= passMark;
}

/** The storage key of a module's progress. */
export const progressKey = (moduleId: string) => `learn:${moduleId}`;

/** The module's saved progress, or a fresh one. */
export function loadProgress(moduleId: string): ModuleProgress {
	const saved = readJson(progressKey(moduleId)) as Partial<ModuleProgress> | undefined;
	return { answers: saved?.answers ?? {}, passed: saved?.passed === true, best: saved?.best ?? 0 };
}

/** Saves the module's progress on the device. */
export function saveProgress(moduleId: string, progress: ModuleProgress): void {
	writeJson(progressKey(moduleId), progress);
}

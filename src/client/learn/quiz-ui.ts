import type { ChoiceLetter } from '../../lib/field-values.ts';
import { readStrings, type ClientTranslate } from '../strings.ts';
import { isPass, loadProgress, saveProgress, scoreOf, type AnswerKey } from './progress.ts';

/**
 * Turns a server-rendered quiz (`[data-quiz]`, see Quiz.astro) into one with immediate feedback:
 * each question is checked on its own button, locked once answered, and explained with a link
 * to the rule or SOP it tests. Answers and the pass are saved on the device per module.
 */
export function enhanceQuiz(root: HTMLElement): void {
	const moduleId = root.dataset.module!;
	const passMark = Number(root.dataset.passMark);
	const t = readStrings(root);
	const forms = [...root.querySelectorAll<HTMLFormElement>('form[data-question]')];
	const key: AnswerKey[] = forms.map((f) => ({
		id: f.dataset.question!,
		answer: f.dataset.answer as ChoiceLetter,
	}));
	let progress = loadProgress(moduleId);

	root.classList.add('js');
	for (const form of forms) {
		form.querySelector<HTMLButtonElement>('button[type=submit]')!.hidden = false;
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const chosen = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
			if (!chosen) {
				feedbackOf(form).textContent = t('quiz.chooseFirst');
				return;
			}
			progress.answers[form.dataset.question!] = chosen.value as ChoiceLetter;
			settle();
			showAnswer(form, chosen.value as ChoiceLetter, t);
			if (scoreOf(progress.answers, key).finished)
				root.querySelector<HTMLElement>('[data-result]')?.focus();
		});
	}
	root.querySelector('[data-retry]')?.addEventListener('click', () => {
		progress = { ...progress, answers: {} };
		saveProgress(moduleId, progress);
		forms.forEach(reopen);
		render();
		forms[0]?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
	});

	// Restore a saved attempt: every answered question shows its feedback again.
	for (const form of forms) {
		const given = progress.answers[form.dataset.question!];
		if (given) {
			const input = form.querySelector<HTMLInputElement>(`input[value="${given}"]`);
			if (input) input.checked = true;
			showAnswer(form, given, t);
		}
	}
	render();

	function settle() {
		const score = scoreOf(progress.answers, key);
		if (isPass(score, passMark)) progress.passed = true;
		if (score.finished) progress.best = Math.max(progress.best, score.percent);
		saveProgress(moduleId, progress);
		render();
	}

	function render() {
		const score = scoreOf(progress.answers, key);
		const status = root.querySelector<HTMLElement>('[data-quiz-progress]')!;
		status.hidden = false;
		status.textContent = t('quiz.progress', score);
		const result = root.querySelector<HTMLElement>('[data-result]')!;
		result.hidden = !score.finished;
		if (score.finished) {
			const passed = isPass(score, passMark);
			result.querySelector('[data-score]')!.textContent = t('quiz.score', {
				...score,
				pass: passMark,
			});
			const verdict = result.querySelector<HTMLElement>('[data-verdict]')!;
			verdict.textContent = t(passed ? 'quiz.passed' : 'quiz.failed');
			verdict.className = passed ? 'badge ok' : 'badge p1';
		}
		document.dispatchEvent(
			new CustomEvent('kb:learn-progress', { detail: { moduleId, passed: progress.passed } }),
		);
	}
}

// --- internal ---

function feedbackOf(form: HTMLFormElement): HTMLElement {
	return form.querySelector<HTMLElement>('[data-feedback]')!;
}

function showAnswer(form: HTMLFormElement, given: ChoiceLetter, t: ClientTranslate) {
	const right = form.dataset.answer as ChoiceLetter;
	form.querySelectorAll<HTMLInputElement>('input[type=radio]').forEach((input) => {
		input.disabled = true;
		const choice = input.closest<HTMLElement>('.quiz-choice')!;
		choice.classList.toggle('is-right', input.value === right);
		choice.classList.toggle('is-wrong', input.value === given && given !== right);
	});
	form.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled = true;
	const feedback = feedbackOf(form);
	const verdict = document.createElement('p');
	verdict.className = given === right ? 'verdict ok' : 'verdict wrong';
	verdict.textContent =
		given === right ? t('quiz.correct') : t('quiz.incorrect', { letter: right.toUpperCase() });
	const explanation = form
		.querySelector<HTMLElement>('[data-explanation]')!
		.cloneNode(true) as HTMLElement;
	explanation.removeAttribute('data-explanation');
	feedback.replaceChildren(verdict, ...explanation.childNodes);
}

function reopen(form: HTMLFormElement) {
	form.querySelectorAll<HTMLInputElement>('input[type=radio]').forEach((input) => {
		input.disabled = false;
		input.checked = false;
		input.closest('.quiz-choice')!.classList.remove('is-right', 'is-wrong');
	});
	form.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled = false;
	feedbackOf(form).replaceChildren();
}

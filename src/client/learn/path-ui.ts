import { readStrings } from '../strings.ts';
import { loadProgress } from './progress.ts';

/**
 * Shows on the server-rendered path (`[data-learn-path]`) which modules this device has
 * completed, and the overall progress. Each `[data-module]` element gets its status text.
 */
export function showPathProgress(root: HTMLElement): void {
	const t = readStrings(root);
	const modules = [...root.querySelectorAll<HTMLElement>('[data-module]')];
	const done = modules.filter((el) => {
		const passed = loadProgress(el.dataset.module!).passed;
		const status = el.querySelector<HTMLElement>('[data-status]');
		if (status) {
			status.hidden = false;
			status.textContent = t(passed ? 'learn.statusDone' : 'learn.statusTodo');
			status.className = passed ? 'badge ok' : 'badge';
		}
		el.classList.toggle('is-done', passed);
		return passed;
	}).length;
	const bar = root.querySelector<HTMLProgressElement>('progress');
	if (bar) {
		bar.max = modules.length;
		bar.value = done;
	}
	const text = root.querySelector<HTMLElement>('[data-path-progress]');
	if (text) text.textContent = t('learn.progress', { done, total: modules.length });
	root.querySelectorAll<HTMLElement>('[data-js-only]').forEach((el) => (el.hidden = false));
}

import type { UiKey } from '../../lib/i18n.ts';
import { keysStartingWith, readJson, removeKey, writeJson } from '../storage.ts';
import { readStrings, type ClientTranslate } from '../strings.ts';
import { copy, download, labels, printRecord, renderRecord, timeOf } from './record-view.ts';
import {
	buildRecord,
	emptyRun,
	problemsOf,
	progressOf,
	recordText,
	runKey,
	type ChecklistSpec,
	type CompletionRecord,
	type ItemState,
	type RunProblem,
	type RunState,
} from './run.ts';

/**
 * Turns the printable checklist in `[data-runner]` (ChecklistView.astro) into a runner: ticks,
 * evidence, progress, completion and the record. The run is saved on every change under the
 * checklist's slug and revision; nothing is sent anywhere.
 */
export function startRunner(root: HTMLElement): void {
	const t = readStrings(root);
	const spec = specOf(root);
	const key = runKey(spec.slug, spec.revision);
	let run: RunState = { ...emptyRun(), ...(readJson(key) as Partial<RunState> | undefined) };
	const $ = (sel: string): HTMLElement => root.querySelector<HTMLElement>(sel)!;
	const fields = [...root.querySelectorAll<HTMLInputElement>('[data-field]')];

	root.classList.add('runner-on');
	root.querySelectorAll<HTMLElement>('.runner-only').forEach((el) => (el.hidden = false));
	showOlderRuns(root, spec, t);

	root.addEventListener('input', (event) => {
		const input = event.target as HTMLInputElement;
		if (!input.dataset.field || run.finishedAt) return;
		run.startedAt ??= new Date().toISOString();
		const itemId = input.closest<HTMLElement>('[data-item]')?.dataset.item;
		const value = input.type === 'checkbox' ? input.checked : input.value;
		if (itemId)
			run.items[itemId] = { ...run.items[itemId], [input.dataset.field]: value } as ItemState;
		else (run as unknown as Record<string, unknown>)[input.dataset.field] = value;
		save();
	});
	$('[data-complete]').addEventListener('click', () => {
		const problems = problemsOf(spec, run);
		showProblems(problems);
		if (problems.length > 0) return;
		run.finishedAt = new Date().toISOString();
		save();
		$('[data-record]').focus();
	});
	const reset = () => {
		if (!run.finishedAt && !confirm(t('runner.resetConfirm'))) return;
		run = emptyRun();
		removeKey(key);
		showProblems([]);
		render();
	};
	$('[data-reset]').addEventListener('click', reset);
	$('[data-new-run]').addEventListener('click', reset);
	$('[data-print]').addEventListener('click', () => printRecord());
	$('[data-download]').addEventListener('click', () => download(record()));
	$('[data-copy]').addEventListener('click', () => void copy(root, text(record()), t));
	render();

	function record(): CompletionRecord {
		return buildRecord(spec, run);
	}

	function text(r: CompletionRecord): string {
		return recordText(r, { ...labels(t), time: (iso) => timeOf(iso, spec.locale) });
	}

	function save() {
		writeJson(key, run);
		render();
	}

	function render() {
		const locked = Boolean(run.finishedAt);
		for (const input of fields) {
			const itemId = input.closest<HTMLElement>('[data-item]')?.dataset.item;
			const source = (itemId ? run.items[itemId] : run) as unknown as
				Record<string, unknown> | undefined;
			const value = source?.[input.dataset.field!];
			if (input.type === 'checkbox') input.checked = value === true;
			else if (document.activeElement !== input)
				input.value = typeof value === 'string' ? value : '';
			input.disabled = locked;
		}
		root
			.querySelectorAll<HTMLElement>('[data-item]')
			.forEach((li) => li.classList.toggle('is-done', run.items[li.dataset.item!]?.done === true));
		const p = progressOf(spec, run);
		const bar = root.querySelector<HTMLProgressElement>('[data-progress-bar]')!;
		bar.max = p.total;
		bar.value = p.done;
		$('[data-progress]').textContent = t('runner.progress', p);
		$('[data-times]').textContent = run.startedAt
			? `${t('runner.started')}: ${timeOf(run.startedAt, spec.locale)}${run.finishedAt ? ` · ${t('runner.finished')}: ${timeOf(run.finishedAt, spec.locale)}` : ''}`
			: t('runner.notStarted');
		$('[data-complete]').hidden = locked;
		$('[data-reset]').hidden = locked;
		const recordEl = $('[data-record]');
		recordEl.hidden = !locked;
		if (locked) renderRecord(root, record(), t);
	}

	function showProblems(problems: RunProblem[]) {
		const box = $('[data-problems]');
		box.replaceChildren();
		if (problems.length === 0) return;
		const intro = document.createElement('p');
		intro.textContent = t('runner.cannotComplete', { n: problems.length });
		const list = document.createElement('ul');
		for (const problem of problems) {
			const li = document.createElement('li');
			const item = spec.items.find((i) => i.id === problem.item);
			const message =
				`runner.missing${problem.kind[0]!.toUpperCase()}${problem.kind.slice(1)}` as UiKey;
			li.textContent = t(message, { item: item?.text ?? '' });
			list.append(li);
		}
		box.append(intro, list);
	}
}

// --- internal ---

function specOf(root: HTMLElement): ChecklistSpec {
	const d = root.dataset;
	const items = [...root.querySelectorAll<HTMLElement>('[data-item]')].map((li) => ({
		id: li.dataset.item!,
		text: li.querySelector('[data-item-text]')!.textContent.trim(),
		critical: li.dataset.critical === 'true',
		evidence: (li.dataset.evidence ?? 'none') as ChecklistSpec['items'][number]['evidence'],
		unit: li.dataset.unit || undefined,
	}));
	return {
		slug: d.slug!,
		docId: d.docId!,
		revision: d.revision!,
		title: d.title!,
		locale: d.locale!,
		items,
	};
}

/** Other revisions of this checklist with an unfinished run on this device: offer to finish them. */
function showOlderRuns(root: HTMLElement, spec: ChecklistSpec, t: ClientTranslate) {
	const box = root.querySelector<HTMLElement>('[data-older]')!;
	for (const key of keysStartingWith(`run:${spec.slug}@`)) {
		const revision = key.slice(key.indexOf('@') + 1);
		const run = readJson(key) as RunState | undefined;
		if (revision === spec.revision || !run?.startedAt || run.finishedAt) continue;
		const p = document.createElement('p');
		p.className = 'banner warn';
		p.textContent = `${t('runner.olderRun', { rev: revision, started: timeOf(run.startedAt, spec.locale) })} `;
		const a = document.createElement('a');
		a.href = `${root.dataset.revisionBase}${revision}/`;
		a.textContent = t('runner.olderRunLink', { rev: revision });
		p.append(a);
		box.append(p);
		box.hidden = false;
	}
}

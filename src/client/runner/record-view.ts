import type { ClientTranslate } from '../strings.ts';
import { evidenceOf, type CompletionRecord } from './run.ts';

// The completion record on screen and out of the device: rendered as a table, printed alone,
// downloaded as JSON, copied as text. Labels come from the runner's `data-strings`.

/** An ISO time in the page's locale, e.g. 26 Nov 2026, 09:30. */
export function timeOf(iso: string, locale: string): string {
	return iso
		? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
		: '';
}

/** The labels of the plain-text record, in the page's language. */
export function labels(t: ClientTranslate) {
	return {
		title: t('runner.recordTitle'),
		revision: t('doc.revision'),
		workOrder: t('runner.workOrder'),
		technician: t('runner.technician'),
		started: t('runner.started'),
		finished: t('runner.finished'),
		critical: t('checklist.critical'),
		photo: t('runner.photoBox'),
		signedBy: t('runner.signedBy'),
	};
}

/** Shows the record under the checklist. */
export function renderRecord(root: HTMLElement, record: CompletionRecord, t: ClientTranslate) {
	const body = root.querySelector<HTMLElement>('[data-record-body]')!;
	const meta = document.createElement('dl');
	meta.className = 'meta';
	const time = (iso: string) => timeOf(iso, record.locale);
	const rows: [string, string][] = [
		[t('type.checklist'), `${record.checklist.title} · ${record.checklist.docId}`],
		[t('doc.revision'), record.checklist.revision],
		[t('runner.workOrder'), record.workOrder],
		[t('runner.technician'), record.technician],
		[t('runner.started'), time(record.startedAt)],
		[t('runner.finished'), time(record.finishedAt)],
	];
	for (const [label, value] of rows) meta.append(el('dt', label), el('dd', value));
	const table = document.createElement('table');
	const head = table.createTHead().insertRow();
	for (const label of [t('runner.item'), t('runner.state'), t('runner.evidence')])
		head.append(Object.assign(el('th', label), { scope: 'col' }));
	const rowsBody = table.createTBody();
	for (const item of record.items) {
		rowsBody
			.insertRow()
			.append(
				el('td', `${item.text}${item.critical ? ` (${t('checklist.critical')})` : ''}`),
				el('td', t(item.done ? 'runner.itemDone' : 'runner.itemOpen')),
				el('td', evidenceOf(item, labels(t))),
			);
	}
	const done = el('p', t('runner.completedAt', { time: time(record.finishedAt) }));
	body.replaceChildren(done, meta, table);
}

/** Saves the record as a JSON file named after the checklist, revision and work order. */
export function download(record: CompletionRecord) {
	const blob = new Blob([`${JSON.stringify(record, null, 2)}\n`], { type: 'application/json' });
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	const safe = (s: string) => s.replace(/[^\w.-]+/g, '-');
	a.download = `${safe(record.checklist.id)}-${record.checklist.revision}-${safe(record.workOrder) || 'record'}.json`;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Copies the text to the clipboard, or shows it selected when the browser refuses. */
export async function copy(root: HTMLElement, text: string, t: ClientTranslate) {
	const status = root.querySelector<HTMLElement>('[data-copy-status]')!;
	const fallback = root.querySelector<HTMLTextAreaElement>('[data-copy-fallback]')!;
	try {
		await navigator.clipboard.writeText(text);
		status.textContent = t('runner.copied');
		fallback.hidden = true;
	} catch {
		status.textContent = t('runner.copyFailed');
		fallback.value = text;
		fallback.hidden = false;
		fallback.select();
	}
}

/** Prints the record alone. */
export function printRecord() {
	// The print stylesheet shows only the record while this flag is set; Ctrl+P alone prints the blank form.
	document.documentElement.dataset.print = 'record';
	addEventListener('afterprint', () => delete document.documentElement.dataset.print, {
		once: true,
	});
	print();
}

// --- internal ---

function el(tag: string, text: string): HTMLElement {
	const node = document.createElement(tag);
	node.textContent = text;
	return node;
}

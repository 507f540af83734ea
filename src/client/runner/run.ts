import type { EvidenceKind } from '../../lib/field-values.ts';

/** One checklist item as the runner sees it: the page's text in its locale and what the item needs. */
export interface ItemSpec {
	id: string;
	text: string;
	critical: boolean;
	evidence: EvidenceKind;
	unit?: string;
}

/** The checklist revision being run. */
export interface ChecklistSpec {
	slug: string;
	docId: string;
	revision: string;
	title: string;
	locale: string;
	items: ItemSpec[];
}

/** What has been entered for one item. */
export interface ItemState {
	done: boolean;
	/** A measurement as typed, e.g. `228` or `0,5`. */
	value?: string;
	/** A photo item: the technician confirms the photo was taken. */
	photo?: boolean;
	/** A photo item: an optional note, such as the file name. */
	note?: string;
	/** A signature item: the name of the person who signed. */
	signer?: string;
}

/** One run of one checklist revision, as saved on the device. */
export interface RunState {
	workOrder: string;
	technician: string;
	/** ISO time of the first entry; unset until the run starts. */
	startedAt?: string;
	/** ISO time the run was completed; a completed run is locked. */
	finishedAt?: string;
	items: Record<string, ItemState>;
}

/** Something that stops a run from being completed; `item` is the item's id. */
export interface RunProblem {
	kind: 'workOrder' | 'technician' | 'critical' | 'value' | 'photo' | 'signature';
	item?: string;
}

/** The saved run's key: one per checklist revision, so a new revision never inherits ticks. */
export const runKey = (slug: string, revision: string) => `run:${slug}@${revision}`;

/** A run with nothing entered. */
export function emptyRun(): RunState {
	return { workOrder: '', technician: '', items: {} };
}

/** Items done, and critical items done, out of their totals. */
export function progressOf(spec: ChecklistSpec, run: RunState) {
	const done = (i: ItemSpec) => run.items[i.id]?.done === true;
	const critical = spec.items.filter((i) => i.critical);
	return {
		done: spec.items.filter(done).length,
		total: spec.items.length,
		critical: critical.filter(done).length,
		criticalTotal: critical.length,
	};
}

/** A measurement as a number, accepting a decimal comma; undefined when it is not one. */
export function measured(value: string | undefined): number | undefined {
	const text = (value ?? '').trim().replace(',', '.');
	return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * What still stops completion, in page order: the work order and technician, every critical item
 * not done, and every done item whose evidence is missing (a number, the photo, the signer).
 */
export function problemsOf(spec: ChecklistSpec, run: RunState): RunProblem[] {
	const problems: RunProblem[] = [];
	if (!run.workOrder.trim()) problems.push({ kind: 'workOrder' });
	if (!run.technician.trim()) problems.push({ kind: 'technician' });
	for (const item of spec.items) {
		const state = run.items[item.id];
		if (!state?.done) {
			if (item.critical) problems.push({ kind: 'critical', item: item.id });
			continue;
		}
		if (item.evidence === 'measurement' && measured(state.value) === undefined)
			problems.push({ kind: 'value', item: item.id });
		if (item.evidence === 'photo' && !state.photo) problems.push({ kind: 'photo', item: item.id });
		if (item.evidence === 'signature' && !state.signer?.trim())
			problems.push({ kind: 'signature', item: item.id });
	}
	return problems;
}

/** One item of a completion record. */
export interface RecordItem {
	id: string;
	text: string;
	critical: boolean;
	evidence: ItemSpec['evidence'];
	done: boolean;
	value?: number;
	unit?: string;
	photoTaken?: boolean;
	note?: string;
	signedBy?: string;
}

/** The completion record: what is downloaded as JSON, printed and copied as text. */
export interface CompletionRecord {
	format: 'kb-checklist-record/1';
	checklist: { id: string; docId: string; revision: string; title: string };
	locale: string;
	workOrder: string;
	technician: string;
	startedAt: string;
	finishedAt: string;
	items: RecordItem[];
}

/** The record of a completed run. */
export function buildRecord(spec: ChecklistSpec, run: RunState): CompletionRecord {
	return {
		format: 'kb-checklist-record/1',
		checklist: { id: spec.slug, docId: spec.docId, revision: spec.revision, title: spec.title },
		locale: spec.locale,
		workOrder: run.workOrder.trim(),
		technician: run.technician.trim(),
		startedAt: run.startedAt ?? run.finishedAt ?? '',
		finishedAt: run.finishedAt ?? '',
		items: spec.items.map((item) => recordItem(item, run.items[item.id])),
	};
}

/** Labels for the plain-text record, in the page's language. */
export interface TextLabels {
	title: string;
	revision: string;
	workOrder: string;
	technician: string;
	started: string;
	finished: string;
	critical: string;
	photo: string;
	signedBy: string;
	time: (iso: string) => string;
}

/** The record as plain text for a ticket system: one line per item, `[x]` done and `[ ]` not. */
export function recordText(record: CompletionRecord, l: TextLabels): string {
	const { checklist: c } = record;
	const lines = [
		l.title,
		`${c.title} · ${c.docId} · ${l.revision} ${c.revision}`,
		`${l.workOrder}: ${record.workOrder}`,
		`${l.technician}: ${record.technician}`,
		`${l.started}: ${l.time(record.startedAt)}`,
		`${l.finished}: ${l.time(record.finishedAt)}`,
		'',
	];
	for (const item of record.items)
		lines.push(
			`[${item.done ? 'x' : ' '}] ${item.text}${item.critical ? ` (${l.critical})` : ''}${evidenceText(item, l)}`,
		);
	return `${lines.join('\n')}\n`;
}

/** The evidence of a record item in words, e.g. `228 V`, or '' when it has none. */
export function evidenceOf(item: RecordItem, l: Pick<TextLabels, 'photo' | 'signedBy'>): string {
	if (item.value !== undefined) return `${item.value}${item.unit ? ` ${item.unit}` : ''}`;
	if (item.photoTaken) return `${l.photo}${item.note ? ` (${item.note})` : ''}`;
	if (item.signedBy) return `${l.signedBy} ${item.signedBy}`;
	return '';
}

// --- internal ---

function recordItem(item: ItemSpec, state: ItemState | undefined): RecordItem {
	const r: RecordItem = {
		id: item.id,
		text: item.text,
		critical: item.critical,
		evidence: item.evidence,
		done: state?.done === true,
	};
	if (item.evidence === 'measurement' && measured(state?.value) !== undefined)
		Object.assign(r, { value: measured(state?.value), unit: item.unit });
	if (item.evidence === 'photo' && state?.photo)
		Object.assign(r, {
			photoTaken: true,
			...(state.note?.trim() ? { note: state.note.trim() } : {}),
		});
	if (item.evidence === 'signature' && state?.signer?.trim()) r.signedBy = state.signer.trim();
	return r;
}

function evidenceText(item: RecordItem, l: TextLabels): string {
	const text = evidenceOf(item, l);
	return text ? `: ${text}` : '';
}

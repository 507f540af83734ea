import type { OfflineFault } from '../../lib/fault-data.ts';
import type { UiKey } from '../../lib/i18n.ts';
import type { ClientTranslate } from '../strings.ts';

/**
 * The DOM of one fault entry, in the order and with the classes of its page
 * (src/pages/[...lang]/faults/[family]/[code].astro): family, code and title, badges, safety first
 * and highlighted, then symptoms, causes, checks, remedy, parts, tools, documents, models and
 * aliases, after a note that this is the offline copy. Text goes in as text, never as HTML.
 * `root` is the locale root (`/kb/en/`) that links are made under.
 */
export function renderFault(fault: OfflineFault, t: ClientTranslate, root: string): HTMLElement[] {
	const out: HTMLElement[] = [];
	const section = (key: UiKey, items: string[], ordered = false) => {
		if (items.length === 0) return;
		out.push(node('h2', {}, t(key)), list(items, ordered));
	};
	out.push(node('p', { class: 'banner warn', role: 'note' }, t('faultOffline.note')));
	out.push(
		node('p', { class: 'muted' }, link(`${root}faults/${fault.family.id}/`, fault.family.name)),
	);
	out.push(node('h1', { 'data-code': fault.code }, `${fault.code} ${fault.title}`));
	out.push(badges(fault, t));
	if (fault.safety.length > 0) {
		out.push(
			node(
				'aside',
				{ class: 'callout warning', 'aria-labelledby': 'safety' },
				node('strong', { id: 'safety' }, t('fault.safety')),
				list(fault.safety, false),
			),
		);
	}
	section('fault.symptoms', fault.symptoms);
	section('fault.causes', fault.causes, true);
	section('fault.checks', fault.checks, true);
	section('fault.remedy', fault.remedy, true);
	if (fault.parts.length > 0) {
		const items = fault.parts.map((p) =>
			node('li', {}, p.name, ...(p.partNo ? [' · ', node('code', {}, p.partNo)] : [])),
		);
		out.push(node('h2', {}, t('fault.parts')), node('ul', {}, ...items));
	}
	section('fault.tools', fault.tools);
	const docs = [fault.sop, fault.checklist].filter((d) => d !== undefined);
	if (docs.length > 0) {
		const items = docs.map((d) =>
			node('li', {}, link(d.href, d.title), ' ', node('span', { class: 'muted' }, d.note)),
		);
		out.push(node('h2', {}, t('fault.sop')), node('ul', {}, ...items));
	}
	out.push(node('h2', {}, t('fault.models')));
	if (fault.models.length === 0) out.push(node('p', { class: 'muted' }, t('fault.allModels')));
	else
		out.push(
			node(
				'ul',
				{},
				...fault.models.map((m) => node('li', {}, link(`${root}products/${m.id}/`, m.name))),
			),
		);
	if (fault.aliases.length > 0)
		out.push(node('h2', {}, t('fault.aliases')), node('p', {}, fault.aliases.join(' · ')));
	return out;
}

// --- internal ---

function badges(fault: OfflineFault, t: ClientTranslate): HTMLElement {
	const badge = (text: string, extra = '') =>
		node('span', { class: `badge${extra ? ` ${extra}` : ''}` }, text);
	const parts = [
		badge(t(`priority.${fault.priority}` as UiKey), fault.priority.toLowerCase()),
		badge(
			`${t(`category.${fault.category}` as UiKey)} · ${t(`subcategory.${fault.subcategory}` as UiKey)}`,
		),
		badge(
			fault.remoteFixable ? t('fault.remote') : t('fault.onsite'),
			fault.remoteFixable ? 'ok' : '',
		),
	];
	if (fault.laborMinutes)
		parts.push(badge(`${t('fault.labor')}: ${t('fault.minutes', { n: fault.laborMinutes })}`));
	return node('p', {}, ...parts.flatMap((b, i) => (i === 0 ? [b] : [' ', b])));
}

function list(items: string[], ordered: boolean): HTMLElement {
	return node(ordered ? 'ol' : 'ul', {}, ...items.map((item) => node('li', {}, item)));
}

function link(href: string, text: string): HTMLElement {
	return node('a', { href }, text);
}

function node(
	tag: string,
	attributes: Record<string, string>,
	...children: (Node | string)[]
): HTMLElement {
	const el = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
	el.append(...children);
	return el;
}

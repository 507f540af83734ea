import {
	blockCount,
	blockOfFault,
	encodeBlock,
	type FaultBlock,
	type OfflineFault,
} from '../lib/fault-data.ts';
import type { SiteLocale } from '../lib/i18n.ts';
import { localeHref, paths } from '../lib/routes.ts';
import { knowledgeBase, type KnowledgeBase } from './content.ts';

/** The offline fault data of one locale: how many blocks there are, and each block's content. */
export interface FaultData {
	/** Blocks of this build; the offline view needs it to find an entry's block. */
	blocks: number;
	/** Block number → block; every number below `blocks` is present (an empty block is written too). */
	byBlock: Map<number, FaultBlock>;
}

/**
 * Every published fault entry of `locale`, in blocks of about 24–48 entries placed by the hash of
 * their URL (src/lib/fault-data.ts), for `fault-data/<n>.json`. Computed once per locale per build.
 */
export function faultData(locale: SiteLocale): Promise<FaultData> {
	let data = cached.get(locale);
	if (!data) cached.set(locale, (data = buildFaultData(locale)));
	return data;
}

/** The offline fault data of a locale, built afresh: a build writes it once and keeps nothing. */
export async function buildFaultData(locale: SiteLocale): Promise<FaultData> {
	return build(await knowledgeBase(), locale);
}

/** How many blocks the offline fault data has in this build (the offline view needs it to find an entry's block). */
export async function faultBlockCount(): Promise<number> {
	return blockCount((await knowledgeBase()).faults.length);
}

/** Every offline fault data file of a locale, as paths under `fault-data/` → JSON value. */
export function faultDataFiles(data: FaultData): [string, unknown][] {
	return [...data.byBlock.entries()].map(([n, block]) => [`${n}.json`, block]);
}

// --- internal ---

const cached = new Map<SiteLocale, Promise<FaultData>>();

function build(kb: KnowledgeBase, locale: SiteLocale): FaultData {
	const blocks = blockCount(kb.faults.length);
	const groups = Array.from({ length: blocks }, (): OfflineFault[] => []);
	for (const fault of kb.faults) {
		const entry = offlineFault(kb, fault, locale);
		groups[blockOfFault(entry, blocks)]!.push(entry);
	}
	return { blocks, byBlock: new Map(groups.map((g, i) => [i, encodeBlock(g)])) };
}

type Fault = KnowledgeBase['faults'][number];

/** One entry as its page shows it in `locale` (src/pages/[...lang]/faults/[family]/[code].astro). */
function offlineFault(kb: KnowledgeBase, fault: Fault, locale: SiteLocale): OfflineFault {
	const d = fault.data;
	const href = (path: string) => localeHref(import.meta.env.BASE_URL, locale, path);
	const family = kb.families.find((f) => f.id === d.family.id);
	const sop = d.sop ? kb.sops.find((s) => s.slug === d.sop)?.current : undefined;
	const checklist = d.checklist
		? kb.checklists.find((c) => c.slug === d.checklist)?.current
		: undefined;
	return {
		path: paths.fault(d.family.id, d.code),
		code: d.code,
		family: { id: d.family.id, name: family?.data.name[locale] ?? d.family.id },
		models: d.models.map((m) => ({
			id: m.id,
			name: kb.products.find((p) => p.id === m.id)?.data.name[locale] ?? m.id,
		})),
		title: d.title[locale],
		priority: d.priority,
		category: d.category,
		subcategory: d.subcategory,
		safety: d.safety.map((s) => s[locale]),
		symptoms: d.symptoms.map((s) => s[locale]),
		causes: d.causes.map((s) => s[locale]),
		checks: d.checks.map((s) => s[locale]),
		remedy: d.remedy.map((s) => s[locale]),
		parts: d.parts.map((p) =>
			p.partNo ? { name: p.name[locale], partNo: p.partNo } : { name: p.name[locale] },
		),
		tools: d.tools.map((s) => s[locale]),
		aliases: d.aliases,
		remoteFixable: d.remoteFixable,
		...(d.laborMinutes ? { laborMinutes: d.laborMinutes } : {}),
		...(sop && {
			sop: {
				href: href(paths.sop(sop.slug)),
				title: sop.byLocale[locale].data.title,
				note: `${sop.data.docId} · ${sop.revision}`,
			},
		}),
		...(checklist &&
			d.checklist && {
				checklist: {
					href: href(paths.checklist(d.checklist)),
					title: checklist.data.title[locale],
					note: `${checklist.data.docId} · ${checklist.data.revision}`,
				},
			}),
	};
}

/**
 * The compact offline copy of the fault catalogue: one small JSON block per group of entries, so a
 * device that has never opened a fault page can still show it (src/client/offline/fault-view.ts).
 * The build encodes (src/data/fault-data.ts), the browser decodes; both place an entry in its
 * block by hashing its URL, so the device needs nothing but the URL and the block count.
 * See docs/decisions/0044-whole-catalogue-offline.md.
 */
import { codeSlug } from './fault-code.ts';
import { paths } from './routes.ts';

/** A linked document (SOP or checklist) as the fault page shows it. */
export interface OfflineDocLink {
	/** The link's href, under the deploy base and locale root. */
	href: string;
	title: string;
	/** The grey text after the link: `SOP-SVC-001 · 2.1`. */
	note: string;
}

/** One fault entry in one locale, with everything its offline view shows. */
export interface OfflineFault {
	/**
	 * The entry's page, as a site path (`faults/ac/e4/`). Not stored: the block has the family and
	 * the code, and the page routes make the path from those alone.
	 */
	path: string;
	code: string;
	family: { id: string; name: string };
	/** Models the code occurs on; empty means every model of the family. */
	models: { id: string; name: string }[];
	title: string;
	priority: string;
	category: string;
	subcategory: string;
	safety: string[];
	symptoms: string[];
	causes: string[];
	checks: string[];
	remedy: string[];
	parts: { name: string; partNo?: string }[];
	tools: string[];
	aliases: string[];
	remoteFixable: boolean;
	laborMinutes?: number;
	sop?: OfflineDocLink;
	checklist?: OfflineDocLink;
}

/** One entry as stored: short keys, empty lists and `false` left out, names looked up in the block. */
export interface CompactFault {
	/** code */ c: string;
	/** family id (named in the block's `f`) */ f: string;
	/** title */ t: string;
	/** priority */ p: string;
	/** category */ g: string;
	/** subcategory */ h: string;
	/** model ids (named in the block's `m`) */ m?: string[];
	/** safety */ s?: string[];
	/** symptoms */ y?: string[];
	/** causes */ x?: string[];
	/** checks */ k?: string[];
	/** remedy */ r?: string[];
	/** parts: name, then the part number if any */ n?: string[][];
	/** tools */ o?: string[];
	/** aliases */ a?: string[];
	/** 1 when fixable remotely */ q?: 1;
	/** labour minutes */ l?: number;
	/** SOP: index into the block's `d` */ sp?: number;
	/** checklist: index into the block's `d` */ cl?: number;
}

/** One block file (`fault-data/<n>.json`): the names its entries share, once, and the entries. */
export interface FaultBlock {
	/** family id → family name */
	f: Record<string, string>;
	/** model id → model name */
	m: Record<string, string>;
	/** linked documents: href, title, note */
	d: [string, string, string][];
	/** the entries */
	e: CompactFault[];
}

/** Entries per block the build aims at, at most; blocks hold half to all of it on average. */
export const BLOCK_TARGET = 48;

/**
 * How many blocks `count` entries are spread over: the smallest power of two that keeps the
 * average block at or under {@link BLOCK_TARGET} entries (10,000 entries → 256 blocks of ~39).
 * A power of two changes only when the catalogue doubles or halves, so adding an entry rewrites
 * one block and a device's update downloads that block alone.
 */
export function blockCount(count: number): number {
	let n = 1;
	while (count / n > BLOCK_TARGET) n *= 2;
	return n;
}

/** The block (0 … `blocks` − 1) of the fault at `faults/<family>/<slug>/`: FNV-1a of `family/slug`. */
export function blockOf(family: string, slug: string, blocks: number): number {
	let hash = 0x811c9dc5;
	for (const ch of `${family}/${slug}`) {
		hash ^= ch.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0) % blocks;
}

/**
 * The family id and code slug of a fault page's URL path, relative to its locale root:
 * `('/kb/en/faults/ac/e4/', '/kb/en/')` → `{ family: 'ac', slug: 'e4' }`; undefined for any other page.
 */
export function faultOfPath(
	pathname: string,
	localeRoot: string,
): { family: string; slug: string } | undefined {
	if (!pathname.startsWith(localeRoot)) return undefined;
	const m = /^faults\/([^/]+)\/([^/]+)\/$/.exec(pathname.slice(localeRoot.length));
	if (!m) return undefined;
	try {
		return { family: decodeURIComponent(m[1]!), slug: decodeURIComponent(m[2]!) };
	} catch {
		return undefined;
	}
}

/** The block of an entry, as {@link blockOf} places it. */
export function blockOfFault(fault: Pick<OfflineFault, 'code' | 'family'>, blocks: number): number {
	return blockOf(fault.family.id, codeSlug(fault.code), blocks);
}

/** Encodes the entries of one block; {@link decodeBlock} gives them back unchanged. */
export function encodeBlock(faults: readonly OfflineFault[]): FaultBlock {
	const block: FaultBlock = { f: {}, m: {}, d: [], e: [] };
	const doc = (link: OfflineDocLink | undefined) => {
		if (!link) return undefined;
		const at = block.d.findIndex(([href]) => href === link.href);
		return at >= 0 ? at : block.d.push([link.href, link.title, link.note]) - 1;
	};
	for (const fault of faults) {
		block.f[fault.family.id] = fault.family.name;
		fault.models.forEach((m) => (block.m[m.id] = m.name));
		block.e.push(
			prune({
				c: fault.code,
				f: fault.family.id,
				t: fault.title,
				p: fault.priority,
				g: fault.category,
				h: fault.subcategory,
				m: fault.models.map((m) => m.id),
				s: fault.safety,
				y: fault.symptoms,
				x: fault.causes,
				k: fault.checks,
				r: fault.remedy,
				n: fault.parts.map((p) => (p.partNo ? [p.name, p.partNo] : [p.name])),
				o: fault.tools,
				a: fault.aliases,
				q: fault.remoteFixable ? 1 : undefined,
				l: fault.laborMinutes,
				sp: doc(fault.sop),
				cl: doc(fault.checklist),
			}),
		);
	}
	return block;
}

/** The entries of a block file, with every name and link looked up. */
export function decodeBlock(block: FaultBlock): OfflineFault[] {
	const doc = (at: number | undefined): OfflineDocLink | undefined => {
		const link = at === undefined ? undefined : block.d[at];
		return link && { href: link[0], title: link[1], note: link[2] };
	};
	return block.e.map((e) =>
		dropUndefined({
			path: paths.fault(e.f, e.c),
			code: e.c,
			family: { id: e.f, name: block.f[e.f] ?? e.f },
			models: (e.m ?? []).map((id) => ({ id, name: block.m[id] ?? id })),
			title: e.t,
			priority: e.p,
			category: e.g,
			subcategory: e.h,
			safety: e.s ?? [],
			symptoms: e.y ?? [],
			causes: e.x ?? [],
			checks: e.k ?? [],
			remedy: e.r ?? [],
			parts: (e.n ?? []).map(([name = '', partNo]) => dropUndefined({ name, partNo })),
			tools: e.o ?? [],
			aliases: e.a ?? [],
			remoteFixable: e.q === 1,
			laborMinutes: e.l,
			sop: doc(e.sp),
			checklist: doc(e.cl),
		}),
	);
}

/** The entry of a decoded block whose page is `faults/<family>/<slug>/`, if it is there. */
export function findFault(
	faults: readonly OfflineFault[],
	family: string,
	slug: string,
): OfflineFault | undefined {
	return faults.find((f) => f.family.id === family && codeSlug(f.code) === slug);
}

// --- internal ---

/** Leaves out empty lists and undefined values, which the decoder restores. */
function prune(entry: Record<string, unknown>): CompactFault {
	return Object.fromEntries(
		Object.entries(entry).filter(
			([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
		),
	) as unknown as CompactFault;
}

function dropUndefined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

import {
	entriesFor,
	faultIdentity,
	familyOfCode,
	modelMatcher,
	type Catalogue,
	type CatalogueFault,
} from '../catalogue.ts';
import type { Period } from '../period.ts';
import type { CubeRow, RepeatRow } from './queries.ts';

/** One code's tickets in the period, gathered across its spellings, models and regions. */
export interface FaultAgg {
	/** `family/key`, e.g. `ac/E4` (`?/E4` when the family is unknown). */
	identity: string;
	/** Display form: the catalogue's when it has exactly one entry, else the tickets' spelling. */
	code: string;
	family?: string;
	/** The catalogue entries this code may be. */
	entries: CatalogueFault[];
	count: number;
	/** Per week of the period, oldest first. */
	weekly: number[];
	/** Model (product id or the ticket's text) → count. */
	models: Map<string, { product?: string; count: number }>;
	repeat: { n: number; repeats: number };
	/** Ticket count per spelling of the code; the display form is the most used one when the catalogue has none. */
	spellings: Map<string, number>;
}

/** One model's tickets and its codes. */
export interface ModelAgg {
	model: string;
	product?: string;
	family?: string;
	count: number;
	codes: Map<string, number>;
}

/** The period's tickets gathered by code, model and region. */
export interface Aggregates {
	faults: FaultAgg[];
	models: ModelAgg[];
	regions: { region: string; count: number }[];
	tickets: number;
	coded: number;
	/** `[code, family, model, region, week index, count]`, with '' for unknown parts. */
	cube: [string, string, string, string, number, number][];
}

/**
 * Resolves every cube row's model to a product and family and its code to a catalogue identity,
 * then sums by code, model and region. Tickets without a code count for models and regions only.
 */
export function aggregate(
	cube: readonly CubeRow[],
	repeats: readonly RepeatRow[],
	period: Period,
	catalogue: Catalogue,
): Aggregates {
	const resolve = resolver(catalogue, period);
	const weekIndex = new Map(period.weeks.map((w, i) => [w, i]));
	const faults = new Map<string, FaultAgg>();
	const models = new Map<string, ModelAgg>();
	const regions = new Map<string, number>();
	const out: Aggregates = { faults: [], models: [], regions: [], tickets: 0, coded: 0, cube: [] };
	const cells: {
		fault?: FaultAgg;
		family: string;
		model: string;
		region: string;
		week: number;
		n: number;
	}[] = [];
	for (const row of cube) {
		const w = weekIndex.get(row.week);
		if (w === undefined) continue;
		const r = resolve(row.code, row.model);
		out.tickets += row.n;
		if (row.region) regions.set(row.region, (regions.get(row.region) ?? 0) + row.n);
		const modelName = r.product ?? row.model;
		const m = modelName
			? (models.get(modelName) ?? {
					model: modelName,
					product: r.product,
					family: r.family,
					count: 0,
					codes: new Map<string, number>(),
				})
			: undefined;
		if (m && modelName) models.set(modelName, m);
		if (m) m.count += row.n;
		cells.push({
			fault: r.fault,
			family: r.family ?? '',
			model: modelName ?? '',
			region: row.region ?? '',
			week: w,
			n: row.n,
		});
		if (!r.fault) continue;
		out.coded += row.n;
		r.fault.count += row.n;
		r.fault.weekly[w]! += row.n;
		r.fault.spellings.set(row.code!, (r.fault.spellings.get(row.code!) ?? 0) + row.n);
		if (m) {
			const fm = r.fault.models.get(m.model) ?? { product: m.product, count: 0 };
			fm.count += row.n;
			r.fault.models.set(m.model, fm);
			m.codes.set(r.fault.identity, (m.codes.get(r.fault.identity) ?? 0) + row.n);
		}
		faults.set(r.fault.identity, r.fault);
	}
	for (const row of repeats) {
		const f = resolve(row.code, row.model).fault;
		if (!f) continue;
		f.repeat.n += row.n;
		f.repeat.repeats += row.repeats;
		faults.set(f.identity, f);
	}
	for (const f of faults.values())
		if (f.entries.length !== 1 && f.spellings.size)
			f.code = [...f.spellings.entries()].sort(
				(a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
			)[0]![0];
	out.cube = cells.map((c) => [c.fault?.code ?? '', c.family, c.model, c.region, c.week, c.n]);
	out.faults = [...faults.values()].sort(
		(a, b) => b.count - a.count || a.identity.localeCompare(b.identity),
	);
	out.models = [...models.values()].sort(
		(a, b) => b.count - a.count || a.model.localeCompare(b.model),
	);
	out.regions = [...regions.entries()]
		.map(([region, count]) => ({ region, count }))
		.sort((a, b) => b.count - a.count || a.region.localeCompare(b.region));
	return out;
}

// --- internal ---

// Resolves (code, model) pairs once each: product, family, and the code's aggregate.
function resolver(cat: Catalogue, period: Period) {
	const matchModel = modelMatcher(cat);
	const byIdentity = new Map<string, FaultAgg>();
	const memo = new Map<string, { product?: string; family?: string; fault?: FaultAgg }>();
	return (code: string | null, model: string | null) => {
		const memoKey = `${code}\u0000${model}`;
		const hit = memo.get(memoKey);
		if (hit) return hit;
		const product = matchModel(model);
		const family = product?.family ?? (code ? familyOfCode(code, cat) : undefined);
		let fault: FaultAgg | undefined;
		if (code) {
			const identity = faultIdentity(family, code, cat);
			const entries = entriesFor(family, code, cat);
			fault = byIdentity.get(identity) ?? {
				identity,
				code: entries.length === 1 ? entries[0]!.code : code,
				family,
				entries,
				count: 0,
				weekly: period.weeks.map(() => 0),
				models: new Map(),
				repeat: { n: 0, repeats: 0 },
				spellings: new Map(),
			};
			byIdentity.set(identity, fault);
		}
		const result = { product: product?.id, family, fault };
		memo.set(memoKey, result);
		return result;
	};
}

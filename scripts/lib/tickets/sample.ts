import { seededRandom } from '../../../src/lib/random.ts';
import { FAULT_TAXONOMY, type FaultCategory } from '../../../src/schemas/taxonomy.ts';
import type { Catalogue } from './catalogue.ts';
import { addDays } from '../../../src/lib/time.ts';

/**
 * A deterministic sample of repair tickets, shaped like a Chinese after-sales system's Excel
 * export: Chinese headers, the catalogue's models and codes in the sources' fault-type shares,
 * realistic spellings, and the customer columns (name, phone, address) that the pull must drop.
 * Planted: a rise of one code, a code missing from the catalogue, repeat repairs, and two bad rows.
 */

/** The export's columns, in order; the last three are personal data that must never be stored. */
export const SAMPLE_HEADERS = [
	'工单号',
	'创建时间',
	'首次响应时间',
	'完成时间',
	'状态',
	'优先级',
	'渠道',
	'产品型号',
	'序列号',
	'故障代码',
	'故障类别',
	'故障现象',
	'区域',
	'一次修复',
	'满意度',
	'客户姓名',
	'联系电话',
	'地址',
] as const;

/** What to generate. */
export interface SampleOptions {
	seed: number;
	/** Last day (a Sunday) of the sample, YYYY-MM-DD. */
	end: string;
	weeks: number;
	/** Average tickets per week before the planted effects. */
	perWeek: number;
	/** The code whose tickets rise in the last two weeks, as `family/CODE`. */
	rising: string;
	/** A code the catalogue lacks, appearing in the last three weeks on this family's models. */
	unknown: { family: string; code: string };
	/** A code with many repeat repairs, as `family/CODE`. */
	repeating: string;
	/** Extra tickets per day of the rising code in the last two weeks (default 6). */
	risePerDay: number;
}

/** The defaults behind the committed sample report. */
export const SAMPLE_DEFAULTS: SampleOptions = {
	seed: 20261122,
	end: '2026-11-22',
	weeks: 26,
	perWeek: 350,
	rising: 'wm/F07',
	unknown: { family: 'wh', code: 'F12' },
	repeating: 'wh/E6',
	risePerDay: 6,
};

/** Generates the sample's rows (as the export's cells), header first. Same options, same rows. */
export function* sampleRows(
	catalogue: Catalogue,
	options: SampleOptions = SAMPLE_DEFAULTS,
): Generator<string[]> {
	const rnd = seededRandom(options.seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
	const picker = faultPicker(catalogue, rnd);
	const start = addDays(options.end, -7 * options.weeks + 1);
	let seq = 0;
	const follow: { day: number; row: Draft }[] = [];
	yield [...SAMPLE_HEADERS];
	for (let day = 0; day < options.weeks * 7; day++) {
		const week = Math.floor(day / 7);
		const fromEnd = options.weeks - week;
		const todays: Draft[] = [];
		const n = poisson(rnd, (options.perWeek / 7) * (1 + 0.15 * Math.sin(day / 9)));
		for (let i = 0; i < n; i++) todays.push(picker.random());
		if (fromEnd <= 2)
			for (let i = 0; i < poisson(rnd, options.risePerDay); i++)
				todays.push(picker.byId(options.rising));
		if (fromEnd <= 3)
			for (let i = 0; i < poisson(rnd, ((5 - fromEnd) * options.risePerDay) / 6); i++)
				todays.push(picker.unknown(options.unknown.family, options.unknown.code));
		for (const f of follow.filter((x) => x.day === day)) todays.push({ ...f.row, followUp: true });
		for (const draft of todays) {
			const row = ticketRow(draft, addDays(start, day), ++seq, rnd, pick);
			const repeatChance = `${draft.family}/${draft.code}` === options.repeating ? 0.3 : 0.03;
			if (!draft.followUp && rnd() < repeatChance)
				follow.push({
					day: day + 1 + Math.floor(rnd() * 5),
					row: { ...draft, model: row.model, serial: row.cells[8]! },
				});
			yield row.cells;
		}
	}
	// Two rows a real export would also carry: a broken date and a missing ticket number.
	yield ticketRow(picker.random(), options.end, ++seq, rnd, pick).cells.map((c, i) =>
		i === 1 ? '2026-13-01 10:00' : c,
	);
	yield ticketRow(picker.random(), options.end, seq + 1, rnd, pick).cells.map((c, i) =>
		i === 0 ? '' : c,
	);
}

/** The rows as CSV text (UTF-8 with a BOM, CR LF), as Excel's "CSV UTF-8" writes it. */
export function toCsv(rows: Iterable<string[]>): string {
	let out = '\ufeff';
	for (const r of rows)
		out += `${r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`;
	return out;
}

// --- internal ---

interface Draft {
	family: string;
	code: string;
	models: string[];
	category: FaultCategory | 'none';
	priority: string;
	symptom: string;
	/** Set for a follow-up: the same unit as the first ticket. */
	model?: string;
	serial?: string;
	followUp?: boolean;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳'];
const CITIES = [
	'上海市浦东新区张杨路',
	'杭州市西湖区文三路',
	'广州市天河区天河路',
	'成都市武侯区人民南路',
	'北京市朝阳区建国路',
	'武汉市洪山区珞喻路',
];
const REGIONS = ['华东', '华东', '华东', '华南', '华南', '华北', '华中', '西南', '西北', '东北'];
const CHANNELS: [string, number][] = [
	['电话', 0.5],
	['在线客服', 0.25],
	['邮件', 0.15],
	['小程序', 0.1],
];
const CATEGORY_WORDS: Record<FaultCategory | 'none', string> = {
	software: '软件',
	hardware: '硬件',
	'misuse-environment': '人为/环境',
	none: '咨询',
};

function ticketRow(
	d: Draft,
	date: string,
	seq: number,
	rnd: () => number,
	pick: <T>(l: readonly T[]) => T,
): { cells: string[]; model: string } {
	const minute = 8 * 60 + Math.floor(rnd() * 13 * 60);
	const created = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
	const channel = weighted(rnd, CHANNELS);
	const responseMean =
		channel === '电话' ? 11 : channel === '邮件' ? 38 : channel === '在线客服' ? 2 : 25;
	const hours = d.priority === 'P1' ? 1 + rnd() * 5 : 4 + rnd() * 60;
	const model = d.model ?? pick(d.models);
	const serial =
		d.serial ??
		`${model.replace(/[^a-z0-9]/gi, '').toUpperCase()}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
	const phone = `1${pick(['38', '39', '50', '86', '77'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
	const symptom = rnd() < 0.03 ? `${d.symptom}，客户留电话${phone}` : d.symptom;
	const fixedFirst = d.followUp ? '否' : rnd() < 0.94 ? '是' : '否';
	const cells = [
		`SR${date.replace(/-/g, '')}${String(seq).padStart(6, '0')}`,
		clock(created),
		clock(created + expMinutes(rnd, responseMean) * 60_000),
		clock(created + hours * 3_600_000),
		'已完成',
		{ P1: '紧急', P2: '高', P3: '中', P4: '低' }[d.priority] ?? '中',
		channel,
		spellModel(model, rnd),
		serial,
		d.category === 'none' ? '' : spellCode(d.code, rnd),
		CATEGORY_WORDS[d.category],
		symptom,
		pick(REGIONS),
		fixedFirst,
		String(
			weighted(rnd, [
				[5, 0.55],
				[4, 0.3],
				[3, 0.1],
				[2, 0.03],
				[1, 0.02],
			]),
		),
		`${pick(SURNAMES)}${pick(GIVEN)}${rnd() < 0.5 ? pick(GIVEN) : ''}`,
		phone,
		`${pick(CITIES)}${1 + Math.floor(rnd() * 300)}号${1 + Math.floor(rnd() * 20)}0${1 + Math.floor(rnd() * 4)}室`,
	];
	return { cells, model };
}

function faultPicker(catalogue: Catalogue, rnd: () => number) {
	const productsOf = (family: string) =>
		catalogue.products.filter((p) => p.family === family).map((p) => p.id);
	const drafts = catalogue.faults.map((f) => ({
		family: f.family,
		code: f.code,
		models: f.models.length ? f.models : productsOf(f.family),
		category: f.category as FaultCategory,
		sub: f.subcategory,
		priority: f.priority,
		symptom: f.title['zh-CN'],
	}));
	// Within a subcategory a few codes dominate (Zipf-like weights over a seeded shuffle), as in real ticket data.
	const bySub = new Map<string, [(typeof drafts)[number], number][]>();
	for (const d of drafts
		.map((x) => ({ x, k: rnd() }))
		.sort((a, b) => a.k - b.k)
		.map((e) => e.x)) {
		const list = bySub.get(d.sub) ?? [];
		list.push([d, (FAMILY_WEIGHT[d.family] ?? 0.2) / (list.length + 1) ** 1.4]);
		bySub.set(d.sub, list);
	}
	const subs: [string, number][] = Object.values(FAULT_TAXONOMY)
		.flatMap((c) => Object.entries(c.subcategories))
		.map(([s, share]) => [s, share]);
	return {
		random(): Draft {
			// 5 % of tickets are questions without a fault code (the taxonomy's shares add up to 95 %).
			if (rnd() < 0.05)
				return {
					family: 'ac',
					code: '',
					models: productsOf(pickFamily(rnd)),
					category: 'none',
					priority: 'P4',
					symptom: '咨询使用方法',
				};
			const d = weighted(
				rnd,
				bySub.get(
					weighted(
						rnd,
						subs.filter(([s]) => bySub.has(s)),
					),
				)!,
			);
			return { ...d, category: d.category };
		},
		byId(id: string): Draft {
			const [family, code] = id.split('/');
			const d = drafts.find((x) => x.family === family && x.code === code);
			if (!d) throw new Error(`the sample's planted code ${id} is not in the catalogue.`);
			return { ...d };
		},
		unknown(family: string, code: string): Draft {
			return {
				family,
				code,
				models: productsOf(family),
				category: 'hardware',
				priority: 'P2',
				symptom: '开机后报错，无法使用',
			};
		},
	};
}

const FAMILY_WEIGHT: Record<string, number> = { ac: 0.45, wm: 0.35, wh: 0.2 };

function pickFamily(rnd: () => number): string {
	return weighted(rnd, [
		['ac', 0.45],
		['wm', 0.35],
		['wh', 0.2],
	]);
}

function spellCode(code: string, rnd: () => number): string {
	const r = rnd();
	if (r < 0.85) return code;
	if (r < 0.9) return code.toLowerCase();
	if (r < 0.95) return code.replace(/^([A-Z]+)-?(\d)/, '$1-$2');
	return `故障码${code}`;
}

function spellModel(id: string, rnd: () => number): string {
	const bare = id
		.replace(/^[a-z]+-/, '')
		.toUpperCase()
		.replace(/^([A-Z]+)(\d)/, '$1-$2');
	return rnd() < 0.8 ? bare : id;
}

function clock(ms: number): string {
	return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function expMinutes(rnd: () => number, mean: number): number {
	return Math.max(1, Math.round(-Math.log(1 - rnd()) * mean));
}

function poisson(rnd: () => number, lambda: number): number {
	// Large means (the benchmark's million tickets) use the normal approximation; exp(−λ) would underflow.
	if (lambda > 60)
		return Math.max(
			0,
			Math.round(
				lambda +
					Math.sqrt(lambda) * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()),
			),
		);
	let k = 0;
	for (let p = Math.exp(-lambda), s = p, u = rnd(); u > s; k++) {
		p *= lambda / (k + 1);
		s += p;
	}
	return k;
}

function weighted<T>(rnd: () => number, items: readonly (readonly [T, number])[]): T {
	const total = items.reduce((s, [, w]) => s + w, 0);
	let u = rnd() * total;
	for (const [item, w] of items) if ((u -= w) < 0) return item;
	return items.at(-1)![0];
}

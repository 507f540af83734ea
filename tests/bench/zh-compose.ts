/**
 * The composition rules of the benchmark catalogue: which codes a family uses (popular low numbers
 * first, so E1 occurs in many families), how a title is put together from the vocabulary, and how an
 * explanation is written from sentence templates. Every choice comes from the caller's seeded PRNG.
 */
import { codeKey } from '../../src/lib/fault-code.ts';
import { pick } from './search-queries.ts';
import {
	CAUSES,
	CHECKS,
	DETAILS,
	LINKS,
	LOCATIONS,
	MODES,
	REACTIONS,
	REMEDIES,
	SCENES,
	SIGNALS,
	SYMPTOMS,
	type Domain,
	type FamilyDef,
	type Part,
} from './zh-vocabulary.ts';

/** A sentence in both languages, as an entry's list fields hold it. */
export interface Sentence {
	'zh-CN': string;
	en: string;
}

/** A composed title: both languages, the Chinese pieces, and the part it names. */
export interface Title {
	zh: string;
	en: string;
	segments: string[];
	part: Part;
}

/** `count` distinct codes (distinct by code key) in the family's style, popular ones first. */
export function codesFor(family: FamilyDef, count: number, rng: () => number): string[] {
	const scored: [number, string][] = [];
	if (family.style === 'obd') {
		for (let n = 100; n < 1000; n++) scored.push([rng() * 100, `P${String(n).padStart(4, '0')}`]);
	} else if (family.style === 'numeric') {
		for (let n = 100; n < 1000; n++) scored.push([(n % 100) * 1.5 + rng() * 20, String(n)]);
	} else {
		const letters = family.generic
			? ['E', 'F']
			: LETTERS.filter(([, p]) => rng() < p).map(([l]) => l);
		for (const l of letters.length >= 3 ? letters : ['E', 'F', 'H']) {
			for (let n = 0; n < 200; n++) scored.push([n + rng() * 15, spell(family, l, n)]);
			for (const x of 'ABCDEF') scored.push([rng() * 120, `${l}${x}`]);
		}
	}
	const keys = new Set<string>();
	return scored
		.sort((a, b) => a[0] - b[0])
		.map(([, code]) => code)
		.filter((code) => !keys.has(codeKey(code)) && keys.add(codeKey(code)))
		.slice(0, count);
}

/** A title from a part, a fault mode and one of eight real-table shapes (¾ of them with Latin or digits). */
export function composeTitle(
	own: readonly Part[],
	shared: readonly Part[],
	rng: () => number,
	generic: boolean,
): Title {
	// A manufacturer's table is mostly about its own appliance's parts; boards and supply come up less.
	const part = pick(rng, own.length && rng() < 0.8 ? own : shared);
	const mode = pick(rng, MODES[part.kind]);
	const en = cap(part.en);
	const d = () => 1 + Math.floor(rng() * 2);
	const shapes: [number, () => Omit<Title, 'part'> | undefined][] = [
		[14, () => t([part.zh, mode.zh], `${en} ${mode.en}`)],
		[
			part.abbr ? 16 : 0,
			() => t([part.zh, `（${part.abbr}）`, mode.zh], `${en} (${part.abbr}) ${mode.en}`),
		],
		[
			part.inline ? 14 : 0,
			() => {
				const loc = pick(rng, LOCATIONS);
				return t(
					[loc.zh, part.inline!, mode.zh],
					`${cap(loc.en)} ${part.abbr} ${part.en} ${mode.en}`,
				);
			},
		],
		[
			part.kind === 'sensor' ? 12 : 0,
			() => {
				const [b, s] = [d(), d()];
				return t(
					[part.zh, mode.zh, `第${b}排`, `传感器${s}`],
					`${en} ${mode.en} bank ${b} sensor ${s}`,
				);
			},
		],
		[
			8,
			() => {
				const b = d();
				return t([`第${b}排`, part.zh, mode.zh], `Bank ${b} ${part.en} ${mode.en}`);
			},
		],
		[
			part.kind === 'board' || generic ? 8 : 2,
			() => {
				const link = pick(rng, LINKS);
				return t(['通讯故障', `（${link.zh}）`], `Communication fault (${link.en})`);
			},
		],
		[
			8,
			() => {
				const n = 1 + Math.floor(rng() * 3);
				return t([`${n}号`, part.zh, mode.zh], `No. ${n} ${part.en} ${mode.en}`);
			},
		],
		[
			8,
			() => {
				const x = pick(rng, DETAILS);
				return t([part.zh, mode.zh, `（${x.zh}）`], `${en} ${mode.en} (${x.en})`);
			},
		],
	];
	const total = shapes.reduce((a, [w]) => a + w, 0);
	let r = rng() * total;
	const shape = shapes.find(([w]) => (r -= w) < 0) ?? shapes[0]!;
	return { ...shape[1]()!, part };
}

/** A 100–300 character explanation in sentences, and the vocabulary phrases it used. */
export function composeExplanation(
	x: { unit: Pair; code: string; title: Title; part: Part; domain: Domain },
	rng: () => number,
): {
	sentences: { symptoms: Sentence[]; causes: Sentence[]; checks: Sentence[] };
	terms: string[];
} {
	const [sig, react, scene] = [pick(rng, SIGNALS), pick(rng, REACTIONS), pick(rng, SCENES)];
	const syms = distinct(rng, SYMPTOMS[x.domain], 2);
	const causes = distinct(rng, CAUSES, 3);
	const [c1, c2] = distinct(rng, CHECKS, 2) as [Pair, Pair];
	const remedy = pick(rng, REMEDIES);
	const k = 3 + Math.floor(rng() * 28);
	const fill = (s: string, name: string) => s.replace('{part}', name);
	const symptoms = [
		s(
			`${x.unit.zh}显示${x.code}，表示${x.title.zh}。`,
			`The ${x.unit.en} shows ${x.code}: ${x.title.en}.`,
		),
		s(
			`用户通常反映${syms.map((y) => y.zh).join('、')}。`,
			`Customers report: ${syms.map((y) => y.en).join(', ')}.`,
		),
	];
	const because = [
		s(
			`主控板检测到${x.part.zh}${sig.zh}，持续${k}秒后${react.zh}。`,
			`The board detected ${sig.en} at the ${x.part.en} for ${k} s and ${react.en}.`,
		),
		s(
			`常见原因有${causes[0]!.zh}、${causes[1]!.zh}和${causes[2]!.zh}。`,
			`Common causes: ${causes.map((c) => c.en).join(', ')}.`,
		),
		s(`该故障多见于${scene.zh}。`, `Seen most often with ${scene.en}.`),
	];
	const checks = [
		s(
			`检修时先${fill(c1.zh, x.part.zh)}，再${fill(c2.zh, x.part.zh)}，确认后${fill(remedy.zh, x.part.zh)}。`,
			`First ${fill(c1.en, x.part.en)}, then ${fill(c2.en, x.part.en)}; then ${fill(remedy.en, x.part.en)}.`,
		),
	];
	if (rng() < 0.5) checks.push(pick(rng, CLOSINGS));
	const length = [...symptoms, ...because, ...checks].reduce((a, y) => a + y['zh-CN'].length, 0);
	if (length < 100) checks.push(CLOSINGS[0]!);
	if (length > 300) because.pop();
	const terms = [sig.zh, react.zh, scene.zh, ...syms.map((y) => y.zh), ...causes.map((c) => c.zh)];
	return { sentences: { symptoms, causes: because, checks }, terms };
}

// --- internal ---

type Pair = { zh: string; en: string };

/** Code letters and the share of families that use each. */
const LETTERS: [string, number][] = [
	['E', 0.85],
	['F', 0.5],
	['H', 0.4],
	['P', 0.3],
	['C', 0.3],
	['L', 0.25],
	['U', 0.2],
	['D', 0.2],
	['J', 0.1],
];

const CLOSINGS: Sentence[] = [
	{
		'zh-CN': '若故障在断电重启后仍出现，应记录故障代码和机型条码，并上报技术支持。',
		en: 'If it returns after a restart, record the code and the serial number and report it.',
	},
	{
		'zh-CN': '多台同时出现时应先检查用户电网，再预约二次上门。',
		en: 'If several units show it, check the mains first, then book a second visit.',
	},
	{
		'zh-CN': '雨季频繁出现时应重点检查接插件防水和线束走向。',
		en: 'If it is frequent in the rainy season, check connector sealing and cable routing.',
	},
];

function spell(family: FamilyDef, letter: string, n: number): string {
	if (family.style === 'padded') return `${letter}${String(n).padStart(2, '0')}`;
	if (family.style === 'dash') return `${letter}-${String(n).padStart(2, '0')}`;
	return `${letter}${n}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const t = (segments: string[], en: string) => ({ zh: segments.join(''), en, segments });

const s = (zh: string, en: string): Sentence => ({ 'zh-CN': zh, en });

function distinct<T>(rng: () => number, list: readonly T[], k: number): T[] {
	const out = new Set<T>();
	while (out.size < Math.min(k, list.length)) out.add(pick(rng, list));
	return [...out];
}

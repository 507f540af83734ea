import { canonicalCode, CODE_PREFIXES, looksLikeCode } from '../../../src/lib/fault-code.ts';
import type { Priority } from '../../../src/schemas/taxonomy.ts';
import type { Channel } from './fields.ts';

/**
 * Normalisers for the few-valued ticket fields. The pull runs each over the distinct values of
 * a column (a few hundred at most), so they can be thorough; an `error` rejects the rows that
 * carry the value, with the message as the reason.
 */
export type Normalised<T> =
	{ value: T | null; error?: undefined } | { value?: undefined; error: string };

/** P1–P4 from the mapping's table (exact words, or numeric ranges such as `80-100`), else common words in Chinese and English. */
export function normalisePriority(
	raw: string,
	table: Record<string, Priority> = {},
): Normalised<Priority> {
	const key = textKey(raw);
	if (!key) return { value: null };
	const mapped = lookup(table, key) ?? rangeLookup(table, key) ?? builtIn(PRIORITY_WORDS, key);
	const numbered = /^p?([1-4])(\s*[-–—:.]\s*\S.*)?$/.exec(key);
	const value = mapped ?? (numbered ? (`P${numbered[1]}` as Priority) : undefined);
	return value
		? { value }
		: {
				error: `priority ${JSON.stringify(raw.trim())} is not a priority; map it to P1–P4 under values.priority in the mapping.`,
			};
}

/** A contact channel from the mapping's table, else common words; anything else is `other`. */
export function normaliseChannel(
	raw: string,
	table: Record<string, Channel> = {},
): Normalised<Channel> {
	const key = textKey(raw);
	if (!key) return { value: null };
	return { value: lookup(table, key) ?? builtIn(CHANNEL_WORDS, key) ?? 'other' };
}

/** Yes or no: 是/否, yes/no, y/n, true/false, 1/0, √/×, or the mapping's table. */
export function normaliseBoolean(
	field: string,
	raw: string,
	table: Record<string, boolean> = {},
): Normalised<boolean> {
	const key = textKey(raw);
	if (!key) return { value: null };
	const value = lookup(table, key) ?? builtIn(BOOLEAN_WORDS, key);
	return value === undefined
		? {
				error: `${field} ${JSON.stringify(raw.trim())} is not yes or no; map it under values.${field} in the mapping.`,
			}
		: { value };
}

/** A satisfaction score on a scale of 5: the mapping's words, Chinese rating words, or a number out of `scale`. */
export function normaliseSatisfaction(
	raw: string,
	table: Record<string, number> = {},
	scale = 5,
): Normalised<number> {
	const key = textKey(raw);
	if (!key) return { value: null };
	const word = lookup(table, key) ?? builtIn(SATISFACTION_WORDS, key);
	if (word !== undefined) return { value: word };
	const n = Number(key.replace(/\s*(分|星|stars?|\/\s*\d+)$/u, ''));
	if (!Number.isFinite(n))
		return {
			error: `satisfaction ${JSON.stringify(raw.trim())} is not a score; use a number from 0 to ${scale} or map the word under values.satisfaction.`,
		};
	if (n < 0 || n > scale)
		return {
			error: `satisfaction ${JSON.stringify(raw.trim())} is outside 0–${scale}; set satisfactionScale in the mapping if the source scores out of more.`,
		};
	return { value: Math.round((n / scale) * 5 * 1000) / 1000 };
}

/** A visit count: a whole number from 1 to 99 (`2次` reads as 2). */
export function normaliseVisits(raw: string): Normalised<number> {
	const key = textKey(raw).replace(/\s*(次|visits?)$/u, '');
	if (!key) return { value: null };
	const n = Number(key);
	return Number.isInteger(n) && n >= 1 && n <= 99
		? { value: n }
		: {
				error: `visits ${JSON.stringify(raw.trim())} is not a whole number of visits from 1 to 99.`,
			};
}

/**
 * The canonical form of a ticket's fault code (`故障码：e-4` → `E-4`), or null when the text is
 * not a code at all (free text such as 不制冷 is not stored, so no customer words reach the report).
 */
export function normaliseCode(raw: string): Normalised<string> {
	const stripped = raw
		.normalize('NFKC')
		.trim()
		.replace(CODE_PREFIX, '')
		.replace(/^[\s:：#]+/, '');
	return { value: stripped && looksLikeCode(stripped) ? canonicalCode(stripped) : null };
}

/**
 * Short free-text values (model, region, category, status): NFKC, trimmed, inner spaces
 * collapsed; null when longer than `max` or, with `noDigits`, when it holds a digit (a region
 * with a house number is an address, and addresses are never stored).
 */
export function normaliseLabel(raw: string, max: number, noDigits = false): Normalised<string> {
	const s = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
	if (!s || s.length > max || (noDigits && /\d/.test(s))) return { value: null };
	return { value: s };
}

// --- internal ---

const CODE_PREFIX = new RegExp(
	`^(${CODE_PREFIXES.map((p) => p.replace(' ', '\\s*')).join('|')})(?=[\\s:：#]*[a-z0-9])`,
	'i',
);

const PRIORITY_WORDS: [Priority, string[]][] = [
	['P1', ['紧急', '特急', '最高', '非常紧急', '一级', 'critical', 'urgent', 'highest', 'blocker']],
	['P2', ['高', '较高', '重要', '二级', 'high', 'major']],
	['P3', ['中', '普通', '一般', '正常', '三级', 'medium', 'normal', 'moderate']],
	['P4', ['低', '较低', '四级', 'low', 'lowest', 'minor', 'planning']],
];
const CHANNEL_WORDS: [Channel, string[]][] = [
	[
		'phone',
		[
			'电话',
			'热线',
			'400',
			'400热线',
			'呼叫中心',
			'来电',
			'phone',
			'voice',
			'call',
			'telephone',
			'hotline',
		],
	],
	['email', ['邮件', '邮箱', '电子邮件', 'email', 'e-mail', 'mail']],
	[
		'chat',
		[
			'在线',
			'在线客服',
			'微信',
			'企业微信',
			'即时通讯',
			'chat',
			'wechat',
			'im',
			'messaging',
			'live chat',
		],
	],
	[
		'web',
		['网站', '网页', '官网', 'app', '小程序', '自助', 'web', 'portal', 'form', 'self-service'],
	],
	['onsite', ['上门', '到店', '门店', '现场', 'walk-in', 'onsite', 'on-site', 'store']],
];
const BOOLEAN_WORDS: [boolean, string[]][] = [
	[true, ['是', '已修复', '一次修复', 'y', 'yes', 'true', '1', '√', '✓', '✔']],
	[false, ['否', '未修复', '非一次修复', 'n', 'no', 'false', '0', '×', '✗', '✘']],
];
const SATISFACTION_WORDS: [number, string[]][] = [
	[5, ['非常满意', '很满意', '十分满意']],
	[4, ['满意', '比较满意']],
	[3, ['一般', '基本满意']],
	[2, ['不满意', '不太满意']],
	[1, ['非常不满意', '很不满意']],
];

function textKey(raw: string): string {
	return raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

function lookup<T>(table: Record<string, T>, key: string): T | undefined {
	for (const [k, v] of Object.entries(table)) if (textKey(k) === key) return v;
	return undefined;
}

function rangeLookup<T>(table: Record<string, T>, key: string): T | undefined {
	const n = Number(key);
	if (!Number.isFinite(n)) return undefined;
	for (const [k, v] of Object.entries(table)) {
		const m = /^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$/.exec(k.trim());
		if (m && n >= Number(m[1]) && n <= Number(m[2])) return v;
	}
	return undefined;
}

function builtIn<T>(words: [T, string[]][], key: string): T | undefined {
	return words.find(([, list]) => list.includes(key))?.[0];
}

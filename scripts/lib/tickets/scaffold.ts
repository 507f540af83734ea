import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { FaultTrend, TrendReport } from '../../../src/schemas/trends-report.ts';
import { codeKey } from '../../../src/lib/fault-code.ts';
import { files } from '../../../src/lib/routes.ts';
import { FaultCodeSchema, type FaultCodeInput } from '../../../src/schemas/fault-code.ts';
import {
	categoryOf,
	FAULT_CATEGORIES,
	FAULT_SUBCATEGORIES,
	PRIORITIES,
	type Priority,
} from '../../../src/schemas/taxonomy.ts';
import { writeFileAtomic } from './atomic.ts';
import type { Catalogue } from './catalogue.ts';
import { sqlString, type TicketStore } from './store.ts';

/** The evidence from the store for one code: ticket words, categories, priorities and spellings. */
export interface ScaffoldEvidence {
	/** Words in at least `minTickets` tickets' symptom text, most frequent first. */
	words: { word: string; tickets: number }[];
	category?: string;
	priority?: Priority;
	/** How the tickets spelled the code, besides the canonical form. */
	spellings: string[];
}

/** A draft entry to write, or why a flagged code was skipped. */
export type ScaffoldPlan =
	{ file: string; yaml: string; fault: FaultTrend } | { skipped: string; fault: FaultTrend };

/**
 * The draft fault entries for the report's flagged faults whose knowledge is `missing`: valid
 * YAML (checked with the fault schema, so the build stays green) with the evidence in comments
 * and placeholder titles marked as drafts, for a trainer to complete. A code whose family is
 * unknown, or whose file already exists, is skipped with the reason.
 */
export async function planScaffold(
	report: TrendReport,
	store: TicketStore,
	catalogue: Catalogue,
	contentDir: string,
): Promise<ScaffoldPlan[]> {
	const plans: ScaffoldPlan[] = [];
	for (const fault of report.faults.filter(
		(f) => f.reasons.length > 0 && f.knowledge === 'missing',
	)) {
		if (!fault.family || !catalogue.families.has(fault.family)) {
			plans.push({
				fault,
				skipped: `${fault.code}: the tickets' models match no product, so its family is unknown; add the model to content/products/ or write the entry by hand.`,
			});
			continue;
		}
		const file = join(contentDir, files.fault(fault.family, fault.code));
		if (existsSync(file)) {
			plans.push({ fault, skipped: `${fault.code}: ${file} already exists.` });
			continue;
		}
		const evidence = await gatherEvidence(store, fault, report);
		plans.push({ fault, file, yaml: draftYaml(fault, evidence, report) });
	}
	return plans;
}

/** Writes the planned drafts (atomically, never over an existing file). Returns the files written. */
export function writeScaffold(plans: readonly ScaffoldPlan[]): string[] {
	const written: string[] = [];
	for (const p of plans) {
		if ('skipped' in p || existsSync(p.file)) continue;
		writeFileAtomic(p.file, p.yaml);
		written.push(p.file);
	}
	return written;
}

/** The draft YAML of one code: evidence as comments, then schema-valid placeholder fields. */
export function draftYaml(
	fault: FaultTrend,
	evidence: ScaffoldEvidence,
	report: TrendReport,
): string {
	const [category, subcategory] = taxonomyOf(evidence.category);
	const entry: FaultCodeInput = {
		code: fault.code,
		family: fault.family!,
		models: fault.models.flatMap((m) => (m.product ? [m.product] : [])),
		title: { 'zh-CN': `（草稿）故障 ${fault.code}`, en: `(Draft) Fault ${fault.code}` },
		aliases: evidence.spellings,
		category,
		subcategory,
		priority: evidence.priority ?? 'P3',
		// Kept off the published site until a trainer completes it and removes this line.
		draft: true,
	};
	FaultCodeSchema.parse(entry);
	const weeks = report.period.weeks.map((w, i) => `${w}: ${fault.weekly[i]}`).join(', ');
	const comments = [
		`Draft from \`kb tickets scaffold\` on ${report.asOf}: complete it, then remove "(草稿)"/"(Draft)" from the title and the draft: true line to publish it.`,
		`Evidence, ${report.period.from} – ${report.period.to} (${report.timezone}):`,
		`  tickets: ${fault.count} (${(fault.share * 100).toFixed(1)} % of coded tickets); flagged: ${fault.reasons.join(', ')}`,
		`  recent ${report.method.recentWeeks} weeks: ${fault.rise.recent}, earlier weeks: ${fault.rise.baseline} (p = ${fault.rise.p})`,
		`  weekly: ${weeks}`,
		`  models: ${fault.models.map((m) => `${m.model} ${m.count}`).join(', ') || 'unknown'}`,
		...(fault.repeat
			? [`  repeat repairs within 7 days: ${fault.repeat.repeats} of ${fault.repeat.n}`]
			: []),
		`  common symptom words: ${evidence.words.map((w) => `${w.word} (${w.tickets})`).join(', ') || 'none recorded'}`,
		...(evidence.category ? [`  ticket category: ${evidence.category}`] : []),
		'Still to write: symptoms, causes, checks, remedy, tools, safety, sop, reviewed.',
	];
	return `${comments.map((c) => `# ${c}`).join('\n')}\n${stringify(entry, { lineWidth: 0 })}`;
}

/**
 * Words of the code's symptom texts (Chinese segmented with Intl.Segmenter), counted once per
 * ticket and kept only when at least `minTickets` tickets use them, so a one-off name or place
 * in a ticket never reaches a draft.
 */
export function symptomWords(
	texts: readonly string[],
	minTickets = 3,
	limit = 8,
): { word: string; tickets: number }[] {
	const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
	const counts = new Map<string, number>();
	for (const text of texts) {
		const words = new Set(
			[...segmenter.segment(text.toLowerCase())]
				.filter((s) => s.isWordLike && isContentWord(s.segment))
				.map((s) => s.segment),
		);
		for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
	}
	return [...counts.entries()]
		.filter(([, n]) => n >= minTickets)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, limit)
		.map(([word, tickets]) => ({ word, tickets }));
}

/** Re-reads a draft (for tests and the dry run): the YAML parses and validates. */
export function parseDraft(yaml: string): FaultCodeInput {
	return FaultCodeSchema.parse(parse(yaml));
}

// --- internal ---

const STOPWORDS = new Set([
	'的',
	'了',
	'是',
	'在',
	'和',
	'有',
	'就',
	'也',
	'都',
	'不',
	'没',
	'很',
	'还',
	'又',
	'一',
	'个',
	'后',
	'时',
	'会',
	'说',
	'我',
	'你',
	'他',
	'她',
	'它',
	'the',
	'a',
	'an',
	'and',
	'is',
	'it',
	'of',
	'to',
	'not',
	'no',
]);

// Single characters (外, 机) say little on their own; digits are redaction marks or counts.
function isContentWord(w: string): boolean {
	return Array.from(w).length > 1 && !STOPWORDS.has(w) && !/^[\d#]+$/.test(w);
}

async function gatherEvidence(
	store: TicketStore,
	fault: FaultTrend,
	report: TrendReport,
): Promise<ScaffoldEvidence> {
	const spellings = (
		await store.all<{ code: string }>(
			'SELECT DISTINCT fault_code AS code FROM tickets WHERE fault_code IS NOT NULL',
		)
	)
		.map((r) => r.code)
		.filter((c) => codeKey(c) === codeKey(fault.code));
	const inList = spellings.map(sqlString).join(', ') || "''";
	const where = `fault_code IN (${inList}) AND created >= TIMESTAMPTZ '${report.period.from} 00:00:00' - INTERVAL 1 DAY`;
	const texts = (
		await store.all<{ symptom: string }>(
			`SELECT symptom FROM tickets WHERE ${where} AND symptom IS NOT NULL LIMIT 20000`,
		)
	).map((r) => r.symptom);
	const top = async (col: string) =>
		(
			await store.all<{ v: string }>(
				`SELECT ${col} AS v FROM tickets WHERE ${where} AND ${col} IS NOT NULL GROUP BY ${col} ORDER BY count(*) DESC, ${col} LIMIT 1`,
			)
		)[0]?.v;
	const priority = await top('priority');
	return {
		words: symptomWords(texts),
		category: await top('category'),
		priority: PRIORITIES.includes(priority as Priority) ? (priority as Priority) : undefined,
		spellings: spellings.filter((s) => s !== fault.code),
	};
}

const CATEGORY_WORDS: Record<string, string> = {
	软件: 'software',
	硬件: 'hardware',
	人为: 'misuse-environment',
	环境: 'misuse-environment',
	人为损坏: 'misuse-environment',
};

function taxonomyOf(category: string | undefined): [FaultCodeInput['category'], string] {
	const c = category?.trim().toLowerCase() ?? '';
	if (FAULT_SUBCATEGORIES.includes(c)) return [categoryOf(c)!, c];
	const top = (FAULT_CATEGORIES as string[]).includes(c) ? c : CATEGORY_WORDS[c];
	if (top === 'software') return ['software', 'crash'];
	if (top === 'misuse-environment') return ['misuse-environment', 'humidity'];
	return ['hardware', 'other'];
}

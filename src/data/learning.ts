import { getCollection, render } from 'astro:content';
import { outline } from '../core/mdx-read.ts';
import type { SiteLocale } from '../lib/i18n.ts';
import { DEFAULT_LOCALE, LOCALES, mapLocales } from '../lib/locales.ts';
import { paths } from '../lib/routes.ts';
import type { Localized } from '../schemas/localized.ts';
import type { ChoiceLetter } from '../schemas/quiz.ts';
import { VISIT_STAGES, type VisitStage } from '../schemas/taxonomy.ts';
import { bodyTree, knowledgeBase, type KnowledgeBase } from './content.ts';

/** A link to something to read: its site path (without the locale prefix) and its title per locale. */
export interface ReadingLink {
	kind: 'sop' | 'rule' | 'checklist' | 'guide';
	path: string;
	title: Localized;
	/** A document number or similar, shown beside the title. */
	note?: string;
}

/** A quiz question as a page shows it, with the link to what it tests. */
export interface QuestionView {
	id: string;
	question: Localized;
	choices: Localized[];
	answer: ChoiceLetter;
	explanation: Localized;
	source: ReadingLink;
}

/** A module of the onboarding path, with its reading list and quiz resolved. */
export interface ModuleView {
	id: string;
	order: number;
	title: Localized;
	summary: Localized;
	minutes: number;
	passMark: number;
	reading: ReadingLink[];
	quiz: { id: string; title: Localized; questions: QuestionView[] };
}

/** One numbered SOP step that cites a rule, with the section it sits in. */
export interface StepLink {
	sop: string;
	sopTitle: string;
	/** The section's heading and its anchor on the SOP page. */
	section: { text: string; slug: string };
	/** The step's number within its section. */
	step: number;
	/** The step's text without markup, shortened to its first sentence. */
	text: string;
}

/** One stage of the on-site visit: its rules, the SOP steps citing them, and the checklists used there. */
export interface WalkthroughStage {
	stage: VisitStage;
	rules: ReadingLink[];
	steps: Record<SiteLocale, StepLink[]>;
	checklists: ReadingLink[];
}

let cached: Promise<{ modules: ModuleView[]; walkthrough: WalkthroughStage[] }> | undefined;

/** The onboarding path, modules in their order; computed once per build. */
export async function learningPath(): Promise<ModuleView[]> {
	cached ??= load();
	return (await cached).modules;
}

/** The on-site visit from leaving to follow-up, stage by stage; computed once per build. */
export async function visitWalkthrough(): Promise<WalkthroughStage[]> {
	cached ??= load();
	return (await cached).walkthrough;
}

// --- internal ---

async function load() {
	const kb = await knowledgeBase();
	const [modules, quizzes] = await Promise.all([
		getCollection('learning'),
		getCollection('quizzes'),
	]);
	const links = linker(kb);
	const views = modules
		.map((m): ModuleView => {
			const quiz = quizzes.find((q) => q.id === m.data.quiz.id)!;
			return {
				id: m.id,
				order: m.data.order,
				title: m.data.title,
				summary: m.data.summary,
				minutes: m.data.minutes,
				passMark: m.data.passMark,
				reading: [
					...m.data.guides.map(links.guide),
					...m.data.sops.map(links.sop),
					...m.data.rules.map((r) => links.rule(r.id)),
					...m.data.checklists.map(links.checklist),
				],
				quiz: {
					id: quiz.id,
					title: quiz.data.title,
					questions: quiz.data.questions.map((q) => ({
						id: q.id,
						question: q.question,
						choices: q.choices,
						answer: q.answer,
						explanation: q.explanation,
						source: q.rule ? links.rule(q.rule.id) : links.sop(q.sop!),
					})),
				},
			};
		})
		.sort((a, b) => a.order - b.order);
	return { modules: views, walkthrough: await walkthrough(kb, links) };
}

function linker(kb: KnowledgeBase) {
	return {
		sop: (slug: string): ReadingLink => {
			const rev = kb.sops.find((s) => s.slug === slug)?.current;
			return {
				kind: 'sop',
				path: paths.sop(slug),
				title: mapLocales((l) => rev?.byLocale[l].data.title ?? slug),
				note: rev?.data.docId,
			};
		},
		rule: (id: string): ReadingLink => {
			const rule = kb.etiquette.find((r) => r.id === id)!;
			return { kind: 'rule', path: paths.rule(id), title: rule.data.rule };
		},
		checklist: (slug: string): ReadingLink => {
			const cl = kb.checklists.find((c) => c.slug === slug)?.current;
			return {
				kind: 'checklist',
				path: paths.checklist(slug),
				title: cl ? cl.data.title : mapLocales(() => slug),
				note: cl?.data.docId,
			};
		},
		guide: (slug: string): ReadingLink => {
			const guide = kb.guides.find((g) => g.slug === slug);
			return {
				kind: 'guide',
				path: paths.guide(slug),
				title: mapLocales((l) => guide?.byLocale[l].data.title ?? slug),
			};
		},
	};
}

async function walkthrough(
	kb: KnowledgeBase,
	links: ReturnType<typeof linker>,
): Promise<WalkthroughStage[]> {
	const stageOf = new Map(kb.etiquette.map((r) => [r.id, r.data.stage]));
	const stages = new Map<VisitStage, WalkthroughStage>(
		VISIT_STAGES.map((stage) => [
			stage,
			{ stage, rules: [], steps: mapLocales((): StepLink[] => []), checklists: [] },
		]),
	);
	for (const group of kb.etiquetteByStage)
		stages.get(group.stage)!.rules.push(...group.rules.map((r) => links.rule(r.id)));
	const checklistByDocId = new Map(
		kb.checklists.filter((c) => c.current).map((c) => [c.current!.data.docId, c.slug]),
	);
	// The on-site visit SOPs come first in each stage; the others follow in document order.
	const visitFirst = (d: KnowledgeBase['sops'][number]) =>
		d.current!.data.stage === 'onsite-visit' ? 0 : 1;
	const docs = kb.sops.filter((d) => d.current).sort((a, b) => visitFirst(a) - visitFirst(b));
	for (const doc of docs) {
		for (const locale of LOCALES) {
			const entry = doc.current!.byLocale[locale];
			const { headings } = await render(entry);
			const slugs = headings.filter((h) => h.depth === 2);
			sectionsOf(entry).forEach((section, i) => {
				const anchor = { text: section.heading, slug: slugs[i]?.slug ?? '' };
				const cited = new Set<VisitStage>();
				for (const step of section.steps) {
					for (const rule of step.rules) {
						const stage = stageOf.get(rule);
						if (!stage) continue;
						cited.add(stage);
						const list = stages.get(stage)!.steps[locale];
						if (
							!list.some(
								(s) => s.sop === doc.slug && s.section.slug === anchor.slug && s.step === step.n,
							)
						) {
							list.push({
								sop: doc.slug,
								sopTitle: entry.data.title,
								section: anchor,
								step: step.n,
								text: step.text,
							});
						}
					}
				}
				if (locale !== DEFAULT_LOCALE) return;
				for (const docId of section.docIds) {
					const slug = checklistByDocId.get(docId);
					for (const stage of cited) {
						const list = stages.get(stage)!.checklists;
						if (slug && !list.some((c) => c.path === paths.checklist(slug)))
							list.push(links.checklist(slug));
					}
				}
			});
		}
	}
	return [...stages.values()];
}

interface Section {
	heading: string;
	steps: { n: number; text: string; rules: string[] }[];
	docIds: string[];
}

/** The `## ` sections of an SOP body with their top-level numbered steps and the checklist numbers they mention. */
function sectionsOf(entry: { id: string; body?: string }): Section[] {
	return outline(bodyTree(entry)).map((s) => ({
		heading: s.heading,
		steps: s.steps.map((step) => ({
			n: step.n,
			text: firstSentence(step.text),
			rules: step.rules,
		})),
		docIds: [...s.text.matchAll(/\b(CL-[A-Z0-9]+-\d+)\b/g)].map((m) => m[1]!),
	}));
}

function firstSentence(text: string): string {
	const plain = text
		.replace(/\s*\n\s*/g, ' ')
		.replace(/\s+([。，；：.,;:])/g, '$1')
		.trim();
	const end = plain.search(/[。；;:：]|\. /);
	return end > 0 ? plain.slice(0, end + 1).replace(/[;:：；]$/, '…') : plain;
}

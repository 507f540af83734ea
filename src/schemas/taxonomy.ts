import { z } from 'zod';
import { oneOf } from './localized.ts';

/**
 * The fault taxonomy of the source summary (000), with each type's share of all faults.
 * Shares are percentages of all tickets; the starter catalogue follows them.
 */
export const FAULT_TAXONOMY = {
	software: { share: 45, subcategories: { crash: 15, compatibility: 20, misoperation: 10 } },
	hardware: { share: 35, subcategories: { power: 10, port: 8, display: 7, other: 10 } },
	'misuse-environment': { share: 15, subcategories: { drop: 5, liquid: 3, humidity: 7 } },
} as const;

/** A top-level fault category. */
export type FaultCategory = keyof typeof FAULT_TAXONOMY;
/** Every top-level fault category. */
export const FAULT_CATEGORIES = Object.keys(FAULT_TAXONOMY) as FaultCategory[];

/** Every subcategory, in taxonomy order. */
export const FAULT_SUBCATEGORIES = FAULT_CATEGORIES.flatMap((c) =>
	Object.keys(FAULT_TAXONOMY[c].subcategories),
);

/** The category a subcategory belongs to, or undefined for an unknown one. */
export function categoryOf(subcategory: string): FaultCategory | undefined {
	return FAULT_CATEGORIES.find((c) => subcategory in FAULT_TAXONOMY[c].subcategories);
}

/**
 * Priority levels as the source defines them:
 * P1 unusable or a safety hazard (leak, overheating); P2 core functions fail, low risk;
 * P3 a minor problem, main use unaffected; P4 a cosmetic flaw or a question, not a fault.
 */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
/** A priority level P1–P4. */
export const PrioritySchema = z.enum(PRIORITIES, { error: oneOf('priority', PRIORITIES) });
/** A priority level. */
export type Priority = z.output<typeof PrioritySchema>;

/** The five stages of the repair workflow in the source summary, plus the visit-level stages. */
export const WORKFLOW_STAGES = [
	'intake',
	'diagnosis',
	'repair-plan',
	'execution',
	'archive',
	'onsite-visit',
	'complaint',
	'spare-parts',
] as const;
/** A workflow stage an SOP or checklist covers. */
export const WorkflowStageSchema = z.enum(WORKFLOW_STAGES, {
	error: oneOf('workflow stage', WORKFLOW_STAGES),
});
/** A workflow stage. */
export type WorkflowStage = z.output<typeof WorkflowStageSchema>;

/** The stages of an on-site visit, in the order they happen (source 002). */
export const VISIT_STAGES = [
	'before-leaving',
	'phoning',
	'arriving',
	'at-the-door',
	'in-the-home',
	'diagnosis',
	'finishing',
	'after-the-visit',
] as const;
/** A stage of the on-site visit. */
export const VisitStageSchema = z.enum(VISIT_STAGES, {
	error: oneOf('visit stage', VISIT_STAGES),
});
/** A visit stage. */
export type VisitStage = z.output<typeof VisitStageSchema>;

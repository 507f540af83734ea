import { z } from 'zod';
import { LocalizedListSchema, LocalizedSchema, oneOf } from './localized.ts';
import { VisitStageSchema } from './taxonomy.ts';

/** How serious breaking a rule is: `critical` counts toward the three-strikes discipline, `major`, `minor`. */
export const SEVERITIES = ['critical', 'major', 'minor'] as const;

/** A line to say in a given situation. */
export const ScriptSchema = z.object({
	/** The situation, e.g. "late by under 15 minutes". */
	when: LocalizedSchema,
	/** What to say. */
	say: LocalizedSchema,
});

/** A service-etiquette rule: `content/etiquette/<id>.yaml`; its id is the file name. */
export const EtiquetteSchema = z.object({
	/** The visit stage the rule belongs to. */
	stage: VisitStageSchema,
	/** Order within the stage, smallest first. */
	order: z.number().int().min(0).default(0),
	/** The rule in one sentence. */
	rule: LocalizedSchema,
	/** What to do. */
	do: LocalizedListSchema,
	/** What never to do. */
	dont: LocalizedListSchema,
	/** Why the rule exists: what the customer experiences. */
	why: LocalizedSchema,
	/** Lines to say, by situation. */
	script: z.array(ScriptSchema).default([]),
	/** critical, major or minor. */
	severity: z.enum(SEVERITIES, {
		error: oneOf('severity', SEVERITIES),
	}),
});
/** A validated etiquette rule. */
export type EtiquetteRule = z.output<typeof EtiquetteSchema>;

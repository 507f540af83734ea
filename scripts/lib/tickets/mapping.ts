import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { PrioritySchema } from '../../../src/schemas/taxonomy.ts';
import { CHANNELS, FIELD_NAMES, REQUIRED_FIELDS, type TicketField } from './fields.ts';
import { KbError } from '../../../src/core/errors.ts';
import { PRESET_NAMES, PRESETS, type PresetName, type PresetSpec } from './presets.ts';

const nonEmpty = z.string().trim().min(1, 'is empty; write the column name or field path.');
/** Where a canonical field comes from: one column name or a list of alternatives, first found wins; `false` unmaps a preset's field. */
const FieldSourceSchema = z.union([nonEmpty, z.array(nonEmpty).min(1), z.literal(false)]);

/**
 * A mapping file (YAML or JSON): which source column feeds which canonical ticket field, and how
 * source words translate to canonical values. Unmapped columns are dropped at ingest.
 */
export const MappingSchema = z.strictObject({
	/** A preset to start from (`zh-excel`, `rt`, `zendesk`, `generic`); this file's entries override it. */
	preset: z
		.enum(PRESET_NAMES, {
			error: (i) =>
				`${JSON.stringify(i.input)} is not a preset; use one of ${PRESET_NAMES.join(', ')}.`,
		})
		.optional(),
	/** The name stored with every ticket; tickets are upserted by (source, id). Default: the preset's name. */
	source: z
		.string()
		.regex(
			/^[a-z0-9][a-z0-9-]*$/,
			'must be lowercase letters, digits and hyphens, e.g. service-crm.',
		)
		.optional(),
	/** Time zone of times written without an offset. Default: `--timezone`, else Asia/Shanghai. */
	timezone: z
		.string()
		.refine(isTimeZone, {
			error: (i) =>
				`${JSON.stringify(i.input)} is not an IANA time zone; write one like Asia/Shanghai.`,
		})
		.optional(),
	/** Canonical field → source column(s). Field names: see docs/tickets.md. */
	fields: z
		.partialRecord(
			z.enum(FIELD_NAMES, {
				error: (i) =>
					`${JSON.stringify(i.input)} is not a ticket field; use one of ${FIELD_NAMES.join(', ')}.`,
			}),
			FieldSourceSchema,
		)
		.default({}),
	/** Source words → canonical values, per field. Priority keys may be numeric ranges such as `80-100`. */
	values: z
		.strictObject({
			priority: z.record(z.string(), PrioritySchema).optional(),
			channel: z
				.record(
					z.string(),
					z.enum(CHANNELS, {
						error: (i) =>
							`${JSON.stringify(i.input)} is not a channel; use one of ${CHANNELS.join(', ')}.`,
					}),
				)
				.optional(),
			firstTimeFix: z.record(z.string(), z.boolean()).optional(),
			satisfaction: z.record(z.string(), z.number().min(0).max(5)).optional(),
		})
		.default({}),
	/** The top of the source's satisfaction scale (default 5); scores are rescaled to 5. */
	satisfactionScale: z.number().positive('must be above 0, e.g. 5 or 10.').optional(),
});
/** A mapping as written. */
export type MappingInput = z.input<typeof MappingSchema>;

/** A mapping with its preset merged in: each field's list of candidate columns. */
export interface Mapping {
	source: string;
	timezone?: string;
	fields: Partial<Record<TicketField, string[]>>;
	values: z.output<typeof MappingSchema>['values'];
	satisfactionScale: number;
}

/** Validates a mapping object and merges its preset. `where` names it in messages. */
export function parseMapping(raw: unknown, where = 'mapping'): Mapping {
	const result = MappingSchema.safeParse(raw ?? {});
	if (!result.success) {
		const lines = result.error.issues.flatMap((i) => describeIssue(i).map((m) => `${where}: ${m}`));
		throw new KbError(
			'mapping-invalid',
			lines.join('\n'),
			'fix the mapping file; its fields are described in docs/tickets.md#mapping.',
		);
	}
	return mergePreset(result.data);
}

/** Reads and validates a YAML or JSON mapping file. */
export function loadMapping(file: string): Mapping {
	let raw: unknown;
	try {
		raw = parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new KbError(
			'mapping-unreadable',
			`cannot read mapping ${file}: ${(error as Error).message.split('\n')[0]!.replace(/:$/, '.')}`,
			'check the path and that the file is YAML or JSON.',
		);
	}
	return parseMapping(raw, file);
}

/** The preset merged into a mapping, by name. */
export function presetMapping(name: PresetName): Mapping {
	return mergePreset({ preset: name, fields: {}, values: {} });
}

/** Which column feeds each mapped field, for the given headers (or flattened JSON keys). */
export function resolveColumns(
	mapping: Mapping,
	headers: readonly string[],
): Partial<Record<TicketField, string>> {
	const byKey = new Map<string, string>();
	for (const h of headers) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
	const columns: Partial<Record<TicketField, string>> = {};
	for (const field of FIELD_NAMES) {
		const hit = mapping.fields[field]
			?.map((c) => byKey.get(headerKey(c)))
			.find((h) => h !== undefined);
		if (hit !== undefined) columns[field] = hit;
	}
	return columns;
}

/**
 * The mapping to use for an export with these headers: the given one, else the preset that
 * maps the most fields among those that map every required one. Throws when none fits.
 */
export function chooseMapping(
	headers: readonly string[],
	given: Mapping | undefined,
	file: string,
): { mapping: Mapping; columns: Partial<Record<TicketField, string>> } {
	const candidates = given ? [given] : PRESET_NAMES.map(presetMapping);
	const scored = candidates
		.map((mapping) => ({ mapping, columns: resolveColumns(mapping, headers) }))
		.filter((c) => REQUIRED_FIELDS.every((f) => c.columns[f] !== undefined))
		.sort((a, b) => Object.keys(b.columns).length - Object.keys(a.columns).length);
	if (scored[0]) return scored[0];
	const missing = REQUIRED_FIELDS.filter(
		(f) => given && resolveColumns(given, headers)[f] === undefined,
	);
	const what = given
		? `the mapping has no column for ${missing.join(' and ')}`
		: 'no preset finds a ticket id and a creation time';
	throw new KbError(
		'mapping-unresolved',
		`${file}: ${what} among the columns ${headers
			.slice(0, 12)
			.map((h) => JSON.stringify(h))
			.join(', ')}${headers.length > 12 ? ', …' : ''}.`,
		'pass --mapping <file> naming the id and created columns (see docs/tickets.md#mapping).',
	);
}

/** Whether `tz` is an IANA time zone name this Node knows. */
export function isTimeZone(tz: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}

// --- internal ---

function mergePreset(m: z.output<typeof MappingSchema>): Mapping {
	const preset: PresetSpec | undefined = m.preset ? PRESETS[m.preset] : undefined;
	const fields: Partial<Record<TicketField, string[]>> = {};
	for (const field of FIELD_NAMES) {
		const own = m.fields[field];
		const list =
			own === false
				? undefined
				: own !== undefined
					? Array.isArray(own)
						? own
						: [own]
					: preset?.fields[field];
		if (list) fields[field] = [...list];
	}
	const values = { ...m.values };
	for (const [key, table] of Object.entries(preset?.values ?? {})) {
		const k = key as keyof Mapping['values'];
		values[k] = { ...table, ...(m.values[k] ?? {}) } as never;
	}
	return {
		source: m.source ?? preset?.source ?? 'tickets',
		timezone: m.timezone,
		fields,
		values,
		satisfactionScale: m.satisfactionScale ?? 5,
	};
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
	const path = issue.path.join('.') || '(top)';
	if (issue.code !== 'unrecognized_keys')
		return [`${path}: ${issue.message.replace(/^Invalid input: /, '')}`];
	if (issue.path.join('.') === 'fields')
		return issue.keys.map(
			(k) =>
				`fields.${k}: ${JSON.stringify(k)} is not a ticket field; use one of ${FIELD_NAMES.join(', ')}.`,
		);
	return [
		`${path}: has unknown keys ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; remove them or check their spelling.`,
	];
}

function headerKey(h: string): string {
	return h.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

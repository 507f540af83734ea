import type { TicketField } from './fields.ts';
import type { Mapping } from './mapping.ts';
import { sqlIdent, type TicketStore } from './store.ts';
import {
	normaliseBoolean,
	normaliseChannel,
	normaliseCode,
	normaliseLabel,
	normalisePriority,
	normaliseSatisfaction,
	normaliseVisits,
	type Normalised,
} from './values.ts';

/**
 * The few-valued fields are normalised in JavaScript over their distinct values (a few hundred at
 * most, whatever the export's size) into temporary tables `lk_<field>(raw, val, err)` that the
 * normalising SQL joins.
 */

/** The few-valued fields, each with its SQL type and its normaliser. */
export const LOOKUPS: Partial<
	Record<
		TicketField,
		{
			type: 'VARCHAR' | 'INTEGER' | 'BOOLEAN' | 'DOUBLE';
			normalise: (raw: string, m: Mapping) => Normalised<string | number | boolean>;
		}
	>
> = {
	status: { type: 'VARCHAR', normalise: (raw) => normaliseLabel(raw.toLowerCase(), 40) },
	priority: { type: 'VARCHAR', normalise: (raw, m) => normalisePriority(raw, m.values.priority) },
	channel: { type: 'VARCHAR', normalise: (raw, m) => normaliseChannel(raw, m.values.channel) },
	model: { type: 'VARCHAR', normalise: (raw) => normaliseLabel(raw, 40) },
	faultCode: { type: 'VARCHAR', normalise: (raw) => normaliseCode(raw) },
	category: { type: 'VARCHAR', normalise: (raw) => normaliseLabel(raw, 40) },
	region: { type: 'VARCHAR', normalise: (raw) => normaliseLabel(raw, 20, true) },
	visits: { type: 'INTEGER', normalise: (raw) => normaliseVisits(raw) },
	firstTimeFix: {
		type: 'BOOLEAN',
		normalise: (raw, m) => normaliseBoolean('firstTimeFix', raw, m.values.firstTimeFix),
	},
	satisfaction: {
		type: 'DOUBLE',
		normalise: (raw, m) => normaliseSatisfaction(raw, m.values.satisfaction, m.satisfactionScale),
	},
};

/** Builds `lk_<field>` for every mapped few-valued field; returns the fields that have one. */
export async function buildLookups(
	store: TicketStore,
	mapped: readonly TicketField[],
	mapping: Mapping,
): Promise<TicketField[]> {
	const built: TicketField[] = [];
	for (const field of mapped) {
		const spec = LOOKUPS[field];
		if (!spec) continue;
		const distinct = await store.all<{ raw: string }>(
			`SELECT DISTINCT ${sqlIdent(field)} AS raw FROM staging WHERE ${sqlIdent(field)} IS NOT NULL`,
		);
		await store.run(
			`CREATE OR REPLACE TEMP TABLE lk_${field} (raw VARCHAR, val ${spec.type}, err VARCHAR)`,
		);
		const appender = await store.conn.createAppender(`lk_${field}`);
		for (const { raw } of distinct) {
			const n = spec.normalise(raw, mapping);
			appender.appendVarchar(raw);
			if (n.value === null || n.value === undefined) appender.appendNull();
			else if (spec.type === 'VARCHAR') appender.appendVarchar(String(n.value));
			else if (spec.type === 'INTEGER') appender.appendInteger(Number(n.value));
			else if (spec.type === 'BOOLEAN') appender.appendBoolean(Boolean(n.value));
			else appender.appendDouble(Number(n.value));
			if (n.error) appender.appendVarchar(n.error);
			else appender.appendNull();
			appender.endRow();
		}
		appender.closeSync();
		built.push(field);
	}
	return built;
}

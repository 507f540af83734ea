import type { TicketField } from './fields.ts';
import type { Mapping } from './mapping.ts';
import { runWithProgress, SILENT, type Progress } from './progress.ts';
import type { Columns } from './stage.ts';
import { sqlIdent, sqlString, type TicketStore } from './store.ts';
import { normaliseBoolean, normaliseChannel, normaliseCode, normaliseLabel, normalisePriority, normaliseSatisfaction, normaliseVisits, type Normalised } from './values.ts';

/**
 * Turns `staging` into `normalised`: typed canonical values, the serial number replaced by its
 * salted hash, symptom text with digit runs and e-mail addresses removed, and a `reason` for every
 * row that cannot be stored. Few-valued fields are normalised in JavaScript over their distinct
 * values and joined back; times, hashing and redaction run in SQL over every row.
 */
export async function normaliseStaged(store: TicketStore, mapping: Mapping, columns: Columns, salt: string, timezone: string, progress: Progress = SILENT): Promise<void> {
	const has = (f: TicketField) => columns[f] !== undefined;
	await store.run(`SET TimeZone = ${sqlString(timezone)}`);
	await store.run(TIME_MACRO);
	const lookups: string[] = [];
	for (const [field, spec] of Object.entries(LOOKUPS) as [TicketField, LookupSpec][]) {
		if (!has(field)) continue;
		await buildLookup(store, field, spec, (raw) => spec.normalise(raw, mapping));
		lookups.push(field);
	}
	const col = (f: TicketField) => (has(f) ? `s.${sqlIdent(f)}` : 'NULL::VARCHAR');
	const lk = (f: TicketField, type: string) => (lookups.includes(f) ? `lk_${f}.val` : `NULL::${type}`);
	const lkErr = (f: TicketField) => (lookups.includes(f) ? `lk_${f}.err` : 'NULL');
	const joins = lookups.map((f) => `LEFT JOIN lk_${f} ON lk_${f}.raw = s.${sqlIdent(f)}`).join('\n');
	const minutes = `CASE WHEN nullif(trim(${col('firstResponseMinutes')}), '') IS NOT NULL THEN try_cast(trim(${col('firstResponseMinutes')}) AS DOUBLE) END`;
	// One statement: the inner SELECT parses, the outer one derives and collects the reasons.
	await runWithProgress(
		store,
		`CREATE OR REPLACE TEMP TABLE normalised AS
		SELECT row, ticket_id, created,
			CASE WHEN year(updated) >= 1990 THEN updated END AS updated,
			CASE WHEN year(resolved) >= 1990 THEN resolved END AS resolved,
			coalesce(minutes, CASE WHEN year(first_response) >= 1990 THEN date_diff('second', created, first_response) / 60.0 END) AS first_response_minutes,
			status, priority, channel, model, serial_hash, fault_code, category, region, visits, first_time_fix, satisfaction, symptom,
			nullif(concat_ws('; ',
				CASE WHEN ticket_id IS NULL THEN 'id is empty; every ticket needs its ticket number.' END,
				${dateReason('created', true)}, ${dateReason('updated')}, ${dateReason('resolved')}, ${dateReason('first_response', false, 'firstResponse')},
				CASE WHEN minutes_raw IS NOT NULL AND trim(minutes_raw) <> '' AND (minutes IS NULL OR minutes < 0)
					THEN 'firstResponseMinutes ' || quote_text(minutes_raw) || ' is not a number of minutes (0 or more).' END,
				nullif(value_errors, '')), '') AS reason
		FROM (
			SELECT s.row, nullif(trim(${col('id')}), '') AS ticket_id,
				${col('created')} AS created_raw, kb_time(${col('created')}) AS created,
				${col('updated')} AS updated_raw, kb_time(${col('updated')}) AS updated,
				${col('resolved')} AS resolved_raw, kb_time(${col('resolved')}) AS resolved,
				${col('firstResponse')} AS first_response_raw, kb_time(${col('firstResponse')}) AS first_response,
				${col('firstResponseMinutes')} AS minutes_raw, ${minutes} AS minutes,
				${lk('status', 'VARCHAR')} AS status, ${lk('priority', 'VARCHAR')} AS priority, ${lk('channel', 'VARCHAR')} AS channel,
				${lk('model', 'VARCHAR')} AS model, ${lk('faultCode', 'VARCHAR')} AS fault_code, ${lk('category', 'VARCHAR')} AS category,
				${lk('region', 'VARCHAR')} AS region, ${lk('visits', 'INTEGER')} AS visits, ${lk('firstTimeFix', 'BOOLEAN')} AS first_time_fix,
				${lk('satisfaction', 'DOUBLE')} AS satisfaction,
				CASE WHEN nullif(trim(${col('serial')}), '') IS NOT NULL
					THEN left(sha256(${sqlString(`${salt}:`)} || upper(regexp_replace(trim(${col('serial')}), '[\\s-]+', '', 'g'))), 32) END AS serial_hash,
				nullif(left(trim(regexp_replace(regexp_replace(${col('symptom')}, '[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+', ' ', 'g'), '\\+?\\d[\\d\\s()-]{3,}\\d', '#', 'g')), 200), '') AS symptom,
				concat_ws('; ', ${['status', 'priority', 'channel', 'model', 'faultCode', 'category', 'region', 'visits', 'firstTimeFix', 'satisfaction'].map((f) => lkErr(f as TicketField)).join(', ')}) AS value_errors
			FROM staging s ${joins}
		)`,
		progress,
	);
}

// --- internal ---

/** Reads a time: ISO 8601 with or without an offset, slashes, 年月日, or an Excel day number; a time without an offset is in the session's zone. */
const TIME_MACRO = `
CREATE OR REPLACE TEMP MACRO quote_text(x) AS CAST(to_json(left(trim(x), 40)) AS VARCHAR);
CREATE OR REPLACE TEMP MACRO kb_time(x) AS CASE WHEN nullif(trim(x), '') IS NULL THEN NULL ELSE coalesce(
	try_cast(trim(x) AS TIMESTAMPTZ),
	try_strptime(trim(x), ['%Y-%m-%dT%H:%M%z', '%Y年%m月%d日 %H:%M:%S', '%Y年%m月%d日 %H:%M', '%Y年%m月%d日', '%Y.%m.%d %H:%M:%S', '%Y.%m.%d %H:%M', '%Y.%m.%d', '%d/%m/%Y %H:%M', '%d/%m/%Y'])::TIMESTAMPTZ,
	CASE WHEN regexp_full_match(trim(x), '[1-9][0-9]{4}(\\.[0-9]+)?')
		THEN CAST(TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(trim(x) AS DOUBLE) * 86400000000) AS BIGINT)) AS TIMESTAMPTZ) END
) END`;

function dateReason(column: string, required = false, name = column): string {
	const raw = `${column}_raw`;
	const empty = required ? `WHEN nullif(trim(${raw}), '') IS NULL THEN '${name} is empty; every ticket needs its creation time.'` : `WHEN nullif(trim(${raw}), '') IS NULL THEN NULL`;
	const plausible = required ? `WHEN year(${column}) < 2000 OR ${column} > now() + INTERVAL 1 DAY THEN '${name} ' || quote_text(${raw}) || ' is not a plausible creation time (before 2000 or in the future); check the column mapped to ${name}.'` : '';
	return `CASE ${empty} WHEN ${column} IS NULL THEN '${name} ' || quote_text(${raw}) || ' is not a date and time; write it like 2026-03-04 14:05 or 2026-03-04T06:05:00Z.' ${plausible} END`;
}

interface LookupSpec {
	type: 'VARCHAR' | 'INTEGER' | 'BOOLEAN' | 'DOUBLE';
	normalise: (raw: string, mapping: Mapping) => Normalised<string | number | boolean>;
}

const LOOKUPS: Partial<Record<TicketField, LookupSpec>> = {
	status: { type: 'VARCHAR', normalise: (raw) => normaliseLabel(raw.toLowerCase(), 40) },
	priority: { type: 'VARCHAR', normalise: (raw, m) => normalisePriority(raw, m.values.priority) },
	channel: { type: 'VARCHAR', normalise: (raw, m) => normaliseChannel(raw, m.values.channel) },
	model: { type: 'VARCHAR', normalise: (raw) => normaliseLabel(raw, 40) },
	faultCode: { type: 'VARCHAR', normalise: (raw) => normaliseCode(raw) },
	category: { type: 'VARCHAR', normalise: (raw) => normaliseLabel(raw, 40) },
	region: { type: 'VARCHAR', normalise: (raw) => normaliseLabel(raw, 20, true) },
	visits: { type: 'INTEGER', normalise: (raw) => normaliseVisits(raw) },
	firstTimeFix: { type: 'BOOLEAN', normalise: (raw, m) => normaliseBoolean('firstTimeFix', raw, m.values.firstTimeFix) },
	satisfaction: { type: 'DOUBLE', normalise: (raw, m) => normaliseSatisfaction(raw, m.values.satisfaction, m.satisfactionScale) },
};

async function buildLookup(store: TicketStore, field: TicketField, spec: LookupSpec, normalise: (raw: string) => Normalised<string | number | boolean>): Promise<void> {
	const distinct = await store.all<{ raw: string }>(`SELECT DISTINCT ${sqlIdent(field)} AS raw FROM staging WHERE ${sqlIdent(field)} IS NOT NULL`);
	await store.run(`CREATE OR REPLACE TEMP TABLE lk_${field} (raw VARCHAR, val ${spec.type}, err VARCHAR)`);
	const appender = await store.conn.createAppender(`lk_${field}`);
	for (const { raw } of distinct) {
		const n = normalise(raw);
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
}

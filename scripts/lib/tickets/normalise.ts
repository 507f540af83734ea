import type { TicketField } from './fields.ts';
import { buildLookups } from './lookups.ts';
import type { Mapping } from './mapping.ts';
import { runWithProgress, SILENT, type Progress } from './progress.ts';
import type { Columns } from './stage.ts';
import { sqlIdent, sqlString, type TicketStore } from './store.ts';

/**
 * Turns `staging` into `normalised`: typed canonical values, the serial number replaced by its
 * salted hash, symptom text with digit runs and e-mail addresses removed, and a `bad` flag; then
 * `rejected(row, ticket_id, reason)` with every reason for each bad row. Times, hashing and
 * redaction run in SQL over every row; the reason sentences are only built for the bad ones.
 */
export async function normaliseStaged(
	store: TicketStore,
	mapping: Mapping,
	columns: Columns,
	salt: string,
	timezone: string,
	progress: Progress = SILENT,
): Promise<void> {
	await store.run(`SET TimeZone = ${sqlString(timezone)}`);
	await store.run(MACROS);
	const lookups = await buildLookups(store, Object.keys(columns) as TicketField[], mapping);
	const parsed = parsedSelect(columns, lookups, salt);
	await runWithProgress(
		store,
		`CREATE OR REPLACE TEMP TABLE normalised AS
		SELECT row, ticket_id, created,
			CASE WHEN updated >= ${EPOCH_1990} THEN updated END AS updated,
			CASE WHEN resolved >= ${EPOCH_1990} THEN resolved END AS resolved,
			coalesce(minutes, CASE WHEN first_response >= ${EPOCH_1990} THEN (epoch(first_response) - epoch(created)) / 60.0 END) AS first_response_minutes,
			status, priority, channel, model, serial_hash, fault_code, category, region, visits, first_time_fix, satisfaction, symptom,
			-- NULL OR false is NULL in SQL: coalesce so a good row is never "unknown".
			coalesce(ticket_id IS NULL OR created IS NULL OR created < ${EPOCH_2000} OR created > now() + INTERVAL 1 DAY
				OR ${['updated', 'resolved', 'first_response', 'minutes'].map((c) => `(${c}_raw <> '' AND ${c} IS NULL)`).join(' OR ')}
				OR minutes < 0 OR value_error IS NOT NULL, false) AS bad
		FROM (${parsed}) p`,
		progress,
	);
	await store.run(`CREATE OR REPLACE TEMP TABLE rejected AS
		SELECT row, ticket_id, concat_ws('; ',
			CASE WHEN ticket_id IS NULL THEN 'id is empty; every ticket needs its ticket number.' END,
			${dateReason('created', true)}, ${dateReason('updated')}, ${dateReason('resolved')}, ${dateReason('first_response', false, 'firstResponse')},
			CASE WHEN minutes_raw <> '' AND (minutes IS NULL OR minutes < 0) THEN 'firstResponseMinutes ' || quote_text(minutes_raw) || ' is not a number of minutes (0 or more).' END,
			value_errors) AS reason
		FROM (${parsedSelect(columns, lookups, salt, 'WHERE s.row IN (SELECT row FROM normalised WHERE bad)')}) p`);
}

// --- internal ---

// Comparisons with constants instead of year() and date_diff(): on TIMESTAMPTZ those go through
// ICU's calendar and cost about a second per million rows each (measured, decision 0010).
const EPOCH_1990 = "TIMESTAMPTZ '1990-01-01 00:00:00+00'";
const EPOCH_2000 = "TIMESTAMPTZ '2000-01-01 00:00:00+00'";

/** Reads a time: ISO 8601 with or without an offset first (the common case), then slashes, 年月日 or an Excel day number. */
const MACROS = `
CREATE OR REPLACE TEMP MACRO quote_text(x) AS CAST(to_json(left(trim(x), 40)) AS VARCHAR);
CREATE OR REPLACE TEMP MACRO kb_time(x) AS coalesce(try_cast(x AS TIMESTAMPTZ), CASE WHEN trim(x) <> '' THEN coalesce(
	try_cast(trim(x) AS TIMESTAMPTZ),
	try_strptime(trim(x), ['%Y-%m-%dT%H:%M%z', '%Y年%m月%d日 %H:%M:%S', '%Y年%m月%d日 %H:%M', '%Y年%m月%d日', '%Y.%m.%d %H:%M:%S', '%Y.%m.%d %H:%M', '%Y.%m.%d', '%d/%m/%Y %H:%M', '%d/%m/%Y'])::TIMESTAMPTZ,
	CASE WHEN regexp_full_match(trim(x), '[1-9][0-9]{4}(\\.[0-9]+)?')
		THEN CAST(TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(trim(x) AS DOUBLE) * 86400000000) AS BIGINT)) AS TIMESTAMPTZ) END) END)`;

/** The inner SELECT: raw and parsed times, looked-up values, the serial hash and the redacted symptom. */
function parsedSelect(columns: Columns, lookups: TicketField[], salt: string, where = ''): string {
	const col = (f: TicketField) => (columns[f] !== undefined ? `s.${sqlIdent(f)}` : 'NULL::VARCHAR');
	const raw = (f: TicketField) => `coalesce(trim(${col(f)}), '')`;
	const lk = (f: TicketField, type: string) =>
		lookups.includes(f) ? `lk_${f}.val` : `NULL::${type}`;
	const joins = lookups
		.map((f) => `LEFT JOIN lk_${f} ON lk_${f}.raw = s.${sqlIdent(f)}`)
		.join('\n');
	return `SELECT s.row, nullif(trim(${col('id')}), '') AS ticket_id,
			${raw('created')} AS created_raw, kb_time(${col('created')}) AS created,
			${raw('updated')} AS updated_raw, kb_time(${col('updated')}) AS updated,
			${raw('resolved')} AS resolved_raw, kb_time(${col('resolved')}) AS resolved,
			${raw('firstResponse')} AS first_response_raw, kb_time(${col('firstResponse')}) AS first_response,
			${raw('firstResponseMinutes')} AS minutes_raw, try_cast(trim(${col('firstResponseMinutes')}) AS DOUBLE) AS minutes,
			${lk('status', 'VARCHAR')} AS status, ${lk('priority', 'VARCHAR')} AS priority, ${lk('channel', 'VARCHAR')} AS channel,
			${lk('model', 'VARCHAR')} AS model, ${lk('faultCode', 'VARCHAR')} AS fault_code, ${lk('category', 'VARCHAR')} AS category,
			${lk('region', 'VARCHAR')} AS region, ${lk('visits', 'INTEGER')} AS visits, ${lk('firstTimeFix', 'BOOLEAN')} AS first_time_fix,
			${lk('satisfaction', 'DOUBLE')} AS satisfaction,
			CASE WHEN nullif(trim(${col('serial')}), '') IS NOT NULL
				THEN left(sha256(${sqlString(`${salt}:`)} || upper(replace(replace(trim(${col('serial')}), ' ', ''), '-', ''))), 32) END AS serial_hash,
			${redact(col('symptom'))} AS symptom,
			${lookups.length ? `coalesce(${lookups.map((f) => `lk_${f}.err`).join(', ')})` : 'NULL'} AS value_error,
			${where && lookups.length ? `nullif(concat_ws('; ', ${lookups.map((f) => `lk_${f}.err`).join(', ')}), '')` : 'NULL'} AS value_errors
		FROM staging s ${joins} ${where}`;
}

// Digit runs of five or more (phone, ID and order numbers) become #, e-mail addresses a space. The
// regular expressions only run on texts that have three digits in a row or an @, which most lack.
function redact(column: string): string {
	const cleaned = `regexp_replace(regexp_replace(${column}, '[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+', ' ', 'g'), '\\+?\\d[\\d\\s()-]{3,}\\d', '#', 'g')`;
	return `nullif(left(trim(CASE WHEN regexp_matches(${column}, '\\d{3}|@') THEN ${cleaned} ELSE ${column} END), 200), '')`;
}

function dateReason(column: string, required = false, name = column): string {
	const raw = `${column}_raw`;
	const empty = required
		? `WHEN ${raw} = '' THEN '${name} is empty; every ticket needs its creation time.'`
		: `WHEN ${raw} = '' THEN NULL`;
	const plausible = required
		? `WHEN ${column} < ${EPOCH_2000} OR ${column} > now() + INTERVAL 1 DAY THEN '${name} ' || quote_text(${raw}) || ' is not a plausible creation time (before 2000 or in the future); check the column mapped to ${name}.'`
		: '';
	return `CASE ${empty} WHEN ${column} IS NULL THEN '${name} ' || quote_text(${raw}) || ' is not a date and time; write it like 2026-03-04 14:05 or 2026-03-04T06:05:00Z.' ${plausible} END`;
}

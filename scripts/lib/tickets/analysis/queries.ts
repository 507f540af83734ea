import { addDays } from '../../../../src/lib/time.ts';
import type { Period } from '../period.ts';
import { sqlString, type TicketStore } from '../store.ts';

/**
 * The report's SQL: everything that reads ticket rows runs in DuckDB and comes back aggregated
 * (by code, model, region and week); the rest of the analysis works on those few rows in JavaScript.
 */

/** Ticket count of one code × model × region × week. */
export interface CubeRow {
	code: string | null;
	model: string | null;
	region: string | null;
	/** Monday of the week (YYYY-MM-DD) in the business time zone. */
	week: string;
	n: number;
}

/** Repeat repairs of one code × model: tickets with a serial, and how many came back within the window of days. */
export interface RepeatRow {
	code: string | null;
	model: string | null;
	n: number;
	repeats: number;
}

/** The raw figures the KPIs are computed from. */
export interface KpiInputs {
	ftf_n: number;
	ftf_yes: number;
	phone_n: number;
	phone_avg: number | null;
	phone_within: number;
	email_n: number;
	email_avg: number | null;
	email_within: number;
	p1_n: number;
	p1_avg_h: number | null;
	p1_within: number;
	sat_n: number;
	sat_avg: number | null;
}

/** The last day with a ticket, in the business time zone; undefined for an empty store. */
export async function lastTicketDay(store: TicketStore, tz: string): Promise<string | undefined> {
	const [row] = await store.all<{ day: string | null }>(
		`SELECT strftime(timezone(${sqlString(tz)}, max(created)), '%Y-%m-%d') AS day FROM tickets`,
	);
	return row?.day ?? undefined;
}

/** Weekly ticket counts per code × model × region in the period. */
export async function weeklyCube(
	store: TicketStore,
	tz: string,
	period: Period,
): Promise<CubeRow[]> {
	// Format the week after grouping: once per group, not once per ticket.
	return store.all<CubeRow>(`SELECT code, model, region, strftime(week, '%Y-%m-%d') AS week, n FROM (
			SELECT fault_code AS code, model, region, date_trunc('week', timezone(${sqlString(tz)}, created)) AS week, count(*) AS n
			FROM tickets WHERE ${inPeriod(tz, period)} GROUP BY ALL) ORDER BY ALL`);
}

/**
 * Repeat repairs: a ticket counts as repeated when the same serial number (hash) opens another
 * ticket after it and within `days` days of its resolution (or of its creation when it has no
 * resolution time). Tickets in the period are judged; their follow-ups may come after it.
 */
export async function repeatRepairs(
	store: TicketStore,
	tz: string,
	period: Period,
	days: number,
): Promise<RepeatRow[]> {
	return store.all<RepeatRow>(`WITH s AS (
			SELECT fault_code, model, created, coalesce(resolved, created) AS anchor,
				lead(created) OVER (PARTITION BY serial_hash ORDER BY created, source, ticket_id) AS next_created
			FROM tickets WHERE serial_hash IS NOT NULL)
		SELECT fault_code AS code, model, count(*) AS n,
			count(*) FILTER (WHERE next_created > created AND epoch(next_created) - epoch(anchor) <= ${Math.round(days * 86_400)}) AS repeats
		FROM s WHERE ${inPeriod(tz, period)} GROUP BY ALL ORDER BY ALL`);
}

/** The KPI inputs over the period's tickets. */
export async function kpiInputs(
	store: TicketStore,
	tz: string,
	period: Period,
): Promise<KpiInputs> {
	const channel = (c: string, target: number) => `
		count(first_response_minutes) FILTER (WHERE channel = '${c}') AS ${c}_n,
		avg(first_response_minutes) FILTER (WHERE channel = '${c}') AS ${c}_avg,
		count(*) FILTER (WHERE channel = '${c}' AND first_response_minutes <= ${target}) AS ${c}_within`;
	const p1 = `priority = 'P1' AND resolved IS NOT NULL`;
	const [row] = await store.all<KpiInputs>(`SELECT
			count(coalesce(first_time_fix, visits = 1)) AS ftf_n, count(*) FILTER (WHERE coalesce(first_time_fix, visits = 1)) AS ftf_yes,
			${channel('phone', 15)}, ${channel('email', 30)},
			count(*) FILTER (WHERE ${p1}) AS p1_n, avg((epoch(resolved) - epoch(created)) / 3600.0) FILTER (WHERE ${p1}) AS p1_avg_h,
			count(*) FILTER (WHERE ${p1} AND epoch(resolved) - epoch(created) <= 4 * 3600) AS p1_within,
			count(satisfaction) AS sat_n, avg(satisfaction) AS sat_avg
		FROM tickets WHERE ${inPeriod(tz, period)}`);
	return row!;
}

/** How many of the period's tickets have each canonical field (the analyses' on/off switch). */
export async function fieldCounts(
	store: TicketStore,
	tz: string,
	period: Period,
): Promise<Record<string, number>> {
	const [row] = await store.all<
		Record<string, number>
	>(`SELECT count(*) AS tickets, count(fault_code) AS faultCode, count(model) AS model,
			count(region) AS region, count(serial_hash) AS serial, count(first_time_fix) AS firstTimeFix, count(visits) AS visits,
			count(channel) AS channel, count(first_response_minutes) AS firstResponse, count(priority) AS priority,
			count(resolved) AS resolved, count(satisfaction) AS satisfaction
		FROM tickets WHERE ${inPeriod(tz, period)}`);
	return row!;
}

/** Tickets per source in the period. */
export async function ticketsBySource(
	store: TicketStore,
	tz: string,
	period: Period,
): Promise<{ source: string; tickets: number }[]> {
	return store.all(
		`SELECT source, count(*) AS tickets FROM tickets WHERE ${inPeriod(tz, period)} GROUP BY source ORDER BY source`,
	);
}

/** The fields the sources' mappings provide (whether or not any ticket fills them). */
export async function mappedFields(store: TicketStore): Promise<Set<string>> {
	const rows = await store.all<{ field: string }>(
		'SELECT DISTINCT unnest(fields) AS field FROM sources',
	);
	return new Set(rows.map((r) => r.field));
}

// --- internal ---

// Bounds as instants, so DuckDB can skip row groups by the stored `created` alone.
function inPeriod(tz: string, period: Period): string {
	const at = (day: string) => `timezone(${sqlString(tz)}, TIMESTAMP '${day} 00:00:00')`;
	return `created >= ${at(period.from)} AND created < ${at(addDays(period.to, 1))}`;
}

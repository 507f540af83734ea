import { flattenRecord } from '../records.ts';
import type { Checkpoint } from '../upsert.ts';
import type { SourceConfig } from './config.ts';
import { getJson, type HttpOptions } from './http.ts';
import type { Batch, Connector } from './types.ts';

type RtConfig = Extract<SourceConfig, { type: 'rt' }>;

/** One page of RT REST2's ticket search. */
interface SearchPage {
	items: Record<string, unknown>[];
	page: number;
	pages: number;
}

/** Ticket fields read from RT: no requestor, subject or history, so no personal data is fetched at all. */
export const RT_FIELDS = 'id,Created,LastUpdated,Resolved,Status,Priority,Queue,CustomFields';

/**
 * Request Tracker 5 through REST2 (`/REST/2.0/tickets`): a TicketSQL search ordered by
 * LastUpdated, paged; each page is a batch whose checkpoint is its newest LastUpdated. The next
 * pull asks for `LastUpdated >= checkpoint − overlap`, so tickets touched during a pull are read
 * again and upserted, never duplicated. RT's "not set" time (1970-01-01) reads as empty.
 */
export function rtConnector(
	source: string,
	config: RtConfig,
	auth: string,
	pageSize = 500,
	http: HttpOptions = {},
): Connector {
	const base = config.url.replace(/\/+$/, '');
	return {
		source,
		preset: 'rt',
		async *batches(since: Checkpoint | undefined): AsyncGenerator<Batch> {
			const from = since?.updatedSince
				? new Date(Date.parse(since.updatedSince) - config.overlapMinutes * 60_000)
				: config.since
					? new Date(config.since)
					: undefined;
			const query = from
				? `(${config.query}) AND LastUpdated >= '${rtTime(from, config.serverTimezone)}'`
				: config.query;
			let newest = since?.updatedSince;
			for (let page = 1; ; page++) {
				const params = new URLSearchParams({
					query,
					orderby: 'LastUpdated',
					order: 'ASC',
					page: String(page),
					per_page: String(pageSize),
					fields: RT_FIELDS,
				});
				const result = await getJson<SearchPage>(`${base}/REST/2.0/tickets?${params}`, {
					timeoutMs: config.timeoutSeconds * 1000,
					...http,
					headers: { authorization: auth, ...http.headers },
				});
				for (const t of result.items)
					if (typeof t.LastUpdated === 'string' && (!newest || t.LastUpdated > newest))
						newest = t.LastUpdated;
				yield {
					records: result.items.map((t) => flattenRecord(t)),
					checkpoint: { updatedSince: newest },
				};
				if (page >= result.pages || result.items.length === 0) return;
			}
		},
	};
}

/** The Authorization header for RT: `token …` when a token is given, else basic auth. */
export function rtAuth(credentials: { token?: string; user?: string; password?: string }): string {
	if (credentials.token) return `token ${credentials.token}`;
	return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
}

// --- internal ---

// TicketSQL dates carry no zone: RT reads them in the server's (or user's) time zone.
function rtTime(at: Date, timezone: string): string {
	return at.toLocaleString('sv-SE', { timeZone: timezone, hour12: false }).replace('T', ' ');
}

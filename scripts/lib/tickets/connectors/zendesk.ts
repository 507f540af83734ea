import { flattenRecord } from '../records.ts';
import type { Checkpoint } from '../upsert.ts';
import type { SourceConfig } from './config.ts';
import { getJson, type HttpOptions } from './http.ts';
import type { Batch, Connector } from './types.ts';

type ZendeskConfig = Extract<SourceConfig, { type: 'zendesk' }>;

/** One page of Zendesk's cursor-based incremental ticket export. */
interface ExportPage {
	tickets: Record<string, unknown>[];
	after_cursor: string | null;
	end_of_stream: boolean;
}

/**
 * Zendesk's cursor-based incremental ticket export (`/api/v2/incremental/tickets/cursor.json`):
 * the first pull starts at `start_time` (the config's `since`, or the checkpoint minus the
 * overlap when no cursor was saved); later pulls resume from the saved cursor, which Zendesk
 * keeps valid. Pages end with `end_of_stream: true`. Credentials: `email/token:token`.
 */
export function zendeskConnector(
	source: string,
	config: ZendeskConfig,
	credentials: { email: string; token: string },
	http: HttpOptions = {},
): Connector {
	const base = config.url.replace(/\/+$/, '');
	const auth = `Basic ${Buffer.from(`${credentials.email}/token:${credentials.token}`).toString('base64')}`;
	return {
		source,
		preset: 'zendesk',
		async *batches(since: Checkpoint | undefined): AsyncGenerator<Batch> {
			let url = since?.cursor
				? `${base}/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(since.cursor)}`
				: `${base}/api/v2/incremental/tickets/cursor.json?start_time=${startTime(since, config)}`;
			let newest = since?.updatedSince;
			for (;;) {
				const page = await getJson<ExportPage>(url, {
					timeoutMs: config.timeoutSeconds * 1000,
					...http,
					headers: { authorization: auth, ...http.headers },
				});
				for (const t of page.tickets)
					if (typeof t.updated_at === 'string' && (!newest || t.updated_at > newest))
						newest = t.updated_at;
				yield {
					records: page.tickets.map((t) => flattenRecord(t)),
					checkpoint: { cursor: page.after_cursor ?? since?.cursor, updatedSince: newest },
				};
				if (page.end_of_stream || !page.after_cursor) return;
				url = `${base}/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(page.after_cursor)}`;
			}
		},
	};
}

// --- internal ---

// Unix seconds; Zendesk rejects a start_time in the last minute, so never start later than now − 60 s.
function startTime(since: Checkpoint | undefined, config: ZendeskConfig): number {
	const from = since?.updatedSince
		? Date.parse(since.updatedSince) - config.overlapMinutes * 60_000
		: config.since
			? Date.parse(config.since)
			: 0;
	return Math.max(0, Math.min(Math.floor(from / 1000), Math.floor(Date.now() / 1000) - 60));
}

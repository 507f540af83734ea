import type { TicketField } from './fields.ts';
import { sqlString, type TicketStore } from './store.ts';

/** What one stored batch changed. */
export interface UpsertCounts {
	/** Rows that passed normalisation (before duplicates within the batch were merged). */
	valid: number;
	inserted: number;
	updated: number;
	unchanged: number;
	/** Rows whose ticket id appeared again later in the same batch; the newest (by `updated`, then position) is kept. */
	duplicates: number;
}

/** A connector's position, saved in the same transaction as the batch it follows. */
export interface Checkpoint {
	cursor?: string;
	/** ISO time: the newest `updated` stored so far. */
	updatedSince?: string;
}

const COLUMNS =
	'created, updated, resolved, first_response_minutes, status, priority, channel, model, serial_hash, fault_code, category, region, visits, first_time_fix, satisfaction, symptom';

/**
 * Stores the valid rows of `normalised` under `source`, keyed by (source, ticket id): new
 * tickets are inserted, changed ones replaced, identical ones left alone, so pulling the same
 * export twice changes nothing. The source's mapped fields and the checkpoint are written in
 * the same transaction, so a crash never records a checkpoint for a batch that was not stored.
 */
export async function upsertNormalised(
	store: TicketStore,
	source: string,
	kind: string,
	fields: TicketField[],
	checkpoint?: Checkpoint,
): Promise<UpsertCounts> {
	const src = sqlString(source);
	const [{ valid, distinct }] = (await store.all<{ valid: number; distinct: number }>(
		'SELECT count(*) AS valid, count(DISTINCT ticket_id) AS distinct FROM normalised WHERE NOT bad',
	)) as [{ valid: number; distinct: number }];
	// Merging duplicates needs a sort; skip it when the batch has none (the usual case).
	const keep =
		valid === distinct
			? ''
			: 'QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY updated DESC NULLS LAST, row DESC) = 1';
	await store.run('BEGIN TRANSACTION');
	try {
		await store.run(`CREATE OR REPLACE TEMP VIEW incoming AS
			SELECT ${src} AS source, ticket_id, ${COLUMNS}, hash(${COLUMNS}) AS row_hash FROM normalised WHERE NOT bad ${keep}`);
		await store.run(`CREATE OR REPLACE TEMP TABLE changes AS
			SELECT i.ticket_id, t.ticket_id IS NULL AS is_new
			FROM incoming i LEFT JOIN tickets t ON t.source = ${src} AND t.ticket_id = i.ticket_id
			WHERE t.ticket_id IS NULL OR t.row_hash <> i.row_hash`);
		const [{ inserted, updated }] = (await store.all<{ inserted: number; updated: number }>(
			'SELECT count(*) FILTER (WHERE is_new) AS inserted, count(*) FILTER (WHERE NOT is_new) AS updated FROM changes',
		)) as [{ inserted: number; updated: number }];
		if (updated > 0)
			await store.run(
				`DELETE FROM tickets USING changes c WHERE tickets.source = ${src} AND tickets.ticket_id = c.ticket_id AND NOT c.is_new`,
			);
		// When every incoming ticket is new or changed (a first pull), skip the join.
		if (inserted + updated === distinct)
			await store.run('INSERT INTO tickets SELECT * FROM incoming');
		else if (inserted + updated > 0)
			await store.run(
				'INSERT INTO tickets SELECT i.* FROM incoming i SEMI JOIN changes c ON c.ticket_id = i.ticket_id',
			);
		await saveSource(store, source, kind, fields, checkpoint);
		await store.run('COMMIT');
		return {
			valid,
			inserted,
			updated,
			unchanged: distinct - inserted - updated,
			duplicates: valid - distinct,
		};
	} catch (error) {
		await store.run('ROLLBACK');
		throw error;
	} finally {
		await store.run('DROP VIEW IF EXISTS incoming; DROP TABLE IF EXISTS changes');
	}
}

/** The saved checkpoint of a source, if any. */
export async function loadCheckpoint(
	store: TicketStore,
	source: string,
): Promise<Checkpoint | undefined> {
	const [row] = await store.all<{ cursor: string | null; updated_since: string | null }>(
		'SELECT cursor, updated_since FROM sources WHERE source = $1',
		[source],
	);
	if (!row || (row.cursor === null && row.updated_since === null)) return undefined;
	return { cursor: row.cursor ?? undefined, updatedSince: row.updated_since ?? undefined };
}

// --- internal ---

async function saveSource(
	store: TicketStore,
	source: string,
	kind: string,
	fields: TicketField[],
	checkpoint?: Checkpoint,
): Promise<void> {
	const list = `[${fields.map(sqlString).join(', ')}]::VARCHAR[]`;
	const cursor = checkpoint?.cursor === undefined ? 'NULL' : sqlString(checkpoint.cursor);
	const since =
		checkpoint?.updatedSince === undefined
			? 'NULL'
			: `${sqlString(checkpoint.updatedSince)}::TIMESTAMPTZ`;
	// A file pull has no checkpoint: keep whatever a connector saved for the same source.
	await store.run(`INSERT INTO sources VALUES (${sqlString(source)}, ${sqlString(kind)}, ${list}, ${cursor}, ${since})
		ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, fields = excluded.fields,
			cursor = coalesce(excluded.cursor, sources.cursor), updated_since = coalesce(excluded.updated_since, sources.updated_since)`);
}

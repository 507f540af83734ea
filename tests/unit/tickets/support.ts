import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type TicketStore } from '../../../scripts/lib/tickets/store.ts';

/** The ticket fixtures: small exports with planted personal data and bad rows. */
export const TICKET_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'tickets');
/** The content fixture the knowledge join reads. */
export const CONTENT_FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'content');
/** A fixed salt, so hashes are comparable across a test. */
export const SALT = 'test-salt-0123456789abcdef';
/** The personal data planted in the fixtures; none of it may be stored, reported or logged. */
export const PLANTED = {
	name: '欧阳娜娜',
	phone: '13912345678',
	address: '杭州市西湖区文三路100号',
};

/** A temporary folder and a store in it (on disk, as the CLI uses it), removed by `dispose`. */
export async function tempStore(): Promise<{
	dir: string;
	store: TicketStore;
	dispose: () => void;
}> {
	const dir = mkdtempSync(join(tmpdir(), 'kb-tickets-test-'));
	const store = await openStore(join(dir, 'tickets.duckdb'), { threads: 1 });
	const dispose = () => {
		store.close();
		rmSync(dir, { recursive: true, force: true });
	};
	return { dir, store, dispose };
}

/** Inserts tickets directly (for analysis tests): every column the store has may be given. */
export async function insertTickets(
	store: TicketStore,
	rows: Partial<Record<string, string | number | boolean | null>>[],
): Promise<void> {
	const columns = [
		'source',
		'ticket_id',
		'created',
		'updated',
		'resolved',
		'first_response_minutes',
		'status',
		'priority',
		'channel',
		'model',
		'serial_hash',
		'fault_code',
		'category',
		'region',
		'visits',
		'first_time_fix',
		'satisfaction',
		'symptom',
		'row_hash',
	];
	for (const [i, row] of rows.entries()) {
		const full = { source: 'test', ticket_id: `T${i + 1}`, row_hash: i, ...row };
		await store.run(
			`INSERT INTO tickets (${columns.join(', ')}) VALUES (${columns.map((_, j) => `$${j + 1}`).join(', ')})`,
			columns.map(
				(c) => (full as Record<string, string | number | boolean | null | undefined>)[c] ?? null,
			),
		);
	}
}

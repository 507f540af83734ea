import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { KbError } from '../../../src/core/errors.ts';

/** The ticket store's default path (git-ignored; KB_TICKET_STORE or `--store` override it). */
export const DEFAULT_STORE = '.kb/tickets.duckdb';

/** An open ticket store: one DuckDB file, one connection. */
export interface TicketStore {
	path: string;
	conn: DuckDBConnection;
	/** Runs a statement and returns its rows as plain objects (numbers for integers, ISO strings for times). */
	all: <T = Record<string, unknown>>(sql: string, params?: DuckDBValue[]) => Promise<T[]>;
	/** Runs a statement for its effect. */
	run: (sql: string, params?: DuckDBValue[]) => Promise<void>;
	close: () => void;
}

/** Options of {@link openStore}. */
export interface StoreOptions {
	/** DuckDB's memory limit, e.g. `600MB` (KB_DUCKDB_MEMORY). DuckDB spills to `<store>.tmp/` beyond it. */
	memoryLimit?: string;
	/** Worker threads (default: DuckDB's, one per core). */
	threads?: number;
}

/**
 * Opens (or creates) the store at `path` (`:memory:` for tests) and brings its tables up to date.
 * Only DuckDB's bundled extensions are used; loading or installing others is switched off, so
 * nothing is ever downloaded at run time.
 */
export async function openStore(
	path = process.env.KB_TICKET_STORE || DEFAULT_STORE,
	options: StoreOptions = {},
): Promise<TicketStore> {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const config: Record<string, string> = {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false',
		memory_limit: options.memoryLimit ?? process.env.KB_DUCKDB_MEMORY ?? '600MB',
	};
	if (path !== ':memory:') config.temp_directory = `${path}.tmp`;
	if (options.threads) config.threads = String(options.threads);
	let instance: DuckDBInstance;
	try {
		instance = await DuckDBInstance.create(path, config);
	} catch (error) {
		const message = (error as Error).message;
		if (/lock/i.test(message))
			throw new KbError(
				'store-locked',
				`the ticket store ${path} is in use by another process.`,
				'wait for the other pull or report to finish, then run again.',
			);
		throw new KbError(
			'store-unreadable',
			`cannot open the ticket store ${path}: ${message.split('\n')[0]}`,
			'check the path; delete the file to start an empty store (pull the exports again).',
		);
	}
	const conn = await instance.connect();
	const all = async <T>(sql: string, params?: DuckDBValue[]) =>
		(await conn.runAndReadAll(sql, params)).getRowObjectsJS().map(plain) as T[];
	const run = async (sql: string, params?: DuckDBValue[]) => {
		const started = performance.now();
		await conn.run(sql, params);
		// KB_TICKETS_TRACE=1 prints each statement's time, for profiling pulls and reports.
		if (process.env.KB_TICKETS_TRACE)
			process.stderr.write(
				`  ${(performance.now() - started).toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 90)}\n`,
			);
	};
	await migrate(run);
	const close = () => {
		conn.closeSync();
		instance.closeSync();
	};
	return { path, conn, all, run, close };
}

/** Drops a temporary table or view if it exists, whichever it is. */
export async function dropTemp(store: TicketStore, name: string): Promise<void> {
	const [hit] = await store.all<{ kind: string }>(
		"SELECT 'TABLE' AS kind FROM duckdb_tables() WHERE temporary AND table_name = $1 UNION ALL SELECT 'VIEW' FROM duckdb_views() WHERE temporary AND view_name = $1",
		[name],
	);
	if (hit) await store.run(`DROP ${hit.kind} ${sqlIdent(name)}`);
}

/** Quotes a SQL string literal. */
export function sqlString(s: string): string {
	return `'${s.replace(/'/g, "''")}'`;
}

/** Quotes a SQL identifier. */
export function sqlIdent(s: string): string {
	return `"${s.replace(/"/g, '""')}"`;
}

// --- internal ---

// Times are TIMESTAMPTZ (instants); weeks are cut in the business time zone at report time.
const SCHEMA = [
	`CREATE TABLE IF NOT EXISTS tickets (
		source VARCHAR NOT NULL, ticket_id VARCHAR NOT NULL,
		created TIMESTAMPTZ NOT NULL, updated TIMESTAMPTZ, resolved TIMESTAMPTZ, first_response_minutes DOUBLE,
		status VARCHAR, priority VARCHAR, channel VARCHAR, model VARCHAR, serial_hash VARCHAR, fault_code VARCHAR,
		category VARCHAR, region VARCHAR, visits INTEGER, first_time_fix BOOLEAN, satisfaction DOUBLE, symptom VARCHAR,
		row_hash UBIGINT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS sources (
		source VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, fields VARCHAR[] NOT NULL,
		cursor VARCHAR, updated_since TIMESTAMPTZ)`,
	`CREATE TABLE IF NOT EXISTS pulls (
		source VARCHAR NOT NULL, finished TIMESTAMPTZ NOT NULL, origin VARCHAR NOT NULL,
		rows BIGINT, inserted BIGINT, updated BIGINT, unchanged BIGINT, rejected BIGINT)`,
];

function plain(row: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(row)) out[k] = convert(v);
	return out;
}

function convert(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (v instanceof Date) return v.toISOString();
	if (Array.isArray(v)) return v.map(convert);
	return v;
}

async function migrate(run: TicketStore['run']): Promise<void> {
	for (const sql of SCHEMA) await run(sql);
}

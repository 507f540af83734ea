import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runConnector } from '../../../scripts/lib/tickets/connectors/run.ts';
import { zendeskConnector } from '../../../scripts/lib/tickets/connectors/zendesk.ts';
import { parseMapping } from '../../../scripts/lib/tickets/mapping.ts';
import { loadCheckpoint } from '../../../scripts/lib/tickets/upsert.ts';
import { PLANTED, SALT, tempStore } from './support.ts';

// Tickets as Zendesk's incremental export returns them (docs: "Incremental Exports", cursor-based).
const ticket = (id: number, updated: string, code: string) => ({
	id,
	url: `https://acme.zendesk.com/api/v2/tickets/${id}.json`,
	created_at: '2026-03-02T01:00:00Z',
	updated_at: updated,
	subject: `${PLANTED.name}的空调不制冷`,
	description: `电话 ${PLANTED.phone}，地址 ${PLANTED.address}`,
	priority: 'high',
	status: 'open',
	requester_id: 20978392,
	via: { channel: 'voice' },
	custom_fields: [
		{ id: 27642, value: code },
		{ id: 27643, value: 'ac-kf35' },
	],
	tags: ['ac'],
});
const PAGES: Record<string, { tickets: unknown[]; after_cursor: string; end_of_stream: boolean }> =
	{
		'start_time=1772323200': {
			tickets: [ticket(1, '2026-03-02T01:00:00Z', 'E4'), ticket(2, '2026-03-02T02:00:00Z', 'E1')],
			after_cursor: 'c1',
			end_of_stream: false,
		},
		'cursor=c1': {
			tickets: [ticket(3, '2026-03-02T03:00:00Z', 'F07')],
			after_cursor: 'c2',
			end_of_stream: true,
		},
		'cursor=c2': {
			tickets: [ticket(2, '2026-03-03T08:00:00Z', 'E5')],
			after_cursor: 'c3',
			end_of_stream: true,
		},
	};

let server: Server;
let requests: { query: string; auth?: string }[];
let failOn: string | undefined;
let ctx: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
	ctx = await tempStore();
	requests = [];
	failOn = undefined;
	server = createServer((req, res) => {
		const query = (req.url ?? '').split('?')[1] ?? '';
		requests.push({ query, auth: req.headers.authorization });
		// The first request is rate-limited, as Zendesk does beyond 10 export requests a minute.
		if (requests.length === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
		if (query === failOn) return void res.writeHead(401).end();
		const page = PAGES[query];
		if (!page) return void res.writeHead(404).end();
		res.writeHead(200, { 'content-type': 'application/json' }).end(
			JSON.stringify({
				...page,
				after_url: `/cursor.json?cursor=${page.after_cursor}`,
				before_cursor: null,
			}),
		);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
});
afterEach(() => {
	server.close();
	ctx.dispose();
});

function connector(waits: number[] = []) {
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const config = {
		type: 'zendesk' as const,
		url,
		emailEnv: 'ZD_EMAIL',
		tokenEnv: 'ZD_TOKEN',
		overlapMinutes: 10,
		since: '2026-03-01T00:00:00Z',
		timeoutSeconds: 5,
	};
	return zendeskConnector(
		'zendesk',
		config,
		{ email: 'agent@acme.test', token: 'tok' },
		{ sleep: (ms) => Promise.resolve(void waits.push(ms)) },
	);
}
const mapping = parseMapping({
	preset: 'zendesk',
	fields: { faultCode: 'custom_fields.27642', model: 'custom_fields.27643' },
});
const run = (waits?: number[]) =>
	runConnector(connector(waits), {
		store: ctx.store,
		salt: SALT,
		mapping,
		rejectsFile: join(ctx.dir, 'r.csv'),
	});

describe('zendeskConnector', () => {
	it('follows the cursor pages after waiting out a 429, and stores each ticket once', async () => {
		const waits: number[] = [];

		const summary = await run(waits);

		expect(waits).toEqual([1000]);
		expect(requests.map((r) => r.query)).toEqual([
			'start_time=1772323200',
			'start_time=1772323200',
			'cursor=c1',
		]);
		expect(requests[0]!.auth).toBe(
			`Basic ${Buffer.from('agent@acme.test/token:tok').toString('base64')}`,
		);
		expect(summary).toMatchObject({ source: 'zendesk', rows: 3, inserted: 3, rejected: 0 });
		expect(await loadCheckpoint(ctx.store, 'zendesk')).toEqual({
			cursor: 'c2',
			updatedSince: '2026-03-02T03:00:00.000Z',
		});
		expect(
			await ctx.store.all(
				'SELECT ticket_id, fault_code, priority, channel, model FROM tickets ORDER BY ticket_id',
			),
		).toEqual([
			{ ticket_id: '1', fault_code: 'E4', priority: 'P2', channel: 'phone', model: 'ac-kf35' },
			{ ticket_id: '2', fault_code: 'E1', priority: 'P2', channel: 'phone', model: 'ac-kf35' },
			{ ticket_id: '3', fault_code: 'F07', priority: 'P2', channel: 'phone', model: 'ac-kf35' },
		]);
	});

	it('resumes from the saved cursor and updates instead of duplicating', async () => {
		await run();

		const again = await run();

		expect(requests.at(-1)!.query).toBe('cursor=c2');
		expect(again).toMatchObject({ rows: 1, inserted: 0, updated: 1 });
		expect(
			await ctx.store.all('SELECT ticket_id, fault_code FROM tickets ORDER BY ticket_id'),
		).toEqual([
			{ ticket_id: '1', fault_code: 'E4' },
			{ ticket_id: '2', fault_code: 'E5' },
			{ ticket_id: '3', fault_code: 'F07' },
		]);
	});

	it('keeps the checkpoint of the last stored batch when a later page fails', async () => {
		failOn = 'cursor=c1';

		await expect(run()).rejects.toThrow('answered 401 Unauthorized');

		expect(await loadCheckpoint(ctx.store, 'zendesk')).toEqual({
			cursor: 'c1',
			updatedSince: '2026-03-02T02:00:00.000Z',
		});
		expect(await ctx.store.all('SELECT count(*) AS n FROM tickets')).toEqual([{ n: 2 }]);
	});

	it("never stores the subject or description, which carry the customer's details", async () => {
		await run();

		const text = JSON.stringify(await ctx.store.all('SELECT * FROM tickets'));
		for (const secret of Object.values(PLANTED)) expect(text).not.toContain(secret);
	});
});

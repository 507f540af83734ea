import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../scripts/lib/tickets/catalogue.ts';
import { pullConfiguredSource } from '../../scripts/lib/tickets/connectors/run.ts';
import { buildReport, REPORT_DEFAULTS } from '../../scripts/lib/tickets/report.ts';
import { openStore, type TicketStore } from '../../scripts/lib/tickets/store.ts';

// A real Request Tracker 5 (Debian's request-tracker5 + rt5-db-sqlite + rt5-standalone on
// 127.0.0.1), installed and started by .ci/install-rt. In CI (CI=true, as .ci/run sets) the test
// fails when RT does not answer; on a developer's machine without RT it is skipped, saying so.
const RT = process.env.KB_RT_URL ?? 'http://127.0.0.1:8085';
// Where Debian's rt5-db-sqlite keeps the database (.ci/install-rt installs it so).
const RT_DB = process.env.KB_RT_DB ?? '/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb';
const USER = process.env.KB_RT_USER ?? 'root';
const PASSWORD = process.env.KB_RT_PASSWORD ?? 'kb-test-password';
const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const CONTENT_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'content');
const PLANTED = {
	name: '欧阳娜娜',
	email: 'ouyang.nana@example.com',
	address: '杭州市西湖区文三路100号',
};

const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const available = await fetch(`${RT}/REST/2.0/rt`, {
	headers: { authorization: AUTH },
	signal: AbortSignal.timeout(3000),
})
	.then((r) => r.ok)
	.catch(() => false);
const UNAVAILABLE = `no Request Tracker answers at ${RT}/REST/2.0 as ${USER} (run .ci/install-rt to install and start it)`;
if (!available && !IN_CI)
	console.warn(`RT5 integration test skipped on this machine (not CI): ${UNAVAILABLE}.`);

/** Calls RT's REST2 API as the test user. */
async function rt<T>(method: string, path: string, body?: unknown): Promise<T> {
	const res = await fetch(`${RT}/REST/2.0/${path}`, {
		method,
		headers: { authorization: AUTH, 'content-type': 'application/json; charset=utf-8' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`RT ${method} ${path}: ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

// Backdated tickets with Chinese custom-field values, the customer's details in subject and requestor.
const TAG = `kbtest${Date.now()}`;
const SEED = [
	{
		created: '2026-02-02 01:00:00',
		resolved: '2026-02-02 04:00:00',
		priority: 95,
		code: 'E4',
		model: 'KF-35',
		region: '华东',
		serial: 'SN-RT-1',
		satisfaction: '非常满意',
		ftf: '是',
	},
	{
		created: '2026-02-03 02:00:00',
		resolved: '2026-02-04 02:00:00',
		priority: 60,
		code: 'E-4',
		model: 'ac-kf26',
		region: '华南',
		serial: 'SN-RT-2',
		satisfaction: '4',
		ftf: '否',
	},
	{
		created: '2026-02-05 03:00:00',
		resolved: '2026-02-05 05:00:00',
		priority: 95,
		code: 'E4',
		model: 'KF-35',
		region: '华东',
		serial: 'SN-RT-1',
		satisfaction: '3',
		ftf: '是',
	},
	{
		created: '2026-02-10 03:00:00',
		resolved: '2026-02-10 09:00:00',
		priority: 40,
		code: 'F07',
		model: 'KF-26',
		region: '华北',
		serial: 'SN-RT-3',
		satisfaction: '5',
		ftf: '是',
	},
	{
		created: '2026-02-11 03:00:00',
		resolved: '2026-02-11 06:00:00',
		priority: 40,
		code: 'E-88',
		model: 'KF-35',
		region: '华东',
		serial: 'SN-RT-4',
		satisfaction: '满意',
		ftf: '是',
	},
];
/**
 * Creates a ticket, then backdates it. RT 5.0 ignores `Created` on create and on update (REST2
 * and the web UI alike), so the test sets it in RT's SQLite database, as an import from an older
 * system would; RT keeps dates in UTC, and REST2 reads the seed's times as UTC too.
 */
async function create(t: (typeof SEED)[number]): Promise<{ id: string }> {
	const ticket = await rt<{ id: string }>('POST', 'ticket', {
		Queue: 'General',
		Subject: `${TAG} ${PLANTED.name} ${PLANTED.address} 空调不制冷`,
		Requestor: PLANTED.email,
		Priority: t.priority,
		Status: 'resolved',
		Resolved: t.resolved,
		CustomFields: {
			故障代码: t.code,
			产品型号: t.model,
			区域: t.region,
			序列号: t.serial,
			满意度: t.satisfaction,
			首次修复: t.ftf,
		},
	});
	const sql = `UPDATE Tickets SET Created = '${t.created}' WHERE id = ${Number(ticket.id)};`;
	const run = spawnSync('sqlite3', [RT_DB, sql], { encoding: 'utf8' });
	if (run.status !== 0)
		throw new Error(
			`Could not backdate RT ticket ${ticket.id} in ${RT_DB}: ${run.stderr || run.error?.message}`,
		);
	return ticket;
}

let dir: string;
let store: TicketStore;
let ids: string[] = [];
const pull = () =>
	pullConfiguredSource({
		store,
		salt: 'rt-test-salt-0123456789',
		name: 'rt',
		configFile: join(dir, 'sources.yaml'),
		rejectsFile: join(dir, 'rejects.csv'),
		batchSize: 2,
	});

describe.skipIf(!available && !IN_CI)('RT 5 connector against a real Request Tracker', () => {
	beforeAll(async () => {
		if (!available)
			throw new Error(
				`CI=${process.env.CI}: the RT 5 integration test must run in CI, but ${UNAVAILABLE}.`,
			);
		dir = mkdtempSync(join(tmpdir(), 'kb-rt-'));
		store = await openStore(join(dir, 'tickets.duckdb'));
		ids = [];
		for (const t of SEED) ids.push((await create(t)).id);
		process.env.KB_RT_TEST_USER = USER;
		process.env.KB_RT_TEST_PASSWORD = PASSWORD;
		// RT reads TicketSQL dates in its $Timezone, which .ci/install-rt sets to Asia/Shanghai.
		writeFileSync(
			join(dir, 'sources.yaml'),
			`sources:\n  rt:\n    type: rt\n    url: ${RT}\n    userEnv: KB_RT_TEST_USER\n    passwordEnv: KB_RT_TEST_PASSWORD\n    query: "Subject LIKE '${TAG}'"\n    serverTimezone: Asia/Shanghai\n`,
		);
	});
	afterAll(() => {
		// beforeAll may have failed before opening it.
		(store as TicketStore | undefined)?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('pulls the tickets with their Chinese custom fields, in batches', async () => {
		const summary = await pull();

		expect(summary).toMatchObject({ source: 'rt', rows: 5, inserted: 5, rejected: 0 });
		expect(
			await store.all(
				`SELECT ticket_id, created, priority, fault_code, model, region, first_time_fix, satisfaction FROM tickets ORDER BY created`,
			),
		).toEqual([
			{
				ticket_id: ids[0],
				created: '2026-02-02T01:00:00.000Z',
				priority: 'P1',
				fault_code: 'E4',
				model: 'KF-35',
				region: '华东',
				first_time_fix: true,
				satisfaction: 5,
			},
			{
				ticket_id: ids[1],
				created: '2026-02-03T02:00:00.000Z',
				priority: 'P2',
				fault_code: 'E-4',
				model: 'ac-kf26',
				region: '华南',
				first_time_fix: false,
				satisfaction: 4,
			},
			{
				ticket_id: ids[2],
				created: '2026-02-05T03:00:00.000Z',
				priority: 'P1',
				fault_code: 'E4',
				model: 'KF-35',
				region: '华东',
				first_time_fix: true,
				satisfaction: 3,
			},
			{
				ticket_id: ids[3],
				created: '2026-02-10T03:00:00.000Z',
				priority: 'P3',
				fault_code: 'F07',
				model: 'KF-26',
				region: '华北',
				first_time_fix: true,
				satisfaction: 5,
			},
			{
				ticket_id: ids[4],
				created: '2026-02-11T03:00:00.000Z',
				priority: 'P3',
				fault_code: 'E-88',
				model: 'KF-35',
				region: '华东',
				first_time_fix: true,
				satisfaction: 4,
			},
		]);
	});

	it('pulls again incrementally: the changed ticket is updated, the new one added, nothing duplicated', async () => {
		await rt('PUT', `ticket/${ids[3]}`, { CustomFields: { 故障代码: 'E5' } });
		ids.push(
			(
				await create({
					...SEED[0]!,
					created: '2026-02-12 01:00:00',
					resolved: '2026-02-12 02:00:00',
					serial: 'SN-RT-5',
				})
			).id,
		);

		const summary = await pull();

		expect(summary).toMatchObject({ inserted: 1, updated: 1, rejected: 0 });
		expect(
			await store.all('SELECT count(*) AS n, count(DISTINCT ticket_id) AS ids FROM tickets'),
		).toEqual([{ n: 6, ids: 6 }]);
		expect(await store.all(`SELECT fault_code FROM tickets WHERE ticket_id = '${ids[3]}'`)).toEqual(
			[{ fault_code: 'E5' }],
		);
	});

	it("reports on what it pulled, without the customer's details", async () => {
		const report = await buildReport(store, loadCatalogue(CONTENT_FIXTURE), {
			...REPORT_DEFAULTS,
			weeks: 2,
			recentWeeks: 1,
			until: '2026-02-15',
			asOf: '2026-11-26',
		});

		expect(report.totals).toMatchObject({ tickets: 6, coded: 6, repeatRepairs: 1 });
		expect(report.faults.map((f) => [f.code, f.family, f.count, f.knowledge])).toEqual([
			['E4', 'ac', 4, 'covered'],
			['E5', 'ac', 1, 'missing'],
			['E-88', 'ac', 1, 'missing'],
		]);
		expect(report.regions).toEqual([
			{ region: '华东', count: 4 },
			{ region: '华北', count: 1 },
			{ region: '华南', count: 1 },
		]);
		const everything = JSON.stringify([
			report,
			await store.all('SELECT * FROM tickets'),
			await store.all('SELECT * FROM sources'),
		]);
		for (const secret of Object.values(PLANTED)) expect(everything).not.toContain(secret);
	});
});

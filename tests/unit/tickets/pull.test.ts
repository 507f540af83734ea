import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullFile } from '../../../scripts/lib/tickets/pull.ts';
import type { TicketStore } from '../../../scripts/lib/tickets/store.ts';
import { SALT, TICKET_FIXTURES, tempStore } from './support.ts';

let ctx: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
	ctx = await tempStore();
});
afterEach(() => ctx.dispose());

const pull = (file: string, extra: Partial<Parameters<typeof pullFile>[0]> = {}) =>
	pullFile({
		file: join(TICKET_FIXTURES, file),
		store: ctx.store,
		salt: SALT,
		rejectsFile: join(ctx.dir, 'rejects.csv'),
		...extra,
	});

const stored = (store: TicketStore) =>
	store.all(`SELECT ticket_id, created, resolved, first_response_minutes, priority, channel, model, fault_code, region, first_time_fix, satisfaction, symptom
		FROM tickets ORDER BY ticket_id`);

describe('pullFile', () => {
	it('stores the good rows of a Chinese Excel export, normalised', async () => {
		const summary = await pull('zh-excel.csv');

		expect(summary).toMatchObject({
			source: 'zh-excel',
			format: 'csv',
			encoding: 'utf-8 with BOM',
			rows: 8,
			inserted: 4,
			updated: 0,
			unchanged: 0,
			rejected: 4,
		});
		expect(summary.dropped).toEqual(['客户姓名', '联系电话', '地址']);
		const rows = await stored(ctx.store);
		expect(rows.map((r) => r.ticket_id)).toEqual(['T-1001', 'T-1002', 'T-1007', 'T-1008']);
		expect(rows[0]).toEqual({
			ticket_id: 'T-1001',
			created: '2026-03-02T01:00:00.000Z',
			resolved: '2026-03-02T04:00:00.000Z',
			first_response_minutes: 10,
			priority: 'P1',
			channel: 'phone',
			model: 'KF-35',
			fault_code: 'E4',
			region: '华东',
			first_time_fix: true,
			satisfaction: 5,
			symptom: '不制冷，客户电话#',
		});
		expect(rows[1]).toMatchObject({
			created: '2026-03-03T02:30:00.000Z',
			first_response_minutes: 60,
			priority: 'P2',
			channel: 'email',
			fault_code: 'E-4',
			first_time_fix: false,
			satisfaction: 4,
		});
	});

	it('writes each bad row to the rejects file with its row number and reason, and keeps going', async () => {
		await pull('zh-excel.csv');

		expect(readFileSync(join(ctx.dir, 'rejects.csv'), 'utf8')).toBe(
			'\ufeffrow,id,reason\n' +
				'4,T-1003,"created ""2026-13-01 10:00"" is not a date and time; write it like 2026-03-04 14:05 or 2026-03-04T06:05:00Z."\n' +
				'5,,id is empty; every ticket needs its ticket number.\n' +
				'6,T-1005,"priority ""whatever"" is not a priority; map it to P1–P4 under values.priority in the mapping."\n' +
				'7,T-1006,"satisfaction ""7"" is outside 0–5; set satisfactionScale in the mapping if the source scores out of more."\n',
		);
	});

	it('changes nothing when the same export is pulled twice', async () => {
		await pull('zh-excel.csv');
		const before = await ctx.store.all('SELECT * FROM tickets ORDER BY ticket_id');

		const again = await pull('zh-excel.csv');

		expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, rejected: 4 });
		expect(await ctx.store.all('SELECT * FROM tickets ORDER BY ticket_id')).toEqual(before);
	});

	it('reads a GB18030 export (as Chinese Excel saves CSV) into the same tickets as its UTF-8 twin', async () => {
		await pull('zh-excel.csv');
		const utf8 = await stored(ctx.store);
		await ctx.store.run('DELETE FROM tickets');

		const summary = await pull('zh-excel-gbk.csv');

		expect(summary.encoding).toBe('gb18030');
		expect(await stored(ctx.store)).toEqual(utf8);
	});

	it('reads times without an offset in the time zone given', async () => {
		await pull('zh-excel.csv', { timezone: 'Europe/Berlin' });

		const [first] = await stored(ctx.store);
		expect(first!.created).toBe('2026-03-02T08:00:00.000Z');
	});

	it('updates a ticket whose row changed, and merges a ticket listed twice keeping the newest', async () => {
		const { writeFileSync } = await import('node:fs');
		const file = join(ctx.dir, 'changes.csv');
		writeFileSync(
			file,
			'工单号,创建时间,更新时间,故障代码\nA1,2026-03-02 09:00,2026-03-02 10:00,E1\nA2,2026-03-02 09:00,2026-03-02 10:00,E2\n',
		);
		await pullFile({ file, store: ctx.store, salt: SALT, rejectsFile: join(ctx.dir, 'r.csv') });
		writeFileSync(
			file,
			'工单号,创建时间,更新时间,故障代码\nA1,2026-03-02 09:00,2026-03-03 10:00,E5\nA2,2026-03-02 09:00,2026-03-02 10:00,E2\nA1,2026-03-02 09:00,2026-03-02 11:00,E9\n',
		);

		const summary = await pullFile({
			file,
			store: ctx.store,
			salt: SALT,
			rejectsFile: join(ctx.dir, 'r.csv'),
		});

		expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, duplicates: 1 });
		expect(
			await ctx.store.all('SELECT ticket_id, fault_code FROM tickets ORDER BY ticket_id'),
		).toEqual([
			{ ticket_id: 'A1', fault_code: 'E5' },
			{ ticket_id: 'A2', fault_code: 'E2' },
		]);
	});

	it('rejects a row with the wrong number of fields by its row number and stores the rest', async () => {
		const { writeFileSync } = await import('node:fs');
		const file = join(ctx.dir, 'broken.csv');
		writeFileSync(
			file,
			'ticket_id,created,fault_code\nB1,2026-03-02 09:00,"E1\nsecond line"\nB2,2026-03-02 09:00,E2,extra\nB3,2026-03-02 09:00,E3\n',
		);

		const summary = await pullFile({
			file,
			store: ctx.store,
			salt: SALT,
			rejectsFile: join(ctx.dir, 'r.csv'),
		});

		expect(summary).toMatchObject({ source: 'tickets', rows: 3, inserted: 2, rejected: 1 });
		expect(summary.firstRejects).toEqual([
			{
				row: 3,
				id: null,
				reason:
					'has 4 fields where the header has 3; check for a stray delimiter or an unclosed quote.',
			},
		]);
	});

	it('reads NDJSON, numbering lines, with a bad line rejected', async () => {
		const { writeFileSync } = await import('node:fs');
		const file = join(ctx.dir, 'tickets.ndjson');
		writeFileSync(
			file,
			'{"id": 7, "created_at": "2026-03-02T01:00:00Z", "priority": "urgent", "via": {"channel": "voice"}, "requester": {"name": "欧阳娜娜"}}\n{not json\n',
		);

		const summary = await pullFile({
			file,
			store: ctx.store,
			salt: SALT,
			rejectsFile: join(ctx.dir, 'r.csv'),
		});

		expect(summary).toMatchObject({ source: 'zendesk', inserted: 1, rejected: 1 });
		expect(summary.firstRejects).toEqual([
			{
				row: 2,
				id: null,
				reason: 'is not valid JSON; each line must be one complete JSON object.',
			},
		]);
		expect(
			await ctx.store.all('SELECT ticket_id, priority, channel, created FROM tickets'),
		).toEqual([
			{ ticket_id: '7', priority: 'P1', channel: 'phone', created: '2026-03-02T01:00:00.000Z' },
		]);
	});

	it('reads the first sheet of an XLSX export, dates included', async () => {
		const { default: writeXlsxFile } = await import('write-excel-file/node');
		const file = join(ctx.dir, 'export.xlsx');
		await writeXlsxFile([
			[
				{ value: 'Ticket ID' },
				{ value: 'Created' },
				{ value: 'Error Code' },
				{ value: 'Customer' },
			],
			[
				{ value: 'X-1' },
				{ value: new Date(Date.UTC(2026, 2, 2, 9, 30)), type: Date, format: 'yyyy-mm-dd hh:mm' },
				{ value: 'E-101' },
				{ value: '欧阳娜娜' },
			],
		]).toFile(file);

		const summary = await pullFile({
			file,
			store: ctx.store,
			salt: SALT,
			rejectsFile: join(ctx.dir, 'r.csv'),
		});

		expect(summary).toMatchObject({
			source: 'tickets',
			format: 'xlsx',
			inserted: 1,
			dropped: ['Customer'],
		});
		expect(await ctx.store.all('SELECT ticket_id, fault_code, created FROM tickets')).toEqual([
			{ ticket_id: 'X-1', fault_code: 'E-101', created: '2026-03-02T01:30:00.000Z' },
		]);
	});
});

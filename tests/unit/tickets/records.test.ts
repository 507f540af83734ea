import { describe, expect, it } from 'vitest';
import {
	flattenRecord,
	formatOf,
	jsonRecords,
	ndjsonRecords,
} from '../../../scripts/lib/tickets/records.ts';
import { printed } from '../../helpers/kb-error.ts';

describe('flattenRecord', () => {
	it('flattens a Zendesk ticket: nested objects, custom fields by id, tags', () => {
		const ticket = {
			id: 35436,
			via: { channel: 'web', source: { from: {} } },
			custom_fields: [
				{ id: 27642, value: 'E4' },
				{ id: 27648, value: null },
			],
			tags: ['enterprise', 'vip'],
			requester_id: null,
		};

		expect(flattenRecord(ticket)).toEqual({
			id: '35436',
			'via.channel': 'web',
			'custom_fields.27642': 'E4',
			'custom_fields.27648': null,
			tags: 'enterprise, vip',
			requester_id: null,
		});
	});

	it('flattens an RT REST2 ticket: custom fields as CF.{name}', () => {
		const ticket = {
			id: 1,
			Created: '2026-01-05T02:00:00Z',
			CustomFields: [
				{ id: '2', name: '故障代码', values: ['E4'] },
				{ id: '4', name: '序列号', values: [] },
			],
		};

		expect(flattenRecord(ticket)).toEqual({
			id: '1',
			Created: '2026-01-05T02:00:00Z',
			'CF.{故障代码}': 'E4',
			'CF.{序列号}': null,
		});
	});
});

describe('jsonRecords', () => {
	it.each([
		[
			'[{"id": 1}, 2]',
			[
				{ row: 1, fields: { id: '1' } },
				{ row: 2, error: 'is not a JSON object; each ticket must be an object.' },
			],
		],
		['{"tickets": [{"id": 1}]}', [{ row: 1, fields: { id: '1' } }]],
	])('reads %j', (text, expected) => {
		expect([...jsonRecords(text)]).toEqual(expected);
	});

	it('names the problem with a JSON file that holds no list, or is not JSON', () => {
		expect([
			printed(() => [...jsonRecords('{"count": 3}')]),
			printed(() => [...jsonRecords('{"count": ')]),
		]).toEqual([
			'error [json-shape]: the JSON holds no list of tickets.\nfix: give a JSON array of tickets, or an object with a `tickets` array.\n',
			'error [json-invalid]: the file is not valid JSON: Unexpected end of JSON input\nfix: export it again, or save it as NDJSON (one ticket per line) so one bad line does not spoil the file.\n',
		]);
	});
});

describe('ndjsonRecords', () => {
	it('numbers lines, skips blank ones and rejects bad ones', async () => {
		const lines = ['{"id": 1}', '', '[1]', '{oops'];

		const out = [];
		for await (const r of ndjsonRecords(lines)) out.push(r);

		expect(out).toEqual([
			{ row: 1, fields: { id: '1' } },
			{ row: 3, error: 'is not a JSON object; each line must be one ticket object.' },
			{ row: 4, error: 'is not valid JSON; each line must be one complete JSON object.' },
		]);
	});
});

describe('formatOf', () => {
	it.each([
		['a.CSV', 'csv'],
		['a.tsv', 'csv'],
		['a.jsonl', 'ndjson'],
		['a.json', 'json'],
		['a.xlsx', 'xlsx'],
	])('knows %s', (file, format) => {
		expect(formatOf(file)).toBe(format);
	});

	it('asks for a known extension', () => {
		expect(printed(() => formatOf('export.xls'))).toBe(
			'error [format-unknown]: cannot tell the format of export.xls from its extension.\nfix: name the file .csv, .tsv, .ndjson, .json or .xlsx.\n',
		);
	});
});

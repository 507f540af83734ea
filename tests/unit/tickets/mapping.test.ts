import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	chooseMapping,
	loadMapping,
	parseMapping,
	presetMapping,
	resolveColumns,
} from '../../../scripts/lib/tickets/mapping.ts';
import { printed } from '../../helpers/kb-error.ts';

describe('parseMapping', () => {
	it("merges a preset with the file's own fields and value words", () => {
		const mapping = parseMapping({
			preset: 'zendesk',
			source: 'helpdesk',
			fields: { faultCode: 'custom_fields.360001', channel: false },
			values: { priority: { critical: 'P1' } },
		});

		expect(mapping.source).toBe('helpdesk');
		expect(mapping.fields.faultCode).toEqual(['custom_fields.360001']);
		expect(mapping.fields.channel).toBeUndefined();
		expect(mapping.fields.created).toEqual(['created_at', 'Created at', 'Requested']);
		expect(mapping.values.priority).toEqual({
			urgent: 'P1',
			high: 'P2',
			normal: 'P3',
			low: 'P4',
			critical: 'P1',
		});
	});

	it.each([
		[
			{ preset: 'jira' },
			'mapping: preset: "jira" is not a preset; use one of zh-excel, rt, zendesk, generic.',
		],
		[
			{ fields: { faultcode: 'x' } },
			'mapping: fields.faultcode: "faultcode" is not a ticket field; use one of id, created, updated, resolved, status, priority, channel, firstResponse, firstResponseMinutes, model, serial, faultCode, category, region, visits, firstTimeFix, satisfaction, symptom.',
		],
		[
			{ fields: { id: '  ' } },
			'mapping: fields.id: is empty; write the column name or field path.',
		],
		[
			{ values: { priority: { 紧急: 'P0' } } },
			'mapping: values.priority.紧急: "P0" is not a priority; use one of P1, P2, P3, P4.',
		],
		[
			{ values: { channel: { 微信: 'wechat' } } },
			'mapping: values.channel.微信: "wechat" is not a channel; use one of phone, email, chat, web, onsite, other.',
		],
		[
			{ timezone: 'Beijing' },
			'mapping: timezone: "Beijing" is not an IANA time zone; write one like Asia/Shanghai.',
		],
		[
			{ source: 'My CRM' },
			'mapping: source: must be lowercase letters, digits and hyphens, e.g. service-crm.',
		],
		[
			{ columns: {} },
			'mapping: (top): has unknown keys "columns"; remove them or check their spelling.',
		],
	])('rejects %j with the message %j', (raw, message) => {
		expect(printed(() => parseMapping(raw))).toBe(
			`error [mapping-invalid]: ${message}\nfix: fix the mapping file; its fields are described in docs/tickets.md#mapping.\n`,
		);
	});
});

describe('loadMapping', () => {
	it('reads a YAML mapping file', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'kb-map-')), 'map.yaml');
		writeFileSync(
			file,
			'preset: zh-excel\nsource: service-crm\nfields:\n  faultCode: [故障编码]\nsatisfactionScale: 10\n',
		);

		const mapping = loadMapping(file);

		expect(mapping).toMatchObject({ source: 'service-crm', satisfactionScale: 10 });
		expect(mapping.fields.faultCode).toEqual(['故障编码']);
	});

	it('refuses a file it cannot read or parse', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'kb-map-')), 'map.yaml');
		writeFileSync(file, 'fields: [unclosed\n');

		expect([
			printed(() => loadMapping('/nonexistent/map.yaml')),
			printed(() => loadMapping(file)),
		]).toEqual([
			"error [mapping-unreadable]: cannot read mapping /nonexistent/map.yaml: ENOENT: no such file or directory, open '/nonexistent/map.yaml'\nfix: check the path and that the file is YAML or JSON.\n",
			`error [mapping-unreadable]: cannot read mapping ${file}: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1.\nfix: check the path and that the file is YAML or JSON.\n`,
		]);
	});
});

describe('resolveColumns', () => {
	it('matches headers ignoring case, width and spacing, first candidate found wins', () => {
		const columns = resolveColumns(presetMapping('generic'), [
			'Ticket ID',
			'ERROR  CODE',
			'created',
			'Customer name',
			'u_fault_code',
		]);

		expect(columns).toEqual({ id: 'Ticket ID', created: 'created', faultCode: 'u_fault_code' });
	});
});

describe('chooseMapping', () => {
	it.each([
		[['工单号', '创建时间', '故障代码', '客户姓名', '联系电话'], 'zh-excel', '故障代码'],
		[
			['id', 'Created', 'LastUpdated', 'Status', 'CF.{FaultCode}', 'CF.{Model}'],
			'rt',
			'CF.{FaultCode}',
		],
		[['id', 'created_at', 'updated_at', 'via.channel', 'priority'], 'zendesk', undefined],
		[['Ticket ID', 'Created', 'Error Code', 'Customer'], 'tickets', 'Error Code'],
	])('picks the preset for %j', (headers, source, faultColumn) => {
		const { mapping, columns } = chooseMapping(headers, undefined, 'export.csv');

		expect(mapping.source).toBe(source);
		expect(columns.faultCode).toBe(faultColumn);
	});

	it('names the file, the columns found and the fix when nothing fits', () => {
		expect(printed(() => chooseMapping(['姓名', '电话'], undefined, 'export.csv'))).toBe(
			'error [mapping-unresolved]: export.csv: no preset finds a ticket id and a creation time among the columns "姓名", "电话".\nfix: pass --mapping <file> naming the id and created columns (see docs/tickets.md#mapping).\n',
		);
	});

	it('says which required field a given mapping lacks', () => {
		expect(
			printed(() => chooseMapping(['工单号', '日期'], presetMapping('zh-excel'), 'a.csv')),
		).toBe(
			'error [mapping-unresolved]: a.csv: the mapping has no column for created among the columns "工单号", "日期".\nfix: pass --mapping <file> naming the id and created columns (see docs/tickets.md#mapping).\n',
		);
	});
});

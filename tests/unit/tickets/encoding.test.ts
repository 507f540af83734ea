import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	detectEncoding,
	normaliseEncodingName,
	sniffFileEncoding,
	transcodeToUtf8,
} from '../../../scripts/lib/tickets/encoding.ts';
import { printed, printedAsync } from '../../helpers/kb-error.ts';
import { TICKET_FIXTURES } from './support.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
// "工单号,故障代码" in GB18030, as Chinese Excel writes a CSV.
const GBK = Uint8Array.from([
	0xb9, 0xa4, 0xb5, 0xa5, 0xba, 0xc5, 0x2c, 0xb9, 0xca, 0xd5, 0xcf, 0xb4, 0xfa, 0xc2, 0xeb,
]);

describe('detectEncoding', () => {
	it.each([
		[
			'UTF-8 with a BOM',
			Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('工单号')]),
			{ encoding: 'utf-8', bom: true },
		],
		['UTF-8 without a BOM', utf8('工单号,故障代码'), { encoding: 'utf-8', bom: false }],
		['GB18030 / GBK', GBK, { encoding: 'gb18030', bom: false }],
		[
			'UTF-16 LE with a BOM',
			Uint8Array.from([0xff, 0xfe, 0x65, 0x51]),
			{ encoding: 'utf-16le', bom: true },
		],
		['plain ASCII', utf8('id,created\n1,2026-03-01'), { encoding: 'undecided', bom: false }],
		['UTF-8 cut inside a character', utf8('工单号').slice(0, 4), { encoding: 'utf-8', bom: false }],
	])('reads %s', (_, bytes, expected) => {
		expect(detectEncoding(bytes)).toEqual(expected);
	});

	it('refuses bytes that are neither UTF-8 nor GB18030', () => {
		expect(printed(() => detectEncoding(Uint8Array.from([0x41, 0xff, 0xff, 0xff])))).toBe(
			'error [encoding-unknown]: the file is neither UTF-8 nor GB18030/GBK text.\nfix: pass --encoding with the file\'s encoding (utf-8, gb18030, utf-16le), or re-save it as "CSV UTF-8".\n',
		);
	});
});

describe('sniffFileEncoding', () => {
	it('detects the fixtures and lets --encoding override', () => {
		expect(sniffFileEncoding(join(TICKET_FIXTURES, 'zh-excel.csv'))).toEqual({
			encoding: 'utf-8',
			bom: true,
		});
		expect(sniffFileEncoding(join(TICKET_FIXTURES, 'zh-excel-gbk.csv'))).toEqual({
			encoding: 'gb18030',
			bom: false,
		});
		expect(sniffFileEncoding(join(TICKET_FIXTURES, 'zh-excel-gbk.csv'), 'GBK')).toEqual({
			encoding: 'gb18030',
			bom: false,
		});
	});

	it('reads past an ASCII-only first megabyte to the first Chinese text', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'kb-enc-')), 'late.csv');
		writeFileSync(
			file,
			Buffer.concat([Buffer.from(`id,x\n${'1,a\n'.repeat(300_000)}`), Buffer.from(GBK)]),
		);

		expect(sniffFileEncoding(file).encoding).toBe('gb18030');
	});
});

describe('normaliseEncodingName', () => {
	it.each([
		['UTF8', 'utf-8'],
		['gbk', 'gb18030'],
		['GB2312', 'gb18030'],
		['cp936', 'gb18030'],
		['utf_16', 'utf-16le'],
	])('reads %j as %j', (name, expected) => {
		expect(normaliseEncodingName(name)).toBe(expected);
	});

	it('names the supported encodings when one is not', () => {
		expect(printed(() => normaliseEncodingName('big5'))).toBe(
			'error [encoding-unsupported]: --encoding big5 is not supported.\nfix: use one of utf-8, gb18030, utf-16le, utf-16be (gbk and gb2312 are read as gb18030).\n',
		);
	});
});

describe('transcodeToUtf8', () => {
	it('re-encodes GB18030 to UTF-8 and fails on the wrong declared encoding', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kb-enc-'));

		await transcodeToUtf8(
			join(TICKET_FIXTURES, 'zh-excel-gbk.csv'),
			join(dir, 'out.csv'),
			'gb18030',
		);

		expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(
			readFileSync(join(TICKET_FIXTURES, 'zh-excel.csv'), 'utf8').replace(/^\ufeff/, ''),
		);
		expect(
			await printedAsync(() =>
				transcodeToUtf8(join(TICKET_FIXTURES, 'zh-excel-gbk.csv'), join(dir, 'bad.csv'), 'utf-8'),
			),
		).toBe(
			'error [encoding-mismatch]: the file is not valid utf-8 text.\nfix: pass --encoding with the file\'s real encoding, or re-save it as "CSV UTF-8".\n',
		);
	});
});

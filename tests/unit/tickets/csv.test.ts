import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv, sniffDelimiter } from '../../../scripts/lib/tickets/csv.ts';

describe('parseCsv', () => {
	it.each([
		[
			'a,b\n1,2\n',
			[
				['a', 'b'],
				['1', '2'],
			],
		],
		[
			'a,b\r\n1,2\r\n',
			[
				['a', 'b'],
				['1', '2'],
			],
		],
		[
			'a,b\n"x, y","say ""hi"""\n',
			[
				['a', 'b'],
				['x, y', 'say "hi"'],
			],
		],
		[
			'a,b\n"line one\nline two",2\n',
			[
				['a', 'b'],
				['line one\nline two', '2'],
			],
		],
		[
			'a,b\n1,\n',
			[
				['a', 'b'],
				['1', ''],
			],
		],
		[
			'a,b\n\n1,2',
			[
				['a', 'b'],
				['1', '2'],
			],
		],
		[
			'\ufeffa,b\n1,2',
			[
				['a', 'b'],
				['1', '2'],
			],
		],
	])('parses %j', (text, expected) => {
		expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
	});

	it('numbers records with the header as 1, not counting blank lines or quoted line breaks', () => {
		expect(parseCsv('h\n"a\nb"\n\nc\n').map((r) => r.row)).toEqual([1, 2, 3]);
	});
});

describe('CsvParser', () => {
	it('gives the same records however the text is chunked, and notices an unclosed quote', () => {
		const parser = new CsvParser(',');

		const records = [
			...parser.push('a,"b'),
			...parser.push('c"\r'),
			...parser.push('\n1,"2'),
			...parser.end(),
		];

		expect(records.map((r) => r.fields)).toEqual([
			['a', 'bc'],
			['1', '2'],
		]);
		expect(parser.unterminated).toBe(true);
	});
});

describe('sniffDelimiter', () => {
	it.each([
		['工单号,创建时间,故障代码', ','],
		['id\tCreated\tStatus', '\t'],
		['id;created;"a,b"', ';'],
		['single', ','],
	])('finds the delimiter of %j', (line, expected) => {
		expect(sniffDelimiter(line)).toBe(expected);
	});
});

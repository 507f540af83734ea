import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING, loadMapping } from '../../scripts/lib/import/fault-mapping.ts';
import { planImport, writeEntry } from '../../scripts/lib/import/import-faults.ts';
import { readTable } from '../../scripts/lib/table.ts';
import { validateContent } from '../../src/core/validate.ts';
import { FIXTURE_CONTENT } from '../helpers/fixture.ts';
import { printed, printedAsync } from '../helpers/kb-error.ts';

// Slices of ../shared/data/fault-tables, copied into the repository (see its README.md).
const DATA = resolve(import.meta.dirname, '..', 'fixtures', 'fault-tables');
const MAPPINGS = resolve(import.meta.dirname, '..', '..', 'scripts', 'mappings');
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function tempContent(): string {
	dir = mkdtempSync(join(tmpdir(), 'kb-import-'));
	cpSync(FIXTURE_CONTENT, join(dir, 'content'), { recursive: true });
	return join(dir, 'content');
}

describe('readTable', () => {
	it('detects a GB18030 CSV as Chinese Excel writes it', async () => {
		dir = mkdtempSync(join(tmpdir(), 'kb-gbk-'));
		const file = join(dir, 'codes.csv');
		writeFileSync(
			file,
			Buffer.from([
				0x63, 0x6f, 0x64, 0x65, 0x2c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x45, 0x34, 0x2c, 0xb2,
				0xbb, 0xd6, 0xc6, 0xc0, 0xe4, 0x0a,
			]),
		); // "code,title\nE4,不制冷\n" in GBK

		const table = await readTable(file);

		expect(table.encoding).toBe('gb18030');
		expect(table.rows).toEqual([['E4', '不制冷']]);
	});
});

describe('readTable on a file that is not a workbook', () => {
	it('says so and how to save it', async () => {
		dir = mkdtempSync(join(tmpdir(), 'kb-xlsx-'));
		writeFileSync(join(dir, 'codes.xlsx'), 'code,title\nE4,No cooling\n');

		expect(await printedAsync(() => readTable(join(dir!, 'codes.xlsx')))).toBe(
			`error [xlsx-unreadable]: cannot read ${join(dir, 'codes.xlsx')} as an Excel workbook: Doesn't look like an \`.xlsx\` file\n` +
				'fix: open it in Excel and save it again as "Excel Workbook (.xlsx)", or export it as "CSV UTF-8".\n',
		);
	});
});

describe('readTable on XLSX', () => {
	it('reads a manufacturer table saved from Excel and plans its entries', async () => {
		const { default: writeXlsxFile } = await import('write-excel-file/node');
		dir = mkdtempSync(join(tmpdir(), 'kb-xlsx-'));
		const file = join(dir, 'codes.xlsx');
		await writeXlsxFile([
			[{ value: 'code' }, { value: 'title' }],
			[{ value: 'E-101' }, { value: 'Relay fault' }],
			[{ value: '' }, { value: 'No code' }],
		]).toFile(file);

		const { entries, rejected } = planImport(
			await readTable(file),
			{ ...DEFAULT_MAPPING, columns: { code: 'code', title: 'title' } },
			'ac',
		);

		expect(entries.map((e) => [e.row, e.data.code, e.data.title.en])).toEqual([
			[2, 'E-101', 'Relay fault'],
		]);
		expect(rejected).toEqual([
			{ row: 3, reason: 'the code column is empty; every row needs a code.' },
		]);
	});
});

describe('loadMapping', () => {
	it('names the file and each bad field of an invalid mapping', () => {
		dir = mkdtempSync(join(tmpdir(), 'kb-mapping-'));
		writeFileSync(join(dir, 'm.yaml'), 'columns:\n  code: Code\nleadingZerosSignificant: often\n');

		expect(printed(() => loadMapping(join(dir!, 'm.yaml')))).toBe(
			`error [mapping-invalid]: ${join(dir, 'm.yaml')}: columns.title: Invalid input: expected string, received undefined\n${join(dir, 'm.yaml')}: leadingZerosSignificant: Invalid input: expected boolean, received string\n` +
				'fix: fix the mapping file; scripts/mappings/ has examples of every field.\n',
		);
	});

	it('refuses a mapping it cannot read', () => {
		expect(printed(() => loadMapping('/nonexistent/m.yaml'))).toBe(
			"error [mapping-unreadable]: cannot read mapping /nonexistent/m.yaml: ENOENT: no such file or directory, open '/nonexistent/m.yaml'\nfix: check the path and that the file is YAML.\n",
		);
	});
});

describe('planImport', () => {
	it('imports a slice of the heat-pump table with composite codes and ordered remedy steps', async () => {
		const table = await readTable(join(DATA, 'heat-pump-water-heater', 'error_codes.csv'));

		const { entries, rejected } = planImport(
			table,
			loadMapping(join(MAPPINGS, 'heat-pump-water-heater.yaml')),
			'ac',
		);

		expect(rejected).toEqual([]);
		expect(entries).toHaveLength(46);
		const relay = entries.find((e) => e.data.code === 'E515-26')!;
		expect(relay.data.title.en).toBe('Lower electric heater relay fault');
		expect(relay.data.remedy?.map((s) => s.en)).toEqual([
			'Check and reconnect the wiring.',
			'Replace the relay.',
		]);
	});

	it('imports a slice of the OBD table as one family per manufacturer, keeping P02E7 apart from P2E07', async () => {
		const full = await readTable(join(DATA, 'obd-multibrand', 'dtc_definitions.csv'));
		const wanted = (r: string[]) => ['P1121', 'P02E7', 'P2E07'].includes(r[0]!);
		const table = { headers: full.headers, rows: full.rows.filter(wanted) };

		const { entries, rejected } = planImport(
			table,
			loadMapping(join(MAPPINGS, 'obd-multibrand.yaml')),
			undefined,
		);

		expect(rejected).toEqual([]);
		expect(entries.filter((e) => e.data.code === 'P1121').length).toBe(22);
		expect(new Set(entries.filter((e) => e.data.code === 'P1121').map((e) => e.family)).size).toBe(
			22,
		);
		expect(
			entries
				.filter((e) => e.family === 'obd-generic')
				.map((e) => e.data.code)
				.sort(),
		).toEqual(['P02E7', 'P2E07']);
	});

	it('rejects bad rows with their row number and reason and keeps the good ones', () => {
		const table = {
			headers: ['code', 'title'],
			rows: [
				['E1', 'Good'],
				['', 'No code'],
				['E 2!', 'Bad code'],
				['E3', ''],
				['e-01', 'Same as E1'],
			],
		};

		const { entries, rejected } = planImport(
			table,
			{ ...DEFAULT_MAPPING, columns: { code: 'code', title: 'title' } },
			'ac',
		);

		expect(entries.map((e) => e.data.code)).toEqual(['E1']);
		expect(rejected).toEqual([
			{ row: 3, reason: 'the code column is empty; every row needs a code.' },
			{
				row: 4,
				reason: 'code "E 2!" has characters a code cannot have; use letters, digits and hyphens.',
			},
			{ row: 5, reason: 'the title column is empty; every code needs a title.' },
			{
				row: 6,
				reason: 'code E-01 is already in family ac at row 2; a code may appear once per family.',
			},
		]);
	});

	it('names the missing column when the mapping does not fit the table', () => {
		expect(
			printed(() => planImport({ headers: ['Code', 'Name'], rows: [] }, DEFAULT_MAPPING, 'ac')),
		).toBe(
			'error [columns-missing]: the table has no column "code" (for code), "title" (for title), "remedy" (for remedy), "causes" (for causes); its columns are Code, Name.\n' +
				"fix: name the table's columns in a mapping file and pass it with --mapping (scripts/mappings/ has examples).\n",
		);
	});

	it('asks for a family when neither --family nor a family column gives one', () => {
		expect(
			printed(() =>
				planImport(
					{ headers: ['code', 'title', 'remedy', 'causes'], rows: [] },
					DEFAULT_MAPPING,
					undefined,
				),
			),
		).toBe(
			'error [argument-missing]: no family was given for the codes.\nfix: pass --family <id>, or map a family column in the mapping.\n',
		);
	});
});

describe('writeEntry', () => {
	const table = { headers: ['code', 'title'], rows: [['E9', 'Board fault']] };
	const mapping = { ...DEFAULT_MAPPING, columns: { code: 'code', title: 'title' } };

	it("is idempotent, keeps a trainer's edit, and overwrites it only with force", () => {
		const content = tempContent();
		const [entry] = planImport(table, mapping, 'ac').entries;
		const file = join(content, 'faults', 'ac', 'e9.yaml');

		expect(writeEntry(content, entry!, 'codes.csv', false)).toBe('created');
		expect(writeEntry(content, entry!, 'codes.csv', false)).toBe('unchanged');
		writeFileSync(file, readFileSync(file, 'utf8').replace('priority: P3', 'priority: P1'));
		expect(writeEntry(content, entry!, 'codes.csv', false)).toBe('kept-edited');
		expect(readFileSync(file, 'utf8')).toContain('priority: P1');
		expect(writeEntry(content, entry!, 'codes.csv', true)).toBe('updated');
		expect(readFileSync(file, 'utf8')).toContain('priority: P3');
	});

	it('never overwrites an entry a trainer wrote by hand', () => {
		const content = tempContent();
		const [entry] = planImport(
			{ headers: ['code', 'title'], rows: [['E4', 'Imported title']] },
			mapping,
			'ac',
		).entries;

		expect(writeEntry(content, entry!, 'codes.csv', false)).toBe('kept-authored');
		expect(readFileSync(join(content, 'faults', 'ac', 'e4.yaml'), 'utf8')).toContain(
			'室外机通信故障',
		);
	});

	it('writes entries that pass every content rule', () => {
		const content = tempContent();
		for (const e of planImport(table, mapping, 'ac').entries)
			writeEntry(content, e, 'codes.csv', false);

		const errors = validateContent(content).problems.filter(
			(p) => p.severity === 'error' && p.file.includes('faults'),
		);

		expect(errors).toEqual([]);
	});
});

import { defineCommand } from 'citty';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { KbError } from '../../src/core/errors.ts';
import { requireContentDir, requireFile } from '../lib/cli.ts';
import { DEFAULT_MAPPING, loadMapping } from '../lib/import/fault-mapping.ts';
import {
	ensureFamily,
	planImport,
	writeEntry,
	type WriteOutcome,
} from '../lib/import/import-faults.ts';
import { readTable } from '../lib/table.ts';

/** `kb import-faults <file> --family <id>`: bulk import of a manufacturer's fault table. */
export default defineCommand({
	meta: {
		name: 'import-faults',
		description:
			'Import a fault-code table (CSV or XLSX) into content/faults/; idempotent, keeps entries a trainer edited.',
	},
	args: {
		file: {
			type: 'positional',
			description: 'The table: .csv (UTF-8 or GB18030) or .xlsx',
			required: true,
		},
		family: {
			type: 'string',
			description: 'Family id the codes belong to (a file in content/families/)',
		},
		mapping: {
			type: 'string',
			description: 'YAML file mapping the table columns to entry fields (see scripts/mappings/)',
		},
		content: { type: 'string', description: 'Content folder', default: 'content' },
		force: {
			type: 'boolean',
			description: 'Overwrite entries a trainer edited or wrote',
			default: false,
		},
		encoding: {
			type: 'string',
			description: 'CSV text encoding, e.g. gb18030 (default: detected)',
		},
		json: { type: 'boolean', description: 'Print the counts and rejected rows as JSON' },
	},
	async run({ args }) {
		requireContentDir(args.content);
		const mapping = args.mapping ? loadMapping(args.mapping) : DEFAULT_MAPPING;
		if (
			args.family &&
			!mapping.columns.family &&
			!existsSync(join(args.content, 'families', `${args.family}.yaml`))
		) {
			throw new KbError(
				'family-unknown',
				`there is no family ${args.family} in ${args.content}/families/.`,
				`create ${args.content}/families/${args.family}.yaml first, or map a family column.`,
			);
		}
		const table = await readTable(requireFile(args.file, 'table'), args.encoding);
		const { entries, rejected } = planImport(table, mapping, args.family, (family) =>
			familyZerosMatter(args.content, family, mapping.leadingZerosSignificant),
		);
		const counts: Record<WriteOutcome | 'families', number> = {
			created: 0,
			updated: 0,
			unchanged: 0,
			'kept-edited': 0,
			'kept-authored': 0,
			families: 0,
		};
		for (const [i, entry] of entries.entries()) {
			if (
				entry.familyLabel !== undefined &&
				ensureFamily(args.content, entry.family, entry.familyLabel, mapping.leadingZerosSignificant)
			)
				counts.families++;
			counts[writeEntry(args.content, entry, args.file, args.force)]++;
			if ((i + 1) % 1000 === 0 && !args.json)
				process.stderr.write(`\r${i + 1}/${entries.length} entries written`);
		}
		if (args.json) {
			console.log(JSON.stringify({ rows: table.rows.length, ...counts, rejected }, null, '\t'));
			return;
		}
		if (entries.length >= 1000) process.stderr.write('\n');
		for (const r of rejected) console.log(`row ${r.row}: ${r.reason}`);
		console.log(
			`${table.rows.length} rows: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ` +
				`${counts['kept-edited']} kept (edited by a trainer), ${counts['kept-authored']} kept (not imported), ${rejected.length} rejected` +
				(counts.families ? `, ${counts.families} families created` : '') +
				'.',
		);
		if (counts['kept-edited'] + counts['kept-authored'] > 0)
			console.log('Use --force to overwrite the kept entries.');
	},
});

/** An existing family's code scheme, else the mapping's. */
function familyZerosMatter(content: string, family: string, fallback: boolean): boolean {
	const file = join(content, 'families', `${family}.yaml`);
	if (!existsSync(file)) return fallback;
	return Boolean(
		(
			parse(readFileSync(file, 'utf8')) as {
				codeScheme?: { leadingZerosSignificant?: boolean };
			} | null
		)?.codeScheme?.leadingZerosSignificant,
	);
}

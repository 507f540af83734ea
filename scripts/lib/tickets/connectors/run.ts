import { resolve } from 'node:path';
import type { TicketField } from '../fields.ts';
import {
	chooseMapping,
	loadMapping,
	parseMapping,
	presetMapping,
	type Mapping,
} from '../mapping.ts';
import { normaliseStaged } from '../normalise.ts';
import { SILENT, type Progress } from '../progress.ts';
import {
	collectRejects,
	defaultRejectsFile,
	dropScratchTables,
	DEFAULT_TIMEZONE,
	type PullSummary,
} from '../pull.ts';
import { writeRejects, type Reject } from '../rejects.ts';
import { stageRecords } from '../stage.ts';
import { sqlString, type TicketStore } from '../store.ts';
import { loadCheckpoint } from '../upsert.ts';
import { upsertNormalised } from '../upsert.ts';
import { loadSourceConfig, requireEnv } from './config.ts';
import { rtAuth, rtConnector } from './rt.ts';
import type { Connector } from './types.ts';
import { zendeskConnector } from './zendesk.ts';

/** Options of {@link runConnector}. */
export interface ConnectorRunOptions {
	store: TicketStore;
	salt: string;
	/** Default: the connector's preset. */
	mapping?: Mapping;
	timezone?: string;
	rejectsFile?: string;
	progress?: Progress;
}

/**
 * Pulls every batch a connector yields since the source's saved checkpoint: each batch is mapped,
 * normalised and upserted, and its checkpoint saved in the same transaction, before the next is
 * fetched. Bad tickets go to the rejects file (numbered in pull order, with their ids).
 */
export async function runConnector(
	connector: Connector,
	options: ConnectorRunOptions,
): Promise<Omit<PullSummary, 'file' | 'format' | 'encoding'>> {
	const started = performance.now();
	const { store, progress = SILENT } = options;
	const mapping = options.mapping ?? presetMapping(connector.preset);
	const totals = { rows: 0, valid: 0, inserted: 0, updated: 0, unchanged: 0, duplicates: 0 };
	const rejects: Reject[] = [];
	const fields = new Set<TicketField>();
	progress.phase(`pulling ${connector.source}`);
	try {
		for await (const batch of connector.batches(await loadCheckpoint(store, connector.source))) {
			if (batch.records.length === 0) continue;
			const keys = [...new Set(batch.records.flatMap((r) => Object.keys(r)))];
			const { columns } = chooseMapping(keys, mapping, connector.source);
			const first = totals.rows;
			await stageRecords(
				store,
				batch.records.map((fieldsOf, i) => ({ row: first + i + 1, fields: fieldsOf })),
				columns,
			);
			await normaliseStaged(
				store,
				mapping,
				columns,
				options.salt,
				options.timezone ?? mapping.timezone ?? DEFAULT_TIMEZONE,
			);
			const batchFields = Object.keys(columns) as TicketField[];
			batchFields.forEach((f) => fields.add(f));
			const counts = await upsertNormalised(
				store,
				connector.source,
				connector.preset,
				[...fields],
				batch.checkpoint,
			);
			rejects.push(...(await collectRejects(store, [])));
			totals.rows += batch.records.length;
			for (const k of ['valid', 'inserted', 'updated', 'unchanged', 'duplicates'] as const)
				totals[k] += counts[k];
			progress.update(undefined, `${totals.rows.toLocaleString('en')} tickets`);
			await dropScratchTables(store);
		}
	} finally {
		await dropScratchTables(store);
	}
	const rejectsFile = options.rejectsFile ?? defaultRejectsFile(store, connector.source);
	writeRejects(rejectsFile, rejects);
	await store.run(
		`INSERT INTO pulls VALUES (${sqlString(connector.source)}, now(), ${sqlString(connector.preset)}, ${totals.rows}, ${totals.inserted}, ${totals.updated}, ${totals.unchanged}, ${rejects.length})`,
	);
	progress.done(`${totals.inserted} new, ${totals.updated} changed, ${rejects.length} rejected`);
	return {
		source: connector.source,
		...totals,
		rejected: rejects.length,
		rejectsFile,
		fields: [...fields],
		dropped: [],
		firstRejects: rejects.slice(0, 20),
		seconds: (performance.now() - started) / 1000,
	};
}

/** Options of {@link pullConfiguredSource}. */
export interface SourcePullOptions extends Omit<ConnectorRunOptions, 'mapping'> {
	name: string;
	configFile?: string;
	batchSize?: number;
}

/** Pulls the source named in the sources file, with credentials from the environment variables it names. */
export async function pullConfiguredSource(options: SourcePullOptions): Promise<PullSummary> {
	const { config, dir } = loadSourceConfig(options.name, options.configFile);
	const mapping =
		typeof config.mapping === 'string'
			? loadMapping(resolve(dir, config.mapping))
			: config.mapping
				? parseMapping({ preset: config.type, ...config.mapping })
				: presetMapping(config.type);
	const named = {
		...mapping,
		source:
			typeof config.mapping === 'object' && config.mapping.source ? mapping.source : options.name,
	};
	const connector =
		config.type === 'rt'
			? rtConnector(
					options.name,
					config,
					rtAuth(
						config.tokenEnv
							? { token: requireEnv(config.tokenEnv) }
							: {
									user: requireEnv(config.userEnv ?? 'RT_USER'),
									password: requireEnv(config.passwordEnv ?? 'RT_PASSWORD'),
								},
					),
					options.batchSize,
				)
			: zendeskConnector(options.name, config, {
					email: requireEnv(config.emailEnv),
					token: requireEnv(config.tokenEnv),
				});
	const summary = await runConnector(
		{ ...connector, source: named.source },
		{ ...options, mapping: named },
	);
	return { ...summary, file: config.url, format: 'json' };
}

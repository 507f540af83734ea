import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { KbError } from '../../../../src/core/errors.ts';
import { MappingSchema } from '../mapping.ts';

/** The sources file's default path (git-ignored). */
export const DEFAULT_SOURCES_FILE = '.kb/sources.yaml';

const envName = z
	.string()
	.regex(
		/^[A-Z_][A-Z0-9_]*$/,
		'must be the NAME of an environment variable (capitals, digits, _), not the secret itself.',
	);
const common = {
	/** Base URL of the system, e.g. https://rt.example.com or https://acme.zendesk.com. */
	url: z.url({ error: 'must be a full URL such as https://rt.example.com.' }),
	/** A mapping file path (relative to the sources file) or an inline mapping; default: the connector's preset. */
	mapping: z.union([z.string(), MappingSchema]).optional(),
	/** Minutes subtracted from the checkpoint on each pull, so tickets changed during the last pull are seen again (default 10). */
	overlapMinutes: z.number().int().min(0).max(1440).default(10),
	/** Where the first pull starts (YYYY-MM-DD or an ISO time); default: everything. */
	since: z.string().optional(),
	/** Per-request timeout in seconds (default 30). */
	timeoutSeconds: z.number().positive().max(600).default(30),
};

/** A Request Tracker 5 instance, read through its REST2 API. Credentials: a token, or user and password, from the environment. */
export const RtSourceSchema = z.strictObject({
	type: z.literal('rt'),
	...common,
	/** TicketSQL selecting the tickets (default every ticket); `LastUpdated >= …` is added for incremental pulls. */
	query: z.string().default('id > 0'),
	/** Environment variable holding an RT auth token (RT::Authen::Token). */
	tokenEnv: envName.optional(),
	/** Environment variables holding a user name and password (basic auth). */
	userEnv: envName.optional(),
	passwordEnv: envName.optional(),
	/** The time zone RT reads TicketSQL dates in (its $Timezone, or the user's), default UTC. */
	serverTimezone: z.string().default('UTC'),
});

/** A Zendesk Support account, read through the cursor-based incremental ticket export. */
export const ZendeskSourceSchema = z.strictObject({
	type: z.literal('zendesk'),
	...common,
	/** Environment variables holding the agent e-mail and API token (basic auth `email/token:token`). */
	emailEnv: envName,
	tokenEnv: envName,
});

/** The sources file: named ticket systems. It holds no secrets: only the names of the environment variables that do. */
export const SourcesFileSchema = z.strictObject({
	sources: z.record(
		z
			.string()
			.regex(/^[a-z0-9][a-z0-9-]*$/, 'source names are lowercase letters, digits and hyphens.'),
		z.discriminatedUnion('type', [RtSourceSchema, ZendeskSourceSchema]),
	),
});
/** One configured source. */
export type SourceConfig = z.output<typeof SourcesFileSchema>['sources'][string];

/** Reads the sources file and returns the named source; the file's folder resolves relative mapping paths. */
export function loadSourceConfig(
	name: string,
	file = process.env.KB_TICKET_SOURCES || DEFAULT_SOURCES_FILE,
): { config: SourceConfig; dir: string } {
	if (!existsSync(file))
		throw new KbError(
			'sources-missing',
			`there is no sources file at ${file}.`,
			'create it as docs/tickets.md#sources shows, or pass --config <file>.',
		);
	let raw: unknown;
	try {
		raw = parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new KbError(
			'sources-unreadable',
			`cannot read the sources file ${file}: ${(error as Error).message.split('\n')[0]!.replace(/:$/, '.')}`,
			'fix the YAML; docs/tickets.md#sources shows the format.',
		);
	}
	const secret = findSecretKey(raw);
	if (secret)
		throw new KbError(
			'sources-secret',
			`${file}: ${secret} looks like a credential; the sources file must not hold secrets.`,
			'put the secret in an environment variable and name that variable with tokenEnv, passwordEnv or emailEnv.',
		);
	const result = SourcesFileSchema.safeParse(raw);
	if (!result.success)
		throw new KbError(
			'sources-invalid',
			result.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`).join('\n'),
			'fix the sources file; docs/tickets.md#sources lists its fields.',
		);
	const config = result.data.sources[name];
	if (!config)
		throw new KbError(
			'source-unknown',
			`${file} has no source named ${name}.`,
			`use one of: ${Object.keys(result.data.sources).join(', ') || '(none defined)'}.`,
		);
	return { config, dir: dirname(resolve(file)) };
}

/** An environment variable's value, or a KbError naming it. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
	const value = env[name];
	if (!value)
		throw new KbError(
			'credentials-missing',
			`the environment variable ${name} is not set.`,
			`export ${name}=… before the pull (the sources file names it).`,
		);
	return value;
}

// --- internal ---

function findSecretKey(value: unknown, path = ''): string | undefined {
	if (!value || typeof value !== 'object') return undefined;
	for (const [k, v] of Object.entries(value)) {
		const here = path ? `${path}.${k}` : k;
		if (/^(password|token|secret|api[_-]?key|apikey)$/i.test(k)) return here;
		const inner = findSecretKey(v, here);
		if (inner) return inner;
	}
	return undefined;
}

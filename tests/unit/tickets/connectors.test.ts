import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSourceConfig, requireEnv } from '../../../scripts/lib/tickets/connectors/config.ts';
import { rtAuth, rtConnector } from '../../../scripts/lib/tickets/connectors/rt.ts';
import { printed } from '../../helpers/kb-error.ts';

let server: Server | undefined;
afterEach(() => server?.close());

const sourcesFile = (yaml: string) => {
	const file = join(mkdtempSync(join(tmpdir(), 'kb-src-')), 'sources.yaml');
	writeFileSync(file, yaml);
	return file;
};

describe('loadSourceConfig', () => {
	it('reads a source with its defaults', () => {
		const file = sourcesFile(
			'sources:\n  rt:\n    type: rt\n    url: http://127.0.0.1:8085\n    userEnv: RT_USER\n    passwordEnv: RT_PASSWORD\n',
		);

		expect(loadSourceConfig('rt', file).config).toEqual({
			type: 'rt',
			url: 'http://127.0.0.1:8085',
			userEnv: 'RT_USER',
			passwordEnv: 'RT_PASSWORD',
			query: 'id > 0',
			overlapMinutes: 10,
			serverTimezone: 'UTC',
			timeoutSeconds: 30,
		});
	});

	it.each([
		[
			'rt',
			'sources:\n  rt:\n    type: rt\n    url: http://x\n    password: hunter2\n',
			'error [sources-secret]: FILE: sources.rt.password looks like a credential; the sources file must not hold secrets.\nfix: put the secret in an environment variable and name that variable with tokenEnv, passwordEnv or emailEnv.\n',
		],
		[
			'zd',
			'sources:\n  zd:\n    type: zendesk\n    url: https://a.zendesk.com\n    emailEnv: agent@a.com\n    tokenEnv: ZD_TOKEN\n',
			'error [sources-invalid]: FILE: sources.zd.emailEnv: must be the NAME of an environment variable (capitals, digits, _), not the secret itself.\nfix: fix the sources file; docs/tickets.md#sources lists its fields.\n',
		],
		[
			'other',
			'sources:\n  rt:\n    type: rt\n    url: http://x\n',
			'error [source-unknown]: FILE has no source named other.\nfix: use one of: rt.\n',
		],
		[
			'rt',
			'sources:\n  rt: [unclosed\n',
			'error [sources-unreadable]: cannot read the sources file FILE: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1.\nfix: fix the YAML; docs/tickets.md#sources shows the format.\n',
		],
	])('refuses source %j of %j', (name, yaml, message) => {
		const file = sourcesFile(yaml);

		expect(printed(() => loadSourceConfig(name, file))).toBe(message.replace('FILE', file));
	});

	it('refuses a sources file that is not there', () => {
		expect(printed(() => loadSourceConfig('rt', '/nonexistent/sources.yaml'))).toBe(
			'error [sources-missing]: there is no sources file at /nonexistent/sources.yaml.\nfix: create it as docs/tickets.md#sources shows, or pass --config <file>.\n',
		);
	});
});

describe('requireEnv', () => {
	it('names the missing variable', () => {
		expect(printed(() => requireEnv('KB_NOT_SET', {}))).toBe(
			'error [credentials-missing]: the environment variable KB_NOT_SET is not set.\nfix: export KB_NOT_SET=… before the pull (the sources file names it).\n',
		);
	});
});

describe('rtConnector', () => {
	it('asks for tickets updated since the checkpoint minus the overlap, page by page, without personal fields', async () => {
		const seen: URLSearchParams[] = [];
		server = createServer((req, res) => {
			const params = new URL(req.url ?? '', 'http://x').searchParams;
			seen.push(params);
			const page = Number(params.get('page'));
			const items =
				page === 1
					? [{ id: 1, LastUpdated: '2026-03-02T10:05:00Z' }]
					: [{ id: 2, LastUpdated: '2026-03-02T11:00:00Z' }];
			res
				.writeHead(200, { 'content-type': 'application/json' })
				.end(JSON.stringify({ items, page, pages: 2, per_page: 1, total: 2 }));
		});
		await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
		const config = {
			type: 'rt' as const,
			url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
			query: "Queue = 'General'",
			overlapMinutes: 10,
			serverTimezone: 'Asia/Shanghai',
			timeoutSeconds: 5,
		};

		const batches = [];
		for await (const b of rtConnector(
			'rt',
			config,
			rtAuth({ user: 'root', password: 'x' }),
			1,
		).batches({ updatedSince: '2026-03-02T10:00:00.000Z' }))
			batches.push(b);

		expect(seen[0]!.get('query')).toBe(
			"(Queue = 'General') AND LastUpdated >= '2026-03-02 17:50:00'",
		);
		expect(seen.map((p) => [p.get('page'), p.get('orderby'), p.get('fields')])).toEqual([
			['1', 'LastUpdated', 'id,Created,LastUpdated,Resolved,Status,Priority,Queue,CustomFields'],
			['2', 'LastUpdated', 'id,Created,LastUpdated,Resolved,Status,Priority,Queue,CustomFields'],
		]);
		expect(batches.map((b) => b.checkpoint.updatedSince)).toEqual([
			'2026-03-02T10:05:00Z',
			'2026-03-02T11:00:00Z',
		]);
	});
});

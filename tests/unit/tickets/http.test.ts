import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getJson, retryAfterMs } from '../../../scripts/lib/tickets/connectors/http.ts';
import { printedAsync } from '../../helpers/kb-error.ts';

let server: Server | undefined;
afterEach(() => server?.close());

/** Serves the scripted responses in order, recording each request's path. */
async function serve(
	script: ((req: IncomingMessage, res: ServerResponse) => void)[],
): Promise<{ url: string; seen: string[] }> {
	const seen: string[] = [];
	server = createServer((req, res) => {
		seen.push(req.url ?? '');
		(script[seen.length - 1] ?? script.at(-1)!)(req, res);
	});
	await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}
const json = (body: unknown) => (_: IncomingMessage, res: ServerResponse) =>
	res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const status =
	(code: number, headers: Record<string, string> = {}) =>
	(_: IncomingMessage, res: ServerResponse) =>
		res.writeHead(code, headers).end();

describe('getJson', () => {
	it("waits as long as a 429's Retry-After says, then reads the page", async () => {
		const { url, seen } = await serve([status(429, { 'retry-after': '2' }), json({ ok: 1 })]);
		const waits: number[] = [];

		const body = await getJson(`${url}/x?cursor=abc`, {
			sleep: (ms) => Promise.resolve(void waits.push(ms)),
		});

		expect(body).toEqual({ ok: 1 });
		expect(waits).toEqual([2000]);
		expect(seen).toEqual(['/x?cursor=abc', '/x?cursor=abc']);
	});

	it('backs off exponentially on a 503 without Retry-After', async () => {
		const { url } = await serve([status(503), status(503), json({ ok: 2 })]);
		const waits: number[] = [];

		await getJson(`${url}/y`, {
			sleep: (ms) => Promise.resolve(void waits.push(ms)),
			random: () => 0.5,
			backoffMs: 100,
		});

		expect(waits).toEqual([100, 200]);
	});

	it('gives up after the retries with the endpoint and the count, never the query', async () => {
		const { url } = await serve([status(503)]);

		expect(
			await printedAsync(() =>
				getJson(`${url}/z?token=secret`, { sleep: async () => {}, retries: 2 }),
			),
		).toBe(
			`error [source-unavailable]: GET ${url}/z answered 503 3 times.\nfix: try again later; the checkpoint keeps what was already stored.\n`,
		);
	});

	it('times out a request that does not answer', async () => {
		const { url } = await serve([(_, res) => setTimeout(() => res.writeHead(200).end('{}'), 500)]);

		expect(
			await printedAsync(() =>
				getJson(`${url}/slow`, { timeoutMs: 50, retries: 1, sleep: async () => {} }),
			),
		).toBe(
			`error [source-unavailable]: GET ${url}/slow timed out 2 times.\nfix: try again later; the checkpoint keeps what was already stored.\n`,
		);
	});

	it('names the status and what to check on a refusal', async () => {
		const { url } = await serve([status(401)]);

		expect(await printedAsync(() => getJson(`${url}/auth`))).toBe(
			`error [source-http]: GET ${url}/auth answered 401 Unauthorized.\nfix: check the credentials in the environment variables the sources file names.\n`,
		);
	});

	it('gives up when the server asks to wait longer than it will', async () => {
		const { url } = await serve([status(429, { 'retry-after': '3600' })]);

		expect(await printedAsync(() => getJson(`${url}/busy`, { maxWaitMs: 60_000 }))).toBe(
			`error [source-rate-limited]: GET ${url}/busy asks to wait 3600 s.\nfix: run the pull again later.\n`,
		);
	});
});

describe('retryAfterMs', () => {
	it.each([
		['30', 30_000],
		['Thu, 26 Nov 2026 12:00:10 GMT', 10_000],
		['Thu, 26 Nov 2026 11:00:00 GMT', 0],
		['soon', undefined],
		[null, undefined],
	])('reads %j as %j ms', (header, expected) => {
		expect(retryAfterMs(header, Date.parse('2026-11-26T12:00:00Z'))).toBe(expected);
	});
});

import { KbError } from '../../../../src/core/errors.ts';

/** How a connector talks HTTP: timeouts, retries and the clock, injectable for tests. */
export interface HttpOptions {
	headers?: Record<string, string>;
	/** Per-request timeout (default 30 s). */
	timeoutMs?: number;
	/** Retries after a 429, 5xx, timeout or network error (default 5). */
	retries?: number;
	/** First backoff delay; it doubles per retry, ±20 % jitter, capped at 60 s (default 1 s). */
	backoffMs?: number;
	/** The longest Retry-After honoured before giving up (default 10 min). */
	maxWaitMs?: number;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	/** Called before each wait, e.g. to print "rate limited, waiting 30 s". */
	onWait?: (ms: number, why: string) => void;
}

/**
 * GETs a JSON document. 429 and 503 wait for Retry-After (seconds or an HTTP date) when the
 * server sends it, else back off exponentially; other 5xx, timeouts and network errors back off
 * too. Any other status is a KbError naming the status and what to check.
 */
export async function getJson<T>(url: string, options: HttpOptions = {}): Promise<T> {
	const {
		retries = 5,
		backoffMs = 1000,
		maxWaitMs = 600_000,
		sleep = defaultSleep,
		random = Math.random,
	} = options;
	const where = redact(url);
	for (let attempt = 0; ; attempt++) {
		let response: Response | undefined;
		let failure = '';
		try {
			response = await fetch(url, {
				headers: { accept: 'application/json', ...options.headers },
				signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
			});
		} catch (error) {
			failure =
				(error as Error).name === 'TimeoutError'
					? 'timed out'
					: `failed (${(error as Error).message})`;
		}
		if (response?.ok) return (await response.json()) as T;
		if (response && !RETRY_STATUS.has(response.status)) {
			throw new KbError(
				'source-http',
				`GET ${where} answered ${response.status} ${response.statusText}.`,
				response.status === 401 || response.status === 403
					? 'check the credentials in the environment variables the sources file names.'
					: 'check the url and query in the sources file.',
			);
		}
		if (attempt >= retries)
			throw new KbError(
				'source-unavailable',
				`GET ${where} ${failure || `answered ${response!.status}`} ${attempt + 1} times.`,
				'try again later; the checkpoint keeps what was already stored.',
			);
		const hinted = response ? retryAfterMs(response.headers.get('retry-after')) : undefined;
		const wait = hinted ?? Math.min(60_000, backoffMs * 2 ** attempt) * (0.8 + 0.4 * random());
		if (wait > maxWaitMs)
			throw new KbError(
				'source-rate-limited',
				`GET ${where} asks to wait ${Math.round(wait / 1000)} s.`,
				'run the pull again later.',
			);
		options.onWait?.(wait, response ? `${response.status}` : failure);
		await sleep(wait);
	}
}

/** Milliseconds from a Retry-After header (delta seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
	if (!header) return undefined;
	if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
	const at = Date.parse(header);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

// --- internal ---

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

function defaultSleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

// Query strings may carry cursors or search terms; messages name the endpoint only.
function redact(url: string): string {
	const u = new URL(url);
	return `${u.origin}${u.pathname}`;
}

import type { TicketStore } from './store.ts';

/** Reports what a long pull or report is doing, on stderr so `--json` output stays clean. */
export interface Progress {
	/** Starts a phase, e.g. "reading export". */
	phase: (label: string) => void;
	/** Updates the current phase: a fraction 0–1 when known, and a short detail such as a row count. */
	update: (fraction: number | undefined, detail?: string) => void;
	/** Ends the current phase. */
	done: (detail?: string) => void;
}

/** A progress reporter that prints nothing (tests, `--quiet`). */
export const SILENT: Progress = { phase() {}, update() {}, done() {} };

/** Where progress is written: stderr, or a test's stream. Node leaves `isTTY` undefined on a stream that is not a terminal. */
export interface ProgressStream {
	isTTY?: boolean;
	write: (text: string) => unknown;
}

/**
 * A progress reporter on `stream`: on a terminal a bar redrawn in place, elsewhere (CI logs,
 * scheduled jobs) one line per finished phase with its duration.
 */
export function createProgress(stream: ProgressStream = process.stderr): Progress {
	const tty = stream.isTTY === true;
	let label = '';
	let started = 0;
	let lastDraw = 0;
	const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
	return {
		phase(next) {
			label = next;
			started = performance.now();
			if (tty) stream.write(`\r\x1b[2K${label} …`);
		},
		update(fraction, detail) {
			const now = performance.now();
			if (!tty || now - lastDraw < 100) return;
			lastDraw = now;
			const bar =
				fraction === undefined
					? ''
					: `[${'#'.repeat(Math.round(fraction * 20)).padEnd(20, '-')}] ${Math.round(fraction * 100)}% `;
			stream.write(`\r\x1b[2K${label} ${bar}${detail ?? ''} ${seconds()} s`);
		},
		done(detail) {
			const line = `${label}: ${detail ? `${detail}, ` : ''}${seconds()} s`;
			stream.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
		},
	};
}

/** Runs a long DuckDB statement while feeding DuckDB's own progress estimate to `progress`. */
export async function runWithProgress(
	store: TicketStore,
	sql: string,
	progress: Progress,
): Promise<void> {
	if (progress === SILENT) return store.run(sql);
	await store.run(
		'SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0',
	);
	const timer = setInterval(() => {
		const pct = store.conn.progress.percentage;
		progress.update(pct >= 0 ? pct / 100 : undefined);
	}, 100);
	try {
		await store.run(sql);
	} finally {
		clearInterval(timer);
	}
}

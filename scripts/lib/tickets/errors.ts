/**
 * A failure the ticket commands report as one line plus a fix, with a stable code a scheduled
 * job can match on. The CLI prints `error [code]: message` and `fix: …`, and exits non-zero.
 */
export class TicketError extends Error {
	/** Stable identifier, e.g. `mapping-invalid`, `store-locked`, `source-unknown`. */
	readonly code: string;
	/** One sentence telling the user what to do. */
	readonly fix: string;

	constructor(code: string, message: string, fix: string) {
		super(message);
		this.name = 'TicketError';
		this.code = code;
		this.fix = fix;
	}
}

/** Exit codes of the ticket commands, for scheduled jobs. */
export const EXIT = {
	/** Done; rows may have been rejected (see the summary). */
	ok: 0,
	/** A usage, configuration or I/O error: nothing was stored. */
	failed: 1,
	/** `--fail-on missing` and at least one flagged fault has no knowledge entry. */
	missingKnowledge: 3,
	/** `--fail-on rejects` and at least one row was rejected. */
	rejects: 4,
} as const;

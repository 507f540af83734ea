/**
 * The one error type of the content core and the CLI: a `code` that names the case, a one-line
 * message and a one-line `fix`. The CLI prints it as `error [CODE]: message` then `fix: …` and
 * exits 1; anything else that escapes is a bug and keeps its stack trace.
 */
export class KbError extends Error {
	/** A stable kebab-case name of the case, e.g. `document-not-found`; tests and scripts match on it. */
	readonly code: string;
	/** What to do, as one imperative sentence. */
	readonly fix: string;
	constructor(code: string, message: string, fix: string) {
		super(message);
		this.name = 'KbError';
		this.code = code;
		this.fix = fix;
	}
}

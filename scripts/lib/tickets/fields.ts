/**
 * The canonical ticket fields every source is mapped onto, and which analyses need which.
 * Anything in an export that is not mapped to one of these is dropped at ingest, so names,
 * phone numbers and addresses never reach the store.
 */

/** Every canonical field, with what it holds. `id` and `created` are required; the rest switch analyses on. */
export const TICKET_FIELDS = {
	/** The ticket number in the source system; with the source name, the key of a stored ticket. */
	id: 'ticket number in the source system',
	/** When the ticket was opened. A time without an offset is read in the business time zone. */
	created: 'when the ticket was opened',
	/** When the ticket last changed; the newest row wins when one export lists a ticket twice. */
	updated: 'when the ticket last changed',
	/** When the ticket was resolved or closed. */
	resolved: 'when the ticket was resolved or closed',
	/** Workflow state as the source names it (kept as text). */
	status: 'workflow state',
	/** P1–P4; source words (紧急, urgent, 80…) are mapped by the mapping's `values.priority`. */
	priority: 'priority P1–P4',
	/** phone, email, chat, web, onsite or other. */
	channel: 'contact channel',
	/** When the first response was sent (a time). */
	firstResponse: 'time of the first response',
	/** Minutes to the first response, where the source exports a duration instead of a time. */
	firstResponseMinutes: 'minutes to the first response',
	/** The product model as written in the ticket; matched to `content/products` at report time. */
	model: 'product model',
	/** The unit's serial number; stored only as a salted hash, for repeat-repair detection. */
	serial: 'serial number (stored hashed)',
	/** The fault code as written in the ticket; stored in canonical form. */
	faultCode: 'fault code',
	/** The source's fault category (text). */
	category: 'fault category',
	/** Sales or service region (short text; longer values are dropped as likely addresses). */
	region: 'region',
	/** Number of visits or repair attempts; 1 means fixed the first time. */
	visits: 'visits or repair attempts',
	/** Whether the fault was fixed at the first attempt (是/否, yes/no, true/false, 1/0). */
	firstTimeFix: 'fixed the first time',
	/** Customer satisfaction score, rescaled to 5 (see the mapping's `satisfactionScale`). */
	satisfaction: 'satisfaction score',
	/** A short symptom text; digit runs and e-mail addresses are removed before it is stored. */
	symptom: 'symptom text (redacted)',
} as const;

/** A canonical field name. */
export type TicketField = keyof typeof TICKET_FIELDS;
/** Every canonical field name, in the order above. */
export const FIELD_NAMES = Object.keys(TICKET_FIELDS) as TicketField[];
/** Fields without which a row is rejected. */
export const REQUIRED_FIELDS: readonly TicketField[] = ['id', 'created'];

/** The report's analyses and the fields each needs; an analysis whose fields are all empty is switched off. */
export const ANALYSIS_FIELDS = {
	weekly: ['faultCode'],
	byModel: ['model'],
	byRegion: ['region'],
	repeatRepair: ['serial'],
	firstTimeFix: ['visits|firstTimeFix'],
	firstResponse: ['channel', 'firstResponse|firstResponseMinutes'],
	p1Resolution: ['priority', 'resolved'],
	satisfaction: ['satisfaction'],
} as const;
/** An analysis of the report. */
export type AnalysisName = keyof typeof ANALYSIS_FIELDS;

/** Contact channels the first-response targets are set for, and the catch-alls. */
export const CHANNELS = ['phone', 'email', 'chat', 'web', 'onsite', 'other'] as const;
/** A normalised contact channel. */
export type Channel = (typeof CHANNELS)[number];

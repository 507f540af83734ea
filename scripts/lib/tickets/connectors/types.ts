import type { Checkpoint } from '../upsert.ts';

/** One page of tickets from a ticket system, flattened to dotted keys, and where the next pull resumes. */
export interface Batch {
	records: Record<string, string | null>[];
	/** Saved only once this batch is stored, in the same transaction. */
	checkpoint: Checkpoint;
}

/**
 * A ticket system. Every connector yields batches of tickets changed since a checkpoint, oldest
 * first; the runner maps, stores and checkpoints each batch before asking for the next, so an
 * interrupted pull resumes where it stopped and a repeated one changes nothing.
 */
export interface Connector {
	/** The source name tickets are stored under. */
	source: string;
	/** The mapping preset that fits the records (a sources-file mapping may override it). */
	preset: 'rt' | 'zendesk';
	batches: (since: Checkpoint | undefined) => AsyncIterable<Batch>;
}

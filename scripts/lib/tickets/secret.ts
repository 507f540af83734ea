import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic.ts';
import { KbError } from '../../../src/core/errors.ts';

/** Where the generated salt is kept when KB_TICKET_SALT is not set (git-ignored with the rest of `.kb/`). */
export const DEFAULT_SALT_FILE = '.kb/ticket-salt';

/**
 * The secret salt for hashing serial numbers: KB_TICKET_SALT when set, else the salt file,
 * created with 32 random bytes (owner-only permissions) on first use. Changing the salt makes
 * earlier hashes unmatchable, so repeat repairs across the change are not found.
 */
export function loadSalt(env: NodeJS.ProcessEnv = process.env, file = DEFAULT_SALT_FILE): string {
	const fromEnv = env.KB_TICKET_SALT?.trim();
	if (fromEnv) {
		if (fromEnv.length < 16)
			throw new KbError(
				'salt-short',
				'KB_TICKET_SALT is shorter than 16 characters.',
				'set it to a long random value, e.g. the output of `openssl rand -hex 32`.',
			);
		return fromEnv;
	}
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	const salt = randomBytes(32).toString('hex');
	writeFileAtomic(file, `${salt}\n`, 0o600);
	return salt;
}

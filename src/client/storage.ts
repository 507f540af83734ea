/**
 * JSON values in the browser's localStorage, under one prefix. Every call survives storage
 * being unavailable (private mode, quota, disabled): reads then return undefined and writes
 * report false, so the page keeps working and only loses persistence.
 */
export const STORAGE_PREFIX = 'kb:';

/** Reads and parses a stored value; undefined when absent, unreadable or not JSON. */
export function readJson(key: string): unknown {
	try {
		const raw = localStorage.getItem(STORAGE_PREFIX + key);
		return raw === null ? undefined : JSON.parse(raw);
	} catch {
		return undefined;
	}
}

/** Stores a value as JSON; false when the browser refused. */
export function writeJson(key: string, value: unknown): boolean {
	try {
		localStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
		return true;
	} catch {
		return false;
	}
}

/** Removes a stored value. */
export function removeKey(key: string): void {
	try {
		localStorage.removeItem(STORAGE_PREFIX + key);
	} catch {
		// Nothing stored, nothing to remove.
	}
}

/** The stored keys (without the prefix) that start with `start`. */
export function keysStartingWith(start: string): string[] {
	try {
		return Object.keys(localStorage)
			.filter((k) => k.startsWith(STORAGE_PREFIX + start))
			.map((k) => k.slice(STORAGE_PREFIX.length));
	} catch {
		return [];
	}
}

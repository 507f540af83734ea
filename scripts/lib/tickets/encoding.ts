import { createReadStream, createWriteStream, openSync, readSync, closeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { KbError } from '../../../src/core/errors.ts';

/** Text encodings the file pull reads. `gb18030` also reads GBK and GB2312, its subsets. */
export const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
/** A supported text encoding. */
export type TextEncodingName = (typeof ENCODINGS)[number];

/** What {@link detectEncoding} found: an encoding, or `undecided` when the bytes are plain ASCII. */
export interface Detection {
	encoding: TextEncodingName | 'undecided';
	/** Whether the bytes start with a byte-order mark. */
	bom: boolean;
}

/**
 * The encoding of the start of a file. A byte-order mark decides at once; otherwise bytes that
 * are valid UTF-8 are UTF-8, and anything else that decodes as GB18030 is GB18030 (what Chinese
 * Excel writes for "CSV (逗号分隔)"). ASCII-only bytes are `undecided`: read on.
 * Throws when the bytes are neither.
 */
export function detectEncoding(bytes: Uint8Array): Detection {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { encoding: 'utf-8', bom: true };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
	if (bytes.every((b) => b < 0x80)) return { encoding: 'undecided', bom: false };
	// `stream: true` lets a multi-byte character cut at the end of the sample pass.
	if (decodes('utf-8', bytes)) return { encoding: 'utf-8', bom: false };
	if (decodes('gb18030', bytes)) return { encoding: 'gb18030', bom: false };
	throw new KbError(
		'encoding-unknown',
		'the file is neither UTF-8 nor GB18030/GBK text.',
		'pass --encoding with the file\'s encoding (utf-8, gb18030, utf-16le), or re-save it as "CSV UTF-8".',
	);
}

/**
 * The encoding of a file, read in 1 MB chunks until a chunk decides it (a plain ASCII file is
 * UTF-8). `override` (from `--encoding`) wins; `gbk` and `gb2312` are read as GB18030.
 */
export function sniffFileEncoding(file: string, override?: string): Detection {
	if (override) return { encoding: normaliseEncodingName(override), bom: false };
	const fd = openSync(file, 'r');
	try {
		const chunk = Buffer.alloc(1 << 20);
		for (let first = true; ; first = false) {
			const n = readSync(fd, chunk, 0, chunk.length, null);
			if (n === 0) return { encoding: 'utf-8', bom: false };
			const found = detectEncoding(chunk.subarray(0, n));
			if (found.encoding !== 'undecided') return { ...found, bom: first && found.bom };
		}
	} finally {
		closeSync(fd);
	}
}

/** The canonical name of an `--encoding` value; throws with the list when it is not supported. */
export function normaliseEncodingName(name: string): TextEncodingName {
	const key = name.trim().toLowerCase().replace(/_/g, '-');
	const alias: Record<string, TextEncodingName> = {
		utf8: 'utf-8',
		'utf-8': 'utf-8',
		'utf-8-bom': 'utf-8',
		gbk: 'gb18030',
		gb2312: 'gb18030',
		gb18030: 'gb18030',
		cp936: 'gb18030',
		'utf-16': 'utf-16le',
		'utf-16le': 'utf-16le',
		'utf-16be': 'utf-16be',
	};
	const hit = alias[key];
	if (!hit)
		throw new KbError(
			'encoding-unsupported',
			`--encoding ${name} is not supported.`,
			`use one of ${ENCODINGS.join(', ')} (gbk and gb2312 are read as gb18030).`,
		);
	return hit;
}

/** Re-encodes a file to UTF-8 without a byte-order mark, streaming, for readers that only take UTF-8. */
export async function transcodeToUtf8(
	src: string,
	dst: string,
	encoding: TextEncodingName,
): Promise<void> {
	const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
	// Set inside the generator, which TypeScript's narrowing does not see: without `as boolean` it
	// would take `failed` to be still `false` after the pipeline.
	let failed = false as boolean;
	await pipeline(
		createReadStream(src, { highWaterMark: 1 << 20 }),
		async function* (chunks: AsyncIterable<Buffer>) {
			try {
				for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
				yield decoder.decode();
			} catch {
				failed = true;
			}
		},
		createWriteStream(dst),
	);
	if (failed)
		throw new KbError(
			'encoding-mismatch',
			`the file is not valid ${encoding} text.`,
			'pass --encoding with the file\'s real encoding, or re-save it as "CSV UTF-8".',
		);
}

// --- internal ---

function decodes(encoding: string, bytes: Uint8Array): boolean {
	try {
		new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
		return true;
	} catch {
		return false;
	}
}

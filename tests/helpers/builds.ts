import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { FIXTURE_CONTENT } from './fixture.ts';
import { alive } from './global-builds.ts';
import { buildSite, type BuildResult } from './site.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** One site as the tests build it: which content, under which base path, with which settings. */
export interface ContentSet {
	/** Names the build's folder. */
	name: string;
	/** The content folder, absolute or relative to the project. */
	contentDir: string;
	/** A folder laid out like the content, copied over a copy of `contentDir` before the build. */
	overlay?: string;
	/** KB_BASE; `/` when left out. */
	base?: string;
	/** More environment for the build (KB_TRENDS_REPORT…). */
	env?: Record<string, string>;
}

/** The starter knowledge base at the root, as `npm run build` makes it (with the committed ticket report). */
export const STARTER: ContentSet = { name: 'starter', contentDir: 'content' };

/**
 * The starter knowledge base built as a catalogue past the precache budget (1 MB): fault pages and
 * Pagefind fragments are left out of the service worker's precache, as at 10,000 entries.
 */
export const STARTER_PAST_BUDGET: ContentSet = {
	name: 'starter-past-budget',
	contentDir: 'content',
	env: { KB_PRECACHE_BUDGET_MB: '1' },
};

/** The starter knowledge base deployed under an intranet sub-path. */
export const STARTER_SUB_PATH: ContentSet = {
	name: 'starter-intranet-kb',
	contentDir: 'content',
	base: '/intranet/kb/',
};

/** The fixture content at the root, without a ticket report. */
export const FIXTURE: ContentSet = {
	name: 'fixture',
	contentDir: FIXTURE_CONTENT,
	env: { KB_TRENDS_REPORT: 'none' },
};

/**
 * The fixture content plus a handover checklist with photo and signature evidence in two
 * revisions (tests/fixtures/handover/), under the sub-path /kb/, without a ticket report.
 */
export const FIXTURE_KB: ContentSet = {
	name: 'fixture-kb',
	contentDir: FIXTURE_CONTENT,
	overlay: join(ROOT, 'tests', 'fixtures', 'handover'),
	base: '/kb/',
	env: { KB_TRENDS_REPORT: 'none' },
};

/** What a finished shared build left for the specs that ask for it after the first. */
interface Outcome {
	ok: boolean;
	output: string;
}

/** Waits for another worker's build of the same set; undefined when that worker died without finishing it. */
async function outcomeOf(dir: string, name: string): Promise<Outcome | undefined> {
	const file = join(dir, 'outcome.json');
	for (const started = Date.now(); Date.now() - started < 15 * 60_000;) {
		if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Outcome;
		const pidFile = join(dir, 'builder.pid');
		const builder = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
		if (builder && !alive(builder)) return undefined;
		await sleep(500);
	}
	throw new Error(
		`The shared build ${name} did not finish within 15 minutes (another worker is building it).`,
	);
}

/**
 * The built site of `set`, made once per `vitest run` and shared by every spec that asks for the
 * same content, overlay, base and settings: the first spec to ask builds it into the run's folder
 * (tests/helpers/global-builds.ts), later ones reuse it. Returns the output folder; throws with
 * the build's output when the build fails. Specs must not change the folder: copy it first.
 */
export async function sharedBuild(set: ContentSet): Promise<string> {
	const base = set.base ?? '/';
	const overlay = set.overlay && resolve(ROOT, set.overlay);
	const key = createHash('sha256')
		.update(JSON.stringify([resolve(ROOT, set.contentDir), overlay, base, set.env ?? {}]))
		.digest('hex')
		.slice(0, 12);
	const dir = join(inject('buildsDir'), `${set.name}-${key}`);
	const outDir = join(dir, 'dist');
	const outcomeFile = join(dir, 'outcome.json');

	let outcome: Outcome | undefined;
	try {
		// Creating the folder is the lock: exactly one worker gets to build.
		mkdirSync(dir);
		writeFileSync(join(dir, 'builder.pid'), String(process.pid));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		outcome = await outcomeOf(dir, set.name);
		if (!outcome) {
			// The worker that was building it died: start again.
			rmSync(dir, { recursive: true, force: true });
			return sharedBuild(set);
		}
		if (!outcome.ok) throw new Error(outcome.output, { cause: error });
		return outDir;
	}
	try {
		let contentDir = set.contentDir;
		if (overlay) {
			contentDir = join(dir, 'content');
			cpSync(resolve(ROOT, set.contentDir), contentDir, { recursive: true });
			cpSync(overlay, contentDir, { recursive: true });
		}
		const build = buildSite({ contentDir, outDir, base, env: set.env });
		outcome = { ok: build.ok, output: build.output };
	} catch (error) {
		outcome = {
			ok: false,
			output: `The shared build ${set.name} could not run: ${(error as Error).stack}`,
		};
	}
	rmSync(`${outDir}-cache`, { recursive: true, force: true });
	writeFileSync(outcomeFile, JSON.stringify(outcome));
	if (!outcome.ok) throw new Error(outcome.output);
	return outDir;
}

/** `sharedBuild` for specs that assert the build's success themselves: a failure comes back as `ok: false` with the output. */
export async function sharedBuildResult(set: ContentSet): Promise<BuildResult> {
	try {
		return { ok: true, output: '', outDir: await sharedBuild(set) };
	} catch (error) {
		return { ok: false, output: (error as Error).message, outDir: '' };
	}
}

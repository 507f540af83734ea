import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** This run's folder of shared builds (see tests/helpers/builds.ts). */
		buildsDir: string;
	}
}

const BUILDS = resolve(import.meta.dirname, '..', '.tmp', 'builds');

/** Whether a process is still running (a run folder left by a killed run has a dead owner). */
export function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Global setup of the `site` project: gives the run its own folder under tests/.tmp/builds/,
 * where tests/helpers/builds.ts builds each content set once, on first use, for every spec
 * of the run. The folder is removed when the run ends; folders of runs that were killed are
 * removed at the start of the next one.
 *
 * While iterating on a spec when neither the site nor the content changes,
 * `KB_TEST_BUILDS=<folder> npx vitest run <spec>` keeps the builds in <folder> and reuses them in
 * later runs; delete the folder after any change to src/, content/ or the fixtures.
 */
export default function setup(project: TestProject): (() => void) | undefined {
	const keep = process.env.KB_TEST_BUILDS;
	if (keep) {
		mkdirSync(resolve(keep), { recursive: true });
		project.provide('buildsDir', resolve(keep));
		return undefined;
	}
	mkdirSync(BUILDS, { recursive: true });
	for (const name of readdirSync(BUILDS)) {
		const owner = Number(/^run-(\d+)$/.exec(name)?.[1]);
		if (!owner || !alive(owner)) rmSync(join(BUILDS, name), { recursive: true, force: true });
	}
	const dir = join(BUILDS, `run-${process.pid}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir);
	project.provide('buildsDir', dir);
	return () => rmSync(dir, { recursive: true, force: true });
}

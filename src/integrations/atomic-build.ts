import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Builds into a staging folder beside `outDir` (`dist.next/`) and swaps it into place only when
 * every page, the Pagefind index and the service worker were written, so a failed build leaves
 * the last good site untouched and serving. Must be the last integration: Astro runs
 * `astro:build:done` hooks in order, and the offline step (Pagefind, sw.js) has to finish first.
 */
export function atomicBuild(): AstroIntegration {
	let output: StagedOutput | undefined;
	return {
		name: 'kb-atomic-build',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				if (command !== 'build') return;
				const staged = stagedOutput(fileURLToPath(config.outDir));
				output = staged;
				updateConfig({ outDir: pathToFileURL(`${staged.staging}/`) });
				process.once('exit', (code) => {
					if (code !== 0) console.error(staged.abandon());
				});
			},
			'astro:build:done': ({ logger }) => {
				if (output) logger.info(output.publish());
			},
		},
	};
}

/** A build's output folder and the staging folder it is built in. */
export interface StagedOutput {
	/** Where the site is published (the configured `outDir`). */
	final: string;
	/** Where this build writes: `<final>.next`. */
	staging: string;
	/** Swaps the finished staging folder into place; returns the line to log. */
	publish: () => string;
	/** After a failure: removes the staging folder, leaves `final` alone; returns the line to print. No-op once published. */
	abandon: () => string;
}

/** Prepares a staged build of `outDir`: an empty `<outDir>.next` beside it, left over from no earlier run. */
export function stagedOutput(outDir: string): StagedOutput {
	const final = outDir.replace(/[/\\]$/, '');
	const staging = `${final}.next`;
	const previous = `${final}.previous`;
	let published = false;
	rmSync(staging, { recursive: true, force: true });
	return {
		final,
		staging,
		publish: () => {
			rmSync(previous, { recursive: true, force: true });
			if (existsSync(final)) renameSync(final, previous);
			renameSync(staging, final);
			rmSync(previous, { recursive: true, force: true });
			published = true;
			return `published the new site to ${final}`;
		},
		abandon: () => {
			if (published) return '';
			rmSync(staging, { recursive: true, force: true });
			const kept = existsSync(final)
				? `${final} still holds the last good site`
				: `${final} was not created`;
			return `The build failed, so nothing was published: ${kept}.`;
		},
	};
}

/**
 * The project's one CLI: `npm run kb -- <command> [options]`. Each command lives in
 * `scripts/commands/<name>.ts` and is loaded only when it runs, so `--help` stays fast.
 * Commands throw a KbError on failure; `runCli` prints it (`error [code]: …`, `fix: …`) and
 * sets the exit code, in this one place.
 */
import { defineCommand } from 'citty';
import { runCli } from './lib/cli.ts';

const main = defineCommand({
	meta: {
		name: 'kb',
		description:
			'Repair knowledge base: check content, import fault tables, analyse tickets, author SOPs.',
	},
	subCommands: {
		check: () => import('./commands/check.ts').then((m) => m.default),
		tickets: () => import('./commands/tickets.ts').then((m) => m.default),
		new: () => import('./commands/new.ts').then((m) => m.default),
		revise: () => import('./commands/revise.ts').then((m) => m.default),
		approve: () => import('./commands/approve.ts').then((m) => m.default),
		schemas: () => import('./commands/schemas.ts').then((m) => m.default),
		'import-faults': () => import('./commands/import-faults.ts').then((m) => m.default),
	},
});

await runCli(main);

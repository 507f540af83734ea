/**
 * The project's one CLI: `npm run kb -- <command> [options]`. Each command lives in
 * `scripts/commands/<name>.ts` and is loaded only when it runs, so `--help` stays fast.
 */
import { defineCommand, runMain } from 'citty';

const main = defineCommand({
	meta: {
		name: 'kb',
		description: 'Repair knowledge base: check content, import fault tables, analyse tickets, author SOPs.',
	},
	subCommands: {
		check: () => import('./commands/check.ts').then((m) => m.default),
	},
});

await runMain(main);

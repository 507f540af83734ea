import { defineCommand } from 'citty';

/** `kb tickets`: pull ticket exports, report trends and knowledge gaps, scaffold missing entries. */
export default defineCommand({
	meta: {
		name: 'tickets',
		description:
			'Pull repair tickets into a local store, report fault trends and service KPIs, scaffold missing fault entries (docs/tickets.md).',
	},
	subCommands: {
		pull: () => import('./tickets-pull.ts').then((m) => m.default),
		report: () => import('./tickets-report.ts').then((m) => m.default),
		scaffold: () => import('./tickets-scaffold.ts').then((m) => m.default),
	},
});

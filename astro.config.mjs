// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { atomicBuild } from './src/integrations/atomic-build.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { dataFiles } from './src/integrations/data-files.ts';
import { mermaidVendor } from './src/integrations/mermaid-vendor.ts';
import { offline } from './src/integrations/offline.ts';
import { DEFAULT_LOCALE, LOCALES } from './src/lib/locales.ts';
import { remarkBaseLinks } from './src/lib/remark-base-links.ts';
import { remarkMermaid } from './src/lib/remark-mermaid.ts';

// Deployable under any intranet sub-path: KB_SITE=https://intranet.example KB_BASE=/kb npm run build
const base = process.env.KB_BASE || '/';
const contentDir = process.env.KB_CONTENT_DIR || 'content';

export default defineConfig({
	site: process.env.KB_SITE || 'http://localhost:4321',
	base,
	// A separate cache per content set, so a test build of the fixtures never reuses the starter's data store.
	cacheDir: process.env.KB_CACHE_DIR || './node_modules/.astro',
	trailingSlash: 'always',
	// Eight pages at a time: at 20,000 pages a third of the build waited on one page's file write
	// before the next began (docs/decisions/0046-build-cost.md).
	build: { format: 'directory', concurrency: 8 },
	i18n: {
		defaultLocale: DEFAULT_LOCALE,
		locales: [...LOCALES],
		routing: { prefixDefaultLocale: false },
	},
	// remark-gfm is pinned by us rather than the processor's bundled copy, so tables behave the same in MDX and Markdown.
	markdown: {
		processor: unified({
			gfm: false,
			smartypants: false,
			remarkPlugins: [
				remarkGfm,
				remarkMermaid,
				[remarkBaseLinks, { base, defaultLocale: DEFAULT_LOCALE }],
			],
		}),
		syntaxHighlight: false,
	},
	vite: {
		plugins: [
			{
				name: 'kb-quiet-head-inject',
				// Astro marks every compiled MDX page with its own "use astro:head-inject" directive, and the
				// bundler warns once per file (~780 log lines for the starter site) that it may drop it. The
				// directive is Astro's and harmless here; the flood buried the one real error in a failed build.
				onLog: (_level, log) =>
					!(log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')),
			},
		],
	},
	// dataFiles before offline: the service worker precaches the files it writes. atomicBuild last: it publishes the staged build after the offline step has finished.
	integrations: [
		contentGuard(contentDir),
		mermaidVendor(),
		mdx(),
		dataFiles(),
		offline(contentDir),
		atomicBuild(),
	],
});

import { defineCollection, reference } from 'astro:content';
import { resolve } from 'node:path';
import { glob, type Loader } from 'astro/loaders';
import { takeHandedEntries } from './core/handoff.ts';
import { COLLECTIONS, entryId, type CollectionName } from './schemas/collections.ts';
import { checkFaultCategory, FaultCodeFields } from './schemas/fault-code.ts';
import { checkModuleReading, LearningModuleFields } from './schemas/learning.ts';
import { ProductSchema } from './schemas/product.ts';
import { checkQuestion, checkQuestionIds, QuizFields, QuizQuestionFields } from './schemas/quiz.ts';

// The content root can point at a fixture set for tests (KB_CONTENT_DIR).
const root = process.env.KB_CONTENT_DIR || 'content';

function loader(name: CollectionName): Loader {
	const spec = COLLECTIONS[name];
	const files = glob({
		base: `${root}/${spec.dir}`,
		pattern: spec.pattern,
		generateId: ({ entry }) => entryId(entry),
	});
	// MDX entries keep Astro's own loader, which prepares their rendering.
	if (spec.format !== 'yaml') return files;
	return {
		name: 'kb-content',
		// A build takes the YAML the guard has just read and validated (src/core/handoff.ts); the dev
		// server, and any load without a hand-off, reads the files with Astro's loader.
		load: async (context) => {
			const handed = context.watcher ? undefined : takeHandedEntries(root, name);
			if (!handed) return files.load(context);
			context.store.clear();
			for (const { id, file, raw } of handed) {
				const data = await context.parseData({
					id,
					data: raw as Record<string, unknown>,
					filePath: resolve(file),
				});
				context.store.set({ id, data, filePath: file });
			}
		},
	};
}

// Each collection is defined from its row in src/schemas/collections.ts. Those whose pages read a
// linked entry as an Astro reference (`f.data.family.id`) extend their schema with `reference()`;
// the content core checks every declared reference, these included, before Astro runs.
export const collections = {
	families: defineCollection({ loader: loader('families'), schema: COLLECTIONS.families.schema }),
	sops: defineCollection({ loader: loader('sops'), schema: COLLECTIONS.sops.schema }),
	checklists: defineCollection({
		loader: loader('checklists'),
		schema: COLLECTIONS.checklists.schema,
	}),
	etiquette: defineCollection({
		loader: loader('etiquette'),
		schema: COLLECTIONS.etiquette.schema,
	}),
	guides: defineCollection({ loader: loader('guides'), schema: COLLECTIONS.guides.schema }),
	products: defineCollection({
		loader: loader('products'),
		schema: ProductSchema.extend({ family: reference('families') }),
	}),
	faults: defineCollection({
		loader: loader('faults'),
		schema: FaultCodeFields.extend({
			family: reference('families'),
			models: reference('products').array().default([]),
		}).superRefine(checkFaultCategory),
	}),
	synonyms: defineCollection({ loader: loader('synonyms'), schema: COLLECTIONS.synonyms.schema }),
	quizzes: defineCollection({
		loader: loader('quizzes'),
		schema: QuizFields.extend({
			questions: QuizQuestionFields.extend({ rule: reference('etiquette').optional() })
				.superRefine(checkQuestion)
				.array()
				.min(1),
		}).superRefine(checkQuestionIds),
	}),
	learning: defineCollection({
		loader: loader('learning'),
		schema: LearningModuleFields.extend({
			rules: reference('etiquette').array().default([]),
			quiz: reference('quizzes'),
		}).superRefine(checkModuleReading),
	}),
};

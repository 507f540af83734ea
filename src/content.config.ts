import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, entryId, type CollectionName } from './schemas/collections.ts';
import { checkFaultCategory, FaultCodeFields } from './schemas/fault-code.ts';
import { checkModuleReading, LearningModuleFields } from './schemas/learning.ts';
import { ProductSchema } from './schemas/product.ts';
import { checkQuestion, checkQuestionIds, QuizFields, QuizQuestionFields } from './schemas/quiz.ts';

// The content root can point at a fixture set for tests (KB_CONTENT_DIR).
const root = process.env.KB_CONTENT_DIR || 'content';

function loader(name: CollectionName) {
	const spec = COLLECTIONS[name];
	return glob({
		base: `${root}/${spec.dir}`,
		pattern: spec.pattern,
		generateId: ({ entry }) => entryId(entry),
	});
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

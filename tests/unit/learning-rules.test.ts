import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/core/validate.ts';
import { breakingFixture } from '../helpers/broken-content.ts';
import { FIXTURE_CONTENT, type FixtureCopy } from '../helpers/fixture.ts';

const problemsAfter = breakingFixture();

// A second module placed first on the path, the same as the fixture's module.
const MODULE_TEXT = `order: 1
title:
  zh-CN: 第二个模块
  en: A second module
summary:
  zh-CN: 说明
  en: Summary
minutes: 5
rules: [knock-properly]
quiz: visit-basics
passMark: 50
`;

const QUIZ = 'quizzes/visit-basics.yaml';
const MODULE = 'learning/visit-basics.yaml';

describe('validateContent on quizzes and learning modules', () => {
	it('finds no problem in the fixture quiz and module', () => {
		const { problems, content } = validateContent(FIXTURE_CONTENT);

		expect(problems).toEqual([]);
		expect(content.entries.quizzes[0]!.data.questions).toHaveLength(3);
		expect(content.entries.learning[0]!.data.passMark).toBe(67);
	});

	it.each<[string, (c: FixtureCopy) => void, string[]]>([
		[
			'a quiz question citing a rule that does not exist',
			(c) => c.edit(QUIZ, (t) => t.replace('rule: knock-properly', 'rule: knock-loudly')),
			[
				'content/quizzes/visit-basics.yaml:20: questions.0.rule: etiquette rule "knock-loudly" does not exist; use the name of a file in content/etiquette/ (follow-up-call, knock-properly).',
			],
		],
		[
			'a quiz question citing an SOP that does not exist',
			(c) => c.edit(QUIZ, (t) => t.replace('sop: onsite-visit', 'sop: onsite-visits')),
			[
				'content/quizzes/visit-basics.yaml:50: questions.2.sop: SOP "onsite-visits" does not exist; use the name of a file in content/sops/ (onsite-visit).',
			],
		],
		[
			'a quiz question that names neither a rule nor an SOP',
			(c) => c.edit(QUIZ, (t) => t.replace('    sop: onsite-visit\n', '')),
			[
				'content/quizzes/visit-basics.yaml:37: questions.2.rule: the question names neither a `rule` nor an `sop`; add the etiquette rule or the SOP it tests, so trainees can read up on it.',
			],
		],
		[
			'an answer beyond the last choice',
			(c) => c.edit(QUIZ, (t) => t.replace('    answer: b\n', '    answer: d\n')),
			[
				'content/quizzes/visit-basics.yaml:16: questions.0.answer: is d but there are only 3 choices (a–c); point `answer` at one of them or add the missing choice.',
			],
		],
		[
			'an answer that is not a letter',
			(c) => c.edit(QUIZ, (t) => t.replace('    answer: b\n', '    answer: 2\n')),
			[
				'content/quizzes/visit-basics.yaml:16: questions.0.answer: 2 is not a choice letter; write the letter of the correct choice (a for the first, b for the second, …).',
			],
		],
		[
			'two questions with one id',
			(c) => c.edit(QUIZ, (t) => t.replace('id: follow-up-window', 'id: how-to-knock')),
			[
				'content/quizzes/visit-basics.yaml:21: questions.1.id: question id how-to-knock is used twice; give each question its own id.',
			],
		],
		[
			'a module citing a rule that does not exist',
			(c) =>
				c.edit(MODULE, (t) =>
					t.replace(
						'rules: [knock-properly, follow-up-call]',
						'rules: [knock-properly, follow-up]',
					),
				),
			[
				'content/learning/visit-basics.yaml:10: rules.1: etiquette rule "follow-up" does not exist; use the name of a file in content/etiquette/ (follow-up-call, knock-properly).',
			],
		],
		[
			'a module citing an SOP, a checklist and a guide that do not exist',
			(c) =>
				c.edit(MODULE, (t) =>
					t
						.replace('sops: [onsite-visit]', 'sops: [visit]')
						.replace('checklists: [onsite-preparation]', 'checklists: [preparation]')
						.replace('guides: [workflow]', 'guides: [work-flow]'),
				),
			[
				'content/learning/visit-basics.yaml:9: sops.0: SOP "visit" does not exist; use the name of a file in content/sops/ (onsite-visit).',
				'content/learning/visit-basics.yaml:11: checklists.0: checklist "preparation" does not exist; use the name of a file in content/checklists/ (onsite-preparation).',
				'content/learning/visit-basics.yaml:12: guides.0: guide "work-flow" does not exist; use the name of a file in content/guides/ (workflow).',
			],
		],
		[
			'a module whose quiz does not exist',
			(c) => c.edit(MODULE, (t) => t.replace('quiz: visit-basics', 'quiz: visit-basic')),
			[
				'content/learning/visit-basics.yaml:13: quiz: quiz "visit-basic" does not exist; use the name of a file in content/quizzes/ (visit-basics).',
			],
		],
		[
			'two modules in one place on the path',
			(c) => c.write('learning/visit-basics-2.yaml', MODULE_TEXT),
			[
				'content/learning/visit-basics.yaml:1: order: 1 is also the order of content/learning/visit-basics-2.yaml; give each module its own place on the path.',
			],
		],
		[
			'a pass mark over 100',
			(c) => c.edit(MODULE, (t) => t.replace('passMark: 67', 'passMark: 670')),
			['content/learning/visit-basics.yaml:14: passMark: must be at most 100 (percent).'],
		],
		[
			'a module with nothing to read',
			(c) => c.edit(MODULE, (t) => t.replace(/^(sops|rules|checklists|guides): .*\n/gm, '')),
			[
				'content/learning/visit-basics.yaml: sops: the module has nothing to read; list at least one of `sops`, `rules`, `checklists` or `guides`.',
			],
		],
		[
			'a module without a time estimate',
			(c) => c.edit(MODULE, (t) => t.replace('minutes: 15\n', '')),
			[
				'content/learning/visit-basics.yaml: minutes: is missing; estimate the minutes the module takes, e.g. `minutes: 20`.',
			],
		],
	])('reports %s', (_, breakIt, expected) => {
		const problems = problemsAfter(breakIt);

		expect(problems).toEqual(expected);
	});
});

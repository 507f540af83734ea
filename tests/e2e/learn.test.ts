import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/browser.ts';
import { FIXTURE } from '../helpers/builds.ts';
import { useServedSite } from '../helpers/served-site.ts';

// Journey: a new hire follows the onboarding path, fails a quiz, reads up, passes, and studies the visit walkthrough.
// Each test starts from a new hire's fresh browser; the ones that need an earlier attempt make it themselves.
const site = useServedSite(FIXTURE);
let page: Page;

beforeEach(async () => {
	page = await site.newPage({ viewport: { width: 360, height: 740 } });
});

/** Picks a choice of a question and checks it. */
async function answer(question: string, choice: RegExp): Promise<void> {
	const form = page
		.locator('form')
		.filter({ has: page.getByRole('group', { name: new RegExp(question) }) });
	await form.getByRole('radio', { name: choice }).check();
	await form.getByRole('button', { name: 'Check answer' }).click();
}

/** Follows a link and waits until the page it leads to (`en/…`) has loaded and run its scripts. */
async function follow(name: string, path: string): Promise<void> {
	await page.getByRole('link', { name }).click();
	await page.waitForURL(`${site.url}en/${path}`);
}

/** Opens the module from the English learning path and answers one of three questions right (33 %, below the pass mark). */
async function failTheQuiz(): Promise<void> {
	await page.goto(`${site.url}en/learn/`);
	await follow('Visit basics', 'learn/visit-basics/');
	await answer('How do you knock', /Knock firmly/);
	await answer('follow up', /1–3 working days/);
	await answer('When should you arrive', /half an hour/);
	await page.locator('[data-verdict]', { hasText: 'Below the pass mark' }).waitFor();
}

describe('the onboarding path', () => {
	it('shows the modules with their time and no progress yet', async () => {
		// Open the learning path from the navigation.
		await page.goto(`${site.url}en/`);
		await follow('Learning path', 'learn/');

		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'Onboarding path for new hires',
		);
		await expect(page.getByText('0 of 1 modules complete').isVisible()).resolves.toBe(true);
		await expect(
			page.locator('[data-module="visit-basics"] [data-status]').textContent(),
		).resolves.toBe('Not complete');
		await expect(page.getByText('About 15 min').first().isVisible()).resolves.toBe(true);
		expect(await seriousViolations(page)).toEqual([]);
	});

	it('fails the quiz below the pass mark, with immediate feedback, an explanation and a link to the rule', async () => {
		// Open the learning path, then the module.
		await page.goto(`${site.url}en/learn/`);
		await follow('Visit basics', 'learn/visit-basics/');
		// Answer the first question wrongly.
		await answer('How do you knock', /Knock firmly/);

		const feedback = page.locator('main form').first().getByRole('status');
		await expect(feedback.textContent()).resolves.toContain('Not quite: the right answer is B.');
		await expect(feedback.textContent()).resolves.toContain('two rounds of three light knocks');
		await expect(feedback.getByRole('link').getAttribute('href')).resolves.toBe(
			'/en/etiquette/knock-properly/',
		);

		// Answer the other two: one right, one wrong.
		await answer('follow up', /1–3 working days/);
		await answer('When should you arrive', /half an hour/);

		await expect(page.locator('[data-score]').textContent()).resolves.toBe(
			'Score 1 of 3 (33 %); the pass mark is 67 %.',
		);
		await expect(page.locator('[data-verdict]').textContent()).resolves.toBe(
			'Below the pass mark. Read the material again and retake the quiz.',
		);
		expect(await seriousViolations(page)).toEqual([]);

		// Back on the path, the module is still open.
		await follow('Back to the learning path', 'learn/');

		await expect(
			page.locator('[data-module="visit-basics"] [data-status]').textContent(),
		).resolves.toBe('Not complete');
	});

	it('passes on a retake, and the path remembers it after a reload', async () => {
		// Fail the quiz once, and go back to the learning path.
		await failTheQuiz();
		await follow('Back to the learning path', 'learn/');
		// Open the module again: the finished attempt is still shown.
		await follow('Visit basics', 'learn/visit-basics/');

		await expect(page.locator('[data-score]').textContent()).resolves.toContain('Score 1 of 3');

		// Retake and answer everything correctly.
		await page.getByRole('button', { name: 'Retake the quiz' }).click();
		await answer('How do you knock', /Two rounds of three light knocks/);
		await answer('follow up', /1–3 working days/);
		await answer('When should you arrive', /5 minutes early/);

		await expect(page.locator('[data-verdict]').textContent()).resolves.toBe(
			'Passed — this module is complete.',
		);

		// Go back to the path and reload it.
		await page.goto(`${site.url}en/learn/`);
		await page.reload();

		await expect(page.getByText('1 of 1 modules complete').isVisible()).resolves.toBe(true);
		await expect(
			page.locator('[data-module="visit-basics"] [data-status]').textContent(),
		).resolves.toBe('Complete');
	});

	it('serves the quiz in Chinese from the same content', async () => {
		// Open the Chinese module page.
		await page.goto(`${site.url}learn/visit-basics/`);

		await expect(page.getByRole('group', { name: /用户家没有门铃/ }).isVisible()).resolves.toBe(
			true,
		);
		await expect(page.getByRole('heading', { name: /测验/ }).first().isVisible()).resolves.toBe(
			true,
		);
	});
});

describe('the visit walkthrough', () => {
	it('shows every stage from leaving to follow-up, linked to its rules and SOP steps', async () => {
		// Open the walkthrough.
		await page.goto(`${site.url}en/walkthrough/`);

		const map = page.getByRole('navigation', { name: 'Stages of the visit' });
		await expect(map.getByRole('link').allTextContents()).resolves.toEqual([
			'1 Before leaving',
			'2 Phoning the customer',
			'3 Arriving',
			'4 At the door',
			'5 In the home',
			'6 Diagnosis',
			'7 Finishing',
			'8 After the visit',
		]);
		const door = page.locator('#at-the-door');
		await expect(
			door.getByRole('link', { name: /Ring the doorbell first/ }).getAttribute('href'),
		).resolves.toBe('/en/etiquette/knock-properly/');
		await expect(
			door.getByRole('link', { name: 'On-site visit · Steps · step 3' }).getAttribute('href'),
		).resolves.toBe('/en/sops/onsite-visit/#steps');
		expect(await seriousViolations(page)).toEqual([]);
	});
});

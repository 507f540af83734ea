import { describe, expect, it } from 'vitest';
import { withPrecache } from '../../src/integrations/offline.ts';

// The worker as Workbox minifies it: the precache list is an array literal of `{url,revision}` objects.
const worker = (list: string) =>
	`self.addEventListener("message",()=>{}),function(e){ee().precache(e)}([${list}]),t(/x/)`;
const placeholder = '{url:"__kb_precache__",revision:"0"}';

describe('withPrecache', () => {
	it('writes the precache list where the placeholder entry was', () => {
		const code = withPrecache(worker(placeholder), [
			{ url: 'index.html', revision: 'a1' },
			{ url: 'en/faults/ac/e4/index.html', revision: 'b2' },
		]);
		expect(code).toBe(
			worker(
				'{"url":"index.html","revision":"a1"},{"url":"en/faults/ac/e4/index.html","revision":"b2"}',
			),
		);
	});

	it('fails the build when the worker has no placeholder, or more than one', () => {
		const message =
			'The service worker has no single precache placeholder; Workbox changed how it writes the list (src/integrations/offline.ts).';
		expect(() => withPrecache(worker('{url:"x",revision:"0"}'), [])).toThrow(message);
		expect(() => withPrecache(worker(`${placeholder},${placeholder}`), [])).toThrow(message);
	});
});

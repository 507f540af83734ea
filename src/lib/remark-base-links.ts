/**
 * A remark plugin that makes site-absolute links in content (`[SOP](/sops/onsite-visit/)`)
 * respect the deploy base path and the file's locale: in `x.en.mdx` under base `/kb/` that link
 * becomes `/kb/en/sops/onsite-visit/`. Authors write links once, as from the site root.
 */
export function remarkBaseLinks(options: { base: string; defaultLocale: string }) {
	const root = options.base.endsWith('/') ? options.base : `${options.base}/`;
	return (tree: LinkNode, file: { path?: string; history?: string[] }) => {
		const path = file.path ?? file.history?.[0] ?? '';
		const locale = /\.([a-zA-Z-]+)\.mdx?$/.exec(path)?.[1];
		const prefix =
			locale && locale !== options.defaultLocale && locale.length <= 5 ? `${locale}/` : '';
		visit(tree, (url) =>
			url.startsWith('/') && !url.startsWith('//') ? `${root}${prefix}${url.slice(1)}` : url,
		);
	};
}

// --- internal ---

interface LinkNode {
	type: string;
	url?: string;
	children?: LinkNode[];
}

function visit(node: LinkNode, rewrite: (url: string) => string): void {
	if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url)
		node.url = rewrite(node.url);
	node.children?.forEach((child) => visit(child, rewrite));
}

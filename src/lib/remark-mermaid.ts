/**
 * A remark plugin that turns ```mermaid code blocks into `<pre class="mermaid">` holding the
 * escaped diagram source. The page's Mermaid loader renders it; without scripts the source
 * stays readable as text. Whether a body has a diagram at all is `hasMermaid` in the content
 * core, read from the same kind of tree.
 */
export function remarkMermaid() {
	return (tree: MdNode) => {
		visit(tree);
	};
}

// --- internal ---

interface MdNode {
	type: string;
	lang?: string | null;
	value?: string;
	children?: MdNode[];
}

function visit(node: MdNode): void {
	node.children?.forEach((child, i, children) => {
		if (child.type === 'code' && child.lang === 'mermaid') {
			children[i] = {
				type: 'html',
				value: `<pre class="mermaid">${escapeHtml(child.value ?? '')}</pre>`,
			};
		} else {
			visit(child);
		}
	});
}

function escapeHtml(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

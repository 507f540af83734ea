import type { Localized } from '../schemas/localized.ts';

/** How the authoring guide presents one MDX component: what it is for, and an example to copy. */
export interface MdxComponentDoc {
	summary: Localized;
	example: string;
}

/**
 * The components SOP and guide bodies may use (`src/components/mdx/index.ts`), for the authoring
 * guide. Their attributes are read from each component's `Props` at build time; a unit test
 * fails when a component is missing here.
 */
export const MDX_COMPONENT_DOCS: Record<string, MdxComponentDoc> = {
	Steps: {
		summary: {
			'zh-CN': '包住一个有序列表（1. 2. 3.）的操作步骤；步骤里可以嵌套列表。',
			en: 'Wraps one ordered Markdown list (1. 2. 3.) of procedure steps; steps may hold nested lists.',
		},
		example:
			'<Steps>\n\n1. Disconnect the power.\n2. Remove the front panel.\n   - Keep the screws in the tray.\n\n</Steps>',
	},
	Warning: {
		summary: {
			'zh-CN': '安全提示：触电、制冷剂、漏水、静电等。',
			en: 'A safety note: electric shock, refrigerant, water, static.',
		},
		example:
			'<Warning>\n\nDisconnect power and wait 3 minutes before opening the unit.\n\n</Warning>',
	},
	Checkpoint: {
		summary: {
			'zh-CN': '质量检查点：继续之前必须满足的条件。',
			en: 'A quality checkpoint: what must be true before going on.',
		},
		example: '<Checkpoint>\n\nThe supply voltage is 198–242 V.\n\n</Checkpoint>',
	},
	Tools: {
		summary: { 'zh-CN': '所需工具的列表。', en: 'A Markdown list of the tools needed.' },
		example: '<Tools>\n\n- Multimeter\n- Insulated screwdriver set\n\n</Tools>',
	},
	Parts: {
		summary: { 'zh-CN': '所需备件和耗材的列表。', en: 'A Markdown list of parts and consumables.' },
		example: '<Parts>\n\n- Fuse 3.15 A\n- Cable ties\n\n</Parts>',
	},
	Rule: {
		summary: {
			'zh-CN': '引用一条服务规范：显示规范标题并链接过去；id 是 content/etiquette/ 下的文件名。',
			en: "Cites an etiquette rule inline: shows the rule's title and links to it; the id is a file name in content/etiquette/.",
		},
		example: 'Knock first: <Rule id="knock-properly" />',
	},
};

/** The Mermaid flowchart, a fenced code block rather than a component. */
export const MERMAID_DOC: MdxComponentDoc = {
	summary: {
		'zh-CN': 'Mermaid 流程图（flowchart TD），在浏览器中绘制；没有脚本时源码仍可阅读。',
		en: 'A Mermaid flowchart (flowchart TD), drawn in the browser; without scripts the source stays readable.',
	},
	example:
		'```mermaid\nflowchart TD\n  A["Phone the customer"] --> B{"At home?"}\n  B -- yes --> C["Visit"]\n  B -- no --> D["Rebook"]\n```',
};

import type { Priority } from '../../../src/schemas/taxonomy.ts';
import type { Channel, TicketField } from './fields.ts';

/** The shape of a preset: a source name, candidate columns per field, and value tables. */
export interface PresetSpec {
	source: string;
	fields: Partial<Record<TicketField, readonly string[]>>;
	values?: { priority?: Record<string, Priority>; channel?: Record<string, Channel> };
}

/**
 * Column mappings for common exports. Each field lists the names a source may use, first match
 * wins; headers are compared after NFKC, trimming and lower-casing, so `Error Code` also
 * matches `error code`. A user's mapping file can start from a preset and override fields.
 */
export const PRESETS = {
	/** A Chinese after-sales system's Excel export (服务工单导出), as CSV, CSV UTF-8 or XLSX. */
	'zh-excel': {
		source: 'zh-excel',
		fields: {
			id: ['工单号', '工单编号', '服务单号', '单号', '报修单号'],
			created: ['创建时间', '报修时间', '受理时间', '建单时间', '下单时间'],
			updated: ['更新时间', '最后更新时间', '修改时间'],
			resolved: ['完成时间', '完工时间', '关闭时间', '结单时间', '解决时间'],
			status: ['状态', '工单状态'],
			priority: ['优先级', '紧急程度', '紧急度'],
			channel: ['渠道', '来源渠道', '报修渠道', '受理渠道', '来源'],
			firstResponse: ['首次响应时间', '首响时间', '响应时间'],
			firstResponseMinutes: [
				'首次响应时长(分钟)',
				'首次响应时长（分钟）',
				'首响时长(分钟)',
				'首响时长（分钟）',
			],
			model: ['产品型号', '型号', '机型'],
			serial: ['序列号', '产品序列号', '机身编码', '机身条码', 'SN'],
			faultCode: ['故障代码', '故障码', '错误代码', '错误码'],
			category: ['故障类别', '故障类型', '故障分类'],
			region: ['区域', '大区', '服务区域', '省份'],
			visits: ['上门次数', '维修次数', '服务次数'],
			firstTimeFix: ['一次修复', '是否一次修复', '首次修复'],
			satisfaction: ['满意度', '客户满意度', '评分', '回访评分'],
			symptom: ['故障现象', '故障描述'],
		},
	},
	/** Request Tracker 5: REST2 ticket fields with custom fields as `CF.{name}`, or its spreadsheet export. */
	rt: {
		source: 'rt',
		fields: {
			id: ['id'],
			created: ['Created'],
			updated: ['LastUpdated'],
			resolved: ['Resolved'],
			status: ['Status'],
			priority: ['CF.{优先级}', 'CF.{Priority Level}', 'Priority'],
			channel: ['CF.{渠道}', 'CF.{Channel}'],
			firstResponse: ['CF.{首次响应时间}', 'CF.{First Response}'],
			model: ['CF.{产品型号}', 'CF.{Model}', 'CF.{Product Model}'],
			serial: ['CF.{序列号}', 'CF.{Serial}', 'CF.{Serial Number}'],
			faultCode: ['CF.{故障代码}', 'CF.{FaultCode}', 'CF.{Fault Code}'],
			category: ['CF.{故障类别}', 'CF.{Category}'],
			region: ['CF.{区域}', 'CF.{Region}'],
			visits: ['CF.{上门次数}', 'CF.{Visits}'],
			firstTimeFix: ['CF.{首次修复}', 'CF.{一次修复}', 'CF.{FirstTimeFix}'],
			satisfaction: ['CF.{满意度}', 'CF.{Satisfaction}'],
			symptom: ['CF.{故障现象}', 'CF.{Symptom}'],
		},
		// RT priorities are numbers 0–100 (Low 0, Medium 50, High 100 by default).
		values: { priority: { '90-100': 'P1', '60-89': 'P2', '30-59': 'P3', '0-29': 'P4' } },
	},
	/**
	 * Zendesk Support: the incremental export's ticket JSON (nested keys flattened with dots,
	 * custom fields as `custom_fields.<id>`) or a CSV view export. Custom field ids differ per
	 * account, so fault code, model and serial are mapped in your own mapping file.
	 */
	zendesk: {
		source: 'zendesk',
		fields: {
			id: ['id', 'Id', 'Ticket ID'],
			created: ['created_at', 'Created at', 'Requested'],
			updated: ['updated_at', 'Updated at'],
			resolved: ['solved_at', 'Solved at'],
			status: ['status', 'Status'],
			priority: ['priority', 'Priority'],
			channel: ['via.channel', 'Via'],
		},
		values: {
			priority: { urgent: 'P1', high: 'P2', normal: 'P3', low: 'P4' },
			channel: {
				voice: 'phone',
				email: 'email',
				chat: 'chat',
				messaging: 'chat',
				web: 'web',
				api: 'other',
				mobile: 'web',
			},
		},
	},
	/** English headers of generic help desks and ServiceNow-style exports (`u_fault_code`, `Error Code`). */
	generic: {
		source: 'tickets',
		fields: {
			id: ['ticket_id', 'Ticket ID', 'Ticket', 'number', 'id'],
			created: ['created', 'created_at', 'Created', 'opened_at', 'Opened'],
			updated: ['updated', 'updated_at', 'sys_updated_on', 'Updated'],
			resolved: ['resolved', 'resolved_at', 'closed_at', 'Resolved', 'Closed'],
			status: ['status', 'state', 'Status', 'State'],
			priority: ['priority', 'Priority'],
			channel: ['channel', 'contact_type', 'Channel'],
			firstResponse: ['first_response', 'first_response_at', 'First response'],
			firstResponseMinutes: ['first_response_minutes'],
			model: ['model', 'u_model', 'Model', 'Product model'],
			serial: ['serial', 'serial_number', 'u_serial_number', 'Serial', 'Serial number'],
			faultCode: ['fault_code', 'u_fault_code', 'Error Code', 'Fault code', 'code'],
			category: ['category', 'Category'],
			region: ['region', 'Region', 'location'],
			visits: ['visits', 'Visits'],
			firstTimeFix: ['first_time_fix', 'First time fix', 'ftf'],
			satisfaction: ['satisfaction', 'csat', 'Satisfaction'],
			symptom: ['symptom', 'Symptom'],
		},
	},
} as const satisfies Record<string, PresetSpec>;

/** A preset name. */
export type PresetName = keyof typeof PRESETS;
/** Every preset name, in the order they are tried when no mapping is given. */
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

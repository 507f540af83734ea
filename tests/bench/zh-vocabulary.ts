/**
 * The vocabulary the benchmark catalogue (zh-catalogue.ts) composes its entries from: manufacturer
 * families, parts, fault modes, positions and explanation phrases, each as `中文|English`. Shaped on
 * real Chinese manufacturer code tables, which mix Latin abbreviations and digits into the Chinese
 * (`室外机IPM模块保护`, `第2排氧传感器加热器电路`).
 */

/** Appliance domains; a family covers one or more, and each part belongs to one (or `all`). */
export type Domain = 'ac' | 'wh' | 'wm' | 'rf' | 'kc';

/** How a family writes its codes. */
export type CodeStyle = 'plain' | 'padded' | 'dash' | 'obd' | 'numeric';

/** A manufacturer family: id, names, domains, code style and the letters its codes start with. */
export interface FamilyDef {
	id: string;
	zh: string;
	en: string;
	domains: Domain[];
	style: CodeStyle;
	/** True for the one family whose codes apply to every manufacturer. */
	generic?: boolean;
}

/** The 24 manufacturers plus the generic family. */
export const FAMILIES: FamilyDef[] = [
	{ id: 'midea', zh: '美的', en: 'Midea', domains: ['ac', 'wm', 'wh'], style: 'plain' },
	{ id: 'gree', zh: '格力', en: 'Gree', domains: ['ac'], style: 'plain' },
	{ id: 'haier', zh: '海尔', en: 'Haier', domains: ['ac', 'wm', 'rf', 'wh'], style: 'padded' },
	{ id: 'hisense', zh: '海信', en: 'Hisense', domains: ['ac', 'rf'], style: 'plain' },
	{ id: 'aux-group', zh: '奥克斯', en: 'AUX', domains: ['ac'], style: 'plain' },
	{ id: 'chigo', zh: '志高', en: 'Chigo', domains: ['ac'], style: 'padded' },
	{ id: 'changhong', zh: '长虹', en: 'Changhong', domains: ['ac', 'rf'], style: 'numeric' },
	{ id: 'meiling', zh: '美菱', en: 'Meiling', domains: ['rf'], style: 'plain' },
	{ id: 'ronshen', zh: '容声', en: 'Ronshen', domains: ['rf'], style: 'dash' },
	{ id: 'vanward', zh: '万和', en: 'Vanward', domains: ['wh', 'kc'], style: 'plain' },
	{ id: 'macro', zh: '万家乐', en: 'Macro', domains: ['wh', 'kc'], style: 'padded' },
	{ id: 'rinnai', zh: '林内', en: 'Rinnai', domains: ['wh'], style: 'numeric' },
	{ id: 'noritz', zh: '能率', en: 'Noritz', domains: ['wh'], style: 'numeric' },
	{ id: 'ao-smith', zh: '史密斯', en: 'A. O. Smith', domains: ['wh'], style: 'plain' },
	{ id: 'siemens', zh: '西门子', en: 'Siemens', domains: ['wm', 'rf', 'kc'], style: 'dash' },
	{ id: 'bosch', zh: '博世', en: 'Bosch', domains: ['wm', 'rf', 'kc'], style: 'dash' },
	{ id: 'panasonic', zh: '松下', en: 'Panasonic', domains: ['ac', 'wm'], style: 'padded' },
	{ id: 'daikin', zh: '大金', en: 'Daikin', domains: ['ac'], style: 'plain' },
	{ id: 'mitsubishi', zh: '三菱电机', en: 'Mitsubishi Electric', domains: ['ac'], style: 'obd' },
	{ id: 'hitachi', zh: '日立', en: 'Hitachi', domains: ['ac'], style: 'obd' },
	{ id: 'little-swan', zh: '小天鹅', en: 'Little Swan', domains: ['wm'], style: 'plain' },
	{ id: 'whirlpool', zh: '惠而浦', en: 'Whirlpool', domains: ['wm', 'rf'], style: 'dash' },
	{ id: 'fotile', zh: '方太', en: 'Fotile', domains: ['kc', 'wh'], style: 'plain' },
	{ id: 'robam', zh: '老板', en: 'Robam', domains: ['kc'], style: 'padded' },
	{
		id: 'generic',
		zh: '通用',
		en: 'Generic',
		domains: ['ac', 'wh', 'wm', 'rf', 'kc'],
		style: 'plain',
		generic: true,
	},
];

/** A part: `中文|English`, optional Latin abbreviation and the inline form that uses it (`IPM模块`). */
export interface Part {
	zh: string;
	en: string;
	abbr?: string;
	inline?: string;
	/** Sensors take the sensor fault modes; the rest the actuator and board modes. */
	kind: 'sensor' | 'actuator' | 'board';
}

const p = (spec: string, kind: Part['kind'], abbr?: string, inline?: string): Part => {
	const [zh, en] = spec.split('|') as [string, string];
	return { zh, en, kind, abbr, inline };
};

/** Parts by domain; `all` parts occur in every domain and in the generic family. */
export const PARTS: Record<Domain | 'all', Part[]> = {
	all: [
		p('主控板|main control board', 'board'),
		p('显示板|display board', 'board'),
		p('电源板|power board', 'board'),
		p('存储器|memory chip', 'board', 'EEPROM', 'EEPROM'),
		p('过零检测电路|zero-crossing circuit', 'board'),
		p('继电器|relay', 'actuator'),
		p('线控器|wired controller', 'board'),
		p('无线模块|wireless module', 'board', 'WiFi', 'WiFi模块'),
		p('电源电压|supply voltage', 'sensor'),
	],
	ac: [
		p('室内环境温度传感器|indoor room temperature sensor', 'sensor', 'T1', 'T1传感器'),
		p('室内盘管温度传感器|indoor coil temperature sensor', 'sensor', 'T2', 'T2传感器'),
		p('室外盘管温度传感器|outdoor coil temperature sensor', 'sensor', 'T3', 'T3传感器'),
		p('室外环境温度传感器|outdoor ambient temperature sensor', 'sensor', 'T4', 'T4传感器'),
		p('排气温度传感器|discharge temperature sensor', 'sensor', 'TP', 'TP传感器'),
		p('压缩机|compressor', 'actuator'),
		p('四通阀|four-way valve', 'actuator'),
		p('电子膨胀阀|electronic expansion valve', 'actuator', 'EEV', 'EEV阀'),
		p('室内风机|indoor fan motor', 'actuator', 'PG', 'PG电机'),
		p('室外风机|outdoor fan motor', 'actuator', 'DC', '直流风机'),
		p('智能功率模块|intelligent power module', 'actuator', 'IPM', 'IPM模块'),
		p('功率因数校正电路|power factor correction circuit', 'board', 'PFC', 'PFC电路'),
		p('高压开关|high-pressure switch', 'sensor'),
		p('低压开关|low-pressure switch', 'sensor'),
		p('电流互感器|current transformer', 'sensor', 'CT', 'CT互感器'),
		p('导风板电机|louvre motor', 'actuator'),
		p('氧传感器|oxygen sensor', 'sensor', 'O2', 'O2传感器'),
	],
	wh: [
		p('点火针|ignition electrode', 'actuator'),
		p('火焰检测针|flame sensing electrode', 'sensor'),
		p('燃气比例阀|gas proportional valve', 'actuator'),
		p('风压开关|air pressure switch', 'sensor'),
		p('水流量传感器|water flow sensor', 'sensor'),
		p('出水温度传感器|outlet water temperature sensor', 'sensor', 'NTC', 'NTC探头'),
		p('进水温度传感器|inlet water temperature sensor', 'sensor'),
		p('加热管|heating element', 'actuator'),
		p('温控器|thermostat', 'sensor'),
		p('防干烧限温器|dry-fire limiter', 'sensor'),
		p('漏电保护器|leakage protector', 'sensor', 'RCD', 'RCD插头'),
		p('鼓风机|blower fan', 'actuator'),
		p('循环水泵|circulation pump', 'actuator'),
		p('空气流量传感器|air flow sensor', 'sensor', 'MAF', 'MAF传感器'),
	],
	wm: [
		p('排水泵|drain pump', 'actuator'),
		p('进水阀|inlet valve', 'actuator'),
		p('水位传感器|water level sensor', 'sensor'),
		p('门锁|door lock', 'actuator'),
		p('洗涤电机|wash motor', 'actuator', 'DD', 'DD电机'),
		p('变频驱动板|inverter drive board', 'board'),
		p('烘干加热管|drying heater', 'actuator'),
		p('水温传感器|water temperature sensor', 'sensor', 'NTC', 'NTC传感器'),
		p('平衡开关|balance switch', 'sensor'),
		p('霍尔传感器|Hall sensor', 'sensor'),
		p('烘干风机|drying fan', 'actuator'),
	],
	rf: [
		p('冷藏室温度传感器|fridge compartment sensor', 'sensor', 'R', 'R传感器'),
		p('冷冻室温度传感器|freezer compartment sensor', 'sensor', 'F', 'F传感器'),
		p('化霜传感器|defrost sensor', 'sensor', 'D', 'D传感器'),
		p('化霜加热丝|defrost heater', 'actuator'),
		p('电动风门|motorised damper', 'actuator'),
		p('冷冻风机|freezer fan', 'actuator'),
		p('冷凝风机|condenser fan', 'actuator'),
		p('变频压缩机|inverter compressor', 'actuator'),
		p('制冰机|ice maker', 'actuator'),
		p('门开关|door switch', 'sensor'),
	],
	kc: [
		p('烟机电机|range hood motor', 'actuator'),
		p('风压传感器|air pressure sensor', 'sensor'),
		p('脉冲点火器|pulse igniter', 'actuator'),
		p('熄火保护热电偶|flame-failure thermocouple', 'sensor'),
		p('电磁阀|solenoid valve', 'actuator'),
		p('洗涤泵|wash pump', 'actuator'),
		p('水杯传感器|water cup sensor', 'sensor'),
		p('蒸汽发生器|steam generator', 'actuator'),
	],
};

const pairs = (specs: string[]) =>
	specs.map((s) => {
		const [zh, en] = s.split('|') as [string, string];
		return { zh, en };
	});

/** Fault modes by part kind. */
export const MODES = {
	sensor: pairs([
		'开路|open circuit',
		'短路|short circuit',
		'电路过高|circuit high',
		'电路过低|circuit low',
		'电路故障|circuit malfunction',
		'性能不良|performance problem',
		'信号异常|abnormal signal',
		'电路间歇|circuit intermittent',
		'范围/性能|range/performance',
	]),
	actuator: pairs([
		'失速|stall',
		'保护|protection',
		'堵转|locked rotor',
		'过流|overcurrent',
		'过热保护|overheat protection',
		'不动作|does not operate',
		'卡死|stuck',
		'驱动故障|drive fault',
		'启动失败|start failure',
		'反馈异常|feedback fault',
	]),
	board: pairs([
		'通讯故障|communication fault',
		'数据错误|data error',
		'电压过高|overvoltage',
		'电压过低|undervoltage',
		'故障|fault',
		'异常复位|unexpected reset',
	]),
};

/** Places a part sits, used before the part name. */
export const LOCATIONS = pairs(['室内机|indoor unit', '室外机|outdoor unit', '主机|main unit']);

/** The two ends of a communication fault. */
export const LINKS = pairs([
	'室内机与室外机|indoor and outdoor unit',
	'室内机与线控器|indoor unit and wired controller',
	'主控板与显示板|main board and display board',
	'主控板与变频驱动板|main board and inverter drive board',
	'主机与无线模块|main unit and wireless module',
]);

/** Details in brackets after a title, with digits as real tables write them. */
export const DETAILS = pairs([
	'连续3次|3 times in a row',
	'持续10分钟|for 10 minutes',
	'低于165V|below 165 V',
	'高于265V|above 265 V',
	'5V电源|5 V supply',
	'12V电源|12 V supply',
	'24V回路|24 V loop',
	'1小时内2次|twice within 1 hour',
]);

/** Explanation phrases: what the board detected. */
export const SIGNALS = pairs([
	'阻值超出正常范围|resistance out of range',
	'电压低于0.2V|voltage below 0.2 V',
	'电压高于4.8V|voltage above 4.8 V',
	'反馈信号丢失|feedback signal lost',
	'电流超过设定值|current above the limit',
	'温度变化过慢|temperature changing too slowly',
	'通讯数据校验失败|communication checksum failure',
	'转速低于目标值|speed below target',
]);

/** Explanation phrases: how the appliance reacts. */
export const REACTIONS = pairs([
	'停机保护|stops to protect itself',
	'报警并停止运行|alarms and stops',
	'降频运行|runs at reduced frequency',
	'关闭燃气阀|closes the gas valve',
	'停止加热|stops heating',
	'暂停程序|pauses the programme',
]);

/** Explanation phrases: causes. */
export const CAUSES = pairs([
	'插头松动|a loose plug',
	'线束破损|damaged wiring',
	'接插件氧化|oxidised connectors',
	'元件老化|ageing components',
	'阻值漂移|drifting resistance',
	'电容失效|a failed capacitor',
	'供电电压不稳|unstable supply voltage',
	'主板元件损坏|a damaged board component',
	'散热不良|poor heat dissipation',
	'滤网脏堵|a clogged filter',
	'冷媒泄漏|a refrigerant leak',
	'管路堵塞|a blocked pipe',
	'水压不足|low water pressure',
	'燃气压力偏低|low gas pressure',
	'烟道堵塞|a blocked flue',
	'进风口被挡|a blocked air inlet',
	'水垢过多|heavy scale',
	'轴承磨损|worn bearings',
	'异物卡住|a foreign object',
	'受潮短路|damp causing a short',
	'老鼠咬断线|wires chewed by rodents',
	'安装不规范|poor installation',
	'接地不良|poor earthing',
	'雷击浪涌|a lightning surge',
	'软件版本过旧|outdated firmware',
	'参数设置错误|wrong settings',
	'负载过大|overload',
	'排水管弯折|a kinked drain hose',
	'门封不严|a leaking door seal',
	'探头位置移动|a displaced probe',
	'保温棉脱落|loose insulation',
	'焊点虚焊|a dry solder joint',
	'电机绕组烧毁|burnt motor windings',
	'风叶变形|a deformed fan blade',
	'电源线过细|an undersized power cable',
	'冷凝水结冰|frozen condensate',
	'环境温度过高|high ambient temperature',
	'环境温度过低|low ambient temperature',
]);

/** Explanation phrases: what the customer reports, by domain. */
export const SYMPTOMS: Record<Domain, { zh: string; en: string }[]> = {
	ac: pairs([
		'不制冷|not cooling',
		'制冷效果差|weak cooling',
		'不制热|not heating',
		'外机不转|outdoor unit not running',
		'噪音大|noisy',
		'跳闸|trips the breaker',
		'漏水|leaking water',
		'出风有异味|smelly air',
	]),
	wh: pairs([
		'没有热水|no hot water',
		'水温忽冷忽热|water temperature fluctuates',
		'点不着火|will not ignite',
		'中途熄火|flame goes out',
		'漏水|leaking water',
		'跳闸|trips the breaker',
	]),
	wm: pairs([
		'不排水|not draining',
		'不脱水|not spinning',
		'门打不开|door will not open',
		'噪音大|noisy',
		'漏水|leaking water',
		'不进水|not filling',
	]),
	rf: pairs([
		'冷藏室不冷|fridge not cold',
		'冷冻室结霜|frost in the freezer',
		'噪音大|noisy',
		'不停机|runs non-stop',
		'漏水|leaking water',
	]),
	kc: pairs([
		'吸力小|weak suction',
		'点不着火|will not ignite',
		'中途熄火|flame goes out',
		'噪音大|noisy',
		'开机无反应|no response',
	]),
};

/** Explanation phrases: checks and remedies (`{part}` is replaced by the part's name). */
export const CHECKS = pairs([
	'断电检查插头是否松动|check the plugs with the power off',
	'用万用表测量{part}阻值|measure the {part} with a multimeter',
	'对照阻值表核对温度|compare with the resistance table',
	'检查线束有无破损|inspect the wiring',
	'测量供电电压|measure the supply voltage',
	'观察指示灯闪烁次数|count the indicator flashes',
	'检查滤网和换热器|check the filter and heat exchanger',
	'检查进水压力|check the inlet water pressure',
	'进入自检模式查看故障记录|read the fault log in self-test mode',
]);
export const REMEDIES = pairs([
	'更换{part}|replace the {part}',
	'重新插接并固定线束|reseat and secure the wiring',
	'更换主控板|replace the main board',
	'清洗换热器|clean the heat exchanger',
	'疏通管路|clear the pipes',
	'升级程序|update the firmware',
	'调整安装位置|correct the installation',
	'紧固接地线|tighten the earth wire',
]);

/** Explanation phrases: when the fault is seen most. */
export const SCENES = pairs([
	'使用五年以上的机器|units over five years old',
	'新装机首次开机|first start after installation',
	'沿海潮湿地区|humid coastal areas',
	'夏季高温时段|hot summer days',
	'冬季低温环境|cold winter days',
	'水质较硬的地区|hard-water areas',
	'老旧小区电压偏低的住户|old estates with low mains voltage',
]);

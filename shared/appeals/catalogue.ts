/**
 * Reference lists of the appeals (诉求) loop. Data carries the English ids; the app shows the Chinese labels.
 * Lists are fixed in code rather than configured per station so reports across stations stay comparable.
 */

export const APPEAL_TYPES = ['policy', 'dispute', 'suggestion', 'help'] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];
export const APPEAL_TYPE_LABELS: Record<AppealType, string> = {
  policy: '政策咨询',
  dispute: '矛盾纠纷',
  suggestion: '意见建议',
  help: '求助',
};

export type CategoryOption = { readonly id: string; readonly label: string };

export const APPEAL_CATEGORIES = {
  policy: [
    { id: 'exit-entry', label: '出入境/签证' },
    { id: 'household', label: '户籍/居住证' },
    { id: 'security-licence', label: '治安许可/特种行业' },
    { id: 'hazardous-goods', label: '危险物品管理' },
    { id: 'fire-safety', label: '消防/安全防范' },
    { id: 'traffic-vehicle', label: '交通/车辆' },
    { id: 'cyber-data', label: '网络安全/数据安全' },
    { id: 'other', label: '其他' },
  ],
  dispute: [
    { id: 'obstruction', label: '阻工/封门堵路' },
    { id: 'labour-wages', label: '劳资纠纷' },
    { id: 'contract-debt', label: '合同/债务纠纷' },
    { id: 'extortion', label: '敲诈勒索/强揽工程' },
    { id: 'theft-damage', label: '盗窃/损毁企业财物' },
    { id: 'ip-infringement', label: '知识产权侵权' },
    { id: 'public-order', label: '周边治安/交通' },
    { id: 'other', label: '其他' },
  ],
  suggestion: [
    { id: 'service-process', label: '办事流程' },
    { id: 'police-conduct', label: '民警作风' },
    { id: 'patrol-security', label: '巡逻防控' },
    { id: 'traffic-order', label: '交通秩序' },
    { id: 'business-environment', label: '营商环境' },
    { id: 'other', label: '其他' },
  ],
  help: [
    { id: 'fraud-prevention', label: '防诈骗/资金安全' },
    { id: 'security-check', label: '安全隐患排查' },
    { id: 'emergency-support', label: '突发事件协助' },
    { id: 'certificate', label: '证明开具' },
    { id: 'employee-matters', label: '员工涉警事务' },
    { id: 'other', label: '其他' },
  ],
} as const satisfies Record<AppealType, readonly CategoryOption[]>;

export type AppealCategory<T extends AppealType = AppealType> = (typeof APPEAL_CATEGORIES)[T][number]['id'];

/** Every category id of any type; which type a category belongs to is checked with `isCategoryOf`. */
export const ALL_CATEGORY_IDS = [...new Set(APPEAL_TYPES.flatMap((t) => APPEAL_CATEGORIES[t].map((c) => c.id)))] as [AppealCategory, ...AppealCategory[]];

export function isCategoryOf(type: AppealType, category: string): boolean {
  return APPEAL_CATEGORIES[type].some((c) => c.id === category);
}

export function categoryLabel(type: AppealType, category: string): string {
  return APPEAL_CATEGORIES[type].find((c) => c.id === category)?.label ?? '其他';
}

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急' };

/** Dispute grade decides who owns the dispute: grade 1 stays with the liaison officer, 3 goes to the centre. */
export const DISPUTE_GRADES = [1, 2, 3] as const;
export type DisputeGrade = (typeof DISPUTE_GRADES)[number];
export const DISPUTE_GRADE_LABELS: Record<DisputeGrade, string> = {
  1: '一级（联络官处置）',
  2: '二级（派出所处置）',
  3: '三级（助企警务中心处置）',
};

/** Departments an appeal can be handed to (转办) when it is outside police competence. */
export const DEPARTMENTS = [
  { id: 'market-regulation', label: '市场监管' },
  { id: 'court', label: '法院' },
  { id: 'procuratorate', label: '检察院' },
  { id: 'tax', label: '税务' },
  { id: 'federation-commerce', label: '工商联' },
  { id: 'housing-construction', label: '住建' },
  { id: 'subdistrict', label: '街道' },
  { id: 'human-resources', label: '人社' },
  { id: 'emergency-management', label: '应急管理' },
  { id: 'fire-rescue', label: '消防救援' },
  { id: 'natural-resources', label: '自然资源' },
  { id: 'ecology-environment', label: '生态环境' },
] as const;
export type DepartmentId = (typeof DEPARTMENTS)[number]['id'];
export const DEPARTMENT_IDS = DEPARTMENTS.map((d) => d.id) as [DepartmentId, ...DepartmentId[]];
export const DEPARTMENT_LABELS = Object.fromEntries(DEPARTMENTS.map((d) => [d.id, d.label])) as Record<DepartmentId, string>;

export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LABELS: Record<RatingLevel, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/**
 * Quick replies an officer can pick and edit. Keyed by type with optional per-category lines, because most
 * categories of one type are answered the same way at first contact.
 */
const CANNED_BY_TYPE: Record<AppealType, readonly string[]> = {
  policy: [
    '您好，您咨询的问题已收到，我们将在2个工作日内答复您。',
    '该业务可在“公安政务服务”平台网上办理，所需材料清单已发给您，请查收。',
    '请携带营业执照副本、经办人身份证原件到派出所户籍窗口办理，工作日9:00-17:30。',
    '根据现行规定，该事项需由企业法定代表人本人签字确认，如委托他人办理请提供授权委托书。',
  ],
  dispute: [
    '您反映的情况已收到，联络官将尽快与您联系并到现场了解情况。',
    '我们已联系涉事双方，拟安排调解，具体时间确定后通知您。',
    '请保存好合同、转账记录、聊天记录、现场照片或视频等证据，以便依法处理。',
    '如遇现场冲突或人身财产受到威胁，请立即拨打110报警。',
  ],
  suggestion: ['感谢您的意见建议，我们已记录并转交相关部门研究。', '您提出的建议很有价值，我们将结合实际改进工作，有结果后及时反馈您。', '针对您反映的问题，我们已安排专人核实，核实后向您反馈。'],
  help: ['您的求助已收到，联络官会尽快与您电话联系。', '我们已安排民警上门了解情况，请保持电话畅通。', '如情况紧急，请立即拨打110，我们同步跟进处理。', '请提供具体地址、联系人和联系电话，便于我们尽快安排。'],
};

const CANNED_BY_CATEGORY: Partial<Record<AppealType, Partial<Record<string, readonly string[]>>>> = {
  dispute: {
    'labour-wages': ['劳资纠纷涉及工资支付的，我们将联合人社部门劳动监察共同处理。', '请整理员工名单、考勤及工资发放记录，便于核实欠薪情况。', '如有人员聚集讨薪，我们将派警力到场维护秩序，请企业安排负责人现场沟通。'],
    obstruction: ['我们已派民警赶赴现场维护秩序，请企业安排负责人配合。', '阻工堵路行为涉嫌违反治安管理处罚法，我们将依法处置。', '请提供现场视频和涉事人员信息，便于依法调查。'],
  },
  policy: {
    'exit-entry': [
      '外籍员工办理工作类居留许可，请准备护照、工作许可证明、体检证明，到出入境接待大厅办理。',
      '企业邀请外籍人员来华，可先网上提交邀请函信息，审核通过后再办理签证。',
      '您咨询的出入境业务已收到，我们将在2个工作日内答复您。',
    ],
  },
  help: {
    'fraud-prevention': ['请立即停止转账，保留聊天记录、转账凭证，并拨打96110反诈专线或110报警。', '我们可以安排民警到企业开展防诈骗宣讲，请告知方便的时间。', '请财务人员对“老板”“领导”要求转账的消息一律电话核实。'],
  },
};

export function cannedReplies(type: AppealType, category?: string): readonly string[] {
  return (category && CANNED_BY_CATEGORY[type]?.[category]) || CANNED_BY_TYPE[type];
}

/* Lifecycle vocabulary. It lives here (not in state-machine.ts) so schemas and the state machine can both use it
   without importing each other. */

export const APPEAL_STATUSES = ['submitted', 'accepted', 'in_progress', 'awaiting_info', 'transferred', 'resolved', 'closed', 'withdrawn'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const STATUS_LABELS: Record<AppealStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  in_progress: '处理中',
  awaiting_info: '待补充材料',
  transferred: '已转办',
  resolved: '已办结',
  closed: '已关闭',
  withdrawn: '已撤回',
};

/** Statuses in which police still owe the enterprise work. `resolved` is not open: the ball is with the enterprise. */
export const OPEN_STATUSES = ['submitted', 'accepted', 'in_progress', 'awaiting_info', 'transferred'] as const satisfies readonly AppealStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export function isOpen(status: AppealStatus): status is OpenStatus {
  return (OPEN_STATUSES as readonly AppealStatus[]).includes(status);
}

/** Roles relative to one appeal; the service derives them (membership, assignment, station, centre). */
export const ACTOR_ROLES = ['enterprise', 'officer', 'chief', 'centre', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  enterprise: '提交诉求的企业',
  officer: '负责的联络官',
  chief: '派出所所长',
  centre: '助企警务中心',
  system: '系统',
};

export const APPEAL_ACTIONS = ['accept', 'start', 'request_info', 'provide_info', 'transfer', 'record_feedback', 'escalate', 'reassign', 'resolve', 'reopen', 'rate', 'auto_close', 'withdraw', 'rectify'] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];
/** Verb phrases, used in button labels and in "不能再…" messages. */
export const ACTION_LABELS: Record<AppealAction, string> = {
  accept: '受理',
  start: '开始办理',
  request_info: '要求补充材料',
  provide_info: '补充材料',
  transfer: '转办',
  record_feedback: '登记部门反馈',
  escalate: '上报所领导',
  reassign: '改派联络官',
  resolve: '办结',
  reopen: '申请重新办理',
  rate: '评价',
  auto_close: '自动关闭',
  withdraw: '撤回',
  rectify: '登记整改',
};

/** History also records the creation, which is not an action on an existing appeal. */
export const HISTORY_ACTIONS = ['submit', ...APPEAL_ACTIONS] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const RECTIFICATION_STATES = ['none', 'required', 'done'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

// Chinese names of the contract's enumerations (SPEC §4, §5). Kept equal to the Java enums' labels
// (OutcomeKind, SubjectType) by ConsoleLabelsTests, so the console and the API never disagree.

export const KIND_LABELS = {
  WARNING: '预警与通报批评',
  INTERVIEW: '约谈',
  FINE: '扣款与罚款',
  ORDER: '整改与处置',
  ACCOUNTABILITY: '问责',
  COMMENDATION: '表彰奖励',
};

export const SUBJECT_TYPE_LABELS = {
  COUNTY: '县（市、区）',
  DEPARTMENT: '市直部门',
  ENTERPRISE: '企业',
  SITE: '施工工地',
  PERSON: '责任人',
};

export const GRANULARITY_LABELS = {
  YEAR: '年度',
  QUARTER: '季度',
  MONTH: '月',
  WEEK: '周',
};

export const PERSON_ROLE_LABELS = {
  GOV_HEAD: '政府主要负责人',
  PARTY_HEAD: '党委主要负责人',
  DEPUTY: '分管负责人',
  DEPARTMENT_HEAD: '部门主要负责人',
  OTHER: '其他',
};

export const USER_ROLE_LABELS = {
  VIEWER: '查看',
  UPLOADER: '上报',
  RULE_EDITOR: '规则编辑',
  APPROVER: '审批',
  ADMIN: '管理员',
};

export const FORMAT_LABELS = {
  JSON: 'JSON',
  XLSX: 'Excel 工作簿',
  CSV: 'CSV 文件',
};

export const MEASURE_LABELS = {
  WARNING: '预警提醒',
  PUBLIC_CRITICISM: '通报批评',
  YELLOW_CARD: '黄牌警告',
  WRITTEN_SELF_CRITIQUE: '书面检查',
  PUBLIC_EXPOSURE: '公开曝光',
  PUBLIC_SELF_CRITIQUE: '公开检讨',
  BLACK_LIST_SITE: '列入工地黑榜',
  INTERVIEW: '约谈',
  PUBLIC_INTERVIEW: '公开约谈',
  ADMONITION_TALK: '诫勉谈话',
  FISCAL_DEDUCTION: '财政扣款',
  FINE_REFERRAL: '罚款建议（移送执法部门）',
  FINE_REFERRAL_MAX: '顶格处罚建议（移送执法部门）',
  DAILY_FINE: '按日连续处罚建议',
  RECTIFY_ORDER: '限期整改',
  LISTED_SUPERVISION: '挂牌督办',
  KEY_SUPERVISION: '重点监管',
  STOP_WORK: '停工整改',
  SUPPLY_SUSPENSION: '停止渣土、商砼供应',
  PRODUCTION_LIMIT: '限产',
  SUSPENSION: '停产整治',
  CLOSURE_REFERRAL: '取缔关闭（移送）',
  BLACKLIST: '列入企业黑名单',
  REGIONAL_APPROVAL_FREEZE: '区域限批',
  PROMOTION_VETO: '提拔环保一票否决',
  AWARD_VETO: '评先评优一票否决',
  PROMOTION_HOLD: '暂缓提拔',
  ACCOUNTABILITY: '问责',
  ORG_MEASURE: '组织处理',
  NEGATIVE_RECORD: '记入个人负面信息库',
  ACCOUNTABILITY_REFERRAL: '移送纪检监察机关',
  POLICE_REFERRAL: '移送公安机关',
  COMMENDATION: '通报表彰',
  FISCAL_REWARD: '财政奖励',
  CADRE_PREFERENCE: '干部使用倾斜',
  RED_LIST: '列入工地红榜',
};

export const DECISION_LABELS = {
  UPHELD: '维持',
  AMENDED: '变更',
  REVOKED: '撤销',
};

export const APPEAL_STATUS_LABELS = {
  PENDING: '待复核',
  UPHELD: '维持',
  AMENDED: '变更',
  REVOKED: '撤销',
};

/** Where a ruleset version stands (RulesetCatalogue.State). */
export const RULESET_STATE_LABELS = {
  ACTIVE: '现行',
  SCHEDULED: '待生效',
  IN_USE: '部分期间适用',
  RETIRED: '已停用',
  CANDIDATE: '待审批',
  REJECTED: '未通过检查',
};

/** What the checks concluded (VersionStatus). */
export const VERSION_STATUS_LABELS = {
  PASSED: '检查通过',
  SCENARIO_FAILURES: '仅场景测试未通过',
  FAILED: '检查未通过',
};

export const CHANGE_TYPE_LABELS = {
  ADDED: '新增',
  REMOVED: '取消',
  CHANGED: '变更',
};

/** The label of a code, or the code itself when unknown (a newer server may send new values). */
export function label(labels, code) {
  return (code && labels[code]) || code || '';
}

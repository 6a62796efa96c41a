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

/** The label of a code, or the code itself when unknown (a newer server may send new values). */
export function label(labels, code) {
  return (code && labels[code]) || code || '';
}

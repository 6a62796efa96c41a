// What the signed-in roles may do, in one place, so every page hides or disables the same actions.
// The server decides (it answers 403 otherwise); this only keeps people from pressing buttons that
// cannot work for them. Roles: VIEWER, UPLOADER, RULE_EDITOR, APPROVER, ADMIN.

/**
 * Each action with the roles that may take it — the security module's role matrix (RoleMatrix): ADMIN
 * is not a super-role (it administers accounts, tokens and webhooks and reads, but does not upload,
 * change rules or decide).
 */
const ACTIONS = {
  uploadFacts: ['UPLOADER'],
  evaluate: ['UPLOADER'],
  readRules: ['RULE_EDITOR', 'APPROVER', 'ADMIN'], // GET /api/v1/rulesets/** beyond /active
  editRules: ['RULE_EDITOR'], // store a candidate ruleset version (检查)
  simulate: ['RULE_EDITOR', 'APPROVER'], // the approver simulates before deciding
  activateRules: ['APPROVER'], // activate and roll back
  fileAppeal: ['VIEWER', 'UPLOADER', 'RULE_EDITOR', 'APPROVER', 'ADMIN'],
  decideAppeal: ['APPROVER'],
};

/** Chinese names of the roles an action needs, for "需要…权限" hints. */
const ROLE_NAMES = {
  VIEWER: '查看',
  UPLOADER: '上报',
  RULE_EDITOR: '规则编辑',
  APPROVER: '审批',
  ADMIN: '管理员',
};

/** Whether the user may take the action. */
export function can(user, action) {
  if (!user) {
    return false;
  }
  const roles = user.roles || [];
  return (ACTIONS[action] || []).some((r) => roles.includes(r));
}

/** "需要审批权限" — why a button is disabled. */
export function needs(action) {
  return `需要${(ACTIONS[action] || []).map((r) => ROLE_NAMES[r]).join('或')}权限`;
}

/**
 * Disables a control the user may not use and says why on hover; leaves it alone otherwise.
 * Returns the control, for use inside el(…).
 */
export function guard(control, user, action) {
  if (!can(user, action)) {
    control.disabled = true;
    control.title = needs(action);
    control.dataset.forbidden = action;
  }
  return control;
}

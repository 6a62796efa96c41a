package org.kaohe.system;

/**
 * What a person or system may do in Kaohe. Roles are cumulative only where the role matrix says so;
 * the matrix itself lives with the security configuration.
 */
public enum Role {

	/** 查看：reads facts, runs, outcomes, rankings, explanations and notices. */
	VIEWER,

	/** 上报：uploads fact documents and starts evaluations. */
	UPLOADER,

	/** 规则编辑：uploads and checks ruleset versions, simulates them. */
	RULE_EDITOR,

	/** 审批：activates and rolls back ruleset versions, decides appeals. */
	APPROVER,

	/** 管理：users, tokens, webhooks, the audit log. */
	ADMIN

}

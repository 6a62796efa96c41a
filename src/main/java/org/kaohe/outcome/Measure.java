package org.kaohe.outcome;

import java.util.EnumSet;
import java.util.Set;

import org.kaohe.facts.SubjectType;

/**
 * The specific measure of an outcome, with the codes of domain.md §5. A measure decides the kind of
 * outcome and who may receive it: fiscal deductions and rewards go only to governments (county-level
 * units), fine referrals only to enterprises and sites.
 */
public enum Measure {

	WARNING(OutcomeKind.WARNING, "预警提醒", 1),

	PUBLIC_CRITICISM(OutcomeKind.WARNING, "通报批评", 2),

	YELLOW_CARD(OutcomeKind.WARNING, "黄牌警告", 2),

	WRITTEN_SELF_CRITIQUE(OutcomeKind.WARNING, "书面检查", 2),

	PUBLIC_EXPOSURE(OutcomeKind.WARNING, "公开曝光", 2),

	PUBLIC_SELF_CRITIQUE(OutcomeKind.WARNING, "公开检讨", 3),

	BLACK_LIST_SITE(OutcomeKind.WARNING, "列入工地黑榜", 2),

	INTERVIEW(OutcomeKind.INTERVIEW, "约谈", 3),

	PUBLIC_INTERVIEW(OutcomeKind.INTERVIEW, "公开约谈", 3),

	ADMONITION_TALK(OutcomeKind.INTERVIEW, "诫勉谈话", 3),

	FISCAL_DEDUCTION(OutcomeKind.FINE, "财政扣款", 3, EnumSet.of(SubjectType.COUNTY)),

	FINE_REFERRAL(OutcomeKind.FINE, "罚款建议（移送执法部门）", 3, EnumSet.of(SubjectType.ENTERPRISE, SubjectType.SITE)),

	FINE_REFERRAL_MAX(OutcomeKind.FINE, "顶格处罚建议（移送执法部门）", 4,
			EnumSet.of(SubjectType.ENTERPRISE, SubjectType.SITE)),

	DAILY_FINE(OutcomeKind.FINE, "按日连续处罚建议", 4, EnumSet.of(SubjectType.ENTERPRISE, SubjectType.SITE)),

	RECTIFY_ORDER(OutcomeKind.ORDER, "限期整改", 2),

	LISTED_SUPERVISION(OutcomeKind.ORDER, "挂牌督办", 3),

	KEY_SUPERVISION(OutcomeKind.ORDER, "重点监管", 3),

	STOP_WORK(OutcomeKind.ORDER, "停工整改", 4, EnumSet.of(SubjectType.SITE)),

	SUPPLY_SUSPENSION(OutcomeKind.ORDER, "停止渣土、商砼供应", 4, EnumSet.of(SubjectType.SITE)),

	PRODUCTION_LIMIT(OutcomeKind.ORDER, "限产", 4, EnumSet.of(SubjectType.ENTERPRISE)),

	SUSPENSION(OutcomeKind.ORDER, "停产整治", 4, EnumSet.of(SubjectType.ENTERPRISE)),

	CLOSURE_REFERRAL(OutcomeKind.ORDER, "取缔关闭（移送）", 4, EnumSet.of(SubjectType.ENTERPRISE)),

	BLACKLIST(OutcomeKind.ORDER, "列入企业黑名单", 4, EnumSet.of(SubjectType.ENTERPRISE, SubjectType.SITE)),

	REGIONAL_APPROVAL_FREEZE(OutcomeKind.ORDER, "区域限批", 4, EnumSet.of(SubjectType.COUNTY)),

	PROMOTION_VETO(OutcomeKind.ACCOUNTABILITY, "提拔环保一票否决", 5),

	AWARD_VETO(OutcomeKind.ACCOUNTABILITY, "评先评优一票否决", 5),

	PROMOTION_HOLD(OutcomeKind.ACCOUNTABILITY, "暂缓提拔", 5),

	ACCOUNTABILITY(OutcomeKind.ACCOUNTABILITY, "问责", 5),

	ORG_MEASURE(OutcomeKind.ACCOUNTABILITY, "组织处理", 5),

	NEGATIVE_RECORD(OutcomeKind.ACCOUNTABILITY, "记入个人负面信息库", 5, EnumSet.of(SubjectType.PERSON)),

	ACCOUNTABILITY_REFERRAL(OutcomeKind.ACCOUNTABILITY, "移送纪检监察机关", 6),

	POLICE_REFERRAL(OutcomeKind.ACCOUNTABILITY, "移送公安机关", 6, EnumSet.of(SubjectType.ENTERPRISE, SubjectType.SITE)),

	COMMENDATION(OutcomeKind.COMMENDATION, "通报表彰", 0),

	FISCAL_REWARD(OutcomeKind.COMMENDATION, "财政奖励", 0, EnumSet.of(SubjectType.COUNTY)),

	CADRE_PREFERENCE(OutcomeKind.COMMENDATION, "干部使用倾斜", 0),

	RED_LIST(OutcomeKind.COMMENDATION, "列入工地红榜", 0, EnumSet.of(SubjectType.SITE));

	private final OutcomeKind kind;

	private final String label;

	private final int defaultSeverity;

	private final Set<SubjectType> allowedSubjects;

	Measure(OutcomeKind kind, String label, int defaultSeverity) {
		this(kind, label, defaultSeverity, EnumSet.allOf(SubjectType.class));
	}

	Measure(OutcomeKind kind, String label, int defaultSeverity, Set<SubjectType> allowedSubjects) {
		this.kind = kind;
		this.label = label;
		this.defaultSeverity = defaultSeverity;
		this.allowedSubjects = allowedSubjects;
	}

	public OutcomeKind getKind() {
		return this.kind;
	}

	/** Chinese name, the {@code measureLabel} of an outcome. */
	public String getLabel() {
		return this.label;
	}

	/** Severity on the 0–6 scale of domain.md §2 when a rule does not say otherwise. */
	public int getDefaultSeverity() {
		return this.defaultSeverity;
	}

	/** Whether the measure may be imposed on a subject of this type. */
	public boolean appliesTo(SubjectType type) {
		return this.allowedSubjects.contains(type);
	}

	public Set<SubjectType> getAllowedSubjects() {
		return this.allowedSubjects;
	}

	/** Whether the outcome carries money (a deduction, a fine referral or a reward). */
	public boolean isMonetary() {
		return this == FISCAL_DEDUCTION || this == FISCAL_REWARD || this == FINE_REFERRAL || this == FINE_REFERRAL_MAX
				|| this == DAILY_FINE;
	}

}

package org.kaohe.notice;

import java.util.List;

import org.kaohe.facts.Period;
import org.kaohe.outcome.OutcomeKind;

/**
 * What a notice says, before any format: composed once ({@link Notices}), rendered as DOCX, HTML or PDF.
 *
 * @param issuer the issuing office
 * @param documentNumber {@code 攻坚办〔2026〕　号}, the number left blank
 * @param title the title
 * @param date the issuing date in Chinese (2026年10月8日)
 * @param period the evaluated period
 * @param runId the run
 * @param rulesetVersion its ruleset version
 * @param factsHash the hash of the facts it read
 * @param addressee who it is sent to (各县（市、区）人民政府…)
 * @param introduction the opening paragraph
 * @param overview the first section's paragraphs (counts and money)
 * @param sections one per outcome kind, in the order of the notice
 * @param rankings the rankings tables
 * @param requirements the closing requirements, with how to appeal
 * @param totals the money totals
 */
public record NoticeDocument(String issuer, String documentNumber, String title, String date, Period period, String runId,
		String rulesetVersion, String factsHash, String addressee, String introduction, List<String> overview, List<Section> sections,
		List<RankTable> rankings, List<String> requirements, Totals totals) {

	/**
	 * A section of the notice: the outcomes of one kind.
	 *
	 * @param number the Chinese ordinal (二)
	 * @param title 通报表彰, 通报批评, 约谈 …
	 * @param kind the outcome kind
	 * @param summary how many units, how much money
	 * @param groups the entries grouped by rule, each group with its basis
	 */
	public record Section(String number, String title, OutcomeKind kind, String summary, List<RuleGroup> groups) {

		public String heading() {
			return this.number + "、" + this.title;
		}

	}

	/**
	 * The entries of one rule within a section.
	 *
	 * @param number the Chinese ordinal in brackets (（一）)
	 * @param ruleId the rule
	 * @param ruleName its name
	 * @param basis its basis
	 * @param entries the units and what they get
	 */
	public record RuleGroup(String number, String ruleId, String ruleName, String basis, List<Entry> entries) {

		public String heading() {
			return this.number + this.ruleName + "（" + this.ruleId + "）";
		}

	}

	/**
	 * One outcome in the notice, as in force after appeals.
	 *
	 * @param number 1, 2, 3 … within the group
	 * @param unit the unit or person
	 * @param subjectId its id
	 * @param measure the measure in force with its amount or duration (黄牌警告；财政扣款100万元)
	 * @param reason the rule's reason
	 * @param review how a reviewer changed it (经复核变更，原为财政扣款100万元), or null
	 * @param outcomeId the stored outcome
	 */
	public record Entry(int number, String unit, String subjectId, String measure, String reason, String review, String outcomeId) {
	}

	/**
	 * A rankings table.
	 *
	 * @param title 城区组 2026年第3季度排名
	 * @param columns the column headings
	 * @param rows the cells
	 */
	public record RankTable(String title, List<String> columns, List<List<String>> rows) {
	}

	/**
	 * Money of the notice as in force after appeals, and as the machine decided.
	 *
	 * @param deductionYuan fiscal deductions
	 * @param rewardYuan fiscal rewards
	 * @param maximumFineYuan maximum-fine referrals (顶格处罚建议)
	 * @param machineDeductionYuan deductions before appeals
	 * @param machineRewardYuan rewards before appeals
	 * @param machineMaximumFineYuan maximum-fine referrals before appeals
	 * @param entries outcomes in the notice
	 * @param revoked outcomes revoked on appeal (not in the notice)
	 * @param amended outcomes amended on appeal
	 */
	public record Totals(long deductionYuan, long rewardYuan, long maximumFineYuan, long machineDeductionYuan, long machineRewardYuan,
			long machineMaximumFineYuan, int entries, int revoked, int amended) {
	}

}

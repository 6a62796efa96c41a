package org.kaohe.ruleset;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the activation log (the audit trail and the schedule): who put which version in force,
 * when, instead of which, why, from which period on, and whether it was forced past failing scenarios
 * or later rolled back.
 *
 * @param seq its place in the log
 * @param action {@code ACTIVATE} or {@code ROLLBACK}
 * @param version the version put in force (for a rollback: the version in force afterwards)
 * @param previousVersion the version it replaced (for periods from {@code effectiveFrom}, or all)
 * @param effectiveFrom the first day of the periods it applies to; null: every period
 * @param actor who
 * @param actorAddress from which address
 * @param activatedAt when
 * @param reason why, in their words
 * @param forced whether failing scenarios were overridden
 * @param rollback whether it went back to a version that had been in force before
 * @param revertsSeq for a rollback: the activation it undid
 * @param revokedBySeq for an activation: the rollback that undid it, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Activation(long seq, String action, String version, String previousVersion, LocalDate effectiveFrom, String actor,
		String actorAddress, OffsetDateTime activatedAt, String reason, boolean forced, boolean rollback, Long revertsSeq,
		Long revokedBySeq) {

	public static final String ACTIVATE = "ACTIVATE";

	public static final String ROLLBACK = "ROLLBACK";

	/** Whether this entry puts a version in force (an activation not rolled back). */
	public boolean inSchedule() {
		return ACTIVATE.equals(this.action) && this.revokedBySeq == null;
	}

}

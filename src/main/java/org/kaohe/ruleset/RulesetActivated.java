package org.kaohe.ruleset;

import java.time.OffsetDateTime;

import org.kaohe.system.Actor;

/**
 * Published when a ruleset version is put in force (activation or rollback), inside the transaction
 * that records it; see {@link org.kaohe.evaluation.RunFinished} for why.
 *
 * @param version the version now in force
 * @param previousVersion the version it replaced, or null at first start
 * @param rollback whether it went back to a version that was in force before
 * @param by who activated it
 * @param reason why, in their words
 * @param activatedAt when
 */
public record RulesetActivated(String version, String previousVersion, boolean rollback, Actor by, String reason,
		OffsetDateTime activatedAt) {
}

package org.kaohe.appeal;

import org.kaohe.outcome.Outcome;

/**
 * Published when a reviewer decides an appeal, inside the transaction that records the decision (see
 * {@link org.kaohe.evaluation.RunFinished} for why).
 *
 * @param appeal the appeal with the new decision last
 * @param outcome the machine outcome
 * @param effective the outcome in force now
 */
public record AppealDecided(Appeal appeal, Outcome outcome, EffectiveOutcome effective) {
}

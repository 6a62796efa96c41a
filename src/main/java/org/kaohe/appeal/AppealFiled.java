package org.kaohe.appeal;

import org.kaohe.outcome.Outcome;

/**
 * Published when an appeal is filed, inside the transaction that stores it.
 *
 * @param appeal the new appeal
 * @param outcome the appealed outcome
 */
public record AppealFiled(Appeal appeal, Outcome outcome) {
}

/**
 * What rules produce: {@link org.kaohe.outcome.Outcome}s of six kinds with a specific
 * {@link org.kaohe.outcome.Measure}, collected through the {@code outcomes} global
 * ({@link org.kaohe.outcome.Outcomes}), and the earlier periods' outcomes the escalation rules read
 * ({@link org.kaohe.outcome.PriorOutcome}).
 */
package org.kaohe.outcome;

/**
 * Scenario tests owned by policy staff: {@code fixtures/scenarios/<case-as-a-sentence>/} holds one fact
 * document per period and {@code expected.json} with the outcomes the last period must produce. Run by
 * {@code kaohe test-rules}, by the test suite and by the ruleset checks before activation.
 */
package org.kaohe.scenario;

package org.kaohe.outcome;

/**
 * What the engine knows about the rule whose consequence is running: its permanent ID, its name
 * and the basis it cites, and where it is written.
 */
public record RuleInfo(String id, String name, String basis, String file, int line) {
}

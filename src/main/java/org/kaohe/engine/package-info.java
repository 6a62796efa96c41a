/**
 * The only package that knows Drools: compiles the rule files into an immutable, versioned
 * {@link org.kaohe.engine.Ruleset} and evaluates one period with its history
 * ({@link org.kaohe.engine.RuleEngine}). Everything a rule needs comes in as facts; nothing here
 * reads the clock or the database.
 */
package org.kaohe.engine;

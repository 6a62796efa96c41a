/**
 * The ruleset in force and how it changes: loading {@code rules/} at start, versions, activation and
 * rollback. Other modules ask {@link org.kaohe.ruleset.ActiveRuleset} for the ruleset to use.
 */
package org.kaohe.ruleset;

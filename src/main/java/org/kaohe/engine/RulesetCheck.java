package org.kaohe.engine;

import java.util.List;
import java.util.Set;

import org.kaohe.rules.RuleProblem;

/**
 * What compiling a candidate ruleset found: every problem, and the best ruleset that could still be
 * built (files that do not compile, and files the caller excluded, left out) so its scenarios can
 * run too.
 *
 * @param bestEffort the ruleset without the excluded files, or null when even that does not build
 * @param problems every compile, metadata and parameter problem, located
 * @param excludedFiles files left out of {@code bestEffort}
 */
public record RulesetCheck(Ruleset bestEffort, List<RuleProblem> problems, Set<String> excludedFiles) {
}

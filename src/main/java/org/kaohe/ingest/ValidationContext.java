package org.kaohe.ingest;

import java.util.Set;

import org.kaohe.rules.ChecklistProfile;

/**
 * What validation needs from the ruleset for a document's period: the checklist every inspection
 * must complete and the indicators the parameter file declares.
 */
public record ValidationContext(ChecklistProfile checklist, Set<String> indicators) {
}

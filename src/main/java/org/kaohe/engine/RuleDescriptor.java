package org.kaohe.engine;

/**
 * A rule of a compiled ruleset as policy staff see it.
 *
 * @param id permanent ID from {@code @id} ({@code R-CTY-03})
 * @param part distinguishes the DRL rules that together implement one catalogue rule
 * ({@code @part("县区通报")}); empty for single-rule entries
 * @param name the business-sentence rule name
 * @param basis the document and clause from {@code @basis}
 * @param clauses ids of the clauses in {@code basis.yaml} from {@code @clause}
 * @param file path under {@code rules/}
 * @param line line of the {@code rule} keyword (0 for decision-table rows)
 */
public record RuleDescriptor(String id, String part, String name, String basis, java.util.List<String> clauses, String file,
		int line) {
}

package org.kaohe.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kaohe.outcome.Outcome;
import org.kaohe.rules.RuleSource;

/**
 * The five representative rules of the engine-versus-hand-written comparison (issue 9):
 * <ul>
 * <li>R-SITE-01 — a seven-100% check failed at an inspection (per-row check);
 * <li>R-DEPT-02 — a ledger task's deadline lag, escalated when it lags again (row against history);
 * <li>R-CTY-02 — weekly bottom ranks, criticised when consecutive (runs over a ranking series);
 * <li>R-CTY-04 — the eco-compensation amount above the group mean (amount by tiers);
 * <li>R-PER-01 — the repeat-interview escalation (reacts to this period's outcomes, derived stage).
 * </ul>
 */
final class FiveRules {

	static final Set<String> IDS = Set.of("R-SITE-01", "R-DEPT-02", "R-CTY-02", "R-CTY-04", "R-PER-01");

	private static final Pattern RULE_BLOCK = Pattern.compile("(?ms)^rule \".*?^end\\s*$");

	private static final Pattern RULE_ID = Pattern.compile("@id\\(\"([^\"]+)\"\\)");

	private FiveRules() {
	}

	/**
	 * The rules folder cut down to the five rules: each DRL file keeps its header (package, imports,
	 * globals, functions) and only the rule blocks of the five ids; decision tables and the optional
	 * conditions file (which names the other rules) are left out; parameters, checklists and the basis
	 * catalogue stay.
	 */
	static RuleSource of(RuleSource full) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		full.files().forEach((path, bytes) -> {
			String name = path.toLowerCase(java.util.Locale.ROOT);
			if (name.endsWith(".drl")) {
				String text = new String(bytes, StandardCharsets.UTF_8);
				Matcher m = RULE_BLOCK.matcher(text);
				StringBuilder kept = new StringBuilder();
				int headerEnd = -1;
				int count = 0;
				while (m.find()) {
					if (headerEnd < 0) {
						headerEnd = m.start();
					}
					Matcher id = RULE_ID.matcher(m.group());
					if (id.find() && IDS.contains(id.group(1))) {
						kept.append(m.group()).append("\n\n");
						count++;
					}
				}
				if (count > 0) {
					files.put(path, (text.substring(0, headerEnd) + kept).getBytes(StandardCharsets.UTF_8));
				}
			}
			else if (name.endsWith(".yaml") && !name.endsWith("conditions.yaml")) {
				files.put(path, bytes);
			}
		});
		return RuleSource.of(files);
	}

	/** What the comparison compares of an outcome. */
	record Decision(String subjectId, String ruleId, String measure, Long amountYuan) {

		static List<Decision> of(List<Outcome> outcomes) {
			List<Decision> d = new ArrayList<>();
			for (Outcome o : outcomes) {
				if (IDS.contains(o.getRuleId())) {
					d.add(new Decision(o.getSubjectId(), o.getRuleId(), o.getMeasure().name(), o.getAmountYuan()));
				}
			}
			d.sort(Comparator.comparing(Decision::subjectId)
				.thenComparing(Decision::ruleId)
				.thenComparing(Decision::measure)
				.thenComparing(x -> x.amountYuan() == null ? -1L : x.amountYuan()));
			return d;
		}

	}

}

package org.kaohe.scenario;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of a scenario run: which passed, which failed and how, and which catalogue rules no
 * scenario fires or spares.
 *
 * @param rulesetVersion the ruleset tested
 * @param results one per scenario
 * @param catalogue every rule ID of the ruleset
 */
public record ScenarioReport(String rulesetVersion, List<ScenarioResult> results, Set<String> catalogue) {

	public boolean passed() {
		return this.results.stream().allMatch(ScenarioResult::passed);
	}

	public List<ScenarioResult> failures() {
		return this.results.stream().filter(r -> !r.passed()).toList();
	}

	/** Catalogue rules that no scenario fires. */
	public Set<String> neverFired() {
		Set<String> ids = new TreeSet<>(this.catalogue);
		this.results.forEach(r -> ids.removeAll(r.firedRuleIds()));
		return ids;
	}

	/** Catalogue rules that no passing near-miss scenario spares. */
	public Set<String> withoutNearMiss() {
		Set<String> ids = new TreeSet<>(this.catalogue);
		this.results.stream().filter(ScenarioResult::passed).forEach(r -> ids.removeAll(r.nearMissRuleIds()));
		return ids;
	}

	/** The Chinese/English report of {@code kaohe test-rules}. */
	public void print(PrintStream out) {
		out.println("场景测试 / scenario tests — 规则版本 / ruleset " + this.rulesetVersion);
		for (ScenarioResult r : this.results) {
			out.println((r.passed() ? "  通过 PASS  " : "  失败 FAIL  ") + r.name());
			if (r.error() != null) {
				out.println("      " + r.error());
			}
			r.missing().forEach(m -> out.println("      缺少预期结论 / missing:    " + m));
			r.unexpected().forEach(u -> out.println("      出现意外结论 / unexpected: " + u));
			r.forbiddenFired().forEach(f -> out.println("      近似未达标场景中不应出现的结论出现了 / near-miss outcome occurred: " + f));
		}
		long passed = this.results.stream().filter(ScenarioResult::passed).count();
		out.println("合计 / total: " + this.results.size() + " 个场景，通过 " + passed + "，失败 " + (this.results.size() - passed));
		Set<String> never = neverFired();
		if (!never.isEmpty()) {
			out.println("没有任何场景触发的规则 / rules no scenario fires: " + String.join(", ", never));
		}
		Set<String> noNearMiss = withoutNearMiss();
		if (!noNearMiss.isEmpty()) {
			out.println("没有近似未达标场景的规则 / rules without a near-miss scenario: " + String.join(", ", noNearMiss));
		}
	}

}

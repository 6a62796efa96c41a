package org.kaohe.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kaohe.rules.ParameterDefinition;
import org.kaohe.rules.ParameterType;
import org.kaohe.rules.RuleProblem;

/**
 * Checks that every parameter a rule reads ({@code params.integer("weeklyBottomK")}) is declared in the
 * parameter file with a matching type, so a typo is caught before activation instead of failing an
 * evaluation.
 */
final class ParameterUsage {

	static final Pattern READ = Pattern.compile("params\\s*\\.\\s*(integer|number|flag|text|list|ladder|tiers)\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");

	private static final Map<String, Set<ParameterType>> ACCEPTS = Map.of("integer", Set.of(ParameterType.INTEGER), "number",
			Set.of(ParameterType.NUMBER, ParameterType.INTEGER), "flag", Set.of(ParameterType.BOOLEAN), "text",
			Set.of(ParameterType.STRING, ParameterType.ENUM, ParameterType.CHECKLIST_PROFILE), "list",
			Set.of(ParameterType.LIST), "ladder", Set.of(ParameterType.LADDER), "tiers", Set.of(ParameterType.TIERS));

	private ParameterUsage() {
	}

	static List<RuleProblem> check(Map<String, String> texts, Map<String, ParameterDefinition> definitions) {
		List<RuleProblem> problems = new ArrayList<>();
		texts.forEach((file, text) -> {
			String[] lines = SourceMask.mask(text, false).split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				Matcher m = READ.matcher(lines[i]);
				while (m.find()) {
					String accessor = m.group(1);
					String name = m.group(2);
					ParameterDefinition d = definitions.get(name);
					if (d == null) {
						problems.add(new RuleProblem(file, i + 1, m.start(2) + 1, "UNKNOWN_PARAMETER",
								"规则读取了参数表中未定义的参数 " + name + " / the rule reads a parameter not declared in parameters.yaml: " + name));
					}
					else if (!ACCEPTS.get(accessor).contains(d.type())) {
						problems.add(new RuleProblem(file, i + 1, m.start(1) + 1, "PARAMETER_TYPE_MISMATCH",
								"参数 " + name + " 的类型是 " + d.type() + "，不能用 params." + accessor + "() 读取 / parameter " + name + " is "
										+ d.type() + ", not readable with params." + accessor + "()"));
					}
				}
			}
		});
		return problems;
	}

	/** Parameters the engine itself reads rather than a rule. */
	private static final Set<String> ENGINE_PARAMETERS = Set.of("historyMonths");

	/** Parameters declared but read by no rule: worth a look, not an error. */
	static Set<String> unused(Map<String, String> texts, Map<String, ParameterDefinition> definitions) {
		Set<String> unused = new java.util.TreeSet<>();
		definitions.values()
			.stream()
			.filter(d -> d.type() != ParameterType.INDICATORS && d.type() != ParameterType.CHECKLIST_PROFILE)
			.filter(d -> !ENGINE_PARAMETERS.contains(d.name()))
			.forEach(d -> unused.add(d.name()));
		texts.values().forEach(text -> {
			Matcher m = READ.matcher(text);
			while (m.find()) {
				unused.remove(m.group(2));
			}
		});
		return unused;
	}

}

package org.kaohe.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.yaml.snakeyaml.nodes.Node;

import org.kaohe.facts.Narration;
import org.kaohe.facts.Period;
import org.kaohe.facts.SubjectType;

/**
 * {@code rules/conditions.yaml}: what each rule compares, in words a reviewer reads, with where the
 * actual value comes from. Explanations put the subject's actual value next to each threshold; "why
 * not" shows which condition failed and by how much.
 *
 * <pre>
 * rules:
 *   R-SITE-08#检查:                      # rule ID, optionally #part
 *     subjects: [SITE]                   # who the rule can sanction
 *     conditions:
 *       - label: 一次检查不达标项数
 *         actual: max inspections.failedItems.size where current
 *         compare: "&gt;="
 *         parameter: seriousItemsK       # or value: 1
 * </pre>
 *
 * <p>Conditions all hold for the rule to fire; {@code anyOf: […]} groups alternatives (one is enough)
 * and {@code allOf: […]} groups conditions inside an alternative; {@code onlyIf: flagParameter} makes a
 * condition apply only while that boolean parameter is true. The actual value is a
 * {@link FactMeasure} over the evidence rows; a condition without {@code actual} states the threshold
 * only (the value is not in the rows, e.g. a density over two tables). This file does not decide
 * anything: the DRL does. The checks before activation make sure it names real rules and parameters.
 */
public final class RuleConditions {

	public static final String FILE = "conditions.yaml";

	private static final Set<String> OPERATORS = Set.of(">", ">=", "<", "<=", "==", "!=");

	private final Map<String, Entry> entries;

	private RuleConditions(Map<String, Entry> entries) {
		this.entries = entries;
	}

	public static RuleConditions empty() {
		return new RuleConditions(Map.of());
	}

	/** Parses the file; problems (located) are added to {@code problems}. */
	public static RuleConditions parse(String text, List<RuleProblem> problems) {
		YamlTree yaml = new YamlTree(FILE, problems);
		Map<String, Entry> entries = new LinkedHashMap<>();
		Node root = yaml.parse(text);
		if (root == null) {
			return new RuleConditions(entries);
		}
		Map<String, Node> top = yaml.mapping(root, "file");
		if (!top.containsKey("rules")) {
			yaml.problem(root, "MISSING_KEY", "缺少 rules / missing 'rules'");
			return new RuleConditions(entries);
		}
		yaml.mapping(top.get("rules"), "rules").forEach((key, node) -> {
			Map<String, Node> e = yaml.mapping(node, "rule " + key);
			String ruleId = key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
			String part = key.contains("#") ? key.substring(key.indexOf('#') + 1) : "";
			Set<SubjectType> subjects = EnumSet.noneOf(SubjectType.class);
			if (e.containsKey("subjects")) {
				for (Node s : yaml.sequence(e.get("subjects"), "subjects")) {
					String t = yaml.scalar(s, "subject type");
					try {
						subjects.add(SubjectType.valueOf(t));
					}
					catch (IllegalArgumentException | NullPointerException ex) {
						yaml.problem(s, "UNKNOWN_VALUE", "未知的主体类型 / unknown subject type: " + t);
					}
				}
			}
			List<Condition> conditions = e.containsKey("conditions") ? conditions(yaml, e.get("conditions")) : List.of();
			entries.put(key, new Entry(key, ruleId, part, Set.copyOf(subjects), conditions, YamlTree.line(node)));
		});
		return new RuleConditions(entries);
	}

	private static List<Condition> conditions(YamlTree yaml, Node node) {
		List<Condition> list = new ArrayList<>();
		for (Node c : yaml.sequence(node, "conditions")) {
			Map<String, Node> m = yaml.mapping(c, "condition");
			if (m.containsKey("anyOf") || m.containsKey("allOf")) {
				String group = m.containsKey("anyOf") ? "anyOf" : "allOf";
				list.add(new Condition(text(yaml, m, "label"), null, null, null, null, null, text(yaml, m, "onlyIf"), group,
						conditions(yaml, m.get(group)), YamlTree.line(c)));
				continue;
			}
			String label = text(yaml, m, "label");
			if (label == null) {
				yaml.problem(c, "MISSING_KEY", "条件缺少 label / condition has no label");
			}
			FactMeasure measure = null;
			String actual = text(yaml, m, "actual");
			if (actual != null) {
				try {
					measure = FactMeasure.parse(actual);
				}
				catch (IllegalArgumentException ex) {
					yaml.problem(m.get("actual"), "BAD_MEASURE", ex.getMessage());
				}
			}
			String compare = text(yaml, m, "compare");
			if (compare == null || !OPERATORS.contains(compare)) {
				yaml.problem(c, "BAD_COMPARE", "条件「" + label + "」的 compare 须为 " + OPERATORS + " 之一 / compare must be one of "
						+ OPERATORS + ": " + compare);
			}
			String parameter = text(yaml, m, "parameter");
			String value = text(yaml, m, "value");
			if ((parameter == null) == (value == null)) {
				yaml.problem(c, "BAD_THRESHOLD", "条件「" + label + "」须给出 parameter 或 value 之一 / give exactly one of parameter, value");
			}
			list.add(new Condition(label, measure, compare, parameter, value, text(yaml, m, "unit"), text(yaml, m, "onlyIf"), null,
					List.of(), YamlTree.line(c)));
		}
		return List.copyOf(list);
	}

	private static String text(YamlTree yaml, Map<String, Node> m, String key) {
		return m.containsKey(key) ? yaml.scalar(m.get(key), key) : null;
	}

	/** The entry for a rule part: {@code ID#part} first, then {@code ID}. */
	public Optional<Entry> entryFor(String ruleId, String part) {
		if (part != null && !part.isEmpty()) {
			Entry e = this.entries.get(ruleId + "#" + part);
			if (e != null) {
				return Optional.of(e);
			}
		}
		return Optional.ofNullable(this.entries.get(ruleId));
	}

	/** Every entry by its key ({@code ID} or {@code ID#part}). */
	public Map<String, Entry> entries() {
		return this.entries;
	}

	/**
	 * What is wrong with the file against a ruleset: entries for rules (or parts) the ruleset does not
	 * have, conditions naming undeclared parameters. For the checks before activation.
	 *
	 * @param definitions the declared parameters
	 * @param ruleKeys {@code ID} and {@code ID#part} of every rule of the ruleset
	 */
	public List<RuleProblem> problemsAgainst(Map<String, ParameterDefinition> definitions, Collection<String> ruleKeys) {
		List<RuleProblem> problems = new ArrayList<>();
		for (Entry e : this.entries.values()) {
			if (!ruleKeys.contains(e.key())) {
				problems.add(new RuleProblem(FILE, e.line(), 0, "UNKNOWN_RULE", e.key()
						+ " 不是规则集中的规则（或部分）/ is not a rule (or rule part) of the ruleset", e.ruleId()));
			}
			for (Condition c : e.flattened()) {
				for (String p : new String[] { c.parameter(), c.onlyIf() }) {
					if (p != null && !definitions.containsKey(p)) {
						problems.add(new RuleProblem(FILE, c.line(), 0, "UNKNOWN_PARAMETER", e.key() + " 的条件「" + c.label()
								+ "」引用了未定义的参数 " + p + " / names a parameter not declared in parameters.yaml: " + p, e.ruleId()));
					}
				}
			}
		}
		return problems;
	}

	/**
	 * What a rule compares, for one rule or rule part.
	 *
	 * @param key {@code ID} or {@code ID#part}
	 * @param ruleId the rule ID
	 * @param part the part, or empty for the whole rule
	 * @param subjects the subject types the rule can sanction; empty when not said (any)
	 * @param conditions what it compares
	 * @param line where the entry starts in the file
	 */
	public record Entry(String key, String ruleId, String part, Set<SubjectType> subjects, List<Condition> conditions,
			int line) {

		/** Whether the rule can concern a subject of this type. */
		public boolean appliesTo(SubjectType type) {
			return this.subjects.isEmpty() || this.subjects.contains(type);
		}

		/** The conditions with the members of groups inlined. */
		public List<Condition> flattened() {
			List<Condition> all = new ArrayList<>();
			this.conditions.forEach(c -> c.addTo(all));
			return all;
		}

		/** Every condition checked against the rows. */
		public List<Check> check(Collection<Map<String, Object>> rows, Period period, Parameters parameters) {
			return this.conditions.stream().map(c -> c.check(rows, period, parameters)).toList();
		}

	}

	/**
	 * One compared condition.
	 *
	 * @param label what is compared, in Chinese
	 * @param actual where the subject's value comes from; null for an {@code anyOf} group
	 * @param compare the operator: actual {@code compare} threshold must hold
	 * @param parameter the threshold's parameter, or null
	 * @param value a fixed threshold, or null
	 * @param unit the unit to print; the parameter's unit when absent
	 * @param onlyIf a boolean parameter: the condition applies only while it is true
	 * @param group {@code anyOf} or {@code allOf} for a group, null for a single condition
	 * @param members the group's conditions; empty for a single condition
	 * @param line where it is written
	 */
	public record Condition(String label, FactMeasure actual, String compare, String parameter, String value, String unit,
			String onlyIf, String group, List<Condition> members, int line) {

		void addTo(List<Condition> all) {
			if (this.group == null) {
				all.add(this);
			}
			else {
				this.members.forEach(m -> m.addTo(all));
			}
		}

		/** Compares the actual value read from {@code rows} with the threshold in force. */
		public Check check(Collection<Map<String, Object>> rows, Period period, Parameters parameters) {
			if (this.group != null) {
				List<Check> checks = this.members.stream().map(c -> c.check(rows, period, parameters)).toList();
				boolean any = this.group.equals("anyOf");
				Boolean held;
				if (any) {
					held = checks.stream().anyMatch(c -> Boolean.TRUE.equals(c.held())) ? Boolean.TRUE
							: checks.stream().anyMatch(c -> c.held() == null) ? null : Boolean.FALSE;
				}
				else {
					held = checks.stream().anyMatch(c -> Boolean.FALSE.equals(c.held())) ? Boolean.FALSE
							: checks.stream().anyMatch(c -> c.held() == null) ? null : Boolean.TRUE;
				}
				String label = (this.label != null) ? this.label : any ? "满足下列之一" : "同时满足";
				return new Check(label, this.group, null, null, null, null, null, held, null, true, checks);
			}
			ParameterDefinition definition = (this.parameter != null) ? parameters.definitions().get(this.parameter) : null;
			String unitText = (this.unit != null) ? this.unit : (definition != null && definition.unit() != null) ? definition.unit() : "";
			boolean applies = this.onlyIf == null || parameters.flag(this.onlyIf);
			Object threshold = (this.parameter != null) ? parameters.values().get(this.parameter) : literal(this.value);
			Object actualValue = (this.actual != null) ? this.actual.evaluate(rows, period) : null;
			Boolean held = null;
			Double gap = null;
			if (!applies) {
				held = Boolean.TRUE;
			}
			else if (actualValue != null && threshold != null) {
				Double a = rank(actualValue, definition);
				Double t = rank(threshold, definition);
				if (a != null && t != null) {
					held = compare(a, t, this.compare);
					gap = held ? 0.0 : Math.abs(t - a);
				}
				else {
					boolean eq = actualValue.toString().equals(threshold.toString());
					held = this.compare.equals("!=") ? !eq : eq;
				}
			}
			return new Check(this.label, (this.actual != null) ? this.actual.toString() : null, actualValue, this.compare,
					this.parameter, threshold, unitText, held, gap, applies, List.of());
		}

		private static Object literal(String text) {
			if (text == null) {
				return null;
			}
			if (text.equals("true") || text.equals("false")) {
				return Boolean.valueOf(text);
			}
			try {
				return Double.valueOf(text);
			}
			catch (NumberFormatException ex) {
				return text;
			}
		}

		/** Numbers as they are, booleans as 1/0, enum values by their place in the declared list. */
		private static Double rank(Object v, ParameterDefinition definition) {
			if (v instanceof Number n) {
				return n.doubleValue();
			}
			if (v instanceof Boolean b) {
				return b ? 1.0 : 0.0;
			}
			if (definition != null && definition.type() == ParameterType.ENUM && definition.values() != null) {
				return (double) definition.values().indexOf(v.toString().toUpperCase(Locale.ROOT));
			}
			return null;
		}

		private static boolean compare(double a, double t, String op) {
			return switch (op) {
				case ">" -> a > t;
				case ">=" -> a >= t;
				case "<" -> a < t;
				case "<=" -> a <= t;
				case "==" -> a == t;
				default -> a != t;
			};
		}

	}

	/**
	 * A condition compared.
	 *
	 * @param label what is compared
	 * @param measure how the actual value was read
	 * @param actual the subject's value, or null when the rows do not have it
	 * @param compare the operator
	 * @param parameter the threshold's parameter, or null for a fixed threshold
	 * @param required the threshold in force
	 * @param unit unit of actual and threshold
	 * @param held whether it holds; null when unknown
	 * @param gap how far the actual value is from holding (0 when it holds)
	 * @param applies false when an {@code onlyIf} flag switches the condition off
	 * @param members the checks of a group ({@code measure} is then {@code anyOf} or {@code allOf})
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Check(String label, String measure, Object actual, String compare, String parameter, Object required,
			String unit, Boolean held, Double gap, boolean applies, List<Check> members) {

		/** Whether this is a group of checks. */
		public boolean isGroup() {
			return !this.members.isEmpty();
		}

		/** "一次检查不达标项数 2项，要求 ≥ 3项（不满足，差1项）". */
		public String describe() {
			if (isGroup()) {
				StringBuilder sb = new StringBuilder(this.label).append("：");
				String join = "anyOf".equals(this.measure) ? "；或" : "；且";
				for (int i = 0; i < this.members.size(); i++) {
					sb.append((i == 0) ? "" : join).append(this.members.get(i).describe());
				}
				return sb.toString();
			}
			String u = (this.unit != null) ? this.unit : "";
			String state = (this.held == null) ? "无法判断" : !this.applies ? "不适用" : this.held ? "满足"
					: "不满足" + ((this.gap != null && this.gap > 0) ? "，差" + Narration.number(this.gap) + u : "");
			String actualText = (this.measure == null) ? "" : " " + show(this.actual) + ((this.actual != null) ? u : "") + "，";
			return this.label + actualText + "要求 " + symbol(this.compare) + " " + show(this.required) + u + "（" + state + "）";
		}

		/** A value as the explanation prints it: numbers without trailing zeros, booleans as 是/否. */
		public static String show(Object v) {
			if (v == null) {
				return "无";
			}
			if (v instanceof Double d) {
				return Narration.number(d);
			}
			if (v instanceof Boolean b) {
				return b ? "是" : "否";
			}
			return v.toString();
		}

		/** ≥ ≤ ≠ = &gt; &lt;. */
		public static String symbol(String op) {
			return switch (op) {
				case ">=" -> "≥";
				case "<=" -> "≤";
				case "!=" -> "≠";
				case "==" -> "=";
				default -> op;
			};
		}

	}

}

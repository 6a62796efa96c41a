package org.kaohe.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kaohe.engine.RuleDescriptor;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.rules.RuleConditions;
import org.kaohe.rules.RuleProblem;

/**
 * What explanations need to know about the rules of a ruleset beyond what the engine runs: which
 * parameters each rule's text reads (its own conditions and consequence, and the DRL functions it
 * calls), and what each rule compares ({@code conditions.yaml}). Computed once per version.
 */
public final class RuleMetadata {

	private static final Map<String, RuleMetadata> CACHE = new ConcurrentHashMap<>();

	private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern END = Pattern.compile("(?m)^\\s*end\\s*$");

	private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");

	private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");

	private final Map<String, List<String>> readsByRule;

	private final Map<String, List<String>> conditionReadsByRule;

	private final RuleConditions conditions;

	private final List<RuleProblem> problems;

	private RuleMetadata(Map<String, List<String>> readsByRule, Map<String, List<String>> conditionReadsByRule,
			RuleConditions conditions, List<RuleProblem> problems) {
		this.readsByRule = readsByRule;
		this.conditionReadsByRule = conditionReadsByRule;
		this.conditions = conditions;
		this.problems = problems;
	}

	/** The metadata of a ruleset (cached by version). */
	public static RuleMetadata of(Ruleset ruleset) {
		RuleMetadata m = CACHE.get(ruleset.version());
		if (m == null) {
			if (CACHE.size() > 32) {
				CACHE.clear();
			}
			m = build(ruleset);
			CACHE.put(ruleset.version(), m);
		}
		return m;
	}

	private static RuleMetadata build(Ruleset ruleset) {
		Map<String, List<String>> reads = new LinkedHashMap<>();
		Map<String, List<String>> conditionReads = new LinkedHashMap<>();
		for (String text : RuleEngine.ruleTexts(ruleset.source()).values()) {
			reads.putAll(readsIn(text, false));
			conditionReads.putAll(readsIn(text, true));
		}
		List<RuleProblem> problems = new ArrayList<>();
		String conditionsText = ruleset.source().text(RuleConditions.FILE);
		RuleConditions conditions = (conditionsText != null) ? RuleConditions.parse(conditionsText, problems) : RuleConditions.empty();
		problems.addAll(conditions.problemsAgainst(ruleset.parameterFile().definitions(), keys(ruleset.rules())));
		return new RuleMetadata(Map.copyOf(reads), Map.copyOf(conditionReads), conditions, List.copyOf(problems));
	}

	/** {@code ID} and {@code ID#part} of every rule. */
	static Set<String> keys(List<RuleDescriptor> rules) {
		Set<String> keys = new TreeSet<>();
		for (RuleDescriptor r : rules) {
			keys.add(r.id());
			if (!r.part().isEmpty()) {
				keys.add(r.id() + "#" + r.part());
			}
		}
		return keys;
	}

	/**
	 * Rule name → parameters read by its text and by the functions of its file it calls, in order.
	 *
	 * @param conditionsOnly only what the rule's conditions ({@code when} … {@code then}) read: the
	 * parameters that decide whether it fires, not what it imposes
	 */
	static Map<String, List<String>> readsIn(String drl, boolean conditionsOnly) {
		String code = SourceMask.mask(drl, false);
		Map<String, Set<String>> functionReads = new LinkedHashMap<>();
		Matcher f = FUNCTION.matcher(code);
		while (f.find()) {
			int open = code.indexOf('{', f.end());
			int close = (open >= 0) ? matching(code, open) : -1;
			if (close > open) {
				functionReads.put(f.group(1), reads(code.substring(open, close)));
			}
		}
		Map<String, List<String>> byRule = new LinkedHashMap<>();
		Matcher r = RULE.matcher(code);
		while (r.find()) {
			Matcher end = END.matcher(code);
			int stop = end.find(r.end()) ? end.start() : code.length();
			String body = code.substring(r.end(), stop);
			if (conditionsOnly) {
				Matcher then = THEN.matcher(body);
				if (then.find()) {
					body = body.substring(0, then.start());
				}
			}
			String scanned = body;
			Set<String> names = reads(body);
			functionReads.forEach((fn, params) -> {
				if (Pattern.compile("\\b" + Pattern.quote(fn) + "\\s*\\(").matcher(scanned).find()) {
					names.addAll(params);
				}
			});
			byRule.put(r.group(1).replace("\\\"", "\""), List.copyOf(names));
		}
		return byRule;
	}

	private static Set<String> reads(String code) {
		Set<String> names = new LinkedHashSet<>();
		Matcher m = ParameterUsage.READ.matcher(code);
		while (m.find()) {
			names.add(m.group(2));
		}
		return names;
	}

	private static int matching(String code, int open) {
		int depth = 0;
		for (int i = open; i < code.length(); i++) {
			char c = code.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** The parameters a rule reads, in the order its text first reads them; empty for an unknown rule. */
	public List<String> parametersReadBy(String ruleName) {
		return this.readsByRule.getOrDefault(ruleName, List.of());
	}

	/**
	 * The parameters a rule's conditions read: the ones that decide whether it fires (amounts and
	 * durations read in the consequence are left out).
	 */
	public List<String> parametersDecidingFiring(String ruleName) {
		return this.conditionReadsByRule.getOrDefault(ruleName, List.of());
	}

	/** The whole {@code conditions.yaml}. */
	public RuleConditions conditions() {
		return this.conditions;
	}

	/** What a rule (part) compares, if described. */
	public Optional<RuleConditions.Entry> conditionsFor(RuleDescriptor rule) {
		return this.conditions.entryFor(rule.id(), rule.part());
	}

	/** Problems of {@code conditions.yaml} against the ruleset (unknown rules or parameters, bad measures). */
	public List<RuleProblem> problems() {
		return this.problems;
	}

}

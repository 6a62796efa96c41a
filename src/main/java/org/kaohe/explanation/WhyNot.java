package org.kaohe.explanation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import org.kaohe.engine.RuleDescriptor;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.engine.TerritoryProbe;
import org.kaohe.evaluation.EvaluationRuns;
import org.kaohe.evaluation.StoredOutcome;
import org.kaohe.evaluation.StoredOutcomes;
import org.kaohe.facts.Narration;
import org.kaohe.facts.Period;
import org.kaohe.facts.SubjectRef;
import org.kaohe.facts.SubjectType;
import org.kaohe.history.FactBatch;
import org.kaohe.history.FactBatchRepository;
import org.kaohe.outcome.Outcome;
import org.kaohe.rules.ParameterDefinition;
import org.kaohe.rules.ParameterType;
import org.kaohe.rules.Parameters;
import org.kaohe.rules.RuleConditions;
import org.kaohe.ruleset.RuleMetadata;
import org.kaohe.system.NotFoundException;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * "Why not": which rules a subject narrowly escaped in a period, what they compare, which condition
 * failed and by how much ({@code GET /api/v1/subjects/{id}/why-not?period=&rule=}).
 *
 * <p>Drools reports what fired, not what almost did, so Kaohe asks the rules themselves. It takes the
 * latest run of the period, prepares the subject's territory once ({@link TerritoryProbe}) and, for each
 * parameter the conditions of a rule that did not fire read, evaluates the territory again with that
 * parameter moved step by step away from its value (a few small steps, then larger ones, then bisection
 * to the exact boundary; booleans flipped, enumerations tried in order). The smallest change that makes
 * the rule fire for the subject is the answer ("would fire if 连续期数 were 1, 现行 2"), and the evidence of
 * that firing gives the subject's actual values, which {@code conditions.yaml} puts next to the
 * thresholds in force. Rules with no such change are still listed with their conditions checked against
 * the subject's facts. General over every rule; nothing rule-specific is written in Java.
 *
 * <p>Only the subject's own territory is evaluated again: an outcome that reaches a subject from another
 * territory (一案四查 holding a city department responsible for an enterprise in a county) is not looked
 * for from the department's side.
 */
@Service
public class WhyNot {

	/** Above this many evaluations of the territory the search stops and says it is incomplete. */
	static final int MAX_EVALUATIONS = 600;

	/** A change of at most this fraction of the value in force counts as close. */
	static final double CLOSE = 0.5;

	private static final Set<ParameterType> MOVABLE = Set.of(ParameterType.INTEGER, ParameterType.NUMBER, ParameterType.BOOLEAN,
			ParameterType.ENUM);

	private final EvaluationRuns runs;

	private final StoredOutcomes outcomes;

	private final FactBatchRepository batches;

	private final RuleEngine engine;

	WhyNot(EvaluationRuns runs, StoredOutcomes outcomes, FactBatchRepository batches, RuleEngine engine) {
		this.runs = runs;
		this.outcomes = outcomes;
		this.batches = batches;
		this.engine = engine;
	}

	/**
	 * Answers for a subject.
	 *
	 * @param period the period, or null for the latest evaluated period
	 * @param ruleId only this rule, or null for every rule that can concern the subject
	 * @throws NotFoundException when the subject is not in the period's facts or the rule is unknown
	 * @throws ProblemException (422) when the period was never evaluated
	 */
	public WhyNotAnswer ask(String subjectId, Period period, String ruleId) {
		Period p = (period != null) ? period : latestEvaluated();
		String runId = this.outcomes.latestRuns(List.of(p)).get(p);
		if (runId == null) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.NOT_EVALUABLE, "该期间尚未评估 / Not evaluated",
					"期间 " + p + " 尚未评估，请先评估 / period " + p + " was never evaluated; evaluate it first");
		}
		EvaluationRuns.RunInputs inputs = this.runs.inputsOf(runId);
		Ruleset ruleset = inputs.ruleset();
		TerritoryProbe probe;
		try {
			probe = this.engine.probe(ruleset, inputs.request(), subjectId);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("期间 " + p + " 的事实中没有主体 " + subjectId + " / subject " + subjectId
					+ " is not in the facts of " + p);
		}
		if (ruleId != null && ruleset.rule(ruleId).isEmpty()) {
			throw new NotFoundException("规则 " + ruleId + " 不在规则集 " + ruleset.version() + " 中 / rule " + ruleId
					+ " is not in the ruleset");
		}
		SubjectRef subject = subject(probe, subjectId);
		RuleMetadata metadata = RuleMetadata.of(ruleset);
		Parameters parameters = probe.parameters();

		List<Outcome> baseline = probe.evaluate(Map.of());
		Set<String> fired = new LinkedHashSet<>();
		baseline.stream().filter(o -> o.getSubject().getId().equals(subjectId)).forEach(o -> fired.add(o.getRuleName()));

		List<RuleDescriptor> examined = ruleset.rules()
			.stream()
			.filter(r -> ruleId == null || r.id().equals(ruleId))
			.filter(r -> metadata.conditionsFor(r).map(e -> e.appliesTo(subject.getType())).orElse(true))
			.toList();
		Map<String, RuleDescriptor> open = new LinkedHashMap<>();
		examined.stream().filter(r -> !fired.contains(r.name())).forEach(r -> open.put(r.name(), r));

		Search search = new Search(probe, subjectId, parameters);
		Map<String, Set<String>> rulesByParameter = new TreeMap<>();
		for (RuleDescriptor r : open.values()) {
			for (String name : metadata.parametersDecidingFiring(r.name())) {
				ParameterDefinition d = parameters.definitions().get(name);
				if (d != null && MOVABLE.contains(d.type())) {
					rulesByParameter.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(r.name());
				}
			}
		}
		rulesByParameter.forEach(search::explore);

		boolean territoryRoot = probe.territory().equals(subjectId);
		List<Map<String, Object>> factRows = probe.rows(territoryRoot ? null : subjectId).stream().map(TerritoryProbe.FactRow::evidence).toList();
		List<WhyNotAnswer.RuleAnswer> answers = new ArrayList<>();
		for (RuleDescriptor r : examined) {
			if (fired.contains(r.name())) {
				List<String> ids = this.outcomes.of(runId, subjectId, r.id())
					.stream()
					.map(StoredOutcome::outcome)
					.filter(o -> o.getRuleName().equals(r.name()))
					.map(Outcome::getId)
					.toList();
				answers.add(new WhyNotAnswer.RuleAnswer(r.id(), r.part(), r.name(), r.basis(), "FIRED",
						"已被处理：" + r.name(), List.of(), List.of(), List.of(), ids));
				continue;
			}
			answers.add(answer(r, metadata, search.found(r.name()), factRows, probe.period(), parameters));
		}
		answers.sort(Comparator.comparing((WhyNotAnswer.RuleAnswer a) -> order(a.status()))
			.thenComparingDouble(a -> a.wouldFireIf().isEmpty() ? Double.MAX_VALUE : a.wouldFireIf().get(0).relativeChange())
			.thenComparingInt(a -> a.failing().size()));
		List<String> summary = answers.stream().filter(a -> a.status().equals("CLOSE")).map(WhyNotAnswer.RuleAnswer::summary).toList();
		if (search.exhausted) {
			summary = new ArrayList<>(summary);
			summary.add("（计算量已达上限 " + MAX_EVALUATIONS + " 次，部分参数未尝试；可用 rule= 只看一条规则）");
		}
		return new WhyNotAnswer(subject, p, runId, ruleset.version(), probe.territory(), probe.evaluations(), summary, answers);
	}

	private static int order(String status) {
		return switch (status) {
			case "CLOSE" -> 0;
			case "NOT_CLOSE" -> 1;
			default -> 2;
		};
	}

	private WhyNotAnswer.RuleAnswer answer(RuleDescriptor r, RuleMetadata metadata, List<Found> found, List<Map<String, Object>> factRows,
			Period period, Parameters parameters) {
		// the thresholds conditions.yaml documents for the rule come first: "2 night violations, 3 needed"
		// says more than "it would fire if night began at 17:00"
		Set<String> documented = new java.util.HashSet<>();
		metadata.conditionsFor(r).ifPresent(e -> e.flattened().forEach(c -> {
			if (c.parameter() != null) {
				documented.add(c.parameter());
			}
		}));
		found.sort(Comparator.comparing((Found f) -> !documented.contains(f.parameter())).thenComparingDouble(Found::relativeChange));
		Found nearest = found.isEmpty() ? null : found.get(0);
		List<Map<String, Object>> rows = (nearest != null) ? nearest.outcome().getEvidence() : factRows;
		List<RuleConditions.Check> checks = metadata.conditionsFor(r).map(e -> e.check(rows, period, parameters)).orElse(List.of());
		List<RuleConditions.Check> failing = new ArrayList<>();
		checks.forEach(c -> failingOf(c, failing));
		List<WhyNotAnswer.Relaxation> relaxations = found.stream().map(f -> relaxation(f, parameters)).toList();
		boolean close = nearest != null && nearest.relativeChange() <= CLOSE;
		String summary = summary(r, nearest, failing, parameters);
		return new WhyNotAnswer.RuleAnswer(r.id(), r.part(), r.name(), r.basis(), close ? "CLOSE" : "NOT_CLOSE", summary, checks, failing,
				relaxations, List.of());
	}

	/** The single conditions that fail: a failing group stands for its failing members. */
	private static void failingOf(RuleConditions.Check c, List<RuleConditions.Check> into) {
		if (!Boolean.FALSE.equals(c.held())) {
			return;
		}
		if (c.isGroup()) {
			c.members().forEach(m -> failingOf(m, into));
		}
		else {
			into.add(c);
		}
	}

	private static WhyNotAnswer.Relaxation relaxation(Found f, Parameters parameters) {
		ParameterDefinition d = parameters.definitions().get(f.parameter());
		boolean within = true;
		if (f.needed() instanceof Number n) {
			within = (d.min() == null || n.doubleValue() >= d.min()) && (d.max() == null || n.doubleValue() <= d.max());
		}
		return new WhyNotAnswer.Relaxation(f.parameter(), d.label(), d.unit(), parameters.values().get(f.parameter()), f.needed(),
				f.relativeChange(), within, f.outcome().getMeasure(), f.outcome().getAmountYuan(), f.outcome().getReason());
	}

	/** "未被处理：本规则要求一次检查不达标项数≥3项，本期为2项（差1项）；若参数「…」（seriousItemsK）为2（现行3）即会…". */
	private static String summary(RuleDescriptor r, Found nearest, List<RuleConditions.Check> failing, Parameters parameters) {
		StringBuilder sb = new StringBuilder("未被处理（").append(r.id()).append("「").append(r.name()).append("」）：");
		List<RuleConditions.Check> flat = new ArrayList<>();
		failing.forEach(c -> Explanations.flatten(c, flat));
		RuleConditions.Check main = flat.stream()
			.filter(c -> Boolean.FALSE.equals(c.held()) && nearest != null && nearest.parameter().equals(c.parameter()))
			.findFirst()
			.orElse(failing.isEmpty() ? null : failing.get(0));
		if (main != null && !main.isGroup()) {
			String unit = (main.unit() != null) ? main.unit() : "";
			sb.append("本规则要求").append(main.label()).append(RuleConditions.Check.symbol(main.compare()))
				.append(RuleConditions.Check.show(main.required())).append(unit);
			if (main.measure() != null) {
				sb.append("，本期为").append(RuleConditions.Check.show(main.actual())).append((main.actual() != null) ? unit : "");
				if (main.gap() != null && main.gap() > 0) {
					sb.append("（差").append(Narration.number(main.gap())).append(unit).append("）");
				}
			}
		}
		else if (main != null) {
			sb.append(main.describe());
		}
		else if (nearest != null) {
			ParameterDefinition d = parameters.definitions().get(nearest.parameter());
			sb.append("按现行参数「").append(d.label()).append("」不满足本规则的条件");
		}
		else {
			sb.append("条件未全部满足");
		}
		if (nearest != null) {
			ParameterDefinition d = parameters.definitions().get(nearest.parameter());
			String unit = (d.unit() != null && !(nearest.needed() instanceof Boolean)) ? d.unit() : "";
			sb.append("；若参数「").append(d.label()).append("」（").append(nearest.parameter()).append("）为")
				.append(RuleConditions.Check.show(nearest.needed())).append(unit).append("（现行")
				.append(RuleConditions.Check.show(parameters.values().get(nearest.parameter()))).append(unit).append("），即会")
				.append(nearest.outcome().getMeasureLabel());
		}
		else {
			sb.append("；单独调整任一参数都不会触发");
		}
		return sb.toString();
	}

	private SubjectRef subject(TerritoryProbe probe, String subjectId) {
		for (TerritoryProbe.FactRow row : probe.rows(subjectId)) {
			Map<String, Object> e = row.evidence();
			if ("subjects".equals(e.get("table")) && subjectId.equals(e.get("id")) && row.current()) {
				return new SubjectRef(subjectId, SubjectType.valueOf(String.valueOf(e.get("type"))), Objects.toString(e.get("name"), null));
			}
		}
		throw new NotFoundException("主体 " + subjectId + " 不在事实中 / subject " + subjectId + " is not in the facts");
	}

	private Period latestEvaluated() {
		List<Period> periods = this.batches.latestOfEveryPeriod().stream().map(FactBatch::period).toList();
		Map<Period, String> latest = this.outcomes.latestRuns(periods);
		return latest.keySet()
			.stream()
			.max(Comparator.naturalOrder())
			.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.NOT_EVALUABLE,
					"尚无评估 / Nothing evaluated", "还没有评估过任何期间 / no period has been evaluated yet"));
	}

	/**
	 * A parameter value that makes a rule fire for the subject.
	 *
	 * @param parameter the parameter moved
	 * @param needed its value then
	 * @param relativeChange how far from the value in force, relative to it
	 * @param outcome what the rule decided then
	 */
	record Found(String parameter, Object needed, double relativeChange, Outcome outcome) {
	}

	/** Moves parameters one at a time and records where each open rule starts to fire. */
	private static final class Search {

		private final TerritoryProbe probe;

		private final String subjectId;

		private final Parameters parameters;

		private final Map<String, List<Found>> found = new HashMap<>();

		private boolean exhausted;

		Search(TerritoryProbe probe, String subjectId, Parameters parameters) {
			this.probe = probe;
			this.subjectId = subjectId;
			this.parameters = parameters;
		}

		List<Found> found(String ruleName) {
			return new ArrayList<>(this.found.getOrDefault(ruleName, List.of()));
		}

		void explore(String parameter, Set<String> rules) {
			ParameterDefinition d = this.parameters.definitions().get(parameter);
			Object current = this.parameters.values().get(parameter);
			switch (d.type()) {
				case BOOLEAN -> {
					Map<String, Outcome> firing = firing(evaluate(parameter, !Boolean.TRUE.equals(current)), rules);
					firing.forEach((rule, o) -> record(rule, parameter, !Boolean.TRUE.equals(current), 1.0, o));
				}
				case ENUM -> {
					List<String> values = d.values();
					int at = values.indexOf(String.valueOf(current));
					Set<String> open = new LinkedHashSet<>(rules);
					for (int distance = 1; distance < values.size() && !open.isEmpty(); distance++) {
						for (int index : new int[] { at - distance, at + distance }) {
							if (index < 0 || index >= values.size() || open.isEmpty()) {
								continue;
							}
							Map<String, Outcome> firing = firing(evaluate(parameter, values.get(index)), open);
							int steps = distance;
							firing.forEach((rule, o) -> {
								record(rule, parameter, values.get(index), (double) steps / Math.max(1, values.size() - 1), o);
								open.remove(rule);
							});
						}
					}
				}
				case INTEGER -> {
					int v = ((Number) current).intValue();
					for (int direction : new int[] { -1, 1 }) {
						numeric(parameter, v, direction, rules, true);
					}
				}
				default -> {
					double v = ((Number) current).doubleValue();
					for (int direction : new int[] { -1, 1 }) {
						numeric(parameter, v, direction, rules, false);
					}
				}
			}
		}

		/**
		 * Tries values away from {@code v} in one direction (small steps, then larger ones) and, for each
		 * rule that starts to fire, bisects between the last value that did not fire it and the first
		 * that did.
		 */
		private void numeric(String parameter, double v, int direction, Set<String> rules, boolean integer) {
			Set<String> open = new LinkedHashSet<>(rules);
			double lastMiss = v;
			for (double x : steps(v, direction, integer)) {
				if (open.isEmpty() || this.exhausted) {
					return;
				}
				Map<String, Outcome> firing = firing(evaluate(parameter, value(x, integer)), open);
				for (Map.Entry<String, Outcome> e : firing.entrySet()) {
					double miss = lastMiss;
					double hit = x;
					Outcome outcome = e.getValue();
					double precision = integer ? 1 : Math.max(Math.abs(v) * 0.001, 1e-6);
					while (Math.abs(hit - miss) > precision && !this.exhausted) {
						double mid = integer ? Math.floor((hit + miss) / 2) : (hit + miss) / 2;
						if (integer && (mid == miss || mid == hit)) {
							mid = (direction < 0) ? Math.ceil((hit + miss) / 2) : Math.floor((hit + miss) / 2);
							if (mid == miss || mid == hit) {
								break;
							}
						}
						Outcome o = firing(evaluate(parameter, value(mid, integer)), Set.of(e.getKey())).get(e.getKey());
						if (o != null) {
							hit = mid;
							outcome = o;
						}
						else {
							miss = mid;
						}
					}
					double change = Math.abs(hit - v) / Math.max(Math.abs(v), integer ? 1 : 1e-9);
					record(e.getKey(), parameter, value(hit, integer), change, outcome);
					open.remove(e.getKey());
				}
				lastMiss = x;
			}
		}

		private static List<Double> steps(double v, int direction, boolean integer) {
			List<Double> steps = new ArrayList<>();
			if (integer) {
				for (int d = 1; d <= 3; d++) {
					steps.add(v + direction * d);
				}
				if (direction < 0) {
					steps.add(Math.floor(v / 2));
					steps.add(0.0);
				}
				else {
					double base = Math.max(Math.abs(v), 2);
					steps.add(Math.ceil(v + base * 0.5));
					steps.add(v + base);
					steps.add(v + base * 2);
				}
			}
			else if (v == 0) {
				for (double d : new double[] { 0.01, 0.1, 1, 10 }) {
					steps.add(direction * d);
				}
			}
			else {
				for (double f : new double[] { 0.02, 0.05, 0.1, 0.25, 0.5 }) {
					steps.add(v + direction * Math.abs(v) * f);
				}
				steps.add((direction < 0) ? 0.0 : v + Math.abs(v) * 2);
			}
			List<Double> ordered = new ArrayList<>();
			double previous = v;
			for (double s : steps) {
				boolean onward = (direction < 0) ? s < previous : s > previous;
				if (onward && (s >= 0 || v < 0)) {
					ordered.add(s);
					previous = s;
				}
			}
			return ordered;
		}

		private static Object value(double x, boolean integer) {
			return integer ? (Object) (int) Math.round(x) : (Object) x;
		}

		private List<Outcome> evaluate(String parameter, Object value) {
			if (this.probe.evaluations() >= MAX_EVALUATIONS) {
				this.exhausted = true;
				return List.of();
			}
			try {
				return this.probe.evaluate(Map.of(parameter, value));
			}
			catch (RuntimeException ex) {
				// a value that breaks a rule (a runaway, a contract breach) makes nothing fire
				return List.of();
			}
		}

		private Map<String, Outcome> firing(List<Outcome> outcomes, Set<String> rules) {
			Map<String, Outcome> firing = new LinkedHashMap<>();
			for (Outcome o : outcomes) {
				if (o.getSubject().getId().equals(this.subjectId) && rules.contains(o.getRuleName())) {
					firing.putIfAbsent(o.getRuleName(), o);
				}
			}
			return firing;
		}

		private void record(String rule, String parameter, Object needed, double change, Outcome outcome) {
			this.found.computeIfAbsent(rule, k -> new ArrayList<>()).add(new Found(parameter, needed, change, outcome));
		}

	}

}

package org.kaohe.rules;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The parameter values in force for one evaluated period: the {@code params} global of every rule
 * file. Thresholds, K and N, ladders and amounts are read here, never written as literals in DRL.
 *
 * <pre>
 * Rank( current, weekly, rankFromBottom &lt;= params.integer("weeklyBottomK") )
 * </pre>
 *
 * <p>Asking for a parameter the file does not declare, or as the wrong type, fails the evaluation
 * with the parameter's name; the ruleset checks catch it before activation.
 */
public final class Parameters {

	private final LocalDate validFrom;

	private final Map<String, Object> values;

	private final Map<String, ParameterDefinition> definitions;

	private final ChecklistProfile checklist;

	private final Map<String, IndicatorDefinition> indicators;

	Parameters(LocalDate validFrom, Map<String, Object> values, Map<String, ParameterDefinition> definitions,
			ChecklistProfile checklist, Map<String, IndicatorDefinition> indicators) {
		this.validFrom = validFrom;
		this.values = Collections.unmodifiableMap(values);
		this.definitions = definitions;
		this.checklist = checklist;
		this.indicators = indicators;
	}

	/** The {@code validFrom} of the version in force. */
	public LocalDate getValidFrom() {
		return this.validFrom;
	}

	public int integer(String name) {
		return ((Number) get(name, ParameterType.INTEGER)).intValue();
	}

	public double number(String name) {
		Object v = this.values.get(name);
		if (v instanceof Number n && isDeclared(name)
				&& (this.definitions.get(name).type() == ParameterType.INTEGER)) {
			return n.doubleValue();
		}
		return ((Number) get(name, ParameterType.NUMBER)).doubleValue();
	}

	public boolean flag(String name) {
		return (Boolean) get(name, ParameterType.BOOLEAN);
	}

	/** A STRING, ENUM or CHECKLIST_PROFILE value. */
	public String text(String name) {
		ParameterDefinition d = definition(name);
		if (d.type() != ParameterType.STRING && d.type() != ParameterType.ENUM
				&& d.type() != ParameterType.CHECKLIST_PROFILE) {
			throw wrongType(name, "text");
		}
		return (String) this.values.get(name);
	}

	@SuppressWarnings("unchecked")
	public List<String> list(String name) {
		return (List<String>) get(name, ParameterType.LIST);
	}

	public Ladder ladder(String name) {
		return (Ladder) get(name, ParameterType.LADDER);
	}

	public Tiers tiers(String name) {
		return (Tiers) get(name, ParameterType.TIERS);
	}

	/** The checklist profile in force (parameter {@code checklistProfile}). */
	public ChecklistProfile checklist() {
		return this.checklist;
	}

	/** Every declared indicator by code. */
	public Map<String, IndicatorDefinition> indicators() {
		return this.indicators;
	}

	/** An indicator's definition, or null when the parameter file does not declare it. */
	public IndicatorDefinition indicator(String code) {
		return this.indicators.get(code);
	}

	/** Chinese label of an indicator (the code itself when undeclared). */
	public String indicatorLabel(String code) {
		IndicatorDefinition d = this.indicators.get(code);
		return (d != null) ? d.label() : code;
	}

	/**
	 * These parameters with some values replaced: what "why not" evaluates with ("would the rule have
	 * fired if K were 2?"). Only single values can be replaced (integer, number, boolean, string, enum);
	 * ladders, tiers, lists, indicators and the checklist stay as they are.
	 *
	 * @throws IllegalArgumentException naming the parameter when it is not declared, not replaceable or
	 * the value does not fit its type
	 */
	public Parameters withOverrides(Map<String, Object> overrides) {
		if (overrides.isEmpty()) {
			return this;
		}
		Map<String, Object> values = new java.util.HashMap<>(this.values);
		overrides.forEach((name, value) -> values.put(name, coerce(definition(name), value)));
		return new Parameters(this.validFrom, values, this.definitions, this.checklist, this.indicators);
	}

	private static Object coerce(ParameterDefinition d, Object value) {
		Object v = switch (d.type()) {
			case INTEGER -> (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) ? (Object) n.intValue() : null;
			case NUMBER -> (value instanceof Number n) ? (Object) n.doubleValue() : null;
			case BOOLEAN -> (value instanceof Boolean) ? value : null;
			case STRING -> (value instanceof String) ? value : null;
			case ENUM -> (value instanceof String t && d.values().contains(t)) ? value : null;
			default -> throw new IllegalArgumentException("参数 " + d.name() + " 的类型 " + d.type()
					+ " 不能临时替换 / parameter " + d.name() + " of type " + d.type() + " cannot be overridden");
		};
		if (v == null) {
			throw new IllegalArgumentException("参数 " + d.name() + " 的值不符合类型 " + d.type() + " / value " + value
					+ " does not fit parameter " + d.name() + " of type " + d.type());
		}
		return v;
	}

	/** All values in force, by name, for explanations. */
	public Map<String, Object> values() {
		return this.values;
	}

	public Map<String, ParameterDefinition> definitions() {
		return this.definitions;
	}

	public boolean isDeclared(String name) {
		return this.definitions.containsKey(name);
	}

	private Object get(String name, ParameterType type) {
		ParameterDefinition d = definition(name);
		if (d.type() != type) {
			throw wrongType(name, type.name());
		}
		return this.values.get(name);
	}

	private ParameterDefinition definition(String name) {
		ParameterDefinition d = this.definitions.get(name);
		if (d == null) {
			throw new IllegalArgumentException("参数未定义 / parameter not declared in " + ParameterFile.FILE + ": " + name);
		}
		return d;
	}

	private IllegalArgumentException wrongType(String name, String asked) {
		return new IllegalArgumentException("参数类型不符 / parameter " + name + " is " + this.definitions.get(name).type()
				+ ", read as " + asked);
	}

}

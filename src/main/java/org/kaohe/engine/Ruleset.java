package org.kaohe.engine;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;

import org.kaohe.facts.Period;
import org.kaohe.ingest.ValidationContext;
import org.kaohe.outcome.RuleInfo;
import org.kaohe.rules.BasisCatalogue;
import org.kaohe.rules.ParameterFile;
import org.kaohe.rules.Parameters;
import org.kaohe.rules.RuleSource;

/**
 * A compiled, checked set of rule files: immutable and identified by its version (the content hash
 * of its files). Safe to share between threads; sessions are created per evaluation.
 */
public final class Ruleset {

	private final RuleSource source;

	private final InternalKnowledgeBase knowledgeBase;

	private final ParameterFile parameters;

	private final BasisCatalogue basis;

	private final List<RuleDescriptor> rules;

	private final Map<String, RuleInfo> ruleInfoByName;

	Ruleset(RuleSource source, InternalKnowledgeBase knowledgeBase, ParameterFile parameters, BasisCatalogue basis,
			List<RuleDescriptor> rules) {
		this.source = source;
		this.knowledgeBase = knowledgeBase;
		this.parameters = parameters;
		this.basis = basis;
		this.rules = List.copyOf(rules);
		Map<String, RuleInfo> byName = new LinkedHashMap<>();
		for (RuleDescriptor r : rules) {
			byName.put(r.name(), new RuleInfo(r.id(), r.name(), r.basis(), r.file(), r.line()));
		}
		this.ruleInfoByName = Map.copyOf(byName);
	}

	/** {@code sha256:…} over the files that affect outcomes. */
	public String version() {
		return this.source.version();
	}

	public RuleSource source() {
		return this.source;
	}

	/** Every rule, in file order. */
	public List<RuleDescriptor> rules() {
		return this.rules;
	}

	public Optional<RuleDescriptor> rule(String id) {
		return this.rules.stream().filter(r -> r.id().equals(id)).findFirst();
	}

	/** The documents and clauses the rules cite ({@code basis.yaml}). */
	public BasisCatalogue basis() {
		return this.basis;
	}

	public ParameterFile parameterFile() {
		return this.parameters;
	}

	/** The parameters in force for a period: the version valid on its first day. */
	public Parameters parametersFor(Period period) {
		return this.parameters.inForce(period.start());
	}

	/**
	 * What a fact document of the period must satisfy (checklist items, declared indicators); the
	 * latest parameters when the period is unknown.
	 */
	public ValidationContext validationContext(Period period) {
		Parameters p = (period != null) ? parametersFor(period) : this.parameters.inForce(LocalDate.of(2100, 12, 31));
		return new ValidationContext(p.checklist(), p.indicators().keySet());
	}

	InternalKnowledgeBase knowledgeBase() {
		return this.knowledgeBase;
	}

	RuleInfo ruleInfo(String ruleName) {
		return this.ruleInfoByName.get(ruleName);
	}

	@Override
	public String toString() {
		return "Ruleset[" + version() + ", " + this.rules.size() + " rules]";
	}

}

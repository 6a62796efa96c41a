package org.kaohe.ruleset;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.kaohe.engine.Ruleset;
import org.kaohe.facts.Period;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * The one place that turns a ruleset version named in a request (or none) into a compiled ruleset:
 * every evaluation goes through here. No version named: the version the schedule puts in force for
 * the period (see {@link RulesetSchedule}); a version named: that stored version, whatever the
 * schedule says, compiled once and kept in a small cache.
 */
@Component
public class RulesetVersions {

	private final ActiveRuleset active;

	private final CompiledRulesets compiled;

	private final RulesetStore store;

	RulesetVersions(ActiveRuleset active, CompiledRulesets compiled, RulesetStore store) {
		this.active = active;
		this.compiled = compiled;
		this.store = store;
	}

	/**
	 * The ruleset of a version, or the one in force now.
	 *
	 * @param versionOrNull a {@code sha256:…} version (or a unique prefix of at least 8 hex digits), or
	 * null (or blank) for the one in force
	 * @throws ProblemException (422, {@link ProblemTypes#UNKNOWN_RULESET_VERSION}) when the version is
	 * not stored, or ({@link ProblemTypes#RULESET_NOT_ACTIVATABLE}) when it failed its checks
	 */
	public Ruleset rulesetFor(String versionOrNull) {
		return rulesetFor(null, versionOrNull);
	}

	/**
	 * The ruleset for evaluating a period: the version named, or the one in force for the period.
	 *
	 * @param period the evaluated period, or null for the current ones
	 * @param versionOrNull a version that wins over the schedule, or null
	 */
	public Ruleset rulesetFor(Period period, String versionOrNull) {
		if (versionOrNull == null || versionOrNull.isBlank()) {
			return this.active.forPeriod(period);
		}
		String version = resolve(versionOrNull);
		Ruleset inUse = this.active.inUse(version);
		return (inUse != null) ? inUse : this.compiled.get(version);
	}

	/**
	 * The ruleset for a stored run. A version named must have been put in force at some time: a run
	 * under a version nobody approved would become the period's latest run and feed later periods and
	 * notices; to see what a candidate would decide, simulate it.
	 */
	public Ruleset rulesetForRun(Period period, String versionOrNull) {
		if (versionOrNull != null && !versionOrNull.isBlank()) {
			String version = resolve(versionOrNull);
			if (this.active.inUse(version) == null && !this.store.everActivated(version)) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.RULESET_NOT_ACTIVATABLE,
						"规则集版本从未启用 / Ruleset version never activated", "规则集版本 " + version
								+ " 从未启用，不能用于保存的评估；请用 simulate 预演 / ruleset version " + version
								+ " was never activated and cannot make stored runs; simulate it instead");
			}
		}
		return rulesetFor(period, versionOrNull);
	}

	/** The version the schedule puts in force for a period. */
	public String versionFor(Period period) {
		return this.active.forPeriod(period).version();
	}

	private String resolve(String text) {
		return this.store.resolve(text)
			.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNKNOWN_RULESET_VERSION,
					"未知的规则集版本 / Unknown ruleset version",
					"规则集版本 " + text.trim() + " 不存在（或前缀不唯一）；现行版本为 " + this.active.current().version()
							+ " / ruleset version " + text.trim() + " is not stored (or the prefix is ambiguous); the version in force is "
							+ this.active.current().version()));
	}

}

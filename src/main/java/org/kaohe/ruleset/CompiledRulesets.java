package org.kaohe.ruleset;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.rules.RuleSource;
import org.kaohe.system.KaoheProperties;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * Stored versions compiled: a small cache (least recently used, {@code kaohe.rules.cache-size}) of
 * versions asked for by name — replays of runs made under an older version, simulations, explicit
 * {@code rulesetVersion}s. The versions the schedule uses are held by {@link ActiveRuleset} instead and
 * never evicted.
 *
 * <p>A ruleset is built from the stored bytes and its hash checked against the version name, so what
 * runs is exactly what was checked and approved. Compiled rulesets hold no global resources (the
 * compiler does not register them in Drools' {@code KieRepository}), so dropping the reference is all
 * the release they need.
 */
@Component
class CompiledRulesets {

	private final RulesetStore store;

	private final RuleEngine engine;

	private final Map<String, Ruleset> cache;

	CompiledRulesets(RulesetStore store, RuleEngine engine, KaoheProperties properties) {
		this.store = store;
		this.engine = engine;
		int size = Math.max(1, properties.rules().cacheSize());
		this.cache = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Ruleset> eldest) {
				return size() > size;
			}

		};
	}

	/** A usable stored version, from the cache or compiled now. */
	Ruleset get(String version) {
		synchronized (this.cache) {
			Ruleset cached = this.cache.get(version);
			if (cached != null) {
				return cached;
			}
		}
		Ruleset compiled = compile(version);
		synchronized (this.cache) {
			Ruleset raced = this.cache.putIfAbsent(version, compiled);
			return (raced != null) ? raced : compiled;
		}
	}

	/**
	 * Compiles and warms up a version ahead of need, unless it is cached already: an instance that sees a
	 * new candidate stored compiles it in the background, so when an approver activates it on any
	 * instance, this one follows without a compile.
	 */
	void prepare(String version) {
		synchronized (this.cache) {
			if (this.cache.containsKey(version)) {
				return;
			}
		}
		Ruleset compiled = compile(version);
		WarmUp.run(this.engine, compiled);
		synchronized (this.cache) {
			this.cache.putIfAbsent(version, compiled);
		}
	}

	/** Compiles a stored version from its bytes, always anew (activation), and caches the result. */
	Ruleset compileFresh(String version) {
		Ruleset compiled = compile(version);
		synchronized (this.cache) {
			this.cache.put(version, compiled);
		}
		return compiled;
	}

	/**
	 * Every version a schedule uses, compiled and warmed up: those in {@code reuse} as they are, the others
	 * from the cache or compiled now.
	 */
	Map<String, Ruleset> forSchedule(RulesetSchedule schedule, Map<String, Ruleset> reuse) {
		Map<String, Ruleset> rulesets = new LinkedHashMap<>();
		for (String version : schedule.versionsInUse()) {
			Ruleset r = reuse.get(version);
			if (r == null) {
				r = get(version);
				WarmUp.run(this.engine, r);
			}
			rulesets.put(version, r);
		}
		return rulesets;
	}

	RuleEngine engine() {
		return this.engine;
	}

	/** Puts an already compiled ruleset in the cache (the {@code rules/} folder at start). */
	void offer(Ruleset ruleset) {
		synchronized (this.cache) {
			this.cache.putIfAbsent(ruleset.version(), ruleset);
		}
	}

	private Ruleset compile(String version) {
		StoredVersion stored = this.store.find(version)
			.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNKNOWN_RULESET_VERSION,
					"未知的规则集版本 / Unknown ruleset version", "规则集版本 " + version + " 不存在 / ruleset version " + version
							+ " is not stored"));
		if (!stored.status().usable()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.RULESET_NOT_ACTIVATABLE,
					"规则集版本未通过检查 / Ruleset version failed its checks", "规则集版本 " + version
							+ " 未通过检查，不能用于评估 / ruleset version " + version + " failed its checks and cannot be evaluated with");
		}
		RuleSource source = RuleSource.of(this.store.files(version));
		if (!source.version().equals(version)) {
			throw new IllegalStateException("stored files of " + version + " hash to " + source.version());
		}
		return RuleEngine.compile(source);
	}

}

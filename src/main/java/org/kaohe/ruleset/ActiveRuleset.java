package org.kaohe.ruleset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.kaohe.engine.Ruleset;
import org.kaohe.facts.Period;

/**
 * The rulesets in force on this instance: the schedule (which version applies to which periods) and
 * every version it uses, compiled and warmed up. Swapping is one atomic reference write of a complete
 * snapshot, so a request sees either the old or the new schedule, never a mix; a request that already
 * holds a ruleset finishes with it.
 */
public class ActiveRuleset {

	private final AtomicReference<Snapshot> current;

	private final Clock clock;

	ActiveRuleset(Snapshot initial, Clock clock) {
		this.current = new AtomicReference<>(initial);
		this.clock = clock;
	}

	/**
	 * A schedule with its rulesets compiled.
	 *
	 * @param schedule which version applies to which periods
	 * @param rulesets every version the schedule uses, by version
	 */
	record Snapshot(RulesetSchedule schedule, Map<String, Ruleset> rulesets) {

		Snapshot {
			rulesets = Map.copyOf(rulesets);
			for (String v : schedule.versionsInUse()) {
				if (!rulesets.containsKey(v)) {
					throw new IllegalArgumentException("ruleset " + v + " of the schedule is not compiled");
				}
			}
		}

		Ruleset forDate(LocalDate periodStart) {
			String version = this.schedule.versionFor(periodStart);
			if (version == null) {
				// before every dated activation: the earliest version in force
				version = this.schedule.entries().get(0).version();
			}
			return this.rulesets.get(version);
		}

	}

	/** The ruleset in force now: the one that applies to periods starting today. */
	public Ruleset current() {
		return this.current.get().forDate(LocalDate.now(this.clock));
	}

	/** The ruleset that applies to a period (to the current ones when {@code period} is null). */
	public Ruleset forPeriod(Period period) {
		return (period != null) ? this.current.get().forDate(period.start()) : current();
	}

	/** Which version applies to which periods, as this instance serves it. */
	public RulesetSchedule schedule() {
		return this.current.get().schedule();
	}

	Snapshot snapshot() {
		return this.current.get();
	}

	/** Puts a new snapshot in force and returns the one it replaced. */
	Snapshot install(Snapshot next) {
		return this.current.getAndSet(next);
	}

	/** A compiled version this instance keeps because its schedule uses it, or null. */
	Ruleset inUse(String version) {
		return this.current.get().rulesets().get(version);
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

}

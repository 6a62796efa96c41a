package org.kaohe.ruleset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which ruleset version applies to which periods, read from the activation log: the version in force
 * for a period is that of the most recent activation (not rolled back) whose {@code effectiveFrom} is
 * on or before the period's first day; an activation without {@code effectiveFrom} applies to every
 * period. Immutable.
 *
 * <pre>
 * seq 1  V1                         (start)          → every period: V1
 * seq 2  V2  effectiveFrom 2026-07-01                → 2026-Q2: V1, 2026-Q3: V2
 * seq 3  V3  (no date)                               → every period: V3
 * seq 4  rollback of seq 3                           → 2026-Q2: V1, 2026-Q3: V2 again
 * </pre>
 *
 * @param seq the highest log entry read (instances compare it to notice changes)
 * @param entries the activations in force, oldest first
 */
public record RulesetSchedule(long seq, List<Activation> entries) {

	public RulesetSchedule {
		entries = entries.stream().sorted(Comparator.comparingLong(Activation::seq)).toList();
	}

	/** The schedule the whole log describes. */
	public static RulesetSchedule of(List<Activation> log) {
		long seq = log.stream().mapToLong(Activation::seq).max().orElse(0);
		return new RulesetSchedule(seq, log.stream().filter(Activation::inSchedule).toList());
	}

	/** The version for periods starting on {@code periodStart}, or null when no activation covers it. */
	public String versionFor(LocalDate periodStart) {
		return entryFor(periodStart).map(Activation::version).orElse(null);
	}

	/** The activation that decides the version for periods starting on {@code periodStart}. */
	public Optional<Activation> entryFor(LocalDate periodStart) {
		for (int i = this.entries.size() - 1; i >= 0; i--) {
			Activation a = this.entries.get(i);
			if (a.effectiveFrom() == null || !a.effectiveFrom().isAfter(periodStart)) {
				return Optional.of(a);
			}
		}
		return Optional.empty();
	}

	/**
	 * The activations that still decide some period: an activation is shadowed when later ones
	 * together cover every period it covers.
	 */
	public List<Activation> effective() {
		List<Activation> effective = new ArrayList<>();
		LocalDate coveredFrom = null;
		boolean coveredAll = false;
		for (int i = this.entries.size() - 1; i >= 0 && !coveredAll; i--) {
			Activation a = this.entries.get(i);
			if (coveredFrom == null || a.effectiveFrom() == null || a.effectiveFrom().isBefore(coveredFrom)) {
				effective.add(0, a);
			}
			if (a.effectiveFrom() == null) {
				coveredAll = true;
			}
			else if (coveredFrom == null || a.effectiveFrom().isBefore(coveredFrom)) {
				coveredFrom = a.effectiveFrom();
			}
		}
		return effective;
	}

	/** The versions some period uses: what every instance keeps compiled. */
	public Set<String> versionsInUse() {
		Set<String> versions = new LinkedHashSet<>();
		effective().forEach(a -> versions.add(a.version()));
		return versions;
	}

	/** The latest activation in force (what a rollback undoes), if any. */
	public Optional<Activation> latest() {
		return this.entries.isEmpty() ? Optional.empty() : Optional.of(this.entries.get(this.entries.size() - 1));
	}

	/** The schedule without one activation (a rollback's result). */
	public RulesetSchedule without(long activationSeq) {
		return new RulesetSchedule(this.seq, this.entries.stream().filter(a -> a.seq() != activationSeq).toList());
	}

	/** Whether every period has a version: some activation carries no date. */
	public boolean coversEveryPeriod() {
		return this.entries.stream().anyMatch(a -> a.effectiveFrom() == null);
	}

}

package org.kaohe.engine;

import java.time.Duration;

/**
 * Bounds that stop a runaway ruleset (a rule that keeps re-activating itself or explodes
 * combinatorially) instead of leaving it spinning.
 *
 * @param firingsPerFact firings allowed per fact in a partition before the run is stopped
 * @param minFirings firings always allowed per partition, however small
 * @param timeLimit wall-clock limit for one partition's session
 * @param parallelism threads evaluating partitions at once
 * @param partitioned whether facts are split by territory into small sessions (the default); false puts
 * everything in one session, which gives the same outcomes more slowly (a test oracle and the naive
 * baseline of the benchmarks)
 */
public record EngineLimits(int firingsPerFact, int minFirings, Duration timeLimit, int parallelism,
		boolean partitioned) {

	public EngineLimits(int firingsPerFact, int minFirings, Duration timeLimit, int parallelism) {
		this(firingsPerFact, minFirings, timeLimit, parallelism, true);
	}

	/** 50 firings per fact, at least 100 000 per partition, 60 s per partition, one thread per core. */
	public static EngineLimits defaults() {
		return new EngineLimits(50, 100_000, Duration.ofSeconds(60), Runtime.getRuntime().availableProcessors(), true);
	}

	/** These limits with partitioning switched on or off. */
	public EngineLimits withPartitioning(boolean on) {
		return new EngineLimits(this.firingsPerFact, this.minFirings, this.timeLimit, this.parallelism, on);
	}

	int capFor(int factCount) {
		return (int) Math.min(Integer.MAX_VALUE - 1, Math.max((long) this.minFirings, (long) factCount * this.firingsPerFact));
	}

}

package org.kaohe.cli;

/** Exit codes of the command line (SPEC §8). */
public final class ExitCode {

	public static final int OK = 0;

	/** Scenario failures ({@code test-rules}). */
	public static final int SCENARIO_FAILURES = 1;

	/** Invalid input, invalid rules, or a rule that failed while running. */
	public static final int INVALID = 2;

	private ExitCode() {
	}

}

package org.kaohe.ruleset;

/** What the checks before activation concluded about a stored version. */
public enum VersionStatus {

	/** Every check passed: may be activated. */
	PASSED,

	/** Only scenarios failed: an approver may activate it with {@code force} and a reason. */
	SCENARIO_FAILURES,

	/** It does not compile or breaks a check other than scenarios: kept for the record, never activated. */
	FAILED;

	static VersionStatus of(CheckReport report) {
		if (report.isPassed()) {
			return PASSED;
		}
		return report.isOnlyScenarioFailures() ? SCENARIO_FAILURES : FAILED;
	}

	/** Whether a version in this state can be compiled and evaluated with at all. */
	public boolean usable() {
		return this != FAILED;
	}

}

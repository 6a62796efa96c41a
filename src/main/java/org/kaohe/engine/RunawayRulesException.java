package org.kaohe.engine;

import java.util.Map;

/**
 * An evaluation stopped because rules kept firing past the cap or the time limit; nothing of it may
 * be used or stored.
 */
public class RunawayRulesException extends RuntimeException {

	private final Map<String, Integer> firingsByRule;

	public RunawayRulesException(String message, Map<String, Integer> firingsByRule) {
		super(message);
		this.firingsByRule = Map.copyOf(firingsByRule);
	}

	/** Firings per rule ID in the stopped session, to find the culprit. */
	public Map<String, Integer> getFiringsByRule() {
		return this.firingsByRule;
	}

}

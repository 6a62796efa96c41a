package org.kaohe.api;

/**
 * The in-memory database the ruleset tests share, apart from the one every other test uses: they
 * activate and roll back versions, which must never reach tests that assume the {@code rules/} folder
 * is in force. Test classes naming the same properties share one Spring context (and one start-up).
 */
final class RulesetDatabase {

	static final String URL = "spring.datasource.url=jdbc:h2:mem:kaohe-rulesets;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000";

	private RulesetDatabase() {
	}

}

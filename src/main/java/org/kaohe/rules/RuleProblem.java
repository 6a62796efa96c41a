package org.kaohe.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something wrong in a rule file, located for the person who has to fix it.
 *
 * @param file path under {@code rules/} (e.g. {@code construction-sites.drl})
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when unknown
 * @param code stable machine-readable kind (COMPILE_ERROR, DUPLICATE_ID, UNKNOWN_PARAMETER …)
 * @param message what is wrong, in Chinese and English
 * @param ruleId the rule concerned, if known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleProblem(String file, int line, int column, String code, String message, String ruleId) {

	public RuleProblem(String file, int line, int column, String code, String message) {
		this(file, line, column, code, message, null);
	}

	/** "file:line:column: message", as compilers print it. */
	public String located() {
		return this.file + ":" + this.line + ":" + this.column + ": " + this.message;
	}

	@Override
	public String toString() {
		return located();
	}

}

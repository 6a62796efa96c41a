package org.kaohe.ruleset;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stored ruleset version: who stored it, from where, what the checks concluded.
 *
 * @param version {@code sha256:…} over its rule files
 * @param seq the order versions were stored in
 * @param parentVersion the version it was based on and is diffed against (null for the first)
 * @param origin {@code DIRECTORY} (the {@code rules/} folder at start or when watched) or {@code UPLOAD}
 * @param author who stored it ({@code system} for the folder)
 * @param createdAt when
 * @param comment the author's description of the change
 * @param status what the checks concluded
 * @param ruleCount rules in it (0 when it does not compile)
 * @param fileCount its files, scenarios and notes included
 * @param checkedAt when the checks ran
 * @param expectationsUpdatedBy who last replaced the scenario expectations shipped with it, if anyone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredVersion(String version, long seq, String parentVersion, String origin, String author,
		OffsetDateTime createdAt, String comment, VersionStatus status, int ruleCount, int fileCount,
		OffsetDateTime checkedAt, String expectationsUpdatedBy) {

	/** The folder {@code rules/} picked up at start or by the watch. */
	public static final String DIRECTORY = "DIRECTORY";

	/** {@code POST /api/v1/rulesets}. */
	public static final String UPLOAD = "UPLOAD";

}

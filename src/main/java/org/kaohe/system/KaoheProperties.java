package org.kaohe.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kaohe's own settings ({@code kaohe.*}).
 *
 * @param rules where the rule files are read from at start; relative paths resolve against the working
 * directory. Defaults to {@code rules}.
 * @param engine limits that stop a runaway ruleset
 * @param upload limits and batching of fact uploads
 * @param demo the demo city loaded into an empty database
 */
@ConfigurationProperties("kaohe")
public record KaoheProperties(@DefaultValue Rules rules, @DefaultValue Engine engine, @DefaultValue Upload upload,
		@DefaultValue Demo demo) {

	/**
	 * @param maxRowsPerSheet data rows allowed in one XLSX sheet or CSV file; a larger one is refused.
	 * Defaults to 1000000.
	 * @param batchSize rows written per JDBC batch when storing facts and outcomes. Defaults to 2000.
	 * @param maxColumnsPerSheet columns allowed in one XLSX sheet or CSV file. Defaults to 200.
	 * @param maxInflatedBytes bytes an XLSX workbook may inflate to. Defaults to 2000000000.
	 * @param maxCompressionRatio how many times its compressed size a workbook part may inflate (zip bombs).
	 * Defaults to 100.
	 * @param maxWorkbookParts zip entries an XLSX workbook may have. Defaults to 1000.
	 */
	public record Upload(@DefaultValue("1000000") int maxRowsPerSheet, @DefaultValue("2000") int batchSize,
			@DefaultValue("200") int maxColumnsPerSheet, @DefaultValue("2000000000") long maxInflatedBytes,
			@DefaultValue("100") int maxCompressionRatio, @DefaultValue("1000") int maxWorkbookParts) {
	}

	/**
	 * @param enabled whether an empty database gets the demo city on start: its period documents are
	 * uploaded and evaluated in period order. Defaults to false; {@code application.properties} turns it
	 * on for the default (H2) profile, the {@code postgres} profile turns it off.
	 * @param location directory of the demo documents ({@code *.json}, one period each). Defaults to
	 * {@code fixtures/demo-city}.
	 */
	public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("fixtures/demo-city") Path location) {
	}

	/**
	 * @param location directory of the rule files, picked up at start (and when watched) as a ruleset
	 * version. Defaults to {@code rules}.
	 * @param scenarios directory of the scenario folders every candidate version must pass (a version
	 * may add or override folders under its own {@code scenarios/}). Defaults to
	 * {@code fixtures/scenarios}; a missing directory means no scenarios.
	 * @param watch whether changes to {@code location} are picked up while running (as at start).
	 * Defaults to false.
	 * @param watchDebounce how long the directory must be quiet before a change is picked up, so an
	 * editor saving several files makes one version. Defaults to 2s.
	 * @param pollInterval how often each instance reads the schedule from the database and follows
	 * activations made elsewhere. Defaults to 2s.
	 * @param twoPersonRule whether the person who stored a version is barred from activating it and
	 * activation needs the APPROVER role; a changed {@code rules/} folder then waits for approval
	 * instead of going live at start. Defaults to false; the {@code postgres} profile turns it on.
	 * @param cacheSize compiled versions kept besides those in the schedule (explicit versions,
	 * replays, simulations). Defaults to 4.
	 * @param activationTimeout how long an activation may take to compile and warm up. Defaults to 2m.
	 * @param archive limits on uploaded rule files
	 */
	public record Rules(@DefaultValue("rules") Path location, @DefaultValue("fixtures/scenarios") Path scenarios,
			@DefaultValue("false") boolean watch, @DefaultValue("2s") Duration watchDebounce,
			@DefaultValue("2s") Duration pollInterval, @DefaultValue("false") boolean twoPersonRule,
			@DefaultValue("4") int cacheSize, @DefaultValue("2m") Duration activationTimeout,
			@DefaultValue Archive archive) {
	}

	/**
	 * Limits on an uploaded ruleset (JSON or zip), against mistakes and zip bombs.
	 *
	 * @param maxEntries files (zip entries) allowed. Defaults to 500.
	 * @param maxFileBytes bytes allowed per file, uncompressed. Defaults to 5000000.
	 * @param maxTotalBytes bytes allowed for all files together, uncompressed. Defaults to 20000000.
	 * @param maxCompressionRatio how many times larger than its compressed size an entry may inflate.
	 * Defaults to 100.
	 */
	public record Archive(@DefaultValue("500") int maxEntries, @DefaultValue("5000000") long maxFileBytes,
			@DefaultValue("20000000") long maxTotalBytes, @DefaultValue("100") int maxCompressionRatio) {
	}

	/**
	 * @param firingsPerFact rule firings allowed per fact in a partition before an evaluation is stopped
	 * as runaway. Defaults to 50.
	 * @param minFirings firings always allowed per partition. Defaults to 100000.
	 * @param timeLimit wall-clock limit for one partition. Defaults to 60s.
	 * @param parallelism threads evaluating partitions; 0 means one per core. Defaults to 0.
	 */
	public record Engine(@DefaultValue("50") int firingsPerFact, @DefaultValue("100000") int minFirings,
			@DefaultValue("60s") Duration timeLimit, @DefaultValue("0") int parallelism) {
	}

}

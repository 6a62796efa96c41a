package org.kaohe.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.kaohe.ingest.FactJson;

/**
 * One scenario folder: the period documents (every {@code *.json} but {@code expected.json}) and what
 * the last period must produce.
 *
 * <pre>
 * expected.json:
 * {
 *   "description": "工地一个季度内两次检查不达标……",
 *   "asOf": "2026-09-30",                      // optional
 *   "exact": true,                             // default: the outcomes must be exactly these
 *   "nearMissOf": ["R-SITE-02", "R-CTY-02/PUBLIC_CRITICISM", {"ruleId": "R-CTY-04", "subjectId": "C02"}],
 *                                              // optional: what this case must NOT produce (it is the near-miss of those rules)
 *   "outcomes": [ {"subjectId": "S0001", "ruleId": "R-SITE-01", "kind": "ORDER", "measure": "RECTIFY_ORDER"} ]
 * }
 * </pre>
 *
 * @param name the folder name (the case as a sentence)
 * @param documents the period files, in file-name order
 * @param description what the case shows
 * @param asOf the judging day for the last period, or null
 * @param exact whether any outcome not listed fails the scenario
 * @param nearMissOf what the case must not produce: it is the near-miss of those rules
 * @param expected the expected outcomes
 */
public record Scenario(String name, List<Document> documents, String description, LocalDate asOf, boolean exact,
		List<ExpectedOutcome> nearMissOf, List<ExpectedOutcome> expected) {

	/** The file of a scenario folder that holds the expectations. */
	public static final String EXPECTED = "expected.json";

	/**
	 * One period document of a scenario.
	 *
	 * @param name its file name ({@code 2026-Q3.json})
	 * @param content its bytes
	 */
	public record Document(String name, byte[] content) {
	}

	/** Reads a scenario folder. */
	public static Scenario read(Path dir) {
		Map<String, byte[]> files = new java.util.TreeMap<>();
		try (Stream<Path> list = Files.list(dir)) {
			for (Path p : (Iterable<Path>) list.filter(Files::isRegularFile)::iterator) {
				files.put(p.getFileName().toString(), Files.readAllBytes(p));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read scenario " + dir + ": " + ex.getMessage(), ex);
		}
		return read(dir.getFileName().toString(), files);
	}

	/**
	 * Reads a scenario from its files by name (a folder shipped with a ruleset version).
	 *
	 * @throws IllegalArgumentException when {@code expected.json} is missing or unreadable
	 */
	public static Scenario read(String name, Map<String, byte[]> files) {
		byte[] expectedJson = files.get(EXPECTED);
		if (expectedJson == null) {
			throw new IllegalArgumentException("scenario " + name + " has no " + EXPECTED);
		}
		JsonNode e;
		try {
			e = FactJson.mapper().readTree(expectedJson);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("scenario " + name + ": " + EXPECTED + " is not valid JSON: " + ex.getMessage(), ex);
		}
		List<Document> documents = new ArrayList<>();
		new java.util.TreeMap<>(files).forEach((file, content) -> {
			if (file.endsWith(".json") && !file.equals(EXPECTED)) {
				documents.add(new Document(file, content));
			}
		});
		List<ExpectedOutcome> expected = new ArrayList<>();
		for (JsonNode o : e.path("outcomes")) {
			expected.add(ExpectedOutcome.read(o));
		}
		List<ExpectedOutcome> nearMiss = new ArrayList<>();
		e.path("nearMissOf").forEach(n -> nearMiss.add(ExpectedOutcome.read(n)));
		return new Scenario(name, List.copyOf(documents), e.path("description").asText(""),
				e.hasNonNull("asOf") ? LocalDate.parse(e.get("asOf").asText()) : null, e.path("exact").asBoolean(true),
				List.copyOf(nearMiss), List.copyOf(expected));
	}

}

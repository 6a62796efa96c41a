package org.kaohe.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kaohe.ingest.FactJson;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as the OA system's scripts use it: output, formats and exit codes. */
class KaoheCliTests {

	private static final Path SCENARIOS = Path.of("fixtures", "scenarios");

	private static final Path SITE_CASE = SCENARIOS.resolve("site-failing-three-items-gets-maximum-fine-and-blacklist");

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new KaoheCli(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8)).run(args);
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void evaluateAsJsonMatchesTheOutcomeContract() throws IOException {
		int code = run("evaluate", SITE_CASE.resolve("2026-Q3.json").toString(), "--format", "json");

		assertThat(code).isZero();
		JsonNode report = FactJson.mapper().readTree(out());
		assertThat(report.get("period").asText()).isEqualTo("2026-Q3");
		assertThat(report.get("rulesetVersion").asText()).startsWith("sha256:");
		JsonNode outcome = report.get("outcomes").get(0);
		assertThat(outcome.fieldNames()).toIterable().contains("id", "runId", "period", "subject", "kind", "measure",
				"measureLabel", "severity", "amountYuan", "ruleId", "ruleName", "reason", "basis", "evidence", "rulesetVersion");
		assertThat(outcome.get("runId").isNull()).isTrue();
		assertThat(outcome.get("subject").fieldNames()).toIterable().containsExactly("id", "type", "name");
		JsonNode max = findOutcome(report, "R-SITE-08", "FINE_REFERRAL_MAX");
		assertThat(max.get("amountYuan").asLong()).isEqualTo(100000);
		assertThat(max.get("kind").asText()).isEqualTo("FINE");
		assertThat(max.get("evidence").get(0).get("table").asText()).isEqualTo("inspections");
	}

	@Test
	void evaluateAsTableIsAChineseReportGroupedByKind() {
		int code = run("evaluate", SITE_CASE.resolve("2026-Q3.json").toString());

		assertThat(code).isZero();
		assertThat(out()).contains("考核结果 2026年第3季度", "【扣款与罚款】FINE", "【整改与处置】ORDER", "规则：R-SITE-08", "理由：", "依据：",
				"证据：");
	}

	@Test
	void earlierFilesAreHistory() {
		Path dir = SCENARIOS.resolve("site-fails-its-third-inspection-within-a-year-and-stops-90-days");

		int code = run("evaluate", dir.resolve("2025-Q4.json").toString(), dir.resolve("2026-Q1.json").toString(),
				dir.resolve("2026-Q2.json").toString(), dir.resolve("2026-Q3.json").toString(), "--format", "json");

		assertThat(code).isZero();
		assertThat(out()).contains("\"durationDays\" : 90");
	}

	@Test
	void anInvalidDocumentExitsTwoListingEveryProblem(@TempDir Path tmp) throws IOException {
		Path bad = tmp.resolve("bad.json");
		Files.writeString(bad, Files.readString(SITE_CASE.resolve("2026-Q3.json"))
			.replace("\"schemaVersion\": 1", "\"schemaVersion\": 1, \"colour\": \"red\"")
			.replace("\"parentId\": \"C01\"", "\"parentId\": \"C99\""));

		int code = run("evaluate", bad.toString());

		assertThat(code).isEqualTo(2);
		assertThat(out()).isEmpty();
		assertThat(err()).contains("UNKNOWN", "colour", "C99");
	}

	@Test
	void brokenRulesExitTwoWithFileAndLine(@TempDir Path rules) throws IOException {
		try (var files = Files.list(Path.of("rules"))) {
			for (Path p : (Iterable<Path>) files::iterator) {
				Files.copy(p, rules.resolve(p.getFileName()));
			}
		}
		Files.writeString(rules.resolve("broken.drl"), "package kaohe\n\nrule \"坏规则\"\nwhen\n  County(\nthen\nend\n");

		int code = run("evaluate", SITE_CASE.resolve("2026-Q3.json").toString(), "--rules", rules.toString());

		assertThat(code).isEqualTo(2);
		assertThat(err()).contains("broken.drl:");
	}

	@Test
	void testRulesPassesOnTheRealScenariosAndFailsWithExitOne(@TempDir Path failing) throws IOException {
		assertThat(run("test-rules")).isZero();
		assertThat(out()).contains("通过 PASS", "失败 0");

		Path copy = failing.resolve("wrong-expectation");
		Files.createDirectories(copy);
		Files.copy(SITE_CASE.resolve("2026-Q3.json"), copy.resolve("2026-Q3.json"));
		Files.writeString(copy.resolve("expected.json"), "{\"outcomes\": []}");
		this.out.reset();

		assertThat(run("test-rules", "--scenarios", failing.toString())).isEqualTo(1);
		assertThat(out()).contains("失败 FAIL", "wrong-expectation", "出现意外结论");
	}

	@Test
	void unknownOptionsAndMissingFilesExitTwo() {
		assertThat(run("evaluate")).isEqualTo(2);
		assertThat(run("evaluate", "x.json", "--bogus")).isEqualTo(2);
		assertThat(run("evaluate", "does-not-exist.json")).isEqualTo(2);
		assertThat(err()).contains("does-not-exist.json");
	}

	private static JsonNode findOutcome(JsonNode report, String ruleId, String measure) {
		for (JsonNode o : report.get("outcomes")) {
			if (o.get("ruleId").asText().equals(ruleId) && o.get("measure").asText().equals(measure)) {
				return o;
			}
		}
		throw new AssertionError(ruleId + " " + measure + " not found");
	}

}

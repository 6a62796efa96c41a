package org.kaohe.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.kaohe.CityFixture;
import org.kaohe.SpreadsheetFixture;
import org.kaohe.SpreadsheetFixture.Headers;
import org.kaohe.ingest.TextDecoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The office's main flow through REST alone, shared by the H2 and the PostgreSQL tests: four
 * quarters uploaded four ways (JSON, XLSX, GB18030 CSV from Chinese Excel, UTF-8 CSV), then the fourth
 * evaluated, which needs the first three for its consecutive and cumulative ranking outcomes.
 */
final class FourQuarters {

	private FourQuarters() {
	}

	/** Uploads 2025-Q4 … 2026-Q3, each in a different form, and returns the receipts. */
	static List<JsonNode> upload(KaoheApi api) {
		List<JsonNode> receipts = new ArrayList<>();
		receipts.add(created(api.uploadJson(CityFixture.quarter("2025-Q4"), null), "JSON"));
		receipts.add(created(api.uploadFiles(
				Map.of("2026-Q1.xlsx", SpreadsheetFixture.xlsx(CityFixture.quarter("2026-Q1"), Headers.TEMPLATE)), "2026-Q1",
				null), "XLSX"));
		receipts.add(created(api.uploadFiles(
				SpreadsheetFixture.csv(CityFixture.quarter("2026-Q2"), Headers.CHINESE, TextDecoding.GB18030, true, false),
				"2026-Q2", null), "CSV"));
		receipts.add(created(api.uploadFiles(
				SpreadsheetFixture.csv(CityFixture.quarter("2026-Q3"), Headers.ENGLISH, StandardCharsets.UTF_8, false, false),
				"2026-Q3", null), "CSV"));
		assertThat(receipts.get(2).get("source").asText()).contains("GB18030");
		return receipts;
	}

	private static JsonNode created(KaoheApi.Response r, String format) {
		assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
		assertThat(r.body().get("format").asText()).isEqualTo(format);
		assertThat(r.body().get("revision").asInt()).isEqualTo(1);
		assertThat(r.body().at("/counts/subjects").asInt()).isEqualTo(10);
		assertThat(r.body().at("/counts/measurements").asInt()).isGreaterThanOrEqualTo(18);
		return r.body();
	}

	/** Evaluates 2026-Q3 and checks the outcomes that need the earlier quarters; returns the response. */
	static JsonNode evaluateThirdQuarter(KaoheApi api) {
		KaoheApi.Response r = api.evaluate("2026-Q3", null);
		assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
		JsonNode run = r.body();
		assertThat(run.get("period").asText()).isEqualTo("2026-Q3");
		assertThat(run.get("rulesetVersion").asText()).startsWith("sha256:");
		assertThat(run.get("factsHash").asText()).startsWith("sha256:");
		assertThat(run.get("asOf").asText()).isEqualTo("2026-09-30");
		assertThat(run.get("history")).extracting(h -> h.get("period").asText())
			.containsExactly("2025-Q4", "2026-Q1", "2026-Q2");
		checkHistoryRules(run.get("outcomes"));
		String runId = run.get("runId").asText();
		Set<String> ids = new HashSet<>();
		for (JsonNode o : run.get("outcomes")) {
			assertThat(o.get("runId").asText()).isEqualTo(runId);
			assertThat(ids.add(o.get("id").asText())).as("unique id %s", o.get("id")).isTrue();
		}
		return run;
	}

	/**
	 * 河西区: bottom three in 2026-W26 and 2026-W27, consecutive across the quarter boundary; 城南区:
	 * bottom three for the second time in 2026 (February, August), the December before not counted.
	 */
	static void checkHistoryRules(JsonNode outcomes) {
		JsonNode consecutive = only(outcomes, "R-CTY-02", "C02", "PUBLIC_CRITICISM");
		assertThat(periods(consecutive)).contains("2026-W26", "2026-W27");
		JsonNode cumulative = only(outcomes, "R-CTY-03", "C03", "PUBLIC_INTERVIEW");
		assertThat(cumulative.get("targetRole").asText()).isEqualTo("GOV_HEAD");
		assertThat(cumulative.get("kind").asText()).isEqualTo("INTERVIEW");
		assertThat(periods(cumulative)).contains("2026-02", "2026-08");
		assertThat(cumulative.get("reason").asText()).contains("城南区", "2026-02", "2026-08", "第2次").doesNotContain("2025-12");
	}

	/**
	 * A workbook for 2026-Q4 with bad rows in four sheets: every problem is listed at its sheet, row and
	 * column, and not one row is stored.
	 */
	static void rejectedUploadListsEveryProblemAndChangesNothing(KaoheApi api, JdbcClient jdbc) {
		Map<String, Long> before = StoredTables.counts(jdbc);
		ObjectNode q4 = CityFixture.quarter("2026-Q3");
		q4.put("period", "2026-Q4");
		byte[] workbook;
		try (XSSFWorkbook wb = new XSSFWorkbook(
				new ByteArrayInputStream(SpreadsheetFixture.xlsx(q4, Headers.TEMPLATE)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			wb.getSheet("subjects").getRow(2).createCell(1).setCellValue("VILLAGE");
			wb.getSheet("tasks").getRow(1).createCell(5).setCellValue("30");
			wb.getSheet("issues").getRow(1).createCell(5).setCellValue("2026-13-01");
			wb.getSheet("inspections").getRow(1).createCell(1).setCellValue("S9999");
			wb.write(out);
			workbook = out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}

		KaoheApi.Response r = api.uploadFiles(Map.of("2026-Q4.xlsx", workbook), "2026-Q4", "rejected-1");

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/invalid-facts");
		assertThat(r.body().get("errors")).extracting(e -> e.get("source").asText(), e -> e.get("row").asInt(),
				e -> e.get("column").asText(), e -> e.get("code").asText())
			.contains(tuple("subjects", 3, "type (B)", "UNKNOWN_VALUE"), tuple("tasks", 2, "done (F)", "DONE_EXCEEDS_PLANNED"),
					tuple("issues", 2, "foundOn (F)", "MALFORMED_DATE"),
					tuple("inspections", 2, "siteId (B)", "UNKNOWN_SUBJECT"));
		assertThat(StoredTables.counts(jdbc)).isEqualTo(before);
	}

	static JsonNode only(JsonNode outcomes, String ruleId, String subjectId, String measure) {
		List<JsonNode> found = StreamSupport.stream(outcomes.spliterator(), false)
			.filter(o -> o.get("ruleId").asText().equals(ruleId) && o.at("/subject/id").asText().equals(subjectId)
					&& o.get("measure").asText().equals(measure))
			.toList();
		assertThat(found).as("%s %s %s in %s", ruleId, subjectId, measure, summary(outcomes)).hasSize(1);
		return found.get(0);
	}

	static List<String> periods(JsonNode outcome) {
		List<String> periods = new ArrayList<>();
		outcome.get("evidence").forEach(e -> {
			if (e.has("period")) {
				periods.add(e.get("period").asText());
			}
		});
		return periods;
	}

	static List<String> summary(JsonNode outcomes) {
		List<String> s = new ArrayList<>();
		outcomes.forEach(o -> s.add(o.get("ruleId").asText() + " " + o.at("/subject/id").asText() + " " + o.get("measure").asText()));
		return s;
	}

}

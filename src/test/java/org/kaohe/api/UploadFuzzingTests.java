package org.kaohe.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.kaohe.CityFixture;
import org.kaohe.KaoheApplication;
import org.kaohe.SpreadsheetFixture;
import org.kaohe.fuzz.ByteMutation;
import org.kaohe.fuzz.CsvMutation;
import org.kaohe.fuzz.JsonMutation;
import org.kaohe.fuzz.XlsxMutation;
import org.kaohe.ingest.FactJson;
import org.kaohe.system.Role;
import org.kaohe.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of {@code POST /api/v1/facts} with jqwik: the city's real quarters as a JSON
 * document, as CSV files and as an XLSX workbook, changed by one to four generated mutations (fields
 * dropped, duplicated or given wrong types, huge numbers, bad dates, garbage text, broken encodings,
 * truncated or damaged zips …) and sent over HTTP to the service (an embedded server on a database of
 * its own). Whatever comes in, the answer is never a 5xx: either 201 with exactly one more stored
 * upload, or a 4xx {@code application/problem+json} with {@code errors[]}, no stack trace, and nothing
 * stored. Tries are bounded so the three properties take well under a minute; a failure is shrunk to
 * a small input and its seed replayed first on the next run.
 */
class UploadFuzzingTests {

	private static final List<String> QUARTERS = CityFixture.QUARTERS;

	private static final AtomicInteger ACCEPTED = new AtomicInteger();

	private static final AtomicInteger REFUSED = new AtomicInteger();

	private static ConfigurableApplicationContext app;

	private static KaoheHttp http;

	private static JdbcClient jdbc;

	@BeforeContainer
	static void start() {
		app = new SpringApplicationBuilder(KaoheApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:kaohe-fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
						+ "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000",
				"--kaohe.rules.scenarios=target/no-scenarios", "--logging.level.org.kaohe=ERROR");
		http = new KaoheHttp("http://localhost:" + ((ServletWebServerApplicationContext) app).getWebServer().getPort())
			.token(TestTokens.token(app, "fuzz-uploader", Role.UPLOADER, Role.VIEWER));
		jdbc = app.getBean(JdbcClient.class);
	}

	@AfterContainer
	static void stop() {
		System.out.printf("upload fuzzing: %d accepted, %d refused with a problem%n", ACCEPTED.get(), REFUSED.get());
		if (app != null) {
			app.close();
		}
	}

	@Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
	void mutatedJsonDocumentsAreStoredOrRefusedWithAProblem(@ForAll("quarter") String quarter,
			@ForAll("jsonMutations") List<JsonMutation> mutations, @ForAll("byteMutations") ByteMutation bytes) {
		ObjectNode document = CityFixture.quarter(quarter);
		mutations.forEach(m -> m.applyTo(document));
		byte[] body = bytes.applyTo(FactJson.mapper().valueToTree(document).toString().getBytes(StandardCharsets.UTF_8));

		Map<String, Long> before = StoredTables.counts(jdbc);
		KaoheHttp.Response r = http.postJson("/api/v1/facts", body, UUID.randomUUID().toString());

		assertStoredOrRefused(r, before);
	}

	@Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
	void mutatedCsvFilesAreStoredOrRefusedWithAProblem(@ForAll("quarter") String quarter, @ForAll("charsets") Charset charset,
			@ForAll boolean chineseExcel, @ForAll boolean bom, @ForAll("csvMutations") List<CsvMutation> mutations,
			@ForAll("byteMutations") ByteMutation bytes, @ForAll("periodFields") String period) {
		Map<String, byte[]> files = SpreadsheetFixture.csv(CityFixture.quarter(quarter), SpreadsheetFixture.Headers.TEMPLATE, charset,
				chineseExcel, bom && charset.equals(StandardCharsets.UTF_8));
		for (CsvMutation m : mutations) {
			files = m.applyTo(files, charset);
		}
		if (!files.isEmpty()) {
			String first = files.keySet().iterator().next();
			files.put(first, bytes.applyTo(files.get(first)));
		}

		Map<String, Long> before = StoredTables.counts(jdbc);
		KaoheHttp.Response r = http.postFiles("/api/v1/facts", files, fields(period.isEmpty() ? null : period), null);

		assertStoredOrRefused(r, before);
	}

	@Property(tries = 80, shrinking = ShrinkingMode.BOUNDED)
	void mutatedXlsxWorkbooksAreStoredOrRefusedWithAProblem(@ForAll("quarter") String quarter,
			@ForAll("xlsxMutations") List<XlsxMutation> mutations, @ForAll("byteMutations") ByteMutation bytes, @ForAll("workbookNames") String name) {
		byte[] xlsx = SpreadsheetFixture.xlsx(CityFixture.quarter(quarter), SpreadsheetFixture.Headers.TEMPLATE);
		for (XlsxMutation m : mutations) {
			xlsx = m.applyTo(xlsx);
		}
		xlsx = bytes.applyTo(xlsx);

		Map<String, Long> before = StoredTables.counts(jdbc);
		KaoheHttp.Response r = http.postFiles("/api/v1/facts", Map.of(name, xlsx), fields(quarter), null);

		assertStoredOrRefused(r, before);
	}

	// what longer runs found (1,500 JSON, 800 CSV, 400 XLSX tries), kept as examples so they never return

	@Example
	void anEmptyJsonBodyIsAnEmptyDocument() {
		Map<String, Long> before = StoredTables.counts(jdbc);
		KaoheHttp.Response r = http.postJson("/api/v1/facts", new byte[0], null);

		assertStoredOrRefused(r, before);
		assertThat(r.json().at("/errors/0/code").asText()).isEqualTo("EMPTY_DOCUMENT");
	}

	@Example
	void anIdLongerThanItsColumnIsAProblemNotAFailedInsert() {
		ObjectNode q3 = CityFixture.quarter("2026-Q3");
		((ObjectNode) q3.get("subjects").get(0)).put("id", "C".repeat(70_000));
		Map<String, Long> before = StoredTables.counts(jdbc);
		KaoheHttp.Response r = http.postJson("/api/v1/facts", q3.toString().getBytes(StandardCharsets.UTF_8), null);

		assertStoredOrRefused(r, before);
		assertThat(r.json().get("errors").findValuesAsText("code")).contains("TOO_LONG");
	}

	@Example
	void aWorkbookWithoutItsSharedStringsIsUnreadableNotAnInternalError() {
		byte[] xlsx = SpreadsheetFixture.xlsx(CityFixture.quarter("2025-Q4"), SpreadsheetFixture.Headers.TEMPLATE);
		byte[] damaged = new XlsxMutation(XlsxMutation.Op.DROP_ZIP_PART, 4, 0, 0, "", 0).applyTo(xlsx);
		Map<String, Long> before = StoredTables.counts(jdbc);
		KaoheHttp.Response r = http.postFiles("/api/v1/facts", Map.of("2025-Q4.xlsx", damaged), fields("2025-Q4"), null);

		assertStoredOrRefused(r, before);
		assertThat(r.json().get("errors").findValuesAsText("code")).contains("UNREADABLE_WORKBOOK");
	}

	/** The contract: 201 and exactly one more upload, or a 4xx problem with errors and nothing stored. */
	private static void assertStoredOrRefused(KaoheHttp.Response r, Map<String, Long> before) {
		assertThat(r.status()).as("never a server error: %s", r.text()).isLessThan(500);
		Map<String, Long> after = StoredTables.counts(jdbc);
		if (r.status() == 201) {
			ACCEPTED.incrementAndGet();
			JsonNode receipt = r.json();
			assertThat(after.get("fact_batch")).isEqualTo(before.get("fact_batch") + 1);
			assertThat(after.get("fact_row")).isEqualTo(before.get("fact_row") + receipt.get("rowCount").asLong());
			return;
		}
		REFUSED.incrementAndGet();
		assertThat(r.status()).as(r.text()).isBetween(400, 499);
		assertThat(r.isProblem()).as("problem+json: %s %s", r.contentType(), r.text()).isTrue();
		JsonNode problem = r.json();
		assertThat(problem.get("type").asText()).isNotBlank();
		assertThat(problem.get("title").asText()).contains(" / ");
		assertThat(problem.get("errors").isArray()).as(r.text()).isTrue();
		assertThat(r.text()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("org.kaohe.");
		assertThat(after).as("a refused upload stores nothing").isEqualTo(before);
	}

	private static Map<String, String> fields(String period) {
		return (period == null) ? Map.of("submittedBy", "市攻坚办") : Map.of("period", period, "submittedBy", "市攻坚办");
	}

	@Provide
	Arbitrary<String> quarter() {
		return Arbitraries.of(QUARTERS);
	}

	@Provide
	Arbitrary<List<JsonMutation>> jsonMutations() {
		return JsonMutation.any().list().ofMinSize(1).ofMaxSize(4);
	}

	@Provide
	Arbitrary<List<CsvMutation>> csvMutations() {
		return CsvMutation.any().list().ofMinSize(1).ofMaxSize(4);
	}

	@Provide
	Arbitrary<List<XlsxMutation>> xlsxMutations() {
		return XlsxMutation.any().list().ofMinSize(1).ofMaxSize(3);
	}

	@Provide
	Arbitrary<ByteMutation> byteMutations() {
		return ByteMutation.any();
	}

	@Provide
	Arbitrary<Charset> charsets() {
		return Arbitraries.of(StandardCharsets.UTF_8, Charset.forName("GB18030"), StandardCharsets.UTF_16LE);
	}

	@Provide
	Arbitrary<String> periodFields() {
		return Arbitraries.oneOf(Arbitraries.of(QUARTERS), Arbitraries.of("", "2026-Q9", "2026-13", "garbage", "2026-W60", "2026"));
	}

	@Provide
	Arbitrary<String> workbookNames() {
		return Arbitraries.of("2026-Q3.xlsx", "upload.xlsm", "old.xls", "data.csv", "noextension", "季度数据.XLSX");
	}

}

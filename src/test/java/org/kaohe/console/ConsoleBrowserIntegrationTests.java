package org.kaohe.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import org.kaohe.SpreadsheetFixture;
import org.kaohe.SpreadsheetFixture.Headers;
import org.kaohe.ingest.FactJson;
import org.kaohe.system.Role;
import org.kaohe.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real headless Chromium at 1366×768, the way the supervision office uses it:
 * upload a quarter's workbook with one bad row, read the located problem, upload the fixed workbook,
 * evaluate, filter the outcomes and open one, read the rankings and their chart, open a unit. Every
 * page is saved as a screenshot under {@code target/screenshots/}, and any browser console error or
 * failed request fails the test.
 *
 * <p>The three earlier quarters of the demo city are uploaded and evaluated through the REST API first
 * (the OA system's way), so the quarter uploaded in the browser has its history.
 */
@ExtendWith(Browser.Required.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// a database of its own: other test classes clear theirs while the server is still up
		"spring.datasource.url=jdbc:h2:mem:kaohe-console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
				+ "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000" })
class ConsoleBrowserIntegrationTests {

	private static final Path DEMO = Path.of("fixtures/demo-city");

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	/** Who signs in to the console: the supervision office, which uploads and reads. */
	private static final String OFFICE = "督查办小王";

	private static final String PASSWORD = "console-password-1";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	RestClient rest;

	Browser browser;

	Path work;

	@BeforeEach
	void start() throws IOException {
		// the OA system's part of the walk: a system account with a bearer token, as an administrator issues it
		this.rest = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(this.context, "OA系统", Role.UPLOADER, Role.VIEWER))
			.build();
		TestTokens.person(this.context, OFFICE, PASSWORD, Role.UPLOADER, Role.VIEWER);
		this.work = Files.createTempDirectory("kaohe-console-");
		this.browser = Browser.start("http://localhost:" + this.port, SCREENSHOTS);
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theOfficeUploadsEvaluatesAndReviewsAQuarterInTheBrowser() throws Exception {
		long started = System.nanoTime();
		signIn();
		nothingStoredYet();
		for (String quarter : List.of("2025-Q4", "2026-Q1", "2026-Q2")) {
			this.rest.post().uri("/api/v1/facts").contentType(MediaType.APPLICATION_JSON)
				.body(Files.readAllBytes(DEMO.resolve(quarter + ".json"))).retrieve().toBodilessEntity();
			this.rest.post().uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
				.body("{\"period\": \"" + quarter + "\"}").retrieve().toBodilessEntity();
		}
		ObjectNode q3 = (ObjectNode) FactJson.mapper().readTree(DEMO.resolve("2026-Q3.json").toFile());
		Path fixed = this.work.resolve("2026-Q3.xlsx");
		Files.write(fixed, SpreadsheetFixture.xlsx(q3, Headers.TEMPLATE));
		ObjectNode broken = q3.deepCopy();
		ObjectNode task = (ObjectNode) broken.get("tasks").get(2);
		task.put("done", task.get("planned").asDouble() + 5);
		Path bad = this.work.resolve("2026-Q3-draft.xlsx");
		Files.write(bad, SpreadsheetFixture.xlsx(broken, Headers.TEMPLATE));

		overview();
		downloadTemplate();
		uploadWithOneBadRow(bad);
		uploadFixed(fixed);
		String runId = evaluate();
		filterAndOpenAnOutcome(runId);
		String unit = rankings();
		unit(unit);
		placeholdersAndLogin();
		System.out.printf("console browser walk: %d ms, screenshots in %s%n",
				Duration.ofNanos(System.nanoTime() - started).toMillis(), SCREENSHOTS.toAbsolutePath());
	}

	/** The login page: a wrong password is refused, the right one leads to the overview. */
	private void signIn() {
		this.browser.open("/login.html");
		this.browser.waitFor("#login-form");
		this.browser.find("#username").sendKeys(OFFICE);
		this.browser.find("#password").sendKeys("not-the-password");
		this.browser.find("#login").click();
		assertThat(this.browser.waitFor("#login-result .message.error").getText()).contains("用户名或密码错误");
		this.browser.checkConsole("wrong password", Pattern.compile("/api/v1/auth/login .*status of 401"));
		this.browser.find("#password").clear();
		this.browser.find("#password").sendKeys(PASSWORD);
		this.browser.find("#login").click();
		this.browser.waitUntil(d -> d.getCurrentUrl().equals("http://localhost:" + this.port + "/"));
		assertThat(this.browser.<String>script("return JSON.parse(sessionStorage.getItem('kaohe.session')).token")).startsWith("kh_");
		this.browser.checkConsole("sign in");
	}

	/** A new installation (the postgres profile starts empty): every page says so, without an error. */
	private void nothingStoredYet() {
		this.browser.open("/");
		assertThat(this.browser.waitFor("#periods p").getText()).contains("尚未上传任何数据");
		this.browser.screenshot("00-empty");
		this.browser.open("/results.html");
		this.browser.waitUntil(d -> this.browser.find("#runs").getText().contains("尚无评估记录"));
		this.browser.open("/rankings.html");
		assertThat(this.browser.waitFor("#no-rankings").getText()).contains("尚无排名数据");
		this.browser.open("/units.html");
		this.browser.waitUntil(d -> this.browser.find("#unit-list").getText().contains("尚未上传任何数据"));
		this.browser.open("/upload.html");
		assertThat(this.browser.waitFor("#recent p").getText()).contains("尚无上传记录");
		this.browser.checkConsole("nothing stored yet");
	}

	private void overview() {
		this.browser.open("/");
		this.browser.waitFor("#periods table");
		assertThat(this.browser.findAll("#periods tr[data-period]")).extracting(e -> e.getAttribute("data-period"))
			.containsExactly("2026-Q2", "2026-Q1", "2025-Q4");
		assertThat(this.browser.find(".topbar nav").getText()).contains("数据上报", "评估结果", "排名趋势", "单位", "规则", "申诉",
				"通报", "即将上线");
		this.browser.screenshot("01-overview");
		this.browser.checkConsole("overview");
	}

	/** The template link downloads the workbook through the API client (so it will carry the login token). */
	private void downloadTemplate() throws Exception {
		this.browser.find(".topbar nav a[data-page=upload]").click();
		this.browser.waitFor("#csv-templates a[data-table=tasks]");
		this.browser.find("#template-workbook").click();
		Path workbook = this.browser.downloads().resolve("kaohe-template.xlsx");
		this.browser.waitUntil(d -> Files.isRegularFile(workbook) && sizeOf(workbook) > 0);
		byte[] head = Arrays.copyOf(Files.readAllBytes(workbook), 2);
		assertThat(new String(head, java.nio.charset.StandardCharsets.ISO_8859_1)).as("an XLSX is a zip").isEqualTo("PK");
		this.browser.screenshot("02-upload");
		this.browser.checkConsole("upload page and template download");
	}

	private static long sizeOf(Path p) {
		try {
			return Files.size(p);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Dropped on the drop zone (a real drop event carrying the file), refused with the problem located. */
	private void uploadWithOneBadRow(Path bad) {
		this.browser.script("""
				const input = document.createElement('input');
				input.type = 'file';
				input.id = 'test-drop-source';
				document.body.append(input);""");
		this.browser.find("#test-drop-source").sendKeys(bad.toAbsolutePath().toString());
		this.browser.script("""
				const input = document.getElementById('test-drop-source');
				const data = new DataTransfer();
				for (const f of input.files) { data.items.add(f); }
				const zone = document.getElementById('drop');
				zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
				zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
				input.remove();""");
		this.browser.waitUntil(d -> this.browser.find("#chosen").getText().contains("2026-Q3-draft.xlsx"));
		assertThat(this.browser.find("#period").getAttribute("value")).as("period read from the file name").isEqualTo("2026-Q3");
		this.browser.find("#submitted-by").sendKeys("市攻坚办");
		this.browser.find("#upload").click();

		WebElement problems = this.browser.waitFor("#problems");
		assertThat(problems.getText()).contains("共 1 个问题", "未保存任何数据", "工作表 / 文件：tasks");
		List<WebElement> rows = problems.findElements(By.cssSelector("tr.problem"));
		assertThat(rows).hasSize(1);
		List<String> cells = rows.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(cells.get(0)).isEqualTo("第4行");
		assertThat(cells.get(1)).isEqualTo("done (F)");
		assertThat(cells.get(2)).isEqualTo("done");
		assertThat(cells.get(3)).contains("完成量");
		assertThat(cells.get(4)).isEqualTo("DONE_EXCEEDS_PLANNED");
		this.browser.screenshot("03-upload-problems");
		this.browser.checkConsole("upload with one bad row", Pattern.compile("/api/v1/facts .*status of 400"));
		assertThat(this.rest.get().uri("/api/v1/facts?period=2026-Q3").retrieve().body(JsonNode.class).get("total").asInt())
			.as("nothing stored").isZero();
	}

	private void uploadFixed(Path fixed) {
		this.browser.find("#files").sendKeys(fixed.toAbsolutePath().toString());
		this.browser.waitUntil(d -> this.browser.find("#chosen").getText().contains("2026-Q3.xlsx"));
		this.browser.find("#upload").click();
		WebElement receipt = this.browser.waitFor("#receipt");
		assertThat(receipt.getText()).contains("上传成功", "2026-Q3", "第1版已保存");
		JsonNode stored = this.rest.get().uri("/api/v1/facts?period=2026-Q3").retrieve().body(JsonNode.class).get("content").get(0);
		assertThat(this.browser.find("#receipt-batch").getText()).isEqualTo(stored.get("batchId").asText());
		assertThat(stored.get("format").asText()).isEqualTo("XLSX");
		assertThat(stored.get("uploadedBy").asText()).isEqualTo("市攻坚办");
		assertThat(this.browser.find("#receipt-counts").getText()).contains("考核主体（subjects） 648", "工地检查（inspections） 388",
				"台账任务（tasks） 28");
		this.browser.screenshot("04-upload-receipt");
		this.browser.checkConsole("upload the fixed workbook");
	}

	private String evaluate() {
		this.browser.find("#receipt a.button").click();
		this.browser.waitFor("#evaluate-period");
		assertThat(new Select(this.browser.find("#evaluate-period")).getFirstSelectedOption().getText()).startsWith("2026-Q3")
			.contains("未评估");
		this.browser.find("#evaluate").click();
		WebElement done = this.browser.waitFor("#evaluated");
		JsonNode run = this.rest.get().uri("/api/v1/evaluations?period=2026-Q3").retrieve().body(JsonNode.class).get("content").get(0);
		assertThat(done.getText()).contains("2026年第3季度第1次评估", run.get("outcomeCount").asText() + " 条处理结果");
		String runId = run.get("runId").asText();
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("run=" + runId));
		this.browser.waitFor("#outcome-table");
		JsonNode summary = this.rest.get().uri("/api/v1/evaluations/{run}/summary", runId).retrieve().body(JsonNode.class);
		for (JsonNode k : summary.get("byKind")) {
			assertThat(this.browser.find(".kind-card[data-kind=" + k.get("kind").asText() + "] .count").getText())
				.isEqualTo(k.get("count").asText());
		}
		long deduction = summary.at("/byKind/2/deductionYuan").asLong();
		assertThat(deduction).isPositive();
		assertThat(this.browser.find(".kind-card[data-kind=FINE] .money").getText()).contains("扣款 " + wan(deduction));
		this.browser.screenshot("05-results");
		this.browser.checkConsole("evaluate");
		return runId;
	}

	/** 12,345,600 元 → "1,234.56 万元", as the console writes money. */
	private static String wan(long yuan) {
		java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(java.util.Locale.CHINA);
		f.setMaximumFractionDigits(2);
		return f.format(yuan / 10000.0) + " 万元";
	}

	private void filterAndOpenAnOutcome(String runId) {
		new Select(this.browser.find("#filter-kind")).selectByValue("FINE");
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("kind=FINE"));
		new Select(this.browser.find("#filter-county")).selectByValue("C02");
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("county=C02"));
		JsonNode expected = this.rest.get()
			.uri("/api/v1/evaluations/{run}/outcomes?kind=FINE&county=C02&size=20", runId)
			.retrieve()
			.body(JsonNode.class);
		Set<String> inCounty = new HashSet<>();
		this.rest.get().uri("/api/v1/subjects?county=C02&size=500").retrieve().body(JsonNode.class).get("content")
			.forEach(s -> inCounty.add(s.get("id").asText()));
		this.browser.waitUntil(d -> this.browser.find("#filtered-totals").getText()
			.startsWith("筛选结果：" + expected.get("total").asText() + " 条"));
		List<WebElement> rows = this.browser.findAll("#outcome-table tr.outcome");
		assertThat(rows).hasSize(Math.min(20, expected.get("total").asInt())).isNotEmpty();
		assertThat(rows).extracting(r -> r.getAttribute("data-outcome"))
			.containsExactlyElementsOf(ids(expected.get("content")));
		assertThat(rows).allSatisfy(r -> assertThat(inCounty).contains(r.getAttribute("data-subject")));
		assertThat(this.browser.find(".kind-card[data-kind=FINE]").getAttribute("class")).contains("active");
		this.browser.screenshot("06-results-filtered");
		this.browser.checkConsole("filter the outcomes");

		JsonNode first = expected.get("content").get(0);
		rows.get(0).click();
		WebElement detail = this.browser.waitFor("#outcome-detail");
		String text = detail.getText();
		assertThat(text).contains(first.get("ruleId").asText(), first.get("measureLabel").asText(), first.get("reason").asText(),
				first.at("/subject/name").asText());
		if (first.hasNonNull("amountYuan")) {
			assertThat(text).contains(wan(first.get("amountYuan").asLong()));
		}
		assertThat(detail.findElements(By.cssSelector("[data-section=evidence] table tbody tr")))
			.hasSize(first.get("evidence").size());
		assertThat(detail.findElement(By.cssSelector("[data-section=basis]")).getText()).contains(first.get("basis").asText());
		this.browser.screenshot("07-outcome-detail");
		new Actions(this.browser.driver()).sendKeys(Keys.ESCAPE).perform();
		this.browser.waitUntil(d -> this.browser.findAll("#outcome-detail").isEmpty());
		this.browser.checkConsole("open an outcome");
	}

	private static List<String> ids(JsonNode outcomes) {
		List<String> ids = new java.util.ArrayList<>();
		outcomes.forEach(o -> ids.add(o.get("id").asText()));
		return ids;
	}

	/** The ranking table and the chart of PM2.5 monthly ranks in 城区组; returns the last unit of the table. */
	private String rankings() {
		this.browser.find(".topbar nav a[data-page=rankings]").click();
		this.browser.waitFor("#trend-chart canvas");
		new Select(this.browser.find("#group")).selectByValue("城区组");
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("group=%E5%9F%8E%E5%8C%BA%E7%BB%84"));
		this.browser.waitFor("#trend-chart canvas");
		JsonNode series = this.rest.get()
			.uri("/api/v1/rankings/series?indicator=PM25&granularity=MONTH&group={g}", "城区组")
			.retrieve()
			.body(JsonNode.class);
		assertThat(series.get("periods")).hasSize(12);
		List<Map<String, Object>> drawn = this.browser.script("""
				const chart = echarts.getInstanceByDom(document.getElementById('trend-chart'));
				return chart.getOption().series.map(s => ({id: s.id, name: s.name, data: s.data}));""");
		assertThat(drawn).hasSize(series.get("series").size()).hasSize(8);
		JsonNode firstUnit = series.get("series").get(0);
		assertThat(drawn.get(0).get("name")).isEqualTo(firstUnit.get("subjectName").asText());
		List<Long> ranks = new java.util.ArrayList<>();
		firstUnit.get("points").forEach(p -> ranks.add(p.get("rank").asLong()));
		assertThat(drawn.get(0).get("data")).asList().containsExactlyElementsOf(ranks);
		assertThat(new Select(this.browser.find("#period")).getFirstSelectedOption().getAttribute("value")).isEqualTo("2026-09");
		List<WebElement> rows = this.browser.findAll("table.ranking tbody tr");
		assertThat(rows).hasSize(8);
		assertThat(rows.get(0).findElement(By.tagName("td")).getText()).isEqualTo("1/8");
		this.browser.screenshot("08-rankings");

		this.browser.find("input[name=mode][value=value]").click();
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("mode=value"));
		List<Object> values = this.browser.script(
				"return echarts.getInstanceByDom(document.getElementById('trend-chart')).getOption().series[0].data;");
		List<Double> expectedValues = new java.util.ArrayList<>();
		firstUnit.get("points").forEach(p -> expectedValues.add(p.get("value").asDouble()));
		assertThat(values).extracting(v -> ((Number) v).doubleValue()).containsExactlyElementsOf(expectedValues);
		this.browser.screenshot("09-rankings-values");
		this.browser.checkConsole("rankings and trend chart");
		return rows.get(rows.size() - 1).getAttribute("data-subject");
	}

	private void unit(String id) {
		this.browser.find("table.ranking tbody tr[data-subject=" + id + "] a").click();
		this.browser.waitFor("#unit-header");
		JsonNode history = this.rest.get().uri("/api/v1/subjects/{id}/history", id).retrieve().body(JsonNode.class);
		assertThat(this.browser.find("#unit-header h1").getText()).contains(history.at("/subject/name").asText(), id);
		int outcomes = 0;
		for (JsonNode p : history.get("periods")) {
			outcomes += p.get("outcomes").size();
		}
		assertThat(outcomes).isPositive();
		assertThat(this.browser.findAll("#unit-outcomes tr.outcome")).hasSize(outcomes);
		assertThat(this.browser.find("#unit-outcomes h2").getText()).isEqualTo("处理结果（" + outcomes + " 条）");
		this.browser.waitFor("#unit-chart canvas");
		assertThat(this.browser.findAll("#unit-facts details.period")).hasSize(history.get("periods").size());
		assertThat(this.browser.find("#unit-list li.selected").getAttribute("data-id")).isEqualTo(id);
		this.browser.screenshot("10-unit");
		this.browser.checkConsole("unit page");
	}

	private void placeholdersAndLogin() {
		for (String page : List.of("rules", "appeals", "notices")) {
			this.browser.find(".topbar nav a[data-page=" + page + "]").click();
			assertThat(this.browser.waitFor(".coming-soon").getText()).contains("即将上线");
		}
		this.browser.screenshot("11-coming-soon");
		this.browser.open("/login.html");
		this.browser.waitFor("#login-form");
		this.browser.screenshot("12-login");
		this.browser.checkConsole("placeholders and login page");
	}

}

package org.kaohe.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import org.kaohe.SpreadsheetFixture;
import org.kaohe.SpreadsheetFixture.Headers;
import org.kaohe.ingest.FactJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real headless Chromium at 1366×768, the way the office and policy staff use it
 * (issue 8's "done when"): sign in, upload a quarter's workbook with one bad row, read the located
 * problem, upload the fixed workbook, evaluate, filter the outcomes and open one with its explanation,
 * file an appeal, read the rankings and a unit with "why not"; as a rule editor break a rule file and
 * jump to the located problem, change a parameter, check it and simulate it; as an approver activate
 * it (forced: the change is meant to alter a scenario's outcome) and decide the appeal; download the
 * notice as DOCX and PDF. Every page is saved as a screenshot under {@code target/screenshots/}, and
 * any browser console error or failed request fails the test.
 *
 * <p>The three earlier quarters of the demo city are uploaded and evaluated through the REST API first
 * (the OA system's way), so the quarter uploaded in the browser has its history.
 *
 * <p>It signs in through the login page as the README's demo users {@code office}, {@code editor} and
 * {@code approver}.
 */
@ExtendWith(Browser.Required.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// a database of its own: other test classes clear theirs while the server is still up
		"spring.datasource.url=jdbc:h2:mem:kaohe-console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
				+ "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000",
		// the README's demo logins (office, editor, approver), created on the empty database
		"kaohe.security.demo-accounts=true" })
class ConsoleBrowserIntegrationTests {

	private static final Path DEMO = Path.of("fixtures/demo-city");

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static final String DEMO_PASSWORD = "kaohe-demo";

	/** The parameter the rule editor changes: the deduction for a county last in a weekly ranking, 万元. */
	private static final String PARAMETER = "weeklyLastDeductionWan";

	@LocalServerPort
	int port;

	RestClient rest;

	/** The test's reads of ruleset versions and its simulation: an approver's (the office may not read them). */
	RestClient rules;

	Browser browser;

	Path work;

	@BeforeEach
	void start() throws IOException {
		String base = "http://localhost:" + this.port;
		// the test's own calls (the OA system's setup and the checks) act as the office
		this.rest = RestClient.builder().baseUrl(base).defaultHeader("Authorization", "Bearer " + token(base, "office")).build();
		this.rules = RestClient.builder().baseUrl(base).defaultHeader("Authorization", "Bearer " + token(base, "approver")).build();
		this.work = Files.createTempDirectory("kaohe-console-");
		this.browser = Browser.start(base, SCREENSHOTS);
	}

	private static String token(String base, String user) {
		JsonNode login = RestClient.create(base).post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", user, "password", DEMO_PASSWORD)).retrieve().body(JsonNode.class);
		return login.get("token").asText();
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theOfficeAndPolicyStaffWorkThroughAQuarterInTheBrowser() throws Exception {
		long started = System.nanoTime();
		this.lap = started;
		firstVisit();
		lap("firstVisit");
		nothingStoredYet();
		lap("nothingStoredYet");
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
		lap("three quarters through the API");

		overview();
		lap("overview");
		downloadTemplate();
		lap("downloadTemplate");
		uploadWithOneBadRow(bad);
		lap("uploadWithOneBadRow");
		uploadFixed(fixed);
		lap("uploadFixed");
		String runId = evaluate();
		lap("evaluate");
		String appealed = filterAndOpenAnOutcome(runId);
		lap("filterAndOpenAnOutcome");
		String unit = rankings();
		lap("rankings");
		unit(unit);
		lap("unit");
		signInAs("editor");
		lap("signInAs editor");
		ruleList();
		lap("ruleList");
		brokenRuleFileIsLocated();
		lap("brokenRuleFileIsLocated");
		String candidate = changeAParameterAndCheck();
		lap("changeAParameterAndCheck");
		simulate(candidate);
		lap("simulate");
		signInAs("approver");
		lap("signInAs approver");
		activate(candidate);
		lap("activate");
		decideTheAppeal(appealed);
		lap("decideTheAppeal");
		downloadTheNotice(runId);
		lap("downloadTheNotice");
		loginPage();
		lap("loginPage");
		System.out.printf("console browser walk: %d ms, screenshots in %s%n",
				Duration.ofNanos(System.nanoTime() - started).toMillis(), SCREENSHOTS.toAbsolutePath());
	}

	private long lap = System.nanoTime();

	/** Prints how long a step of the walk took (the walk should stay well under ~90 s). */
	private void lap(String step) {
		long now = System.nanoTime();
		System.out.printf("console browser walk: %-28s %6d ms%n", step, Duration.ofNanos(now - this.lap).toMillis());
		this.lap = now;
	}

	/** The first page: nobody is signed in, so the login page, and the office signs in. */
	private void firstVisit() {
		this.browser.open("/");
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("/login.html"));
		this.browser.waitFor("#login-form");
		this.browser.screenshot("00-login");
		// without a token the page goes to the login page without asking the server (no 401 in the console)
		this.browser.checkConsole("first visit goes to the login page");
		signIn("office");
	}

	/** Fills the login page and waits for the page it leads to, with the user shown in the top bar. */
	private void signIn(String user) {
		WebElement name = this.browser.waitFor("#username");
		name.clear();
		name.sendKeys(user);
		this.browser.find("#password").sendKeys(DEMO_PASSWORD);
		this.browser.find("#login").click();
		this.browser.waitUntil(d -> !d.getCurrentUrl().contains("/login.html"));
		assertThat(this.browser.waitFor("#signed-in-user").getText()).isEqualTo(user);
	}

	/** Signs out and in as someone else (the two-person way of working). */
	private void signInAs(String user) {
		this.browser.find("#logout").click();
		this.browser.waitUntil(d -> d.getCurrentUrl().contains("/login.html"));
		signIn(user);
		this.browser.checkConsole("sign in as " + user);
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
				"通报");
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

	/** Filters, opens the first outcome with its explanation and files an appeal on it; returns its id. */
	private String filterAndOpenAnOutcome(String runId) {
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

		// the explanation: the Chinese paragraph and each condition with the actual value, as the API gives them
		String outcomeId = first.get("id").asText();
		JsonNode explanation = this.rest.get().uri("/api/v1/outcomes/{id}/explanation", outcomeId).retrieve().body(JsonNode.class);
		assertThat(squeeze(this.browser.waitFor("#explanation-paragraph").getText()))
			.isEqualTo(squeeze(explanation.get("paragraph").asText()));
		int conditions = 0;
		for (JsonNode c : explanation.get("conditions")) {
			conditions += c.path("applies").asBoolean(true) ? 1 : 0;
		}
		if (conditions > 0) {
			assertThat(this.browser.findAll("#explanation-conditions tbody tr")).hasSize(conditions);
		}
		this.browser.waitUntil(d -> this.browser.find("[data-section=provenance]").getText()
			.contains(explanation.at("/rule/file").asText()));
		this.browser.screenshot("07-outcome-detail");

		// an appeal, filed from the outcome
		WebElement reason = this.browser.waitFor("#appeal-reason");
		this.browser.script("arguments[0].scrollIntoView()", reason);
		reason.sendKeys("该周监测点位故障，数据经省站确认无效");
		this.browser.find("#appeal-attachment").sendKeys("OA-2026-1088");
		this.browser.find("#appeal-submit").click();
		String appealId = this.browser.waitFor("#appeal-filed").getAttribute("data-appeal");
		JsonNode record = this.rest.get().uri("/api/v1/outcomes/{id}", outcomeId).retrieve().body(JsonNode.class);
		assertThat(record.at("/appeals/0/id").asText()).isEqualTo(appealId);
		assertThat(record.at("/appeals/0/status").asText()).isEqualTo("PENDING");
		assertThat(record.at("/appeals/0/reason").asText()).isEqualTo("该周监测点位故障，数据经省站确认无效");
		this.browser.screenshot("07b-appeal-filed");
		new Actions(this.browser.driver()).sendKeys(Keys.ESCAPE).perform();
		this.browser.waitUntil(d -> this.browser.findAll("#outcome-detail").isEmpty());
		this.browser.checkConsole("open an outcome and appeal");
		return outcomeId;
	}

	private static String squeeze(String text) {
		return text.replaceAll("\\s+", "");
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

		// why not, for the rule on two quarters in a row at the bottom (asked for that rule alone: the search over
		// every parameter of every rule takes several seconds); the page shows what the API answers
		String period = new Select(this.browser.find("#why-not-period")).getFirstSelectedOption().getAttribute("value");
		this.browser.find("#why-not-rule").sendKeys("r-cty-07");
		this.browser.find("#why-not").click();
		this.browser.waitFor("#why-not-result .why-not-rule");
		JsonNode whyNot = this.rest.get().uri("/api/v1/subjects/{id}/why-not?period={p}&rule=R-CTY-07", id, period)
			.retrieve().body(JsonNode.class);
		List<WebElement> shown = this.browser.findAll("#why-not-result .why-not-rule");
		assertThat(shown).hasSize(whyNot.get("rules").size());
		assertThat(shown).extracting(e -> e.getAttribute("data-status")).contains("CLOSE");
		List<String> closeTexts = shown.stream()
			.filter(e -> "CLOSE".equals(e.getAttribute("data-status")))
			.map(e -> squeeze(e.getText()))
			.toList();
		for (JsonNode answer : whyNot.get("rules")) {
			if (answer.get("status").asText().equals("CLOSE")) {
				assertThat(closeTexts).anySatisfy(t -> assertThat(t).contains(squeeze(answer.get("summary").asText())));
			}
		}
		this.browser.script("document.getElementById('unit-why-not').scrollIntoView()");
		this.browser.screenshot("10b-why-not");
		this.browser.checkConsole("unit page and why not");
	}

	/** The rules of the version in force: one row per rule, as many as the version has. */
	private void ruleList() {
		this.browser.open("/rules.html");
		this.browser.waitFor("#rules-table tbody tr");
		JsonNode active = this.rest.get().uri("/api/v1/rulesets/active").retrieve().body(JsonNode.class);
		assertThat(this.browser.findAll("#rules-table tbody tr.rule")).hasSize(active.get("rules").asInt());
		assertThat(this.browser.find("#rules-table tr[data-rule=R-CTY-01]").getText()).contains("周排名组内末位", "county-rankings.drl:");
		assertThat(this.browser.find("#active-version-hash").getAttribute("title")).isEqualTo(active.get("version").asText());
		this.browser.screenshot("11-rules");
		this.browser.checkConsole("rule list");
	}

	/** A rule file broken in the editor: the check locates the problem and its link jumps to the line. */
	private void brokenRuleFileIsLocated() {
		this.browser.find("#tabs a[data-tab=editor]").click();
		this.browser.waitFor("#editor-host .CodeMirror");
		new Select(this.browser.find("#editor-file")).selectByValue("departments.drl");
		this.browser.waitUntil(d -> this.browser.find("#editor-host .CodeMirror").getText().contains("R-DEPT-04"));
		Number line = this.browser.script("""
				const cm = document.querySelector('#editor-host .CodeMirror').CodeMirror;
				const find = 'Department( id == $s.departmentId';
				for (let i = 0; i < cm.lineCount(); i++) {
				  const at = cm.getLine(i).indexOf(find + ' )');
				  if (at >= 0) {
				    cm.replaceRange(', noSuchField > 3', {line: i, ch: at + find.length});
				    return i + 1;
				  }
				}
				return -1;""");
		assertThat(line.intValue()).isPositive();
		assertThat(this.browser.findAll("#editor-host .cm-keyword")).as("DRL keywords highlighted").isNotEmpty();
		assertThat(this.browser.find("#editor-status").getText()).contains("已修改");
		this.browser.screenshot("12-rule-editor");
		this.browser.find("#tabs a[data-tab=check]").click();
		this.browser.waitFor("#draft-files");
		this.browser.find("#check-comment").sendKeys("试改部门规则");
		this.browser.find("#check").click();
		WebElement failed = this.browser.waitFor("#check-failed");
		assertThat(failed.getAttribute("data-status")).isEqualTo("FAILED");
		WebElement problem = this.browser.find("#problems tr.problem[data-file='departments.drl'][data-code=COMPILE_ERROR]");
		assertThat(problem.getAttribute("data-line")).isEqualTo(String.valueOf(line.intValue()));
		assertThat(problem.getText()).contains("departments.drl:" + line.intValue(), "noSuchField");
		this.browser.screenshot("13-check-problems");
		problem.findElement(By.cssSelector("a.jump")).click();
		this.browser.waitFor("#tab-editor");
		this.browser.waitUntil(d -> !this.browser.findAll("#editor-host .problem-line").isEmpty());
		Number cursor = this.browser.script("return document.querySelector('#editor-host .CodeMirror').CodeMirror.getCursor().line + 1;");
		assertThat(cursor.intValue()).isEqualTo(line.intValue());
		this.browser.screenshot("14-jump-to-problem");
		this.browser.find("#editor-revert").click();
		this.browser.waitUntil(d -> this.browser.find("#editor-status").getText().contains("与现行版本相同"));
		this.browser.checkConsole("a broken rule file", Pattern.compile("/api/v1/rulesets .*status of 422"));
	}

	/** The deduction raised in the parameter form; only the scenario pinning the old amount fails. Returns the candidate. */
	private String changeAParameterAndCheck() {
		this.browser.find("#tabs a[data-tab=parameters]").click();
		WebElement input = this.browser.waitFor("#param-table input[data-name=" + PARAMETER + "]");
		new Select(this.browser.find("#param-target")).selectByValue("2020-01-01");
		assertThat(this.browser.find("#param-table tr[data-parameter=" + PARAMETER + "] td.in-force").getText()).isEqualTo("100");
		input.sendKeys("150");
		this.browser.find("#param-apply").click();
		assertThat(this.browser.waitFor("#param-applied").getText()).contains(PARAMETER + " 100 → 150");
		this.browser.waitUntil(d -> this.browser.find("#param-table tr[data-parameter=" + PARAMETER + "] td.in-force").getText()
			.equals("150"));
		this.browser.script("document.querySelector('#param-table tr[data-parameter=" + PARAMETER + "]').scrollIntoView({block: 'center'})");
		this.browser.screenshot("15-parameters");
		this.browser.find("#tabs a[data-tab=check]").click();
		this.browser.find("#check-comment").sendKeys("周排名末位扣缴提高到150万元");
		this.browser.find("#check").click();
		WebElement failed = this.browser.waitFor("#check-failed");
		assertThat(failed.getAttribute("data-status")).isEqualTo("SCENARIO_FAILURES");
		assertThat(this.browser.findAll("#problems tr.problem")).isNotEmpty()
			.allSatisfy(r -> assertThat(r.getAttribute("data-code")).isEqualTo("SCENARIO_FAILED"));
		String candidate = failed.getAttribute("data-version");
		String parameters = this.rules.get().uri("/api/v1/rulesets/{v}/files/parameters.yaml", candidate).retrieve().body(String.class);
		assertThat(parameters).contains("      " + PARAMETER + ": 150").doesNotContain(PARAMETER + ": 100");
		assertThat(parameters).as("the file's comments are kept").contains("# 考核参数表");
		this.browser.screenshot("16-check-scenario-failures");
		this.browser.checkConsole("change a parameter and check", Pattern.compile("/api/v1/rulesets .*status of 422"));
		return candidate;
	}

	/** What-if over the two latest quarters: the diff table shows what the API computes. */
	private void simulate(String candidate) {
		this.browser.find("#go-simulate").click();
		this.browser.waitFor("#simulate-periods input[value='2026-Q3']");
		assertThat(new Select(this.browser.find("#simulate-version")).getFirstSelectedOption().getAttribute("value")).isEqualTo(candidate);
		for (WebElement box : this.browser.findAll("#simulate-periods input[name=period]")) {
			boolean wanted = List.of("2026-Q2", "2026-Q3").contains(box.getAttribute("value"));
			if (box.isSelected() != wanted) {
				box.click();
			}
		}
		this.browser.find("#simulate").click();
		this.browser.waitFor("#simulation-report");
		JsonNode report = this.rules.post().uri("/api/v1/rulesets/{v}/simulate", candidate).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("periods", List.of("2026-Q2", "2026-Q3"))).retrieve().body(JsonNode.class);
		int changed = report.at("/summary/changesByType/CHANGED").asInt();
		assertThat(changed).isPositive();
		assertThat(report.at("/summary/changesByType/ADDED").asInt() + report.at("/summary/changesByType/REMOVED").asInt()).isZero();
		assertThat(this.browser.find(".sim-card[data-key=CHANGED] .count").getText()).isEqualTo(changed + " 条");
		assertThat(this.browser.findAll("#simulation-changes tbody tr")).hasSize(Math.min(300, changed));
		assertThat(this.browser.findAll("#simulation-changes tbody tr[data-rule=R-CTY-01]")).hasSize(Math.min(300, changed));
		long net = report.at("/summary/netMoneyChangeYuan").asLong();
		assertThat(net).isPositive();
		assertThat(this.browser.find(".sim-card[data-key=money] .count").getText()).isEqualTo("+" + wan(net));
		assertThat(this.browser.findAll("#simulation-subjects tbody tr")).hasSize(report.at("/summary/subjects").size());
		this.browser.screenshot("17-simulation");
		this.browser.checkConsole("simulate");
	}

	/** The approver reads the version and activates it, forced with a reason (only scenarios fail). */
	private void activate(String candidate) {
		this.browser.open("/rules.html?version=" + candidate + "#versions");
		this.browser.waitFor("#activate-form");
		assertThat(this.browser.find("#version-state").getText()).isEqualTo("待审批");
		assertThat(this.browser.find("#version-diff").getText()).contains("parameters.yaml", PARAMETER + ": 150");
		this.browser.find("#activate-reason").sendKeys("经局务会审议通过，场景预期随后更新");
		this.browser.find("#activate-force").click();
		this.browser.screenshot("18-approval");
		this.browser.find("#activate").click();
		this.browser.waitFor("#activated");
		JsonNode active = this.rest.get().uri("/api/v1/rulesets/active").retrieve().body(JsonNode.class);
		assertThat(active.get("version").asText()).isEqualTo(candidate);
		JsonNode log = this.rules.get().uri("/api/v1/rulesets/activations").retrieve().body(JsonNode.class).at("/content/0");
		assertThat(log.get("version").asText()).isEqualTo(candidate);
		assertThat(log.get("forced").asBoolean()).isTrue();
		assertThat(log.get("reason").asText()).isEqualTo("经局务会审议通过，场景预期随后更新");
		assertThat(log.get("actor").asText()).isEqualTo("approver");
		assertThat(this.browser.find("#activations li[data-seq='" + log.get("seq").asText() + "']").getText()).contains("强制");
		this.browser.screenshot("19-activated");
		this.browser.checkConsole("activate as approver");
	}

	/** The approver amends the appeal filed earlier. */
	private void decideTheAppeal(String outcomeId) {
		this.browser.find(".topbar nav a[data-page=appeals]").click();
		this.browser.waitFor("#appeal-list li[data-appeal]").click();
		this.browser.waitFor("#decision-form");
		new Select(this.browser.find("#decision")).selectByValue("AMENDED");
		WebElement amount = this.browser.waitFor("#decision-amount");
		amount.clear();
		amount.sendKeys("500000");
		this.browser.find("#decision-reason").sendKeys("监测数据部分无效，减半扣缴");
		this.browser.find("#decide").click();
		this.browser.waitFor("#decided");
		JsonNode record = this.rest.get().uri("/api/v1/outcomes/{id}", outcomeId).retrieve().body(JsonNode.class);
		assertThat(record.at("/effective/status").asText()).isEqualTo("AMENDED");
		assertThat(record.at("/effective/amountYuan").asLong()).isEqualTo(500000);
		assertThat(this.browser.find("#effective").getText()).contains("50 万元");
		this.browser.screenshot("20-appeals");
		this.browser.checkConsole("decide the appeal");
	}

	/** The notice of the quarter's run, downloaded through the API client: a real DOCX and a real PDF. */
	private void downloadTheNotice(String runId) throws IOException {
		this.browser.find(".topbar nav a[data-page=notices]").click();
		this.browser.waitUntil(d -> !this.browser.findAll("#notice-run option[value='" + runId + "']").isEmpty());
		new Select(this.browser.find("#notice-run")).selectByValue(runId);
		this.browser.find("#download-docx").click();
		byte[] docx = this.browser.downloaded(".docx");
		assertThat(new String(docx, 0, 2, StandardCharsets.ISO_8859_1)).as("a DOCX is a zip").isEqualTo("PK");
		Set<String> entries = new HashSet<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				entries.add(e.getName());
			}
		}
		assertThat(entries).contains("word/document.xml", "[Content_Types].xml");
		this.browser.waitFor("#notice-downloaded[data-format=docx]");
		this.browser.find("#download-pdf").click();
		byte[] pdf = this.browser.downloaded(".pdf");
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(new String(pdf, pdf.length - 8, 8, StandardCharsets.ISO_8859_1)).contains("%%EOF");
		this.browser.screenshot("21-notice");
		this.browser.checkConsole("download the notice");
	}

	private void loginPage() {
		this.browser.find("#logout").click();
		assertThat(this.browser.waitFor("#login-result").getText()).contains("已退出登录");
		this.browser.waitFor("#login-form");
		this.browser.screenshot("22-login");
		this.browser.checkConsole("login page");
	}

}

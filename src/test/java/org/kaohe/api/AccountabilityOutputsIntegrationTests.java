package org.kaohe.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import org.kaohe.engine.Ruleset;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Narration;
import org.kaohe.facts.Period;
import org.kaohe.facts.Rank;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.FactJson;
import org.kaohe.ranking.RankingCalculator;
import org.kaohe.rules.FactMeasure;
import org.kaohe.rules.Parameters;
import org.kaohe.ruleset.ActiveRuleset;
import org.kaohe.system.Role;
import org.kaohe.testing.RenderedPages;
import org.kaohe.testing.TestActors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explanations, why-not, notices and appeals on the demo city (洛州市): its four quarters uploaded through
 * REST and evaluated in order once for the class, the last quarter's ~600 outcomes of all six kinds
 * explained one by one and checked against the uploaded facts and the parameter file.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountabilityOutputsIntegrationTests {

	private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
	};

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActiveRuleset rules;

	KaoheApi api;

	DemoCityRuns demo;

	@BeforeAll
	void loadTheDemoCity() {
		StoredTables.clear(this.jdbc);
		this.api = new KaoheApi(this.mvc);
		this.demo = DemoCityRuns.load(this.api);
	}

	// ---- explanations ----

	@Test
	@Order(1)
	void everyExplanationOfTheLastQuarterNamesRuleAndSubjectAndCitesOnlyWhatTheFactsAndParametersSay() {
		Ruleset ruleset = this.rules.current();
		Period period = Period.parse("2026-Q3");
		Parameters parameters = ruleset.parametersFor(period);
		JsonNode run = this.api.get("/api/v1/evaluations/{id}", this.demo.lastRun()).body();
		Facts facts = new Facts(this.demo.documents, ruleset);
		assertThat(this.demo.lastOutcomes).hasSizeGreaterThan(500);
		Set<String> kinds = new java.util.TreeSet<>();
		List<String> problems = new ArrayList<>();
		for (JsonNode o : this.demo.lastOutcomes) {
			String id = o.get("id").asText();
			KaoheApi.Response r = this.api.get("/api/v1/outcomes/{id}/explanation", id);
			assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
			JsonNode e = r.body();
			String paragraph = e.get("paragraph").asText();
			String where = o.get("ruleId").asText() + " " + o.at("/subject/id").asText() + " " + id;
			kinds.add(o.get("kind").asText());
			if (!paragraph.contains(o.get("ruleId").asText()) || !paragraph.contains(o.get("ruleName").asText())
					|| !paragraph.contains(o.at("/subject/name").asText()) || !paragraph.contains(o.get("measureLabel").asText())) {
				problems.add(where + ": the paragraph does not name rule, subject and measure: " + paragraph);
			}
			if (e.at("/rule/clauses").isEmpty()) {
				problems.add(where + ": no clause quoted");
			}
			List<Map<String, Object>> evidence = FactJson.mapper().convertValue(o.get("evidence"), ROWS);
			boolean[] covered = new boolean[paragraph.length()];
			for (JsonNode c : e.get("citations")) {
				String text = c.get("text").asText();
				int at = paragraph.indexOf(text);
				if (at < 0) {
					problems.add(where + ": cited text not in the paragraph: " + text);
					continue;
				}
				for (int from = at; from >= 0; from = paragraph.indexOf(text, from + 1)) {
					for (int i = from; i < from + text.length(); i++) {
						covered[i] = true;
					}
				}
				String wrong = checkCitation(c, o, e, run, evidence, parameters, ruleset, period);
				if (wrong != null) {
					problems.add(where + ": " + wrong);
				}
			}
			// every figure the paragraph states is one of the cited ones
			for (int i = 0; i < paragraph.length(); i++) {
				if (Character.isDigit(paragraph.charAt(i)) && !covered[i]) {
					problems.add(where + ": uncited figure at " + i + ": …"
							+ paragraph.substring(Math.max(0, i - 15), Math.min(paragraph.length(), i + 15)) + "…");
					break;
				}
			}
			// the rule fired, so every condition conditions.yaml lists for it holds on its evidence
			for (JsonNode check : e.get("conditions")) {
				if (check.has("held") && !check.get("held").asBoolean()) {
					problems.add(where + ": condition does not hold on the evidence of a rule that fired: " + check);
				}
			}
			problems.addAll(facts.mismatches(where, evidence, e));
		}
		assertThat(problems).isEmpty();
		assertThat(kinds).containsExactlyInAnyOrder("WARNING", "INTERVIEW", "FINE", "ORDER", "ACCOUNTABILITY", "COMMENDATION");
	}

	/** Null when the citation's value is what its source says, else what is wrong. */
	private static String checkCitation(JsonNode c, JsonNode o, JsonNode e, JsonNode run, List<Map<String, Object>> evidence,
			Parameters parameters, Ruleset ruleset, Period period) {
		String source = c.get("source").asText();
		String field = c.path("field").asText();
		JsonNode value = c.get("value");
		JsonNode expected = switch (source) {
			case "PARAMETER" -> FactJson.mapper().valueToTree(parameters.values().get(field));
			case "EVIDENCE" -> {
				Map<String, Object> row = evidence.get(c.get("row").asInt());
				Object v = field.equals("failedItems.size") ? ((List<?>) row.get("failedItems")).size() : row.get(field);
				yield FactJson.mapper().valueToTree(v);
			}
			case "MEASURE" -> FactJson.mapper().valueToTree(FactMeasure.parse(field).evaluate(evidence, period));
			case "CONDITION" -> {
				for (JsonNode check : flatten(e.get("conditions"))) {
					if (check.path("label").asText().equals(field)) {
						yield check.get("required");
					}
				}
				yield null;
			}
			case "OUTCOME" -> switch (field) {
				case "subject.name", "subject.id", "relatedSubject.name", "fineRangeYuan.minYuan", "fineRangeYuan.maxYuan" ->
					o.at("/" + field.replace('.', '/'));
				default -> o.get(field);
			};
			case "RUN" -> field.equals("explainedWith") ? FactJson.mapper().valueToTree(ruleset.version()) : run.get(field);
			case "BASIS" -> FactJson.mapper().valueToTree(ruleset.basis().clause(field).orElseThrow().quote());
			case "RULE" -> e.at("/rule/" + field);
			case "DECISION" -> e.get("effective").get(field);
			case "LABEL" -> {
				boolean known = switch (field) {
					case "conditions" -> flatten(e.get("conditions")).stream().anyMatch(x -> x.path("label").asText().equals(value.asText()));
					case "parameter" -> parameters.definitions().containsKey(value.asText());
					default -> parameters.definitions().values().stream().anyMatch(d -> value.asText().equals(d.label()));
				};
				yield known ? value : null;
			}
			default -> null;
		};
		if (expected == null || !same(expected, value)) {
			return "citation " + c + " does not match its source: " + expected;
		}
		return null;
	}

	private static List<JsonNode> flatten(JsonNode checks) {
		List<JsonNode> all = new ArrayList<>();
		for (JsonNode c : checks) {
			all.add(c);
			if (c.has("members")) {
				all.addAll(flatten(c.get("members")));
			}
		}
		return all;
	}

	/** JSON equality with numbers compared by value (3 equals 3.0) and null fields as absent. */
	static boolean same(JsonNode a, JsonNode b) {
		if (a == null || b == null) {
			return a == b;
		}
		return withoutNulls(a).equals((x, y) -> (x.isNumber() && y.isNumber()) ? Double.compare(x.asDouble(), y.asDouble())
				: (x.equals(y) ? 0 : 1), withoutNulls(b));
	}

	private static JsonNode withoutNulls(JsonNode n) {
		if (n.isObject()) {
			ObjectNode copy = FactJson.mapper().createObjectNode();
			n.fields().forEachRemaining(f -> {
				if (!f.getValue().isNull()) {
					copy.set(f.getKey(), withoutNulls(f.getValue()));
				}
			});
			return copy;
		}
		if (n.isArray()) {
			var copy = FactJson.mapper().createArrayNode();
			n.forEach(x -> copy.add(withoutNulls(x)));
			return copy;
		}
		return n;
	}

	@Test
	@Order(2)
	void theExplanationParagraphAloneIsServedAsText() throws Exception {
		String id = FourQuarters.only(array(), "R-SITE-09", "S0017", "STOP_WORK").get("id").asText();
		JsonNode json = this.api.get("/api/v1/outcomes/{id}/explanation", id).body();
		String viaAccept = this.mvc.perform(MockMvcRequestBuilders.get("/api/v1/outcomes/{id}/explanation", id).accept(MediaType.TEXT_PLAIN))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		KaoheApi.Response viaFormat = this.api.get("/api/v1/outcomes/{id}/explanation?format=text", id);

		assertThat(viaAccept).isEqualTo(json.get("paragraph").asText());
		assertThat(viaFormat.contentType()).startsWith("text/plain");
		assertThat(new String(viaFormat.bytes(), StandardCharsets.UTF_8)).isEqualTo(viaAccept);
		// the site 650 m from the national station, 1 000 m the strict zone
		assertThat(viaAccept).contains("R-SITE-09", "洛州地铁1号线河图广场站", "距国控监测站点650米", "1000米（参数 stationBufferM）", "停工整改",
				"规则集版本 sha256:", "事实哈希 sha256:");
		assertThat(json.at("/thresholds")).anySatisfy(t -> {
			assertThat(t.get("parameter").asText()).isEqualTo("stationBufferM");
			assertThat(t.get("value").asInt()).isEqualTo(1000);
			assertThat(t.get("validFrom").asText()).isEqualTo("2020-01-01");
			assertThat(t.at("/compared/0/actual").asDouble()).isEqualTo(650.0);
		});
	}

	@Test
	@Order(3)
	void aPeriodRuleShowsTheHistoryChainWithTheEarlierOutcomesItCounted() {
		// 熊耳县县长 interviewed in March (table) and publicly interviewed by Kaohe in Q3: admonition
		JsonNode o = FourQuarters.only(array(), "R-PER-01", "P035", "ADMONITION_TALK");
		JsonNode e = this.api.get("/api/v1/outcomes/{id}/explanation", o.get("id").asText()).body();

		assertThat(e.get("paragraph").asText()).contains("以前期间（历史链条）", "2026-03-12", "其后无改进", "翟伟东");
		assertThat(e.get("history")).anySatisfy(h -> assertThat(h.get("period").asText()).isEqualTo("2026-03-12"));

		String accountability = this.demo.lastOutcomes.stream()
			.filter(x -> x.get("ruleId").asText().equals("R-CTY-07") && x.at("/subject/id").asText().equals("C11")
					&& x.get("targetRole").asText().equals("GOV_HEAD"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asText();
		JsonNode ranks = this.api.get("/api/v1/outcomes/{id}/explanation", accountability).body();
		// 宜山县 last in its group in Q2 and Q3: the Q2 rank is the history that made it "two quarters running"
		assertThat(ranks.get("history")).anySatisfy(h -> assertThat(h.get("period").asText()).isEqualTo("2026-Q2"));
		assertThat(ranks.get("paragraph").asText()).contains("2026-Q2", "2026-Q3", "连续处于后K位的季度数 2季度");
	}

	// ---- why not ----

	@Test
	@Order(10)
	void aSiteOneItemShortOfTheSeriousThresholdLearnsTheRuleTheFailingConditionAndBothValues() {
		// 西苑区书香苑: one Q3 inspection found 2 items failing; "问题严重" needs 3 (seriousItemsK)
		long failed = StreamSupport.stream(this.demo.documents.get("2026-Q3").get("inspections").spliterator(), false)
			.filter(i -> i.get("siteId").asText().equals("S0032"))
			.mapToLong(i -> StreamSupport.stream(i.get("items").spliterator(), false).filter(v -> !v.asBoolean()).count())
			.max()
			.orElseThrow();
		assertThat(failed).isEqualTo(2);

		JsonNode answer = this.api.get("/api/v1/subjects/S0032/why-not?period=2026-Q3").body();

		JsonNode rule = rule(answer, "R-SITE-08", "检查");
		assertThat(rule.get("status").asText()).isEqualTo("CLOSE");
		assertThat(rule.get("failing")).anySatisfy(c -> {
			assertThat(c.get("parameter").asText()).isEqualTo("seriousItemsK");
			assertThat(c.get("actual").asDouble()).isEqualTo(2.0);
			assertThat(c.get("required").asInt()).isEqualTo(3);
			assertThat(c.get("gap").asDouble()).isEqualTo(1.0);
		});
		assertThat(rule.at("/wouldFireIf/0/parameter").asText()).isEqualTo("seriousItemsK");
		assertThat(rule.at("/wouldFireIf/0/needed").asInt()).isEqualTo(2);
		assertThat(rule.at("/wouldFireIf/0/measure").asText()).isEqualTo("FINE_REFERRAL_MAX");
		assertThat(rule.get("summary").asText()).contains("未被处理", "R-SITE-08", "≥3项", "本期为2项", "差1项", "seriousItemsK");
		assertThat(answer.get("summary")).anySatisfy(s -> assertThat(s.asText()).contains("R-SITE-08"));
		// what it did get is listed as fired
		assertThat(rule(answer, "R-SITE-01", "").get("status").asText()).isEqualTo("FIRED");
	}

	@Test
	@Order(11)
	void nearMissesOfTheDemoCityAreAnsweredWithActualAgainstRequired() {
		// 市城管局: reports every site compliant, the province found 2 problems, 3 make a 底子不清
		JsonNode dept = rule(this.api.get("/api/v1/subjects/D-CG/why-not?period=2026-Q3&rule=R-DEPT-04").body(), "R-DEPT-04", "通报");
		assertThat(dept.get("status").asText()).isEqualTo("CLOSE");
		assertThat(dept.get("summary").asText()).contains("上级在其行业内发现问题数", "≥3个", "本期为2个");
		assertThat(dept.at("/wouldFireIf/0/parameter").asText()).isEqualTo("higherFoundK");

		// 东关区: in the bottom three in Q1 and Q3 but not Q2 — not two quarters running
		JsonNode county = rule(this.api.get("/api/v1/subjects/C03/why-not?period=2026-Q3&rule=R-CTY-07").body(), "R-CTY-07", "政府主要负责人");
		assertThat(county.get("summary").asText()).contains("连续处于后K位的季度数≥2季度", "本期为1季度");
		assertThat(county.at("/wouldFireIf/0/parameter").asText()).isEqualTo("consecutiveQuartersN");
		assertThat(county.at("/wouldFireIf/0/needed").asInt()).isEqualTo(1);

		// 偃川市: 7 of 9 boilers (77.8%), the warning line is 80%
		JsonNode task = rule(this.api.get("/api/v1/subjects/C15/why-not?period=2026-Q3&rule=R-DEPT-01").body(), "R-DEPT-01", "");
		assertThat(task.at("/wouldFireIf/0/parameter").asText()).isEqualTo("lagWarnRatio");
		assertThat(task.at("/wouldFireIf/0/needed").asDouble()).isBetween(0.776, 0.7778);
		assertThat(task.get("failing")).anySatisfy(c -> assertThat(c.get("actual").asDouble()).isCloseTo(7.0 / 9, org.assertj.core.data.Offset.offset(1e-9)));

		// 宜山县: the same enterprise's problem came back 218 days after closure; the window is 180
		JsonNode relapse = rule(this.api.get("/api/v1/subjects/C11/why-not?period=2026-Q3&rule=R-CTY-13").body(), "R-CTY-13", "问题反弹");
		assertThat(relapse.at("/wouldFireIf/0/parameter").asText()).isEqualTo("relapseWindowDays");
		assertThat(relapse.at("/wouldFireIf/0/needed").asInt()).isEqualTo(218);
		assertThat(relapse.at("/wouldFireIf/0/current").asInt()).isEqualTo(180);
	}

	@Test
	@Order(12)
	void whyNotRefusesUnknownSubjectsAndRules() {
		assertThat(this.api.get("/api/v1/subjects/NOBODY/why-not?period=2026-Q3").status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/subjects/C03/why-not?period=2026-Q3&rule=R-NONE-99").status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/subjects/C03/why-not?period=2027-Q1").status()).isEqualTo(422);
	}

	private static JsonNode rule(JsonNode answer, String ruleId, String part) {
		for (JsonNode r : answer.get("rules")) {
			if (r.get("ruleId").asText().equals(ruleId) && r.path("part").asText().equals(part)) {
				return r;
			}
		}
		throw new AssertionError(ruleId + "#" + part + " not in " + answer);
	}

	// ---- the notice ----

	static final List<String> SECTIONS = List.of("总体情况", "通报表彰", "通报批评", "约谈", "财政扣款与罚款建议", "停工整改与处置", "问责", "排名情况",
			"有关要求");

	@Test
	@Order(20)
	void theNoticeOfTheLastQuarterOpensAsPdfAndItsPagesShowTheChineseSections() {
		KaoheApi.Response r = this.api.get("/api/v1/evaluations/{id}/notice?format=pdf&date=2026-10-08", this.demo.lastRun());
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.contentType()).isEqualTo("application/pdf");
		assertThat(r.header("Content-Disposition")).contains("attachment", ".pdf");

		try (RenderedPages pdf = RenderedPages.of(r.bytes())) {
			assertThat(pdf.glyphProblems()).isEmpty();
			assertThat(pdf.fonts()).isNotEmpty().allSatisfy(f -> assertThat(f).endsWith("(embedded)"));
			assertThat(String.join(" ", pdf.fonts())).contains("UMingCN", "WenQuanYiZenHei");
			List<RenderedPages.Line> lines = pdf.lines();
			String all = String.join("", lines.stream().map(RenderedPages.Line::text).toList());
			assertThat(all).contains("攻坚办〔2026〕", "2026年10月8日", "财政扣款合计" + Narration.yuan(sum("FISCAL_DEDUCTION")),
					"财政奖励合计" + Narration.yuan(sum("FISCAL_REWARD")));
			assertThat(lines).anySatisfy(l -> assertThat(l.text().strip()).isEqualTo("— 1 —"));
			assertThat(lines).anySatisfy(l -> assertThat(l.text().strip()).isEqualTo("— 2 —"));
			readBack(pdf, lines, "pdf");
		}
	}

	@Test
	@Order(21)
	void theNoticeOfTheLastQuarterOpensAsDocxWithGovernmentFontsAndLibreOfficeRendersTheSections() throws IOException {
		KaoheApi.Response r = this.api.get("/api/v1/evaluations/{id}/notice?format=docx&date=2026-10-08", this.demo.lastRun());
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(r.bytes()))) {
			List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			for (String s : SECTIONS) {
				assertThat(paragraphs).anySatisfy(p -> assertThat(p).matches("[一二三四五六七八九十]+、" + s));
			}
			Set<String> fonts = new java.util.TreeSet<>();
			docx.getParagraphs().forEach(p -> p.getRuns().stream().map(XWPFRun::getFontFamily).filter(f -> f != null).forEach(fonts::add));
			docx.getParagraphs().forEach(p -> p.getRuns().forEach(run -> {
				String east = run.getFontFamily(XWPFRun.FontCharRange.eastAsia);
				if (east != null) {
					fonts.add(east);
				}
			}));
			assertThat(fonts).contains("方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312");
			assertThat(docx.getFooterList()).anySatisfy(f -> assertThat(f._getHdrFtr().xmlText()).contains("PAGE"));
			assertThat(new String(docx.getPackage().getPartsByName(java.util.regex.Pattern.compile("/word/fontTable.xml")).get(0)
				.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("仿宋_GB2312", "w:altName w:val=\"仿宋\"");
		}

		byte[] converted = RenderedPages.docxToPdf(r.bytes());
		try (RenderedPages pdf = RenderedPages.of(converted)) {
			assertThat(pdf.glyphProblems()).isEmpty();
			List<RenderedPages.Line> lines = pdf.lines();
			assertThat(lines).anySatisfy(l -> assertThat(l.text().replace(" ", "")).isEqualTo("—1—"));
			readBack(pdf, lines, "docx");
		}
	}

	/**
	 * Every section heading found on a page and read back from the rendered image by OCR: at least three
	 * quarters of its characters, in order (OCR misreads the odd character of a short heading; boxes read
	 * as nothing like it).
	 */
	private static void readBack(RenderedPages pdf, List<RenderedPages.Line> lines, String format) {
		Map<String, RenderedPages.Line> wanted = new LinkedHashMap<>();
		wanted.put("大气污染防治攻坚战领导小组办公室", lines.stream().filter(l -> l.text().contains("领导小组办公室")).findFirst().orElseThrow());
		for (String s : SECTIONS) {
			wanted.put(s, lines.stream()
				.filter(l -> l.text().replace(" ", "").matches("[一二三四五六七八九十]+、" + s))
				.findFirst()
				.orElseThrow(() -> new AssertionError(format + ": heading " + s + " not on any page")));
		}
		// the first pages kept for a person to look at (target/notices/)
		try {
			Files.createDirectories(Path.of("target", "notices"));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		pdf.save(0, Path.of("target", "notices", format + "-page-1.png"));
		pdf.save(1, Path.of("target", "notices", format + "-page-2.png"));
		List<String> read = pdf.read(List.copyOf(wanted.values()));
		List<String> unread = new ArrayList<>();
		wanted.forEach((text, line) -> {
			boolean seen = read.stream().anyMatch(r -> RenderedPages.match(text, r) >= 0.75)
					|| pdf.readings(line).stream().anyMatch(r -> RenderedPages.match(text, r) >= 0.75);
			if (!seen) {
				unread.add(text + " on page " + (line.page() + 1) + " (read: " + read + ")");
				pdf.save(line.page(), Path.of("target", "notices", format + "-unread-page-" + (line.page() + 1) + ".png"));
			}
		});
		assertThat(unread).as("%s headings OCR could not read", format).isEmpty();
	}

	private long sum(String measure) {
		return this.demo.lastOutcomes.stream()
			.filter(o -> o.get("measure").asText().equals(measure))
			.mapToLong(o -> o.get("amountYuan").asLong())
			.sum();
	}

	// ---- appeals ----

	@Test
	@Order(30)
	void anAmendedAppealChangesTheNoticeAndTheHistoryWhileTheMachineOutcomeStaysVisible() {
		JsonNode deduction = this.demo.lastOutcomes.stream()
			.filter(o -> o.get("ruleId").asText().equals("R-CTY-01") && o.get("measure").asText().equals("FISCAL_DEDUCTION"))
			.findFirst()
			.orElseThrow();
		String id = deduction.get("id").asText();
		String subject = deduction.at("/subject/id").asText();
		assertThat(deduction.get("amountYuan").asLong()).isEqualTo(1_000_000);
		long machineTotal = sum("FISCAL_DEDUCTION");

		KaoheApi.Response filed = post("/api/v1/outcomes/" + id + "/appeals",
				"{\"reason\": \"该周监测点位故障，数据经省站确认无效\", \"attachment\": \"OA-2026-1088\"}", TestActors.as("北邙区政府", Role.VIEWER));
		assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
		String appeal = filed.body().get("id").asText();
		assertThat(filed.body().get("status").asText()).isEqualTo("PENDING");
		assertThat(filed.body().get("filedBy").asText()).isEqualTo("北邙区政府");
		assertThat(post("/api/v1/outcomes/" + id + "/appeals", "{\"reason\": \"再次申诉\"}", TestActors.as("北邙区政府", Role.VIEWER)).status())
			.isEqualTo(409);

		String amend = "{\"decision\": \"AMENDED\", \"reason\": \"监测数据部分无效，减半扣缴\", \"amountYuan\": 500000}";
		assertThat(post("/api/v1/appeals/" + appeal + "/decision", amend, TestActors.as("北邙区政府", Role.APPROVER)).status())
			.as("the filer does not decide").isEqualTo(403);
		assertThat(post("/api/v1/appeals/" + appeal + "/decision", amend, TestActors.as("王查看", Role.VIEWER)).status())
			.as("a viewer does not decide").isEqualTo(403);
		assertThat(post("/api/v1/appeals/" + appeal + "/decision", "{\"decision\": \"AMENDED\", \"reason\": \"x\", \"measure\": \"STOP_WORK\"}",
				TestActors.as("李复核", Role.APPROVER)).status()).as("a county is not stopped like a site").isEqualTo(400);
		KaoheApi.Response decided = post("/api/v1/appeals/" + appeal + "/decision", amend, TestActors.as("李复核", Role.APPROVER));
		assertThat(decided.status()).as("%s", decided.body()).isEqualTo(200);
		assertThat(decided.body().get("status").asText()).isEqualTo("AMENDED");

		// the outcome: the machine's as stored, the amended one in force, the decision on record
		JsonNode outcome = this.api.get("/api/v1/outcomes/{id}", id).body();
		assertThat(outcome.get("amountYuan").asLong()).isEqualTo(1_000_000);
		assertThat(outcome.get("measure").asText()).isEqualTo("FISCAL_DEDUCTION");
		assertThat(outcome.at("/effective/status").asText()).isEqualTo("AMENDED");
		assertThat(outcome.at("/effective/amountYuan").asLong()).isEqualTo(500_000);
		assertThat(outcome.at("/effective/decidedBy").asText()).isEqualTo("李复核");
		assertThat(outcome.at("/appeals/0/decisions/0/decision").asText()).isEqualTo("AMENDED");
		assertThat(outcome.at("/appeals/0/attachment").asText()).isEqualTo("OA-2026-1088");

		// the inbox
		assertThat(this.api.get("/api/v1/appeals?status=AMENDED").body().get("content"))
			.anySatisfy(a -> assertThat(a.get("id").asText()).isEqualTo(appeal));
		assertThat(this.api.get("/api/v1/appeals?status=PENDING").body().get("content"))
			.noneSatisfy(a -> assertThat(a.get("id").asText()).isEqualTo(appeal));
		assertThat(this.api.get("/api/v1/appeals/{id}", appeal).body().at("/outcome/effective/amountYuan").asLong()).isEqualTo(500_000);

		// the notice: the entry and the totals in force, the machine's beside them
		String notice = html(this.demo.lastRun());
		assertThat(notice).contains("财政扣款合计" + Narration.yuan(machineTotal - 500_000))
			.contains("财政扣款 50万元")
			.contains("经复核变更，原为财政扣款 100万元；复核理由：监测数据部分无效，减半扣缴")
			.contains("变更结论1项", "财政扣款" + Narration.yuan(machineTotal));

		// the history
		JsonNode period = historyPeriod(subject, "2026-Q3");
		JsonNode shown = StreamSupport.stream(period.get("outcomes").spliterator(), false)
			.filter(o -> o.get("id").asText().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(shown.get("amountYuan").asLong()).isEqualTo(1_000_000);
		assertThat(shown.at("/effective/amountYuan").asLong()).isEqualTo(500_000);

		// the explanation says so too
		assertThat(this.api.get("/api/v1/outcomes/{id}/explanation", id).body().get("paragraph").asText())
			.contains("复核：复核变更为财政扣款 50万元（李复核");
	}

	@Test
	@Order(31)
	void aRevokedOutcomeLeavesTheNoticeAndAReEvaluationAfterCorrectedFactsLinksBothWays() {
		// 河图广场站 appeals its one failed checklist item: the material was covered, the photo proves it
		JsonNode warning = FourQuarters.only(array(), "R-SITE-01", "S0017", "WARNING");
		String id = warning.get("id").asText();
		String appeal = post("/api/v1/outcomes/" + id + "/appeals", "{\"reason\": \"物料已覆盖，检查记录有误，附现场照片\"}",
				TestActors.as("地铁建设指挥部", Role.VIEWER)).body().get("id").asText();
		KaoheApi.Response revoked = post("/api/v1/appeals/" + appeal + "/decision", "{\"decision\": \"REVOKED\", \"reason\": \"检查记录有误\"}",
				TestActors.as("李复核", Role.APPROVER));
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/outcomes/{id}", id).body().at("/effective/inForce").asBoolean()).isFalse();
		assertThat(html(this.demo.lastRun())).contains("撤销结论1项");

		// the office corrects the inspection and evaluates the quarter again
		ObjectNode corrected = this.demo.documents.get("2026-Q3").deepCopy();
		for (JsonNode i : corrected.get("inspections")) {
			if (i.get("siteId").asText().equals("S0017")) {
				((ObjectNode) i.get("items")).put("MATERIAL_COVER", true);
			}
		}
		assertThat(this.api.uploadJson(corrected, null).status()).isEqualTo(201);
		KaoheApi.Response again = this.api.evaluate("2026-Q3", null);
		assertThat(again.status()).isEqualTo(201);
		String newRun = again.body().get("runId").asText();

		// the revoked outcome: nothing of its rule for the site in the new run
		JsonNode old = this.api.get("/api/v1/outcomes/{id}", id).body();
		assertThat(old.get("links")).anySatisfy(l -> {
			assertThat(l.get("relation").asText()).isEqualTo("RE_EVALUATED_AS");
			assertThat(l.get("runId").asText()).isEqualTo(newRun);
			assertThat(l.get("match").asText()).isEqualTo("NONE");
			assertThat(l.get("outcomeId").isNull()).isTrue();
		});
		// the amended deduction (facts unchanged): the same decision again, linked both ways
		String amended = this.api.get("/api/v1/appeals?status=AMENDED").body().at("/content/0/outcomeId").asText();
		JsonNode link = StreamSupport.stream(this.api.get("/api/v1/outcomes/{id}", amended).body().get("links").spliterator(), false)
			.filter(l -> l.get("runId").asText().equals(newRun))
			.findFirst()
			.orElseThrow();
		assertThat(link.get("match").asText()).isEqualTo("SAME_FACTS");
		JsonNode fresh = this.api.get("/api/v1/outcomes/{id}", link.get("outcomeId").asText()).body();
		assertThat(fresh.get("runId").asText()).isEqualTo(newRun);
		assertThat(fresh.get("amountYuan").asLong()).isEqualTo(1_000_000);
		assertThat(fresh.get("links")).anySatisfy(l -> {
			assertThat(l.get("relation").asText()).isEqualTo("RE_EVALUATION_OF");
			assertThat(l.get("outcomeId").asText()).isEqualTo(amended);
		});
		assertThat(again.body().get("outcomes")).noneSatisfy(o -> {
			assertThat(o.get("ruleId").asText()).isEqualTo("R-SITE-01");
			assertThat(o.at("/subject/id").asText()).isEqualTo("S0017");
		});
	}

	private JsonNode historyPeriod(String subject, String period) {
		for (JsonNode p : this.api.get("/api/v1/subjects/{id}/history", subject).body().get("periods")) {
			if (p.get("period").asText().equals(period)) {
				return p;
			}
		}
		throw new AssertionError(period + " not in the history of " + subject);
	}

	private String html(String runId) {
		KaoheApi.Response r = this.api.get("/api/v1/evaluations/{id}/notice?format=html", runId);
		assertThat(r.status()).isEqualTo(200);
		return new String(r.bytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
	}

	private KaoheApi.Response post(String path, String json, org.springframework.test.web.servlet.request.RequestPostProcessor actor) {
		try {
			var result = this.mvc.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json).with(actor))
				.andReturn();
			String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			return new KaoheApi.Response(result.getResponse().getStatus(), text.isEmpty() ? null : FactJson.mapper().readTree(text), result);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode array() {
		return FactJson.mapper().valueToTree(this.demo.lastOutcomes);
	}

	/**
	 * The uploaded documents and the ranks computed from them, to check evidence rows against: raw fields
	 * against the rows as uploaded, ranks against a computation of their own.
	 */
	static final class Facts {

		private static final Set<String> DERIVED = Set.of("table", "failedItems", "daysOverdue", "current");

		private final Map<String, List<JsonNode>> byId = new HashMap<>();

		private final Map<String, List<JsonNode>> bySubjectAndDay = new HashMap<>();

		private final Map<String, Rank> ranks = new HashMap<>();

		Facts(Map<String, JsonNode> documents, Ruleset ruleset) {
			FactDocumentReader reader = new FactDocumentReader(ruleset::validationContext);
			for (JsonNode doc : documents.values()) {
				doc.fields().forEachRemaining(table -> {
					if (!table.getValue().isArray()) {
						return;
					}
					for (JsonNode row : table.getValue()) {
						if (row.has("id")) {
							this.byId.computeIfAbsent(table.getKey() + ":" + row.get("id").asText(), k -> new ArrayList<>()).add(row);
						}
						String subject = row.path("subjectId").asText(row.path("siteId").asText(row.path("departmentId").asText("")));
						String day = row.path("on").asText(row.path("at").asText(row.path("period").asText("")));
						this.bySubjectAndDay.computeIfAbsent(table.getKey() + ":" + subject + ":" + normal(day) + ":" + row.path("indicator").asText(""),
								k -> new ArrayList<>()).add(row);
					}
				});
				FactDocument d = reader.read(doc.toString().getBytes(StandardCharsets.UTF_8));
				for (Rank r : RankingCalculator.rank(d, ruleset.parametersFor(d.getPeriod()))) {
					this.ranks.put(r.getSubjectId() + ":" + r.getPeriod() + ":" + r.getIndicator(), r);
				}
			}
		}

		List<String> mismatches(String where, List<Map<String, Object>> evidence, JsonNode explanation) {
			List<String> problems = new ArrayList<>();
			for (Map<String, Object> row : evidence) {
				String table = String.valueOf(row.get("table"));
				if (table.equals("rankings")) {
					Rank r = this.ranks.get(row.get("subjectId") + ":" + row.get("period") + ":" + row.get("indicator"));
					if (r == null || r.getRank() != ((Number) row.get("rank")).intValue() || r.getOf() != ((Number) row.get("of")).intValue()
							|| r.getRankFromBottom() != ((Number) row.get("rankFromBottom")).intValue()) {
						problems.add(where + ": rank row " + row + " differs from the ranks of the uploaded facts: " + r);
					}
					continue;
				}
				if (table.equals("outcomes")) {
					continue;
				}
				List<JsonNode> candidates = row.containsKey("id") ? this.byId.get(table + ":" + row.get("id"))
						: this.bySubjectAndDay.get(table + ":" + row.getOrDefault("subjectId", row.getOrDefault("siteId", row.getOrDefault("departmentId", "")))
								+ ":" + normal(String.valueOf(row.getOrDefault("on", row.getOrDefault("at", row.getOrDefault("period", "")))))
								+ ":" + row.getOrDefault("indicator", ""));
				if (candidates == null || candidates.stream().noneMatch(c -> agrees(row, c))) {
					problems.add(where + ": evidence row " + row + " is not a row of the uploaded facts");
				}
			}
			for (JsonNode h : explanation.get("history")) {
				if (h.get("table").asText().equals("outcomes") && h.path("outcomeId").isMissingNode()) {
					problems.add(where + ": an earlier outcome in the history chain is not linked to its stored outcome: " + h);
				}
			}
			return problems;
		}

		private static boolean agrees(Map<String, Object> evidence, JsonNode uploaded) {
			for (Map.Entry<String, Object> e : evidence.entrySet()) {
				if (DERIVED.contains(e.getKey()) || !uploaded.has(e.getKey()) || e.getKey().equals("type") && evidence.get("table").equals("subjects")) {
					continue;
				}
				JsonNode u = uploaded.get(e.getKey());
				Object v = e.getValue();
				boolean same = (v instanceof Number n) ? u.isNumber() && Double.compare(u.asDouble(), n.doubleValue()) == 0
						: (v instanceof Boolean b) ? u.isBoolean() && u.asBoolean() == b
								: (v instanceof Map<?, ?> m) ? same(FactJson.mapper().valueToTree(m), u)
										: normal(String.valueOf(v)).equals(normal(u.asText()));
				if (!same) {
					return false;
				}
			}
			return true;
		}

		/** Date-times compared without seconds formatting differences. */
		private static String normal(String s) {
			if (s.length() >= 16 && s.charAt(10) == 'T') {
				try {
					return LocalDateTime.parse(s).toString();
				}
				catch (RuntimeException ex) {
					return s;
				}
			}
			return s;
		}

	}

	@SuppressWarnings("unused")
	private static Map<String, Object> map(JsonNode n) {
		return FactJson.mapper().convertValue(n, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	@SuppressWarnings("unused")
	private static void write(String name, byte[] bytes) throws IOException {
		Files.write(Path.of("target", name), bytes);
	}

}

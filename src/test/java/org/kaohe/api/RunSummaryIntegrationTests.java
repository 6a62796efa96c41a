package org.kaohe.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.kaohe.ingest.FactJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code GET /api/v1/evaluations/{runId}/summary} and the {@code county} filter of the outcome list:
 * what the console shows as totals per kind and money, answered by the API rather than added up from
 * pages in the browser.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RunSummaryIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	KaoheApi api;

	@BeforeEach
	void clean() {
		StoredTables.clear(this.jdbc);
		this.api = new KaoheApi(this.mvc);
	}

	@Test
	void deductionsAndRewardsAreTotalledApartPerKindRuleAndCounty() {
		FourQuarters.upload(this.api);
		String runId = FourQuarters.evaluateThirdQuarter(this.api).get("runId").asText();

		JsonNode summary = this.api.get("/api/v1/evaluations/{run}/summary", runId).body();

		assertThat(summary.get("period").asText()).isEqualTo("2026-Q3");
		// R-CTY-01 河西区 1,000,000 and seven R-CTY-04 deductions; R-CTY-15 rewards to 河东区, 河西区, 城南区
		assertThat(summary.get("totals")).hasToString(totals(38, 13_366_400, 4_500_000, 0, 0));
		assertThat(summary.get("byKind")).extracting(k -> k.get("kind").asText(), k -> k.get("count").asInt())
			.containsExactly(tuple("WARNING", 5), tuple("INTERVIEW", 10), tuple("FINE", 8), tuple("ORDER", 0),
					tuple("ACCOUNTABILITY", 0), tuple("COMMENDATION", 15));
		assertThat(summary.at("/byKind/2/deductionYuan").asLong()).isEqualTo(13_366_400);
		assertThat(summary.at("/byKind/2/rewardYuan").asLong()).isZero();
		assertThat(summary.at("/byKind/5/rewardYuan").asLong()).isEqualTo(4_500_000);
		assertThat(summary.get("byRule")).extracting(r -> r.get("ruleId").asText(), r -> r.get("count").asInt(),
				r -> r.get("deductionYuan").asLong(), r -> r.get("rewardYuan").asLong())
			.containsExactly(tuple("R-CTY-01", 2, 1_000_000L, 0L), tuple("R-CTY-02", 3, 0L, 0L), tuple("R-CTY-03", 9, 0L, 0L),
					tuple("R-CTY-04", 7, 12_366_400L, 0L), tuple("R-CTY-15", 15, 0L, 4_500_000L),
					tuple("R-DEPT-02", 2, 0L, 0L));
		assertThat(summary.at("/byRule/0/ruleName").asText()).isEqualTo("周排名组内末位：黄牌警告并按指标扣缴");
		assertThat(summary.get("byMeasure")).extracting(m -> m.get("measure").asText())
			.containsExactly("PUBLIC_CRITICISM", "YELLOW_CARD", "INTERVIEW", "PUBLIC_INTERVIEW", "FISCAL_DEDUCTION", "COMMENDATION",
					"FISCAL_REWARD", "CADRE_PREFERENCE");
		assertThat(summary.get("bySubjectType")).extracting(t -> t.get("subjectType").asText(), t -> t.get("count").asInt())
			.containsExactly(tuple("COUNTY", 36), tuple("DEPARTMENT", 2));
		// every county of the upload, the ones without outcomes too; 市住建局 is in no county
		assertThat(summary.get("byCounty")).extracting(c -> c.get("countyId").textValue(), c -> c.get("countyName").textValue(),
				c -> c.get("count").asInt(), c -> c.get("deductionYuan").asLong())
			.containsExactly(tuple("C01", "河东区", 9, 0L), tuple("C02", "河西区", 6, 1_000_000L),
					tuple("C03", "城南区", 5, 2_500_000L), tuple("C04", "城北区", 2, 0L), tuple("C05", "高新区", 7, 3_433_200L),
					tuple("C06", "经开区", 7, 6_433_200L), tuple(null, null, 2, 0L));

		JsonNode filtered = this.api.get("/api/v1/evaluations/{run}/summary?kind=FINE&county=C05", runId).body();
		assertThat(filtered.get("totals")).hasToString(totals(3, 3_433_200, 0, 0, 0));
		assertThat(filtered.get("byRule")).extracting(r -> r.get("ruleId").asText()).containsExactly("R-CTY-04");
	}

	/**
	 * The demo city's 2026-Q3: a county's list holds its enterprises', sites' and officials' outcomes
	 * too, and every total equals what the outcomes themselves add up to, fine referral ranges included.
	 */
	@Test
	void aCountyHoldsItsEnterprisesSitesAndOfficialsAndTheTotalsAddUp() throws IOException {
		assertThat(this.api.uploadJson(FactJson.mapper().readTree(Files.readAllBytes(Path.of("fixtures/demo-city/2026-Q3.json"))),
				null).status()).isEqualTo(201);
		String runId = this.api.evaluate("2026-Q3", null).body().get("runId").asText();
		List<JsonNode> all = outcomes(runId, "");
		Map<String, String> countyOf = new HashMap<>();
		for (JsonNode s : this.api.get("/api/v1/subjects?size=500&page=0").body().get("content")) {
			countyOf.put(s.get("id").asText(), s.get("countyId").textValue());
		}
		for (JsonNode s : this.api.get("/api/v1/subjects?size=500&page=1").body().get("content")) {
			countyOf.put(s.get("id").asText(), s.get("countyId").textValue());
		}
		assertThat(countyOf).hasSize(648);

		List<JsonNode> c08 = outcomes(runId, "&county=C08");

		assertThat(c08).extracting(o -> o.at("/subject/type").asText()).contains("COUNTY", "ENTERPRISE", "SITE", "PERSON");
		assertThat(c08).allSatisfy(o -> assertThat(countyOf.get(o.at("/subject/id").asText())).isEqualTo("C08"));
		assertThat(c08).hasSize((int) all.stream().filter(o -> "C08".equals(countyOf.get(o.at("/subject/id").asText()))).count());
		// 洛州天元精细化工 (C08): 夜查发现暗管偷排废气 → 顶格处罚
		assertThat(c08).anySatisfy(o -> {
			assertThat(o.at("/subject/id").asText()).isEqualTo("E0115");
			assertThat(o.get("ruleId").asText()).isEqualTo("R-ENT-02");
			assertThat(o.get("measure").asText()).isEqualTo("FINE_REFERRAL_MAX");
		});

		JsonNode summary = this.api.get("/api/v1/evaluations/{run}/summary", runId).body();
		assertThat(summary.get("totals")).hasToString(expected(all));
		assertThat(summary.get("totals").get("fineMaxYuan").asLong()).isPositive();
		for (JsonNode k : summary.get("byKind")) {
			assertThat(withoutKey(k)).as("kind %s", k.get("kind"))
				.isEqualTo(expected(all.stream().filter(o -> o.get("kind").equals(k.get("kind"))).toList()));
		}
		for (JsonNode r : summary.get("byRule")) {
			assertThat(withoutKey(r)).as("rule %s", r.get("ruleId"))
				.isEqualTo(expected(all.stream().filter(o -> o.get("ruleId").equals(r.get("ruleId"))).toList()));
		}
		for (JsonNode c : summary.get("byCounty")) {
			String county = c.get("countyId").textValue();
			assertThat(withoutKey(c)).as("county %s", county).isEqualTo(expected(all.stream()
				.filter(o -> Objects.equals(countyOf.get(o.at("/subject/id").asText()), county))
				.toList()));
		}
		assertThat(summary.get("byCounty")).hasSize(16);
		assertThat(this.api.get("/api/v1/evaluations/{run}/summary?county=C08", runId).body().get("totals"))
			.hasToString(expected(c08));
		assertThat(this.api.get("/api/v1/evaluations/{run}/outcomes?county=NOWHERE", runId).body().get("total").asInt()).isZero();
		assertThat(this.api.get("/api/v1/evaluations/{run}/summary?kind=NONSENSE", runId).status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/evaluations/{run}/summary", "no-such-run").status()).isEqualTo(404);
	}

	private List<JsonNode> outcomes(String runId, String filter) {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode p = this.api.get("/api/v1/evaluations/" + runId + "/outcomes?size=500&page=" + page + filter).body();
			p.get("content").forEach(all::add);
			if (all.size() >= p.get("total").asInt()) {
				return all;
			}
		}
	}

	/** What the outcomes add up to: deductions and rewards by measure, fine ranges as they are. */
	private static String expected(List<JsonNode> outcomes) {
		Function<String, Long> amounts = measure -> outcomes.stream()
			.filter(o -> o.get("measure").asText().equals(measure) && o.hasNonNull("amountYuan"))
			.mapToLong(o -> o.get("amountYuan").asLong())
			.sum();
		long min = outcomes.stream().filter(o -> o.has("fineRangeYuan")).mapToLong(o -> o.at("/fineRangeYuan/minYuan").asLong()).sum();
		long max = outcomes.stream().filter(o -> o.has("fineRangeYuan")).mapToLong(o -> o.at("/fineRangeYuan/maxYuan").asLong()).sum();
		return totals(outcomes.size(), amounts.apply("FISCAL_DEDUCTION"), amounts.apply("FISCAL_REWARD"), min, max);
	}

	/** Totals as the API writes them. */
	private static String totals(long count, long deduction, long reward, long fineMin, long fineMax) {
		return FactJson.mapper()
			.createObjectNode()
			.put("count", count)
			.put("deductionYuan", deduction)
			.put("rewardYuan", reward)
			.put("fineMinYuan", fineMin)
			.put("fineMaxYuan", fineMax)
			.toString();
	}

	/** A breakdown entry's totals without the key it is grouped by. */
	private static String withoutKey(JsonNode entry) {
		return totals(entry.get("count").asLong(), entry.get("deductionYuan").asLong(), entry.get("rewardYuan").asLong(),
				entry.get("fineMinYuan").asLong(), entry.get("fineMaxYuan").asLong());
	}

}

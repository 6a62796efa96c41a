package org.kaohe.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.kaohe.CityFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code GET /api/v1/rankings/series} and {@code …/indicators}: each unit's rank and value over every
 * stored period, for the trend chart, computed like {@code GET /api/v1/rankings}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RankSeriesIntegrationTests {

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
	void theIndicatorsOfTheStoredFactsWithTheirGranularitiesAndGroups() {
		assertThat(this.api.get("/api/v1/rankings/indicators").body().get("total").asInt()).isZero();
		FourQuarters.upload(this.api);

		JsonNode indicators = this.api.get("/api/v1/rankings/indicators").body().get("content");

		assertThat(indicators).hasSize(1);
		assertThat(indicators.get(0).toString()).isEqualTo("{\"indicator\":\"PM25\",\"indicatorLabel\":\"PM2.5\","
				+ "\"granularities\":[\"MONTH\",\"WEEK\"],\"groups\":[\"城区组\"],\"first\":\"2025-10\",\"last\":\"2026-09\"}");
	}

	/** 城南区 is bottom of six in 2025-12, 2026-02 and 2026-08 and second otherwise; 河东区 always first. */
	@Test
	void eachUnitsMonthlyRankAndValueOverFourQuarters() {
		FourQuarters.upload(this.api);

		JsonNode series = this.api.get("/api/v1/rankings/series?indicator=PM25").body();

		assertThat(series.get("granularity").asText()).as("months by default").isEqualTo("MONTH");
		assertThat(series.get("indicatorLabel").asText()).isEqualTo("PM2.5");
		assertThat(series.get("periods")).extracting(JsonNode::asText)
			.containsExactly("2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
					"2026-07", "2026-08", "2026-09");
		assertThat(series.get("series")).extracting(s -> s.get("subjectId").asText(), s -> s.get("subjectName").asText())
			.containsExactly(tuple("C01", "河东区"), tuple("C02", "河西区"), tuple("C03", "城南区"), tuple("C04", "城北区"),
					tuple("C05", "高新区"), tuple("C06", "经开区"));
		JsonNode c03 = series.get("series").get(2);
		assertThat(c03.get("group").asText()).isEqualTo("城区组");
		assertThat(ranks(c03)).containsExactly(2, 2, 6, 2, 6, 2, 2, 2, 2, 2, 6, 2);
		assertThat(c03.get("points")).extracting(p -> p.get("value").asDouble())
			.containsExactly(31.0, 31.0, 60.0, 31.0, 60.0, 31.0, 31.0, 31.0, 31.0, 31.0, 60.0, 31.0);
		assertThat(c03.at("/points/2/rankFromBottom").asInt()).isEqualTo(1);
		assertThat(c03.at("/points/2/of").asInt()).isEqualTo(6);
		assertThat(c03.at("/points/2/source").asText()).isEqualTo("COMPUTED");
		assertThat(ranks(series.get("series").get(0))).containsOnly(1);

		JsonNode weeks = this.api.get("/api/v1/rankings/series?indicator=PM25&granularity=week&group={g}", "城区组").body();
		assertThat(weeks.get("periods")).extracting(JsonNode::asText).containsExactly("2026-W26", "2026-W27");
		assertThat(weeks.get("series").get(1).get("subjectId").asText()).isEqualTo("C02");
		assertThat(ranks(weeks.get("series").get(1))).containsExactly(6, 6);

		JsonNode otherGroup = this.api.get("/api/v1/rankings/series?indicator=PM25&group={g}", "县组").body();
		assertThat(otherGroup.get("periods")).isEmpty();
		assertThat(otherGroup.get("series")).isEmpty();
	}

	@Test
	void aCorrectionChangesTheSeriesAndBadRequestsAreAnswered() {
		FourQuarters.upload(this.api);
		assertThat(this.api.uploadJson(CityFixture.correctedThirdQuarter(), null).status()).isEqualTo(201);

		JsonNode series = this.api.get("/api/v1/rankings/series?indicator=PM25&granularity=MONTH").body();

		assertThat(ranks(series.get("series").get(2))).as("the latest revision of 2026-Q3")
			.containsExactly(2, 2, 6, 2, 6, 2, 2, 2, 2, 2, 2, 2);
		KaoheApi.Response unknown = this.api.get("/api/v1/rankings/series?indicator=SO2");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body().get("detail").asText()).contains("SO2");
		assertThat(this.api.get("/api/v1/rankings/series?indicator=PM25&granularity=DAY").status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/rankings/series").status()).isEqualTo(400);
	}

	/** A stored quarter's ranks are all its months' and weeks' too; {@code granularity} keeps one kind. */
	@Test
	void theRankingTableOfAStoredPeriodCanBeNarrowedToOneGranularity() {
		FourQuarters.upload(this.api);

		JsonNode all = this.api.get("/api/v1/rankings?period=2026-Q3&indicator=PM25").body();
		JsonNode weeks = this.api.get("/api/v1/rankings?period=2026-Q3&indicator=PM25&granularity=WEEK").body();

		assertThat(all.get("total").asInt()).as("three months and one week of six counties").isEqualTo(24);
		assertThat(weeks.get("total").asInt()).isEqualTo(6);
		assertThat(weeks.get("content")).extracting(r -> r.get("period").asText()).containsOnly("2026-W27");
		assertThat(weeks.get("content")).extracting(r -> r.get("subjectId").asText(), r -> r.get("rank").asInt())
			.containsExactly(tuple("C01", 1), tuple("C03", 2), tuple("C04", 3), tuple("C05", 4), tuple("C06", 5),
					tuple("C02", 6));
		assertThat(this.api.get("/api/v1/rankings?period=2026-Q3&granularity=QUARTER").body().get("total").asInt()).isZero();
		assertThat(this.api.get("/api/v1/rankings?granularity=FORTNIGHT").status()).isEqualTo(400);
	}

	private static List<Integer> ranks(JsonNode unit) {
		List<Integer> ranks = new java.util.ArrayList<>();
		unit.get("points").forEach(p -> ranks.add(p.get("rank").asInt()));
		return ranks;
	}

}

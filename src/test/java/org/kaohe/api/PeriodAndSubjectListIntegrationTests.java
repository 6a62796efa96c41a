package org.kaohe.api;

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
 * {@code GET /api/v1/periods} (what is stored, what is evaluated, what was corrected since) and
 * {@code GET /api/v1/subjects} (finding a unit by type, county, name or ID).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PeriodAndSubjectListIntegrationTests {

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
	void periodsSayWhichRevisionWasEvaluatedAndWhichWasCorrectedSince() {
		assertThat(this.api.get("/api/v1/periods").body().get("total").asInt()).isZero();
		FourQuarters.upload(this.api);
		FourQuarters.evaluateThirdQuarter(this.api);

		JsonNode periods = this.api.get("/api/v1/periods").body();

		assertThat(periods.get("content")).extracting(p -> p.get("period").asText(), p -> p.get("revision").asInt(),
				p -> p.get("evaluated").asBoolean(), p -> p.get("latestRun").isNull())
			.containsExactly(tuple("2026-Q3", 1, true, false), tuple("2026-Q2", 1, false, true),
					tuple("2026-Q1", 1, false, true), tuple("2025-Q4", 1, false, true));
		JsonNode q3 = periods.at("/content/0");
		assertThat(q3.get("format").asText()).isEqualTo("CSV");
		assertThat(q3.at("/latestRun/runNumber").asInt()).isEqualTo(1);
		assertThat(q3.at("/latestRun/outcomeCount").asInt()).isEqualTo(38);

		assertThat(this.api.uploadJson(CityFixture.correctedThirdQuarter(), null).status()).isEqualTo(201);
		q3 = this.api.get("/api/v1/periods?size=1").body();
		assertThat(q3.get("total").asInt()).isEqualTo(4);
		assertThat(q3.get("content")).hasSize(1);
		assertThat(q3.at("/content/0/revision").asInt()).isEqualTo(2);
		assertThat(q3.at("/content/0/evaluated").asBoolean()).as("corrected since its run").isFalse();
		assertThat(q3.at("/content/0/latestRun/revision").asInt()).isEqualTo(1);

		this.api.evaluate("2026-Q3", null);
		q3 = this.api.get("/api/v1/periods?size=1").body();
		assertThat(q3.at("/content/0/evaluated").asBoolean()).isTrue();
		assertThat(q3.at("/content/0/latestRun/runNumber").asInt()).isEqualTo(2);
		assertThat(q3.at("/content/0/latestRun/revision").asInt()).isEqualTo(2);
	}

	@Test
	void unitsAreFoundByTypeCountyNameOrId() {
		assertThat(this.api.get("/api/v1/subjects").status()).as("nothing stored yet").isEqualTo(404);
		FourQuarters.upload(this.api);

		JsonNode all = this.api.get("/api/v1/subjects").body();

		assertThat(all.get("period").asText()).as("the latest stored period").isEqualTo("2026-Q3");
		assertThat(all.get("content")).extracting(s -> s.get("id").asText())
			.containsExactly("C01", "C02", "C03", "C04", "C05", "C06", "D-ZJ", "E0001", "S0001", "P001");
		assertThat(this.api.get("/api/v1/subjects?county=C01").body().get("content"))
			.extracting(s -> s.get("id").asText(), s -> s.get("type").asText(), s -> s.get("countyName").asText())
			.containsExactly(tuple("C01", "COUNTY", "河东区"), tuple("E0001", "ENTERPRISE", "河东区"),
					tuple("S0001", "SITE", "河东区"));
		assertThat(this.api.get("/api/v1/subjects?county=C03").body().get("content")).extracting(s -> s.get("id").asText())
			.containsExactly("C03", "P001");
		JsonNode site = this.api.get("/api/v1/subjects?type=site").body().at("/content/0");
		assertThat(site.get("name").asText()).isEqualTo("地铁3号线某站");
		assertThat(site.get("parentId").asText()).isEqualTo("C01");
		assertThat(site.get("countyId").asText()).isEqualTo("C01");
		assertThat(this.api.get("/api/v1/subjects?type=DEPARTMENT").body().at("/content/0/countyId").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/subjects?q={q}", "河").body().get("content")).extracting(s -> s.get("name").asText())
			.containsExactly("河东区", "河西区");
		assertThat(this.api.get("/api/v1/subjects?q=s00").body().get("content")).extracting(s -> s.get("id").asText())
			.containsExactly("S0001");
		JsonNode page = this.api.get("/api/v1/subjects?size=4&page=2").body();
		assertThat(page.get("total").asInt()).isEqualTo(10);
		assertThat(page.get("content")).extracting(s -> s.get("id").asText()).containsExactly("S0001", "P001");
		assertThat(this.api.get("/api/v1/subjects?period=2026-08").body().get("period").asText()).isEqualTo("2026-Q3");
		assertThat(this.api.get("/api/v1/subjects?period=2025-Q4").body().get("period").asText()).isEqualTo("2025-Q4");
		assertThat(this.api.get("/api/v1/subjects?type=VILLAGE").status()).isEqualTo(400);
	}

}

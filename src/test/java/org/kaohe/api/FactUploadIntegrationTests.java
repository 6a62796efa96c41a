package org.kaohe.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.kaohe.CityFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/facts} and the templates, on the embedded database. */
@SpringBootTest
@AutoConfigureMockMvc
class FactUploadIntegrationTests {

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
	void fourQuartersUploadedFourWaysAreStoredAsTheirDocuments() {
		List<JsonNode> receipts = FourQuarters.upload(this.api);

		assertThat(receipts).extracting(r -> r.get("period").asText()).containsExactlyElementsOf(CityFixture.QUARTERS);
		JsonNode stored = this.api.get("/api/v1/facts/{id}", receipts.get(2).get("batchId").asText()).body();
		assertThat(stored.at("/subjects/1/name").asText()).isEqualTo("河西区");
		assertThat(stored.at("/inspections/0/items/FENCING").booleanValue()).isTrue();
		assertThat(stored.at("/tasks/0/due").asText()).isEqualTo("2026-05-11");
		assertThat(StoredTables.counts(this.jdbc).get("fact_row")).isEqualTo(
				receipts.stream().mapToLong(r -> r.get("rowCount").asLong()).sum());
		assertThat(this.api.get("/api/v1/facts?page=0&size=2").body().get("total").asInt()).isEqualTo(4);
	}

	@Test
	void aRejectedUploadListsEveryProblemAndStoresNothing() {
		FourQuarters.upload(this.api);

		FourQuarters.rejectedUploadListsEveryProblemAndChangesNothing(this.api, this.jdbc);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyStoresOnceAndGetsTheFirstAnswer() {
		ObjectNode q3 = CityFixture.quarter("2026-Q3");

		KaoheApi.Response first = this.api.uploadJson(q3, "oa-2026-Q3-0001");
		KaoheApi.Response retry = this.api.uploadJson(q3, "oa-2026-Q3-0001");

		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(StoredTables.counts(this.jdbc).get("fact_batch")).isEqualTo(1);
	}

	@Test
	void theSameIdempotencyKeyWithOtherFactsIsRefused() {
		this.api.uploadJson(CityFixture.quarter("2026-Q3"), "oa-key");

		KaoheApi.Response other = this.api.uploadJson(CityFixture.correctedThirdQuarter(), "oa-key");

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/idempotency-key-reused");
		assertThat(other.body().get("errors")).isEmpty();
		assertThat(StoredTables.counts(this.jdbc).get("fact_batch")).isEqualTo(1);
	}

	@Test
	void aCorrectionIsANewRevisionAndEveryRevisionIsKept() {
		JsonNode first = this.api.uploadJson(CityFixture.quarter("2026-Q3"), null).body();
		JsonNode second = this.api.uploadJson(CityFixture.correctedThirdQuarter(), null).body();

		assertThat(first.get("revision").asInt()).isEqualTo(1);
		assertThat(second.get("revision").asInt()).isEqualTo(2);
		assertThat(second.get("factsHash").asText()).isNotEqualTo(first.get("factsHash").asText());
		assertThat(this.api.get("/api/v1/facts?period=2026-Q3").body().get("content"))
			.extracting(b -> b.get("revision").asInt())
			.containsExactly(2, 1);
	}

	@Test
	void malformedJsonIsLocated() {
		KaoheApi.Response r = this.api.uploadJson(null, null);
		assertThat(r.status()).isEqualTo(400);

		KaoheApi.Response broken = this.api.uploadFiles(Map.of("subjects.csv",
				"id,type,name\r\nC01,COUNTY,\"河东区\r\n".getBytes(StandardCharsets.UTF_8)), "2026-Q3", null);
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.body().get("errors")).extracting(e -> e.get("code").asText()).containsExactly("MALFORMED_CSV");
	}

	@Test
	void templatesAreServedAndTheirHeadersUploadBack() {
		KaoheApi.Response xlsx = this.api.get("/api/v1/templates.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(xlsx.header("Content-Disposition")).contains("kaohe-template.xlsx");

		KaoheApi.Response csv = this.api.get("/api/v1/templates/{table}.csv", "subjects");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.bytes()[0] & 0xFF).isEqualTo(0xEF);

		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("subjects.csv", csv.bytes());
		KaoheApi.Response uploaded = this.api.uploadFiles(files, "2026-Q3", null);
		assertThat(uploaded.status()).as("%s", uploaded.body()).isEqualTo(201);
		assertThat(uploaded.body().at("/counts/subjects").asInt()).isZero();

		assertThat(this.api.get("/api/v1/templates/{table}.csv", "nonsense").status()).isEqualTo(404);
	}

	@Test
	void theTemplateListNamesEveryTableAndItsColumnsInChinese() {
		JsonNode list = this.api.get("/api/v1/templates").body();

		assertThat(list.get("workbook").asText()).isEqualTo("/api/v1/templates.xlsx");
		assertThat(list.get("tables")).extracting(t -> t.get("table").asText())
			.startsWith("subjects", "measurements", "rankings", "inspections", "tasks", "issues")
			.contains("monitoringAlarms");
		JsonNode tasks = list.get("tables").get(4);
		assertThat(tasks.get("label").asText()).isEqualTo("台账任务");
		assertThat(tasks.get("csv").asText()).isEqualTo("/api/v1/templates/tasks.csv");
		assertThat(tasks.get("columns")).extracting(c -> c.get("name").asText() + "=" + c.get("label").asText())
			.contains("done=完成量", "planned=计划量");
		JsonNode inspections = list.get("tables").get(3);
		assertThat(inspections.get("columns")).extracting(c -> c.get("name").asText() + "=" + c.get("label").asText())
			.contains("items.FENCING=周边围挡", "items.MONITORING=扬尘在线监测和视频监控联网")
			.noneMatch(c -> c.startsWith("items="));
		assertThat(this.api.get(tasks.get("csv").asText()).status()).isEqualTo(200);
	}

}

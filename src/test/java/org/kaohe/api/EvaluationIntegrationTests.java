package org.kaohe.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.kaohe.CityFixture;
import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.evaluation.EvaluationRuns;
import org.kaohe.evaluation.PeriodChain;
import org.kaohe.evaluation.StoredRun;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;
import org.kaohe.history.FactUploads;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.FactJson;
import org.kaohe.ingest.ParsedUpload;
import org.kaohe.ruleset.ActiveRuleset;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored evaluations, replays, corrections, rankings and subject history, on the embedded database. */
@SpringBootTest
@AutoConfigureMockMvc
class EvaluationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EvaluationRuns evaluations;

	@Autowired
	FactUploads uploads;

	@Autowired
	RuleEngine engine;

	@Autowired
	ActiveRuleset rules;

	KaoheApi api;

	@BeforeEach
	void clean() {
		StoredTables.clear(this.jdbc);
		this.api = new KaoheApi(this.mvc);
	}

	@Test
	void theFourthQuarterGetsTheOutcomesThatNeedTheFirstThree() {
		List<JsonNode> receipts = FourQuarters.upload(this.api);

		JsonNode run = FourQuarters.evaluateThirdQuarter(this.api);

		String runId = run.get("runId").asText();
		assertThat(run.get("revision").asInt()).isEqualTo(1);
		assertThat(run.get("batchId").asText()).isEqualTo(receipts.get(3).get("batchId").asText());
		assertThat(run.get("history")).extracting(h -> h.get("batchId").asText())
			.containsExactly(receipts.get(0).get("batchId").asText(), receipts.get(1).get("batchId").asText(),
					receipts.get(2).get("batchId").asText());
		// the earlier quarters were never evaluated: their facts count, their outcomes could not
		assertThat(run.get("warnings")).hasSize(3);
		FourQuarters.only(run.get("outcomes"), "R-DEPT-02", "D-ZJ", "PUBLIC_CRITICISM");
		assertThat(FourQuarters.summary(run.get("outcomes"))).doesNotContain("R-DEPT-02 D-ZJ LISTED_SUPERVISION");

		JsonNode stored = this.api.get("/api/v1/evaluations/{id}", runId).body();
		assertThat(stored.get("outcomeCount").asInt()).isEqualTo(run.get("outcomes").size());
		assertThat(stored.get("factsHash")).isEqualTo(run.get("factsHash"));

		JsonNode page = this.api.get("/api/v1/evaluations/{id}/outcomes?ruleId=R-CTY-03&subjectId=C03", runId).body();
		assertThat(page.get("total").asInt()).isEqualTo(1);
		assertThat(page.at("/content/0/measure").asText()).isEqualTo("PUBLIC_INTERVIEW");
		assertThat(page.at("/content/0/id")).isEqualTo(FourQuarters.only(run.get("outcomes"), "R-CTY-03", "C03",
				"PUBLIC_INTERVIEW").get("id"));

		JsonNode interviews = this.api.get("/api/v1/evaluations/{id}/outcomes?kind=INTERVIEW&subjectType=COUNTY&size=500", runId)
			.body();
		assertThat(interviews.get("content")).allSatisfy(o -> assertThat(o.get("kind").asText()).isEqualTo("INTERVIEW"));
		JsonNode second = this.api.get("/api/v1/evaluations/{id}/outcomes?page=1&size=2", runId).body();
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("size").asInt()).isEqualTo(2);
		assertThat(second.get("total").asInt()).isEqualTo(run.get("outcomes").size());
		assertThat(second.at("/content/0/id")).isEqualTo(run.at("/outcomes/2/id"));

		JsonNode runs = this.api.get("/api/v1/evaluations?period=2026-Q3").body();
		assertThat(runs.get("total").asInt()).isEqualTo(1);
		assertThat(runs.at("/content/0/runId").asText()).isEqualTo(runId);
	}

	@Test
	void withoutTheEarlierQuartersTheSameFactsOnlyWarn() {
		this.api.uploadJson(CityFixture.quarter("2026-Q3"), null);

		JsonNode outcomes = this.api.evaluate("2026-Q3", null).body().get("outcomes");

		FourQuarters.only(outcomes, "R-CTY-02", "C02", "WARNING");
		FourQuarters.only(outcomes, "R-CTY-03", "C03", "PUBLIC_CRITICISM");
	}

	@Test
	void aReplayOfAStoredRunGivesTheSameOutcomes() {
		FourQuarters.upload(this.api);
		String runId = FourQuarters.evaluateThirdQuarter(this.api).get("runId").asText();

		JsonNode replay = this.api.post("/api/v1/evaluations/" + runId + "/replay").body();

		assertThat(replay.get("identical").booleanValue()).as("%s", replay).isTrue();
		assertThat(replay.get("factsHashMatches").booleanValue()).isTrue();
		assertThat(replay.get("replayedCount").asInt()).isEqualTo(replay.get("storedCount").asInt()).isPositive();
	}

	@Test
	void aCorrectionIsUsedByTheNextRunWhileTheOldRunKeepsWhatItUsed() {
		FourQuarters.upload(this.api);
		JsonNode first = FourQuarters.evaluateThirdQuarter(this.api);
		JsonNode correction = this.api.uploadJson(CityFixture.correctedThirdQuarter(), null).body();
		assertThat(correction.get("revision").asInt()).isEqualTo(2);

		JsonNode second = this.api.evaluate("2026-Q3", null).body();

		assertThat(second.get("revision").asInt()).isEqualTo(2);
		assertThat(second.get("batchId").asText()).isEqualTo(correction.get("batchId").asText());
		assertThat(FourQuarters.summary(second.get("outcomes"))).doesNotContain("R-CTY-03 C03 PUBLIC_INTERVIEW");
		JsonNode old = this.api.get("/api/v1/evaluations/{id}", first.get("runId").asText()).body();
		assertThat(old.get("revision").asInt()).isEqualTo(1);
		assertThat(old.get("runNumber").asInt()).isEqualTo(1);
		assertThat(second.get("runNumber").asInt()).isEqualTo(2);
		JsonNode oldOutcomes = this.api
			.get("/api/v1/evaluations/{id}/outcomes?ruleId=R-CTY-03&subjectId=C03", first.get("runId").asText())
			.body();
		assertThat(oldOutcomes.at("/content/0/measure").asText()).isEqualTo("PUBLIC_INTERVIEW");
		for (JsonNode run : List.of(first, second)) {
			JsonNode replay = this.api.post("/api/v1/evaluations/" + run.get("runId").asText() + "/replay").body();
			assertThat(replay.get("identical").booleanValue()).as("%s", replay).isTrue();
		}
	}

	@Test
	void evaluatingEveryQuarterInOrderGivesWhatTheInMemoryChainGives() throws Exception {
		FourQuarters.upload(this.api);
		JsonNode last = null;
		for (String q : CityFixture.QUARTERS) {
			KaoheApi.Response r = this.api.evaluate(q, null);
			assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
			last = r.body();
		}
		assertThat(last.get("warnings")).isEmpty();
		assertThat(last.get("history")).allSatisfy(h -> assertThat(h.get("runId").isTextual()).isTrue());
		FourQuarters.checkHistoryRules(last.get("outcomes"));

		Ruleset ruleset = this.rules.current();
		FactDocumentReader reader = new FactDocumentReader(ruleset::validationContext);
		List<FactDocument> documents = new ArrayList<>();
		for (String q : CityFixture.QUARTERS) {
			documents.add(reader.read(CityFixture.quarter(q).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		EvaluationResult chain = PeriodChain.evaluate(this.engine, ruleset, documents, null);

		assertThat(signatures(last.get("outcomes")))
			.isEqualTo(signatures(FactJson.mapper().valueToTree(chain.outcomes())));
		// the repeat needs Q2's outcome, so prior outcomes really came from the stored runs
		FourQuarters.only(last.get("outcomes"), "R-DEPT-02", "D-ZJ", "LISTED_SUPERVISION");
		assertThat(FourQuarters.summary(last.get("outcomes"))).doesNotContain("R-DEPT-02 D-ZJ PUBLIC_CRITICISM");
	}

	/** Outcomes without their ids, which differ between stored and in-memory runs. */
	private static Map<String, Integer> signatures(JsonNode outcomes) {
		Map<String, Integer> counts = new HashMap<>();
		for (JsonNode o : outcomes) {
			JsonNode copy = o.deepCopy();
			((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("id", "runId"));
			counts.merge(copy.toString(), 1, Integer::sum);
		}
		return counts;
	}

	@Test
	void twoEvaluationsOfOnePeriodAtOnceRunOneAfterTheOther() throws Exception {
		FourQuarters.upload(this.api);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<StoredRun> evaluate = () -> this.evaluations.evaluate(Period.parse("2026-Q3"), null, null);
			Future<StoredRun> a = pool.submit(evaluate);
			Future<StoredRun> b = pool.submit(evaluate);
			StoredRun first = a.get();
			StoredRun second = b.get();
			assertThat(List.of(first.run().runNumber(), second.run().runNumber())).containsExactlyInAnyOrder(1, 2);
			assertThat(signatures(FactJson.mapper().valueToTree(first.outcomes())))
				.isEqualTo(signatures(FactJson.mapper().valueToTree(second.outcomes())));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoUploadsOfOnePeriodAtOnceGetTwoRevisions() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> upload = () -> this.uploads
				.upload(ParsedUpload.json(CityFixture.quarter("2026-Q3"), "test"), null)
				.revision();
			Future<Integer> a = pool.submit(upload);
			Future<Integer> b = pool.submit(upload);
			assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(1, 2);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void badRequestsGetProblemsThatSayWhy() {
		this.api.uploadJson(CityFixture.quarter("2026-Q3"), null);
		String runId = this.api.evaluate("2026-Q3", null).body().get("runId").asText();

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("/api/v1/evaluations/" + runId + "/outcomes?size=501", "size");
		fields.put("/api/v1/evaluations/" + runId + "/outcomes?page=-1", "page");
		fields.put("/api/v1/evaluations/" + runId + "/outcomes?size=abc", "size");
		fields.put("/api/v1/evaluations/" + runId + "/outcomes?kind=PRAISE", "kind");
		fields.put("/api/v1/evaluations?period=Q3-2026", "period");
		fields.put("/api/v1/rankings?period=2026-Q3&size=0", "size");
		fields.forEach((path, field) -> {
			KaoheApi.Response r = this.api.get(path);
			assertThat(r.status()).as(path).isEqualTo(400);
			assertThat(r.body().get("type").asText()).as(path).isEqualTo("https://kaohe.org/problems/invalid-request");
			// the parameter at fault is named in errors[] (field problems)
			assertThat(r.body().get("errors")).as(path).hasSize(1);
			assertThat(r.body().at("/errors/0/field").asText()).as(path).isEqualTo(field);
			assertThat(r.body().at("/errors/0/code").asText()).as(path).isEqualTo("INVALID_VALUE");
		});
		KaoheApi.Response unknownVersion = this.api.evaluate("{\"period\": \"2026-Q3\", \"rulesetVersion\": \"sha256:00\"}");
		assertThat(unknownVersion.status()).isEqualTo(422);
		assertThat(unknownVersion.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/unknown-ruleset-version");
		KaoheApi.Response noFacts = this.api.evaluate("2026-Q4", null);
		assertThat(noFacts.status()).isEqualTo(422);
		assertThat(noFacts.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/not-evaluable");
		assertThat(this.api.evaluate("{\"period\": \"2026-Q3\", \"when\": 1}").status()).isEqualTo(400);
		assertThat(this.api.evaluate("{\"asOf\": \"2026-09-30\"}").status()).isEqualTo(400);
		assertThat(this.api.evaluate("{\"period\": \"2026-Q3\", \"asOf\": \"30.9.2026\"}").status()).isEqualTo(400);
		assertThat(this.api.evaluate("{not json").status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/evaluations/{id}", "no-such-run").status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/evaluations/no-such-run/replay").status()).isEqualTo(404);
	}

	@Test
	void anExplicitAsOfIsKept() {
		this.api.uploadJson(CityFixture.quarter("2026-Q3"), null);

		JsonNode run = this.api.evaluate("2026-Q3", "2026-10-15").body();

		assertThat(run.get("asOf").asText()).isEqualTo("2026-10-15");
		assertThat(this.api.post("/api/v1/evaluations/" + run.get("runId").asText() + "/replay").body().get("identical")
			.booleanValue()).isTrue();
	}

	@Test
	void rankingsOfAStoredPeriodOrOfAMonthInIt() {
		FourQuarters.upload(this.api);

		JsonNode august = this.api.get("/api/v1/rankings?period=2026-08&indicator=PM25").body();
		assertThat(august.get("period").asText()).isEqualTo("2026-Q3");
		assertThat(august.get("total").asInt()).isEqualTo(6);
		JsonNode c03 = null;
		for (JsonNode r : august.get("content")) {
			if (r.get("subjectId").asText().equals("C03")) {
				c03 = r;
			}
		}
		assertThat(c03.get("rank").asInt()).isEqualTo(6);
		assertThat(c03.get("rankFromBottom").asInt()).isEqualTo(1);
		assertThat(c03.get("group").asText()).isEqualTo("城区组");
		assertThat(c03.get("source").asText()).isEqualTo("COMPUTED");

		JsonNode quarter = this.api.get("/api/v1/rankings?period=2026-Q3").body();
		assertThat(quarter.get("total").asInt()).isEqualTo(24);
		assertThat(this.api.get("/api/v1/rankings").body().get("period").asText()).isEqualTo("2026-Q3");
		assertThat(this.api.get("/api/v1/rankings?period=2026-Q3&group=县组").body().get("total").asInt()).isZero();
		assertThat(this.api.get("/api/v1/rankings?period=2024-Q1").status()).isEqualTo(404);
	}

	@Test
	void aSubjectsHistoryShowsItsFactsRanksAndOutcomesOverTime() {
		FourQuarters.upload(this.api);
		this.api.evaluate("2026-Q3", null);

		JsonNode history = this.api.get("/api/v1/subjects/{id}/history", "C03").body();

		assertThat(history.at("/subject/name").asText()).isEqualTo("城南区");
		assertThat(history.get("periods")).extracting(p -> p.get("period").asText())
			.containsExactlyElementsOf(CityFixture.QUARTERS);
		JsonNode q1 = history.at("/periods/1");
		assertThat(q1.get("runId").isNull()).isTrue();
		assertThat(q1.get("ranksFrom").asText()).isEqualTo("FACTS");
		assertThat(q1.at("/facts/measurements")).hasSize(3);
		assertThat(q1.get("ranks")).anySatisfy(r -> {
			assertThat(r.get("period").asText()).isEqualTo("2026-02");
			assertThat(r.get("rankFromBottom").asInt()).isEqualTo(1);
		});
		JsonNode q3 = history.at("/periods/3");
		assertThat(q3.get("ranksFrom").asText()).isEqualTo("RUN");
		assertThat(q3.get("runRevision").asInt()).isEqualTo(1);
		assertThat(q3.get("ranks")).isNotEmpty();
		assertThat(FourQuarters.summary(q3.get("outcomes"))).contains("R-CTY-03 C03 PUBLIC_INTERVIEW");

		JsonNode site = this.api.get("/api/v1/subjects/{id}/history", "S0001").body();
		assertThat(site.at("/periods/3/facts/inspections")).hasSize(1);
		assertThat(site.at("/periods/3/facts/issues")).hasSize(1);

		assertThat(this.api.get("/api/v1/subjects/{id}/history", "C99").status()).isEqualTo(404);
	}

}

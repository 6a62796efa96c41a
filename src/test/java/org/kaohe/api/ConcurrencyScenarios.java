package org.kaohe.api;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.kaohe.testing.ScaledQuarter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrency through the REST API, on whichever database the subclass configures (H2 and PostgreSQL):
 * evaluations of one period at the same moment are serialised into whole, numbered, identical runs; an
 * upload of a new revision racing evaluations leaves every run on exactly one revision, with the
 * outcomes of that revision (a replay reproduces them), and runs in the order of the revisions they saw.
 */
abstract class ConcurrencyScenarios {

	/** The demo city's 2026-Q3 and a second revision with one more copy of its enterprises and sites. */
	private static final ObjectNode FIRST = ScaledQuarter.of("2026-Q3", 0);

	private static final ObjectNode SECOND = ScaledQuarter.of("2026-Q3", 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	KaoheApi api;

	@BeforeEach
	void clean() {
		StoredTables.clear(this.jdbc);
		this.api = new KaoheApi(this.mvc);
	}

	@Test
	void evaluationsOfOnePeriodAtOnceAreWholeNumberedRunsWithTheSameOutcomes() throws Exception {
		assertThat(this.api.uploadJson(FIRST, null).status()).isEqualTo(201);

		List<KaoheApi.Response> runs = atOnce(List.of(() -> this.api.evaluate("2026-Q3", null),
				() -> this.api.evaluate("2026-Q3", null), () -> this.api.evaluate("2026-Q3", null)));

		assertThat(runs).allSatisfy(r -> assertThat(r.status()).as("%s", r.body()).isEqualTo(201));
		assertThat(runs).extracting(r -> r.body().get("runNumber").asInt()).containsExactlyInAnyOrder(1, 2, 3);
		assertThat(runs).extracting(r -> outcomeKeys(r.body())).containsOnly(outcomeKeys(runs.get(0).body()));
		assertThat(runs).extracting(r -> r.body().get("factsHash").asText()).containsOnly(runs.get(0).body().get("factsHash").asText());
		try (Connection c = this.dataSource.getConnection()) {
			assertThat(StoreConsistency.check(c)).containsEntry("evaluation_run", 3L)
				.containsEntry("outcome", 3L * runs.get(0).body().get("outcomes").size());
		}
	}

	@Test
	void uploadsRacingEvaluationsLeaveEveryRunOnOneRevisionWithThatRevisionsOutcomes() throws Exception {
		KaoheApi.Response first = this.api.uploadJson(FIRST, null);
		assertThat(first.status()).isEqualTo(201);

		List<Callable<KaoheApi.Response>> work = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ObjectNode revision = (i % 2 == 0) ? SECOND : FIRST;
			work.add(() -> this.api.uploadJson(revision, null));
			work.add(() -> this.api.evaluate("2026-Q3", null));
		}
		List<KaoheApi.Response> answers = atOnce(work);

		assertThat(answers).allSatisfy(r -> assertThat(r.status()).as("%s", r.body()).isEqualTo(201));
		Map<Integer, String> revisions = new HashMap<>();
		List<JsonNode> runs = new ArrayList<>();
		for (KaoheApi.Response r : answers) {
			if (r.body().has("runId")) {
				runs.add(r.body());
			}
			else {
				revisions.put(r.body().get("revision").asInt(), r.body().get("batchId").asText());
			}
		}
		revisions.put(1, first.body().get("batchId").asText());
		assertThat(revisions.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4);
		runs.sort((a, b) -> Integer.compare(a.get("runNumber").asInt(), b.get("runNumber").asInt()));
		assertThat(runs).extracting(r -> r.get("runNumber").asInt()).containsExactly(1, 2, 3);
		int previous = 0;
		Map<String, Set<String>> outcomesByHash = new HashMap<>();
		for (JsonNode run : runs) {
			int revision = run.get("revision").asInt();
			assertThat(revision).as("runs follow the revisions in the order they took the period").isGreaterThanOrEqualTo(previous);
			previous = revision;
			assertThat(run.get("batchId").asText()).as("run %s names the batch of its revision", run.get("runNumber"))
				.isEqualTo(revisions.get(revision));
			JsonNode replay = this.api.post("/api/v1/evaluations/" + run.get("runId").asText() + "/replay").body();
			assertThat(replay.get("identical").booleanValue()).as("run %s reproduces from revision %d: %s", run.get("runNumber"),
					revision, replay).isTrue();
			Set<String> keys = outcomeKeys(run);
			Set<String> same = outcomesByHash.putIfAbsent(run.get("factsHash").asText(), keys);
			assertThat(same == null || same.equals(keys)).as("runs of the same facts have the same outcomes").isTrue();
		}
		try (Connection c = this.dataSource.getConnection()) {
			assertThat(StoreConsistency.check(c)).containsEntry("fact_batch", 4L).containsEntry("evaluation_run", 3L);
		}
	}

	/** Runs the calls on threads released together; returns their answers in call order. */
	static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CyclicBarrier start = new CyclicBarrier(calls.size());
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get(5, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Set<String> outcomeKeys(JsonNode run) {
		Set<String> keys = new HashSet<>();
		run.get("outcomes").forEach(o -> keys.add(o.get("ruleId").asText() + "|" + o.at("/subject/id").asText() + "|"
				+ o.get("measure").asText() + "|" + o.get("reason").asText()));
		return keys;
	}

}

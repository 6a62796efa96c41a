package org.kaohe.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.kaohe.CityFixture;
import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.evaluation.EvaluationRun;
import org.kaohe.evaluation.EvaluationRuns;
import org.kaohe.evaluation.OutcomeFilter;
import org.kaohe.evaluation.PeriodChain;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;
import org.kaohe.history.FactBatchRepository;
import org.kaohe.history.FactUploads;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.FactJson;
import org.kaohe.outcome.Outcome;
import org.kaohe.ruleset.ActiveRuleset;
import org.kaohe.security.AuditEntry;
import org.kaohe.security.AuditLog;
import org.kaohe.system.KaoheProperties;
import org.kaohe.system.Paging;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo city goes into an empty database, in period order, through the upload and evaluation services. */
@SpringBootTest
class DemoLoaderIntegrationTests {

	@Autowired
	FactUploads uploads;

	@Autowired
	EvaluationRuns evaluations;

	@Autowired
	FactBatchRepository batches;

	@Autowired
	KaoheProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuleEngine engine;

	@Autowired
	AuditLog audit;

	@Autowired
	ActiveRuleset rules;

	@TempDir
	Path dir;

	@BeforeEach
	void clean() {
		for (String t : List.of("run_rank", "outcome", "evaluation_run", "fact_row", "fact_batch", "period_lock")) {
			this.jdbc.sql("DELETE FROM " + t).update();
		}
	}

	private DemoLoader loader(Path location) {
		KaoheProperties p = this.properties;
		return new DemoLoader(this.uploads, this.evaluations, this.batches,
				new KaoheProperties(p.rules(), p.engine(), p.upload(), new KaoheProperties.Demo(true, location)), this.audit);
	}

	@Test
	void anEmptyDatabaseGetsEveryDemoPeriodUploadedAndEvaluatedInOrder() throws IOException {
		// file names out of period order: the loader orders by the documents' periods
		for (String q : CityFixture.QUARTERS) {
			Files.writeString(this.dir.resolve("city-" + (9 - CityFixture.QUARTERS.indexOf(q)) + ".json"),
					CityFixture.quarter(q).toPrettyString(), StandardCharsets.UTF_8);
		}
		Files.writeString(this.dir.resolve("notes.txt"), "not a document");

		List<Period> loaded = loader(this.dir).load();

		assertThat(loaded).extracting(Period::toString).containsExactlyElementsOf(CityFixture.QUARTERS);
		assertThat(this.audit.query(null, null, "system", Paging.of(0, 500)).content()).as("the loader's writes are audited as system")
			.extracting(AuditEntry::path)
			.contains("demo evaluation 2025-Q4", "demo evaluation 2026-Q3");
		assertThat(this.evaluations.runs(Period.parse("2026-Q3"), Paging.of(0, 10)).content()).singleElement()
			.satisfies(run -> {
				assertThat(run.warnings()).isEmpty();
				assertThat(run.history()).allSatisfy(h -> assertThat(h.runId()).isNotNull());
			});
	}

	@Test
	void theRepositorysDemoCityStoredAndEvaluatedInOrderMatchesTheInMemoryChain() throws IOException {
		Path demo = Path.of("fixtures", "demo-city");

		List<Period> loaded = loader(demo).load();

		assertThat(loaded).isNotEmpty();
		Period last = loaded.get(loaded.size() - 1);
		EvaluationRun run = this.evaluations.runs(last, Paging.of(0, 1)).content().get(0);
		assertThat(run.warnings()).isEmpty();
		List<Outcome> stored = new ArrayList<>();
		for (int page = 0; page * Paging.MAX_SIZE < run.outcomeCount(); page++) {
			stored.addAll(this.evaluations.outcomes(run.runId(), OutcomeFilter.ALL, Paging.of(page, Paging.MAX_SIZE)).content());
		}
		Ruleset ruleset = this.rules.current();
		FactDocumentReader reader = new FactDocumentReader(ruleset::validationContext);
		List<FactDocument> documents = new ArrayList<>();
		for (Period p : loaded) {
			documents.add(reader.read(Files.readAllBytes(demo.resolve(p + ".json"))));
		}
		EvaluationResult chain = PeriodChain.evaluate(this.engine, ruleset, documents, null);
		assertThat(signatures(stored)).isEqualTo(signatures(chain.outcomes())).isNotEmpty();
	}

	/** Outcomes as JSON without the ids, which differ between stored and in-memory runs. */
	private static Map<String, Integer> signatures(List<Outcome> outcomes) {
		Map<String, Integer> counts = new HashMap<>();
		for (Outcome o : outcomes) {
			ObjectNode json = FactJson.mapper().valueToTree(o);
			json.remove(List.of("id", "runId"));
			counts.merge(json.toString(), 1, Integer::sum);
		}
		return counts;
	}

	@Test
	void aDatabaseWithFactsIsLeftAlone() throws IOException {
		Files.writeString(this.dir.resolve("2026-Q3.json"), CityFixture.quarter("2026-Q3").toString());
		assertThat(loader(this.dir).load()).hasSize(1);

		assertThat(loader(this.dir).load()).isEmpty();
		assertThat(this.batches.count()).isEqualTo(1);
	}

	@Test
	void aMissingFolderIsSkipped() {
		assertThat(loader(this.dir.resolve("nowhere")).load()).isEmpty();
		assertThat(this.batches.count()).isZero();
	}

}

package org.kaohe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.kaohe.ingest.FactJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city (洛州市, {@code fixtures/demo-city}) uploaded through REST and evaluated quarter by
 * quarter, as the service does on first start: what the accountability tests read. Loading takes a few
 * seconds, so a test class loads it once.
 */
final class DemoCityRuns {

	static final List<String> QUARTERS = List.of("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");

	/** Period → run id. */
	final Map<String, String> runs = new LinkedHashMap<>();

	/** Period → the uploaded document. */
	final Map<String, JsonNode> documents = new LinkedHashMap<>();

	/** The last quarter's outcomes as the evaluation answered. */
	final List<JsonNode> lastOutcomes = new ArrayList<>();

	static DemoCityRuns load(KaoheApi api) {
		DemoCityRuns demo = new DemoCityRuns();
		for (String q : QUARTERS) {
			try {
				JsonNode doc = FactJson.mapper().readTree(Files.readAllBytes(Path.of("fixtures", "demo-city", q + ".json")));
				demo.documents.put(q, doc);
				KaoheApi.Response upload = api.uploadJson(doc, null);
				assertThat(upload.status()).as("%s", upload.body()).isEqualTo(201);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		for (String q : QUARTERS) {
			KaoheApi.Response run = api.evaluate(q, null);
			assertThat(run.status()).as("%s", run.body()).isEqualTo(201);
			demo.runs.put(q, run.body().get("runId").asText());
			if (q.equals(QUARTERS.get(QUARTERS.size() - 1))) {
				run.body().get("outcomes").forEach(demo.lastOutcomes::add);
			}
		}
		return demo;
	}

	String lastRun() {
		return this.runs.get(QUARTERS.get(QUARTERS.size() - 1));
	}

}

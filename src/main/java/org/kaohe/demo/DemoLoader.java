package org.kaohe.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import org.kaohe.evaluation.EvaluationRuns;
import org.kaohe.evaluation.StoredRun;
import org.kaohe.facts.Period;
import org.kaohe.history.FactBatchRepository;
import org.kaohe.history.FactUploads;
import org.kaohe.history.UploadReceipt;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.FactProblem;
import org.kaohe.ingest.InvalidFactsException;
import org.kaohe.security.AuditLog;
import org.kaohe.system.KaoheProperties;

/**
 * Loads the demo city into an empty database when the service starts ({@code kaohe.demo.enabled}):
 * every {@code *.json} document of {@code kaohe.demo.location} is uploaded in period order through the
 * same upload service as {@code POST /api/v1/facts}, then each period is evaluated in order through the
 * same evaluation service as {@code POST /api/v1/evaluations}, so later periods see the earlier
 * periods' outcomes. A database that holds any upload is left alone; a missing folder only logs a
 * warning.
 */
@Component
@ConditionalOnProperty(name = "kaohe.demo.enabled", havingValue = "true")
class DemoLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	private final FactUploads uploads;

	private final EvaluationRuns evaluations;

	private final FactBatchRepository batches;

	private final Path location;

	private final AuditLog audit;

	DemoLoader(FactUploads uploads, EvaluationRuns evaluations, FactBatchRepository batches, KaoheProperties properties,
			AuditLog audit) {
		this.audit = audit;
		this.uploads = uploads;
		this.evaluations = evaluations;
		this.batches = batches;
		this.location = properties.demo().location();
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
	}

	/** Loads the demo unless the database already holds facts; returns the periods evaluated. */
	List<Period> load() {
		if (this.batches.count() > 0) {
			log.info("数据库已有数据，不加载演示城市 / the database holds facts; demo city not loaded");
			return List.of();
		}
		if (!Files.isDirectory(this.location)) {
			log.warn("演示城市目录不存在，跳过 / demo city folder {} does not exist; skipped", this.location.toAbsolutePath());
			return List.of();
		}
		List<Document> documents = documents();
		if (documents.isEmpty()) {
			log.warn("演示城市目录中没有事实文档 / no fact documents (*.json) in {}; skipped", this.location.toAbsolutePath());
			return List.of();
		}
		List<Period> stored = new ArrayList<>();
		for (Document d : documents) {
			try {
				UploadReceipt receipt = this.uploads.uploadJson(d.bytes(), "demo:" + d.file().getFileName());
				log.info("演示城市 / demo city: {} 已上传 / uploaded from {} ({} rows)", receipt.period(), d.file().getFileName(),
						receipt.rowCount());
				stored.add(receipt.period());
				this.audit.system("demo upload " + d.file().getFileName(), "period " + receipt.period() + ", batch " + receipt.batchId());
			}
			catch (InvalidFactsException ex) {
				log.error("演示文档无效，未上传 / demo document {} is invalid and was not uploaded:", d.file());
				for (FactProblem p : ex.getProblems()) {
					log.error("  {}", p.describe());
				}
			}
		}
		for (Period p : stored) {
			try {
				StoredRun run = this.evaluations.evaluate(p, null, null);
				log.info("演示城市 / demo city: {} 已评估 / evaluated, {} outcome(s), run {}", p, run.outcomes().size(),
						run.run().runId());
				this.audit.system("demo evaluation " + p, "run " + run.run().runId());
			}
			catch (RuntimeException ex) {
				// the service still starts: the facts are stored and the period can be evaluated again by hand
				log.error("演示城市 / demo city: {} 评估失败 / evaluation failed: {}", p, ex.getMessage(), ex);
			}
		}
		return stored;
	}

	/** The documents of the folder, in period order; unreadable ones are logged and skipped. */
	private List<Document> documents() {
		List<Document> documents = new ArrayList<>();
		FactDocumentReader reader = new FactDocumentReader(p -> null);
		try (Stream<Path> files = Files.list(this.location)) {
			for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
				try {
					byte[] bytes = Files.readAllBytes(f);
					JsonNode tree = reader.parse(bytes);
					Period period = Period.parse(tree.path("period").asText());
					documents.add(new Document(f, bytes, period));
				}
				catch (IOException | InvalidFactsException | IllegalArgumentException ex) {
					log.error("无法读取演示文档，跳过 / cannot read demo document {}: {}", f, ex.getMessage());
				}
			}
		}
		catch (IOException ex) {
			log.warn("无法读取演示城市目录 / cannot list the demo city folder {}: {}", this.location, ex.getMessage());
			return List.of();
		}
		documents.sort(Comparator.comparing(Document::period));
		return documents;
	}

	private record Document(Path file, byte[] bytes, Period period) {
	}

}

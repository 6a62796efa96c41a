package org.kaohe.api;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestTemplate;

import org.kaohe.ingest.FactJson;
import org.kaohe.ruleset.RulesetActivations;
import org.kaohe.ruleset.RulesetUploads;
import org.kaohe.system.Role;
import org.kaohe.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activation while the service is busy, over real HTTP: a steady stream of evaluations from several
 * threads while the version in force flips back and forth — no request fails, and every response is
 * wholly one version or the other, with that version's amounts. Then 50 activations, each compiling
 * anew, leave heap and metaspace where they were (the numbers are printed).
 *
 * <p>The versions are small (one real rule file with the real parameter, checklist and basis files) so
 * each compile is quick; under load they differ only in R-CTY-01's deduction (100万 against 150万). Each
 * activation compiles its version anew from the stored files, so fifty activations are fifty knowledge
 * bases built and dropped. (Measured once over 200 activations: heap flat, metaspace +1.5, +0.7, +0.2,
 * +0.3 MB per 50 — settling, not growing with each build.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:kaohe-activation-load;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000", "kaohe.rules.scenarios=target/no-scenarios" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ActivationUnderLoadIntegrationTests {

	private static final String CASE = "county-last-in-a-week-gets-yellow-card-and-one-million-deduction";

	@LocalServerPort
	int port;

	@Autowired
	RulesetUploads uploads;

	@Autowired
	RulesetActivations activations;

	@Autowired
	ApplicationContext context;

	private final RestTemplate rest = new RestTemplate();

	private String token;

	private String hundred;

	private String hundredFifty;

	@BeforeEach
	void twoSmallVersions() {
		this.token = TestTokens.token(this.context, "OA系统", Role.UPLOADER);
		Map<String, String> files = new HashMap<>();
		RulesetApi.realFiles().forEach((path, text) -> {
			if (wanted(path, "county-rankings.drl")) {
				files.put(path, text);
			}
		});
		this.hundred = this.uploads.upload("县区排名规则（100万）", files, null, List.of()).version().version();
		files.put("parameters.yaml", files.get("parameters.yaml")
				+ "  - validFrom: 2026-01-01\n    comment: 扣缴150万元\n    values:\n      weeklyLastDeductionWan: 150\n");
		this.hundredFifty = this.uploads.upload("县区排名规则（150万）", files, null, List.of()).version().version();
		this.activations.activate(this.hundred, "负载测试起点", null, false);
	}

	@Test
	void evaluationsDuringRepeatedActivationsNeverFailAndNeverSeeAMix() throws Exception {
		String document = Files.readString(Path.of("fixtures", "scenarios", CASE, "2026-Q3.json"));
		AtomicBoolean stop = new AtomicBoolean();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			running.add(clients.submit(() -> {
				while (!stop.get()) {
					try {
						ResponseEntity<String> r = this.rest.postForEntity("http://localhost:" + this.port + "/api/v1/evaluate",
								new HttpEntity<>(document, json()), String.class);
						JsonNode body = FactJson.mapper().readTree(r.getBody());
						String version = body.get("rulesetVersion").asText();
						String problem = consistency(version, body.get("outcomes"));
						if (problem != null) {
							failures.add(problem);
						}
						seen.add(version);
					}
					catch (Exception ex) {
						failures.add(ex.toString());
					}
				}
			}));
		}
		try {
			for (int i = 0; i < 10; i++) {
				this.activations.activate((i % 2 == 0) ? this.hundredFifty : this.hundred, "负载下切换 " + i, null, false);
			}
		}
		finally {
			stop.set(true);
			for (Future<?> f : running) {
				f.get(60, TimeUnit.SECONDS);
			}
			clients.shutdownNow();
		}

		System.out.printf("activation under load: %d evaluations during 10 activations, %d failed, %d under 100万, %d under 150万%n",
				seen.size(), failures.size(), seen.stream().filter(this.hundred::equals).count(),
				seen.stream().filter(this.hundredFifty::equals).count());
		assertThat(failures).isEmpty();
		assertThat(Set.copyOf(seen)).containsExactlyInAnyOrder(this.hundred, this.hundredFifty);
		assertThat(seen.size()).isGreaterThan(20);
	}

	@Test
	void fiftyActivationsLeaveHeapAndMetaspaceFlat() {
		// the road rules alone: the smallest real ruleset, so fifty compiles stay quick
		Map<String, String> files = new HashMap<>();
		RulesetApi.realFiles().forEach((path, text) -> {
			if (wanted(path, "roads.drl")) {
				files.put(path, text);
			}
		});
		String a = this.uploads.upload("道路规则 A", files, null, List.of()).version().version();
		files.put("parameters.yaml", files.get("parameters.yaml")
				+ "  - validFrom: 2026-01-01\n    comment: B\n    values:\n      weeklyLastDeductionWan: 150\n");
		String b = this.uploads.upload("道路规则 B", files, null, List.of()).version().version();
		// warm: the first builds load the compiler's classes once for the life of the process
		for (int i = 0; i < 4; i++) {
			this.activations.activate((i % 2 == 0) ? b : a, "预热 " + i, null, false);
		}
		long[] before = memoryAfterGc();

		for (int i = 0; i < 50; i++) {
			this.activations.activate((i % 2 == 0) ? b : a, "第 " + i + " 次启用", null, false);
		}

		long[] after = memoryAfterGc();
		System.out.printf("50 activations: heap used after GC %.1f MB -> %.1f MB (%+.1f MB), metaspace %.1f MB -> %.1f MB (%+.1f MB)%n",
				mb(before[0]), mb(after[0]), mb(after[0] - before[0]), mb(before[1]), mb(after[1]), mb(after[1] - before[1]));
		assertThat(after[0] - before[0]).as("heap growth in bytes").isLessThan(48L * 1024 * 1024);
		assertThat(after[1] - before[1]).as("metaspace growth in bytes").isLessThan(16L * 1024 * 1024);
	}

	/**
	 * The shared yaml files and one rule file. Not conditions.yaml: it describes the conditions of every rule of the
	 * catalogue for "why not", and the checks rightly refuse a version whose conditions name rules it does not have.
	 */
	private static boolean wanted(String path, String ruleFile) {
		return (path.endsWith(".yaml") && !path.equals("conditions.yaml")) || path.equals(ruleFile);
	}

	/** The response is one version's: its outcomes name that version, and R-CTY-01 deducts that version's amount. */
	private String consistency(String version, JsonNode outcomes) {
		long expected = version.equals(this.hundred) ? 1_000_000L : version.equals(this.hundredFifty) ? 1_500_000L : -1;
		if (expected < 0) {
			return "unexpected version " + version;
		}
		int deductions = 0;
		for (JsonNode o : outcomes) {
			if (!o.get("rulesetVersion").asText().equals(version)) {
				return "outcome of " + o.get("rulesetVersion").asText() + " in a response of " + version;
			}
			if (o.get("ruleId").asText().equals("R-CTY-01") && o.get("measure").asText().equals("FISCAL_DEDUCTION")) {
				deductions++;
				if (o.get("amountYuan").asLong() != expected) {
					return version + " deducted " + o.get("amountYuan") + ", expected " + expected;
				}
			}
		}
		return (deductions > 0) ? null : "no R-CTY-01 deduction under " + version;
	}

	private HttpHeaders json() {
		HttpHeaders headers = TestTokens.bearer(this.token);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	/** Heap used and metaspace used, after the collector has run until the numbers settle. */
	private static long[] memoryAfterGc() {
		long heap = 0;
		long meta = 0;
		for (int i = 0; i < 4; i++) {
			System.gc();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			meta = ManagementFactory.getMemoryPoolMXBeans().stream()
				.filter(p -> p.getName().equals("Metaspace"))
				.mapToLong(p -> p.getUsage().getUsed())
				.sum();
		}
		return new long[] { heap, meta };
	}

	private static double mb(long bytes) {
		return bytes / 1024.0 / 1024.0;
	}

}

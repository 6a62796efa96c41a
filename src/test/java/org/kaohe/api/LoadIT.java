package org.kaohe.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.kaohe.CityFixture;
import org.kaohe.ingest.FactJson;
import org.kaohe.testing.ScaledQuarter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sustained mix of uploads, stored evaluations, reads and stateless evaluations against the packaged
 * service started as a real process, for a few minutes; not part of the normal build. Run it with
 * <pre>
 * mvn -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LoadIT -Dkaohe.load=3m
 * </pre>
 * ({@code -Dkaohe.load.clients=8}, {@code -Dkaohe.load.database=postgres} to use the server named by
 * {@code KAOHE_TEST_POSTGRES_URL} instead of an H2 file). Every answer is checked, not only its status:
 * an upload's rows, a replayed retry's batch, a run's outcomes against the first run of the same facts,
 * a stateless evaluation's outcomes, pages that add up. At the end it prints (and writes to
 * {@code target/load-report.md}) the requests, errors and p50/p99/max per kind, and the service's heap
 * (live objects, {@code jcmd GC.class_histogram}) before, between the two halves of the run (clients
 * stopped) and after, with the classes that grew; it fails on
 * any error, or on a live heap that grows in the second half by more than 15 % or 16 MB (caches fill in
 * the first half; what the second adds is a leak).
 */
@EnabledIfSystemProperty(named = "kaohe.load", matches = ".+")
class LoadIT {

	private static final List<String> QUARTERS = List.of("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");

	private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");

	private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

	/** Per period: the documents' bytes and row counts, and what the first run of each gave. */
	private final Map<String, byte[]> documents = new TreeMap<>();

	private final Map<String, Integer> rows = new TreeMap<>();

	private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();

	private final Map<String, String> factsHashes = new ConcurrentHashMap<>();

	private final List<String> runIds = Collections.synchronizedList(new ArrayList<>());

	/** Idempotency keys already answered, with the batch they stored. */
	private final Map<String, String> keys = new ConcurrentHashMap<>();

	private byte[] statelessDocument;

	private int statelessOutcomes;

	@Test
	void aSustainedMixOfUploadsEvaluationsAndReadsHasNoErrorsAndNoHeapGrowth() throws Exception {
		Duration duration = duration(System.getProperty("kaohe.load"));
		int clients = Integer.getInteger("kaohe.load.clients", 8);
		boolean postgres = "postgres".equals(System.getProperty("kaohe.load.database"));
		PostgresServer server = postgres ? PostgresServer.fromEnvironment() : null;
		String database = postgres ? server.createDatabase("kaohe_load") : null;
		List<String> arguments = new ArrayList<>(List.of("--kaohe.demo.enabled=false", "--kaohe.rules.scenarios=target/no-scenarios",
				"--logging.level.org.kaohe=WARN"));
		if (postgres) {
			arguments.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + server.url(database),
					"--spring.datasource.username=" + server.user(), "--spring.datasource.password=" + server.password(),
					"--kaohe.rules.two-person-rule=false"));
		}
		else {
			Path dir = Path.of("target", "load-h2-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
			arguments.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("kaohe")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=120000"
					// H2's page cache lives in the heap: bounded small, so it is full after the first half
					+ ";CACHE_SIZE=8192");
		}
		KaoheProcess kaohe = new KaoheProcess("load", "1g", arguments);
		try {
			String token = kaohe.issueToken("load-oa", "UPLOADER,VIEWER");
			kaohe.start();
			KaoheHttp http = new KaoheHttp(kaohe.base()).token(token);
			warmUp(http);
			long heapBefore = heapAfterGc(kaohe.pid());

			// two halves with the clients stopped in between: the heap after a full GC at the start, between the
			// halves (caches filled) and at the end; a leak is what the second half adds
			String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
			List<Long> heap = new ArrayList<>(List.of(heapBefore));
			List<Map<String, Long>> histograms = new ArrayList<>();
			long start = System.nanoTime();
			for (int half = 0; half < 2; half++) {
				long deadline = System.nanoTime() + duration.toNanos() / 2;
				ExecutorService pool = Executors.newFixedThreadPool(clients);
				List<Future<?>> running = new ArrayList<>();
				for (int c = 0; c < clients; c++) {
					long seed = 1000L * half + c;
					running.add(pool.submit(() -> client(http, new Random(seed), deadline)));
				}
				for (Future<?> f : running) {
					f.get(duration.toMinutes() + 10, TimeUnit.MINUTES);
				}
				pool.shutdown();
				heap.add(heapAfterGc(kaohe.pid()));
				histograms.add(histogram(kaohe.pid()));
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();

			String report = report(duration, clients, postgres ? "PostgreSQL" : "H2 (file)", seconds, heap, residentKb(kaohe.pid()))
					+ "Machine load average (1/5/15 min) before and after: " + loadBefore + " → " + loadAfter + "\n\n"
					+ "What the second half added to the live heap (top classes by bytes): " + growth(histograms) + "\n";
			System.out.println(report);
			Files.writeString(Path.of("target", "load-report.md"), report);
			assertThat(this.errors.values().stream().mapToLong(AtomicLong::get).sum()).as("errors: %s", this.errorSamples).isZero();
			long half = heap.get(1);
			assertThat(heap.get(2) - half).as("live heap grew in the second half, KB: %s", heap)
				.isLessThan(Math.max(16 * 1024, half * 15 / 100));
		}
		finally {
			kaohe.stop();
			if (postgres) {
				server.dropDatabase(database);
			}
		}
	}

	/** Every quarter uploaded and evaluated in order: the answers every later one is checked against. */
	private void warmUp(KaoheHttp http) throws IOException {
		for (String q : QUARTERS) {
			byte[] doc = Files.readAllBytes(Path.of("fixtures", "demo-city", q + ".json"));
			this.documents.put(q, doc);
			this.rows.put(q, ScaledQuarter.rows(FactJson.mapper().readTree(doc)));
			KaoheHttp.Response up = http.postJson("/api/v1/facts", doc, null);
			assertThat(up.status()).as(up.text()).isEqualTo(201);
			KaoheHttp.Response run = http.postJson("/api/v1/evaluations", "{\"period\": \"" + q + "\"}");
			assertThat(run.status()).as(run.text()).isEqualTo(201);
			this.outcomes.put(q, run.json().get("outcomes").size());
			this.factsHashes.put(q, run.json().get("factsHash").asText());
			this.runIds.add(run.json().get("runId").asText());
		}
		this.statelessDocument = FactJson.mapper().valueToTree(CityFixture.quarter("2026-Q3")).toString().getBytes(StandardCharsets.UTF_8);
		KaoheHttp.Response stateless = http.postJson("/api/v1/evaluate", this.statelessDocument, null);
		assertThat(stateless.status()).as(stateless.text()).isEqualTo(200);
		this.statelessOutcomes = stateless.json().get("outcomes").size();
	}

	/** One client: random requests, weighted like an office day, until the deadline. */
	private void client(KaoheHttp http, Random random, long deadline) {
		while (System.nanoTime() < deadline) {
			int dice = random.nextInt(100);
			String q = QUARTERS.get(random.nextInt(QUARTERS.size()));
			if (dice < 8) {
				timed("upload", () -> upload(http, random, q));
			}
			else if (dice < 18) {
				timed("evaluation", () -> evaluate(http, q));
			}
			else if (dice < 35) {
				timed("stateless", () -> stateless(http));
			}
			else {
				timed("read", () -> read(http, random, q));
			}
		}
	}

	private String upload(KaoheHttp http, Random random, String q) {
		List<String> used = new ArrayList<>(this.keys.keySet());
		boolean retry = !used.isEmpty() && random.nextInt(4) == 0;
		String key = retry ? used.get(random.nextInt(used.size())) : UUID.randomUUID().toString();
		String period = retry ? key.substring(0, 7) : q;
		if (!retry) {
			key = q + "-" + key;
		}
		KaoheHttp.Response r = http.postJson("/api/v1/facts", this.documents.get(period), key);
		if (r.status() != 201) {
			return "upload " + r.status() + " " + r.text();
		}
		JsonNode receipt = r.json();
		if (receipt.get("rowCount").asInt() != this.rows.get(period)) {
			return "upload stored " + receipt.get("rowCount") + " rows of " + this.rows.get(period);
		}
		String earlier = this.keys.putIfAbsent(key, receipt.get("batchId").asText());
		if (earlier != null && !earlier.equals(receipt.get("batchId").asText())) {
			return "a retried upload was stored again: " + key;
		}
		return null;
	}

	private String evaluate(KaoheHttp http, String q) {
		KaoheHttp.Response r = http.postJson("/api/v1/evaluations", "{\"period\": \"" + q + "\"}");
		if (r.status() != 201) {
			return "evaluation " + r.status() + " " + r.text();
		}
		JsonNode run = r.json();
		if (run.get("outcomes").size() != this.outcomes.get(q) || !run.get("factsHash").asText().equals(this.factsHashes.get(q))) {
			return "run of " + q + " gave " + run.get("outcomes").size() + " outcomes, the first gave " + this.outcomes.get(q);
		}
		this.runIds.add(run.get("runId").asText());
		return null;
	}

	private String stateless(KaoheHttp http) {
		KaoheHttp.Response r = http.postJson("/api/v1/evaluate", this.statelessDocument, null);
		if (r.status() != 200) {
			return "stateless " + r.status() + " " + r.text();
		}
		int n = r.json().get("outcomes").size();
		return (n == this.statelessOutcomes) ? null : "stateless gave " + n + " outcomes, expected " + this.statelessOutcomes;
	}

	private String read(KaoheHttp http, Random random, String q) {
		String runId = this.runIds.get(random.nextInt(this.runIds.size()));
		return switch (random.nextInt(6)) {
			case 0 -> ok(http.get("/api/v1/periods"), "periods");
			case 1 -> ok(http.get("/api/v1/evaluations?period=" + q + "&size=20"), "runs");
			case 2 -> {
				KaoheHttp.Response run = http.get("/api/v1/evaluations/" + runId);
				KaoheHttp.Response page = http.get("/api/v1/evaluations/" + runId + "/outcomes?size=50&page=" + random.nextInt(3));
				if (run.status() != 200 || page.status() != 200) {
					yield "outcomes " + run.status() + "/" + page.status();
				}
				yield (page.json().get("total").asInt() == run.json().get("outcomeCount").asInt()) ? null
						: "outcome pages of run " + runId + " add up to " + page.json().get("total") + ", the run has "
								+ run.json().get("outcomeCount");
			}
			case 3 -> ok(http.get("/api/v1/evaluations/" + runId + "/summary"), "summary");
			case 4 -> ok(http.get("/api/v1/rankings?period=" + q), "rankings");
			default -> ok(http.get("/api/v1/subjects?period=" + q + "&type=COUNTY"), "subjects");
		};
	}

	private static String ok(KaoheHttp.Response r, String what) {
		return (r.status() == 200 && r.json().isObject()) ? null : what + " " + r.status() + " " + r.text();
	}

	private interface Call {

		/** @return null when the answer was right, else what was wrong */
		String run();

	}

	private void timed(String kind, Call call) {
		long t0 = System.nanoTime();
		String wrong;
		try {
			wrong = call.run();
		}
		catch (RuntimeException ex) {
			wrong = ex.toString();
		}
		this.latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
		if (wrong != null) {
			this.errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
			if (this.errorSamples.size() < 20) {
				this.errorSamples.add(kind + ": " + (wrong.length() > 500 ? wrong.substring(0, 500) : wrong));
			}
		}
	}

	private String report(Duration duration, int clients, String database, double seconds, List<Long> heap, long rssKb) {
		long heapBefore = heap.get(0);
		long heapAfter = heap.get(heap.size() - 1);
		StringBuilder b = new StringBuilder();
		b.append(String.format(Locale.ROOT, "## Load: %s, %d clients, %s, %.0f s%n%n", duration, clients, database, seconds));
		b.append("| kind | requests | errors | req/s | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
		long total = 0;
		long totalErrors = 0;
		for (String kind : List.of("upload", "evaluation", "stateless", "read")) {
			List<Long> l = new ArrayList<>(this.latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
			Collections.sort(l);
			long e = this.errors.getOrDefault(kind, new AtomicLong()).get();
			total += l.size();
			totalErrors += e;
			b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f | %.0f | %.0f |%n", kind, l.size(), e, l.size() / seconds,
					percentile(l, 50), percentile(l, 99), l.isEmpty() ? 0.0 : l.get(l.size() - 1) / 1e6));
		}
		b.append(String.format(Locale.ROOT, "| all | %d | %d | %.1f | | | |%n%n", total, totalErrors, total / seconds));
		b.append(String.format(Locale.ROOT, "Live heap (objects reachable after a full GC): %d MB before the load, %d MB after (%+.1f%%); resident set %d MB.%n",
				heapBefore / 1024, heapAfter / 1024, 100.0 * (heapAfter - heapBefore) / heapBefore, rssKb / 1024));
		b.append(String.format(Locale.ROOT, "Live heap at the start, between the halves and at the end: %d, %d, %d MB.%n",
				heap.get(0) / 1024, heap.get(1) / 1024, heap.get(2) / 1024));
		if (!this.errorSamples.isEmpty()) {
			b.append("\nErrors:\n");
			this.errorSamples.forEach(s -> b.append("- ").append(s).append('\n'));
		}
		return b.toString();
	}

	private static double percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
	}

	/**
	 * The service's live heap in KB: the total of {@code jcmd GC.class_histogram}, which collects first and
	 * counts only reachable objects ({@code GC.heap_info} after {@code GC.run} also counts regions not yet
	 * given back, and wanders by tens of MB).
	 */
	private static long heapAfterGc(long pid) throws IOException, InterruptedException {
		String histogram = jcmd(pid, "GC.class_histogram");
		Matcher m = TOTAL.matcher(histogram);
		assertThat(m.find()).as("GC.class_histogram: %s", histogram.length() > 2000 ? histogram.substring(0, 2000) : histogram).isTrue();
		return Long.parseLong(m.group(1)) / 1024;
	}

	/** Bytes per class in the heap ({@code jcmd GC.class_histogram}, live objects only: it collects first). */
	private static Map<String, Long> histogram(long pid) throws IOException, InterruptedException {
		Map<String, Long> bytes = new TreeMap<>();
		Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)").matcher(jcmd(pid, "GC.class_histogram"));
		while (m.find()) {
			bytes.put(m.group(2), Long.parseLong(m.group(1)));
		}
		return bytes;
	}

	private static String growth(List<Map<String, Long>> histograms) {
		Map<String, Long> first = histograms.get(0);
		Map<String, Long> last = histograms.get(histograms.size() - 1);
		return last.entrySet()
			.stream()
			.map(e -> Map.entry(e.getKey(), e.getValue() - first.getOrDefault(e.getKey(), 0L)))
			.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
			.limit(12)
			.map(e -> e.getKey() + " +" + e.getValue() / 1024 + " KB")
			.toList()
			.toString();
	}

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		Process p = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor(1, TimeUnit.MINUTES);
		return out;
	}

	private static long residentKb(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return 0;
	}

	/** {@code 3m}, {@code 90s} or ISO-8601 ({@code PT3M}). */
	static Duration duration(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		if (t.endsWith("m")) {
			return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
		}
		if (t.endsWith("s")) {
			return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
		}
		return Duration.parse(text.trim());
	}

}

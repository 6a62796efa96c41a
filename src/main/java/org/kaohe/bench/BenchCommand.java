package org.kaohe.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.kaohe.KaoheApplication;
import org.kaohe.engine.EngineLimits;
import org.kaohe.engine.EvaluationRequest;
import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.evaluation.EvaluationRuns;
import org.kaohe.evaluation.StoredRun;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;
import org.kaohe.history.FactUploads;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.PriorOutcome;
import org.kaohe.rules.RuleSource;
import org.kaohe.security.Accounts;
import org.kaohe.security.Tokens;
import org.kaohe.system.Actor;
import org.kaohe.system.Role;

/**
 * {@code java -jar kaohe.jar bench [options]}: every figure of docs/benchmarks.md in one run, printed
 * as Markdown (and written to {@code --report FILE}). See {@link BenchOptions} for the options and
 * docs/benchmarks.md for what each section measures. Timing is wall clock around the call measured,
 * after warm-up iterations that are not recorded; nothing here asserts a time.
 */
public final class BenchCommand {

	private final BenchOptions options;

	private final PrintStream out;

	private final StringBuilder report = new StringBuilder();

	private final Map<String, String> targets = new LinkedHashMap<>();

	public BenchCommand(BenchOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	/** Runs the benchmark; returns 0, or 1 when the engine and the hand-written evaluator disagreed. */
	public int run() throws Exception {
		int exit = 0;
		line("# Kaohe benchmark run");
		line("");
		line("- machine: " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
				+ Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB, " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
		line("- JVM flags: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
		line("- options: " + this.options);
		line(f("- machine load average (1 min) at start: %.1f", HeapWatch.loadAverage()));
		line("");

		Ruleset full = activation();
		Ruleset five = RuleEngine.compile(FiveRules.of(RuleSource.fromDirectory(this.options.rules)));
		try (RuleEngine engine = new RuleEngine(EngineLimits.defaults())) {
			for (int size : this.options.sizes) {
				exit |= evaluation(engine, full, five, size);
			}
			whatIf(engine, full);
		}
		if (!this.options.skip.contains("e2e") || !this.options.skip.contains("stateless")) {
			endToEnd();
		}
		line("");
		line(f("Machine load average (1 min) at the end: %.1f; process CPU time over the whole run %.0f s.", HeapWatch.loadAverage(),
				HeapWatch.processCpuNanos() / 1e9));
		line("");
		line("## Targets");
		line("");
		line("| target | measured |");
		line("|---|---|");
		this.targets.forEach((k, v) -> line("| " + k + " | " + v + " |"));
		if (this.options.report != null) {
			Files.writeString(this.options.report, this.report, StandardCharsets.UTF_8);
		}
		return exit;
	}

	private void line(String s) {
		this.out.println(s);
		this.report.append(s).append('\n');
	}

	private static String f(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	// ------------------------------------------------------------------ d. compile, warm-up, activation

	private Ruleset activation() {
		line("## Ruleset compile, warm-up, activation");
		line("");
		RuleSource source = RuleSource.fromDirectory(this.options.rules);
		long t0 = System.nanoTime();
		Ruleset first = RuleEngine.compile(source);
		double coldCompile = ms(t0);
		byte[] tiny = new ProvinceGenerator(this.options.seed, ProvinceGenerator.Size.rows(1, 2, 300)).document(Period.parse("2026-Q3"));
		double coldWarmUp;
		Samples compile = new Samples();
		Samples warmUp = new Samples();
		Samples activation = new Samples();
		try (RuleEngine engine = new RuleEngine()) {
			long t1 = System.nanoTime();
			warm(engine, first, tiny);
			coldWarmUp = ms(t1);
			for (int i = 0; i < this.options.iterations; i++) {
				long a = System.nanoTime();
				// a new source each time: a changed file means a new version, compiled from scratch
				Ruleset r = RuleEngine.compile(source);
				double c = ms(a);
				long b = System.nanoTime();
				warm(engine, r, tiny);
				double w = ms(b);
				compile.add(c);
				warmUp.add(w);
				activation.add(c + w);
			}
		}
		line("| step | first in this JVM (cold) | later (warm JVM) |");
		line("|---|---|---|");
		line(f("| compile the full catalogue (%d rules) | %.0f ms | %s ms |", first.rules().size(), coldCompile, compile.describe("%.0f")));
		line(f("| warm-up evaluation (a 2-county province) | %.0f ms | %s ms |", coldWarmUp, warmUp.describe("%.0f")));
		line(f("| activation = compile + warm-up | %.0f ms | %s ms |", coldCompile + coldWarmUp, activation.describe("%.0f")));
		line("");
		this.targets.put("activation ≤ 3 s", f("%.2f s cold (first in JVM), %.2f s warm (median)", (coldCompile + coldWarmUp) / 1000,
				activation.median() / 1000));
		return first;
	}

	private static void warm(RuleEngine engine, Ruleset ruleset, byte[] document) {
		FactDocument d = new FactDocumentReader(ruleset::validationContext).read(document);
		engine.evaluate(ruleset, EvaluationRequest.of(d));
	}

	// ------------------------------------------------------------------ a. b. evaluation at one size

	/** Four quarters of a province of the size, parsed and validated. */
	private record Province(ProvinceGenerator generator, List<Period> quarters, List<FactDocument> documents, long rows,
			double generateMs, double readMs) {
	}

	private Province province(Ruleset ruleset, int size) {
		ProvinceGenerator g = new ProvinceGenerator(this.options.seed, ProvinceGenerator.Size.rows(size));
		List<Period> quarters = ProvinceGenerator.quarters(this.options.lastQuarter, this.options.quarters);
		FactDocumentReader reader = new FactDocumentReader(ruleset::validationContext);
		List<FactDocument> docs = new ArrayList<>();
		double gen = 0;
		double read = 0;
		long rows = 0;
		for (Period q : quarters) {
			long t = System.nanoTime();
			byte[] json = g.document(q);
			gen += ms(t);
			rows = g.write(q, java.io.OutputStream.nullOutputStream());
			long r = System.nanoTime();
			docs.add(reader.read(json));
			read += ms(r);
		}
		return new Province(g, quarters, docs, rows, gen, read);
	}

	private int evaluation(RuleEngine engine, Ruleset full, Ruleset five, int size) {
		int iterations = (size >= 1_000_000) ? Math.max(1, this.options.iterations / 2) : this.options.iterations;
		int warmups = (size >= 1_000_000) ? 1 : this.options.warmup;
		line(f("## Evaluation at %,d rows per quarter", size));
		line("");
		System.gc();
		Province p = province(full, size);
		ProvinceGenerator.Size s = p.generator().size();
		line(f("Province: %d cities, %d counties, %,d enterprises, %,d construction sites; %d quarters %s … %s; "
				+ "the last quarter has %,d rows (%,d inspections). Generating the %d documents took %.1f s, "
				+ "parsing and validating them %.1f s.", s.cities(), s.counties(), s.enterprises(), s.sites(), p.quarters().size(),
				p.quarters().get(0), p.quarters().get(p.quarters().size() - 1), p.rows(),
				p.documents().get(p.documents().size() - 1).getInspections().size(), p.quarters().size(), p.generateMs() / 1000,
				p.readMs() / 1000));
		line("");
		EvaluationRequest request = lastQuarter(engine, full, p.documents());
		System.gc();
		Runtime rt = Runtime.getRuntime();
		double inputMb = (rt.totalMemory() - rt.freeMemory()) / 1024.0 / 1024.0;
		Samples millis = new Samples();
		Samples heap = new Samples();
		Samples gc = new Samples();
		Samples assemble = new Samples();
		Samples sessions = new Samples();
		Samples cpu = new Samples();
		EvaluationResult result = null;
		for (int i = 0; i < warmups + iterations; i++) {
			System.gc();
			long t = System.nanoTime();
			try (HeapWatch w = new HeapWatch()) {
				result = engine.evaluate(full, request);
				double m = ms(t);
				w.close();
				if (i >= warmups) {
					millis.add(m);
					heap.add(w.peakMb());
					gc.add(w.gcMillis());
					assemble.add(result.statistics().assembleMillis());
					sessions.add(result.statistics().evaluateMillis());
					cpu.add(w.cpuMillis());
				}
			}
		}
		Samples rate = new Samples();
		millis.values().forEach(m -> rate.add(p.rows() / (m / 1000)));
		line(f("**a. Full catalogue** (%d rules; the last quarter with %d earlier quarters and their outcomes as history: "
				+ "%,d facts in %,d partitions, %,d firings, %,d outcomes)", full.rules().size(), p.documents().size() - 1,
				result.statistics().facts(), result.statistics().partitions(), result.statistics().firings(), result.outcomes().size()));
		line("");
		line("| measure | median (min–max, n) |");
		line("|---|---|");
		line("| evaluation time | " + millis.describe("%.0f") + " ms |");
		line("| throughput (rows of the quarter / s) | " + rate.describe("%,.0f") + " |");
		line("| of which assembling the facts (copy, rank, derive, partition) | " + assemble.describe("%.0f") + " ms |");
		line("| of which the sessions (insert, fire; partitions in parallel) | " + sessions.describe("%.0f") + " ms |");
		line("| peak heap in use (sampled) | " + heap.describe("%.0f") + " MB |");
		line(f("| heap in use after a full GC before evaluating (the %d parsed documents, earlier outcomes, compiled rules) | %.0f MB |",
				p.documents().size(), inputMb));
		line("| GC time during the evaluation | " + gc.describe("%.0f") + " ms |");
		line("| process CPU time during the evaluation (2 cores = up to 2× wall) | " + cpu.describe("%.0f") + " ms |");
		line("");
		if (size >= 1_000_000 || size == this.options.sizes.get(this.options.sizes.size() - 1)) {
			this.targets.put(f("evaluation ≥ 500k rows/s at %,d rows, heap ≤ 2 GB", size),
					f("%,.0f rows/s, peak heap %.0f MB", rate.median(), heap.median()));
		}

		if (this.options.skip.contains("five")) {
			if (size == this.options.e2eSize) {
				this.e2eProvince = p;
			}
			return 0;
		}
		// b. the five rules: engine vs hand-written, same request
		EvaluationRequest fiveRequest = lastQuarter(engine, five, p.documents());
		Samples engineMs = new Samples();
		Samples handMs = new Samples();
		List<Outcome> engineOut = null;
		List<Outcome> handOut = null;
		for (int i = 0; i < warmups + iterations; i++) {
			long t = System.nanoTime();
			engineOut = engine.evaluate(five, fiveRequest).outcomes();
			double e = ms(t);
			long h = System.nanoTime();
			handOut = HandWrittenEvaluator.evaluate(five, fiveRequest);
			double hw = ms(h);
			if (i >= warmups) {
				engineMs.add(e);
				handMs.add(hw);
			}
		}
		List<FiveRules.Decision> a = FiveRules.Decision.of(engineOut);
		List<FiveRules.Decision> b = FiveRules.Decision.of(handOut);
		boolean equal = a.equals(b);
		Map<String, Integer> byRule = new java.util.TreeMap<>();
		a.forEach(d -> byRule.merge(d.ruleId(), 1, Integer::sum));
		double ratio = engineMs.median() / handMs.median();
		line("**b. Five rules, engine vs hand-written** (" + String.join(", ", new java.util.TreeSet<>(FiveRules.IDS)) + ")");
		line("");
		line("| evaluator | time, median (min–max, n) |");
		line("|---|---|");
		line("| engine, the five rules only | " + engineMs.describe("%.0f") + " ms |");
		line("| hand-written plain Java | " + handMs.describe("%.0f") + " ms |");
		line(f("| **ratio engine / hand-written** | **%.1f×** |", ratio));
		line("");
		line(f("Outcomes compared (subject, rule id, measure, amount): engine %,d, hand-written %,d — %s. Per rule: %s.", a.size(),
				b.size(), equal ? "**identical**" : "**DIFFERENT**", byRule));
		line("");
		if (!equal) {
			List<FiveRules.Decision> onlyEngine = new ArrayList<>(a);
			b.forEach(onlyEngine::remove);
			List<FiveRules.Decision> onlyHand = new ArrayList<>(b);
			a.forEach(onlyHand::remove);
			line("Only the engine: " + onlyEngine.stream().limit(10).toList() + "; only by hand: " + onlyHand.stream().limit(10).toList());
			line("");
		}
		if (size >= 1_000_000 || size == this.options.sizes.get(this.options.sizes.size() - 1)) {
			this.targets.put(f("engine ≤ 15× hand-written (five rules, %,d rows)", size), f("%.1f× (outcomes %s)", ratio,
					equal ? "identical" : "DIFFERENT"));
		}
		if (size == this.options.e2eSize) {
			this.e2eProvince = p;
		}
		return equal ? 0 : 1;
	}

	/** The last quarter as a stored evaluation sees it: earlier quarters as history, their outcomes as prior. */
	private static EvaluationRequest lastQuarter(RuleEngine engine, Ruleset ruleset, List<FactDocument> docs) {
		List<PriorOutcome> prior = new ArrayList<>();
		for (int i = 0; i < docs.size() - 1; i++) {
			EvaluationResult r = engine.evaluate(ruleset, new EvaluationRequest(docs.get(i), docs.subList(0, i), prior, null));
			r.outcomes().forEach(o -> prior.add(PriorOutcome.of(o)));
		}
		return new EvaluationRequest(docs.get(docs.size() - 1), docs.subList(0, docs.size() - 1), prior, null);
	}

	// ------------------------------------------------------------------ d. what-if replay

	private void whatIf(RuleEngine engine, Ruleset full) {
		if (this.e2eProvince == null || this.options.skip.contains("whatif")) {
			return;
		}
		Province p = this.e2eProvince;
		Map<String, byte[]> files = new HashMap<>(RuleSource.fromDirectory(this.options.rules).files());
		String params = new String(files.get("parameters.yaml"), StandardCharsets.UTF_8);
		params += "\n  - validFrom: " + p.quarters().get(0).start() + "\n    comment: 基准测试预演\n    values:\n      weeklyLastDeductionWan: 150\n";
		files.put("parameters.yaml", params.getBytes(StandardCharsets.UTF_8));
		Ruleset candidate = RuleEngine.compile(RuleSource.of(files));
		Samples replay = new Samples();
		int changed = 0;
		for (int i = 0; i < this.options.warmup + this.options.iterations; i++) {
			long t = System.nanoTime();
			// what POST /rulesets/{v}/simulate does per period: the chain under the candidate and under the baseline
			List<EvaluationResult> base = chain(engine, full, p.documents());
			List<EvaluationResult> cand = chain(engine, candidate, p.documents());
			double m = ms(t);
			if (i >= this.options.warmup) {
				replay.add(m);
			}
			changed = 0;
			for (int q = 0; q < base.size(); q++) {
				changed += Math.abs(base.get(q).outcomes().size() - cand.get(q).outcomes().size())
						+ (int) cand.get(q).outcomes().stream().filter(o -> "R-CTY-01".equals(o.getRuleId())).count();
			}
		}
		line(f("## What-if replay of four quarters (%,d rows per quarter)", p.rows()));
		line("");
		line("A candidate ruleset (parameters.yaml with `weeklyLastDeductionWan` 100 → 150 from the first quarter) against the "
				+ "catalogue: each quarter evaluated under both, each chain carrying its own earlier outcomes — eight evaluations, "
				+ "engine only (the stored-history load of `POST /rulesets/{v}/simulate` is measured under end to end).");
		line("");
		line("| measure | median (min–max, n) |");
		line("|---|---|");
		line("| four-quarter replay, candidate + baseline | " + replay.describe("%.0f") + " ms |");
		line(f("| R-CTY-01 outcomes under the candidate (the amounts that change) | %,d |", changed));
		line("");
	}

	private static List<EvaluationResult> chain(RuleEngine engine, Ruleset ruleset, List<FactDocument> docs) {
		List<PriorOutcome> prior = new ArrayList<>();
		List<EvaluationResult> results = new ArrayList<>();
		for (int i = 0; i < docs.size(); i++) {
			EvaluationResult r = engine.evaluate(ruleset, new EvaluationRequest(docs.get(i), docs.subList(0, i), prior, null));
			r.outcomes().forEach(o -> prior.add(PriorOutcome.of(o)));
			results.add(r);
		}
		return results;
	}

	private Province e2eProvince;

	// ------------------------------------------------------------------ c. e. end to end, stateless

	private void endToEnd() throws Exception {
		if (this.e2eProvince == null) {
			return;
		}
		Province p = this.e2eProvince;
		List<byte[]> documents = new ArrayList<>();
		for (Period q : p.quarters()) {
			documents.add(p.generator().document(q));
		}
		this.e2eProvince = null;
		System.gc();
		line(f("## End to end: upload → store → evaluate → store outcomes (%,d rows in the last quarter)", p.rows()));
		line("");
		line("The service's own beans in this JVM (Spring context, Flyway-migrated schema, HikariCP): the earlier quarters are "
				+ "uploaded and evaluated first (not timed); then the last quarter is uploaded (JSON: parse, validate, store "
				+ "rows in batches) and evaluated (load the quarter and its history, evaluate, store the run and outcomes), "
				+ "again for each iteration (a new revision each time).");
		line("");
		line("| database | upload + store | evaluate + store | end to end | outcomes stored |");
		line("|---|---|---|---|---|");
		if (!this.options.skip.contains("e2e")) {
			e2e("H2 (in memory)", h2Properties(), documents, p.quarters(), false);
			String pg = this.options.postgres;
			if (pg != null && !pg.isBlank()) {
				String schema = "kaohe_bench_" + Long.toHexString(System.nanoTime());
				try (Connection c = DriverManager.getConnection(pg, this.options.postgresUser, this.options.postgresPassword);
						Statement st = c.createStatement()) {
					st.execute("CREATE SCHEMA " + schema);
				}
				try {
					Map<String, Object> props = new HashMap<>();
					props.put("spring.datasource.url", pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema);
					props.put("spring.datasource.username", this.options.postgresUser);
					props.put("spring.datasource.password", this.options.postgresPassword);
					props.put("spring.flyway.schemas", schema);
					props.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
					e2e("PostgreSQL (" + pg.replaceAll("\\?.*", "") + ")", props, documents, p.quarters(), true);
				}
				finally {
					try (Connection c = DriverManager.getConnection(pg, this.options.postgresUser, this.options.postgresPassword);
							Statement st = c.createStatement()) {
						st.execute("DROP SCHEMA " + schema + " CASCADE");
					}
				}
			}
		}
		line("");
		if (!this.options.skip.contains("stateless")) {
			stateless();
		}
	}

	private Map<String, Object> h2Properties() {
		Map<String, Object> props = new HashMap<>();
		props.put("spring.datasource.url", "jdbc:h2:mem:bench" + System.nanoTime()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=120000;DB_CLOSE_DELAY=-1");
		props.put("spring.datasource.username", "sa");
		props.put("spring.datasource.password", "");
		return props;
	}

	private ConfigurableApplicationContext start(Map<String, Object> db, boolean web) {
		Map<String, Object> props = new HashMap<>(db);
		props.put("kaohe.demo.enabled", "false");
		props.put("kaohe.rules.location", this.options.rules.toString());
		props.put("server.port", "0");
		props.put("spring.main.banner-mode", "off");
		props.put("logging.level.root", "WARN");
		props.put("logging.level.org.kaohe", "WARN");
		return new SpringApplicationBuilder(KaoheApplication.class).properties(props)
			.web(web ? org.springframework.boot.WebApplicationType.SERVLET : org.springframework.boot.WebApplicationType.NONE)
			.run();
	}

	private void e2e(String label, Map<String, Object> db, List<byte[]> documents, List<Period> quarters, boolean postgres) {
		int iterations = Math.max(1, Math.min(this.options.iterations, 2));
		try (ConfigurableApplicationContext ctx = start(db, false)) {
			FactUploads uploads = ctx.getBean(FactUploads.class);
			EvaluationRuns runs = ctx.getBean(EvaluationRuns.class);
			for (int i = 0; i < documents.size() - 1; i++) {
				uploads.uploadJson(documents.get(i), null);
				runs.evaluate(quarters.get(i), null, null);
			}
			Samples up = new Samples();
			Samples ev = new Samples();
			Samples total = new Samples();
			int stored = 0;
			for (int i = 0; i < iterations; i++) {
				System.gc();
				long t = System.nanoTime();
				uploads.uploadJson(documents.get(documents.size() - 1), null);
				double u = ms(t);
				long e = System.nanoTime();
				StoredRun run = runs.evaluate(quarters.get(quarters.size() - 1), null, null);
				double v = ms(e);
				stored = run.outcomes().size();
				up.add(u);
				ev.add(v);
				total.add(u + v);
			}
			line("| " + label + " | " + up.describe("%.0f") + " ms | " + ev.describe("%.0f") + " ms | " + total.describe("%.0f")
					+ " ms | " + f("%,d", stored) + " |");
			if (postgres) {
				this.targets.put("end to end ≤ 60 s on PostgreSQL (" + f("%,d", this.options.e2eSize) + " rows)",
						f("%.1f s", total.median() / 1000));
			}
		}
	}

	private void stateless() throws Exception {
		byte[] county = new ProvinceGenerator(this.options.seed, ProvinceGenerator.Size.rows(1, 1, this.options.countyRows))
			.document(this.options.lastQuarter);
		long rows = new ProvinceGenerator(this.options.seed, ProvinceGenerator.Size.rows(1, 1, this.options.countyRows))
			.write(this.options.lastQuarter, java.io.OutputStream.nullOutputStream());
		URI url;
		String token = this.options.token;
		ConfigurableApplicationContext ctx = null;
		if (this.options.url != null) {
			url = URI.create(this.options.url);
		}
		else {
			ctx = start(h2Properties(), true);
			int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
			url = URI.create("http://127.0.0.1:" + port + "/api/v1/evaluate");
			if (token == null) {
				token = benchToken(ctx);
			}
		}
		try {
			LoadTool.Result r = LoadTool.run(url, county, token, this.options.clients, this.options.loadWarmUp,
					this.options.loadDuration);
			line(f("## Stateless `POST /api/v1/evaluate`, %d concurrent clients on loopback", r.clients()));
			line("");
			line(f("One county's quarter (%,d rows, %,d bytes of JSON) posted again and again by %d closed-loop clients for "
					+ "%d s after %d s of warm-up; the service in this JVM (embedded Tomcat, default thread pool).", rows,
					county.length, r.clients(), this.options.loadDuration.toSeconds(), this.options.loadWarmUp.toSeconds()));
			line("");
			line("| measure | value |");
			line("|---|---|");
			line(f("| requests (errors) | %,d (%,d) |", r.requests(), r.errors()));
			line(f("| throughput | %.1f requests/s |", r.throughput()));
			line(f("| latency p50 / p90 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |", r.latenciesMs().percentile(50),
					r.latenciesMs().percentile(90), r.latenciesMs().percentile(99), r.latenciesMs().max()));
			if (r.firstError() != null) {
				line("| first error | " + r.firstError().replace('|', '/').replace('\n', ' ') + " |");
			}
			line("");
			this.targets.put("stateless p99 ≤ 50 ms (32 clients)", f("p99 %.1f ms, p50 %.1f ms, %.1f req/s, %d errors",
					r.latenciesMs().percentile(99), r.latenciesMs().percentile(50), r.throughput(), r.errors()));
		}
		finally {
			if (ctx != null) {
				ctx.close();
			}
		}
	}

	private static double ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e6;
	}

	/** Command-line entry for {@code bench} and {@code bench-load}, used by the CLI. */
	public static int main(List<String> args, PrintStream out, PrintStream err) throws Exception {
		BenchOptions options = BenchOptions.parse(args);
		return new BenchCommand(options, out).run();
	}


	/**
	 * An uploader's API token on the service this bench started itself (its own in-memory database): the
	 * stateless endpoint needs a signed-in caller like every other API call.
	 */
	private static String benchToken(ConfigurableApplicationContext ctx) {
		Accounts accounts = ctx.getBean(Accounts.class);
		if (accounts.find("bench").isEmpty()) {
			accounts.create("bench", null, Set.of(Role.UPLOADER), Actor.SYSTEM);
		}
		return ctx.getBean(Tokens.class).issue("bench", Set.of(Role.UPLOADER), Duration.ofHours(2), "bench", Actor.SYSTEM).token();
	}

}

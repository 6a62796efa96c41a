package org.kaohe.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.kaohe.facts.Period;

/**
 * Options of {@code bench}:
 * <pre>
 * --sizes 10000,100000,1000000   rows per quarter, one evaluation section each
 * --e2e-size 100000              the size used for what-if, end to end (must be one of --sizes)
 * --iterations 5 --warmup 2      recorded and unrecorded repetitions (halved at 1M rows)
 * --quarters 4 --last 2026-Q3 --seed 20261123
 * --rules rules                  the catalogue
 * --postgres URL                 PostgreSQL for end to end (default $KAOHE_TEST_POSTGRES_URL; "none" skips)
 * --postgres-user postgres --postgres-password ''
 * --clients 32 --duration 20 --load-warmup 5 --county-rows 600   the stateless load
 * --url URL                      load an already running service instead of starting one
 * --token T                      bearer token for the API (default $KAOHE_TOKEN)
 * --skip e2e,stateless,whatif,five   leave sections out
 * --report FILE                  also write the Markdown report there
 * </pre>
 */
public final class BenchOptions {

	List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);

	int e2eSize = -1;

	int iterations = 5;

	int warmup = 2;

	int quarters = 4;

	Period lastQuarter = Period.parse("2026-Q3");

	long seed = 20_261_123L;

	Path rules = Path.of("rules");

	String postgres = System.getenv("KAOHE_TEST_POSTGRES_URL");

	String postgresUser = env("KAOHE_TEST_POSTGRES_USER", "postgres");

	String postgresPassword = env("KAOHE_TEST_POSTGRES_PASSWORD", "");

	int clients = 32;

	Duration loadDuration = Duration.ofSeconds(20);

	Duration loadWarmUp = Duration.ofSeconds(5);

	int countyRows = 600;

	String url;

	String token = System.getenv("KAOHE_TOKEN");

	Set<String> skip = new TreeSet<>();

	Path report;

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return (v != null && !v.isBlank()) ? v : fallback;
	}

	static BenchOptions parse(List<String> args) {
		BenchOptions o = new BenchOptions();
		for (int i = 0; i < args.size(); i++) {
			String name = args.get(i);
			String value;
			if (name.startsWith("--") && name.contains("=")) {
				value = name.substring(name.indexOf('=') + 1);
				name = name.substring(0, name.indexOf('='));
			}
			else {
				if (i + 1 >= args.size()) {
					throw new IllegalArgumentException(name + " needs a value");
				}
				value = args.get(++i);
			}
			switch (name) {
				case "--sizes" -> {
					List<Integer> sizes = new ArrayList<>();
					for (String s : value.split(",")) {
						sizes.add(Integer.parseInt(s.trim().replace("_", "")));
					}
					o.sizes = List.copyOf(sizes);
				}
				case "--e2e-size" -> o.e2eSize = Integer.parseInt(value);
				case "--iterations" -> o.iterations = Integer.parseInt(value);
				case "--warmup" -> o.warmup = Integer.parseInt(value);
				case "--quarters" -> o.quarters = Integer.parseInt(value);
				case "--last" -> o.lastQuarter = Period.parse(value);
				case "--seed" -> o.seed = Long.parseLong(value);
				case "--rules" -> o.rules = Path.of(value);
				case "--postgres" -> o.postgres = value.equals("none") ? null : value;
				case "--postgres-user" -> o.postgresUser = value;
				case "--postgres-password" -> o.postgresPassword = value;
				case "--clients" -> o.clients = Integer.parseInt(value);
				case "--duration" -> o.loadDuration = Duration.ofSeconds(Long.parseLong(value));
				case "--load-warmup" -> o.loadWarmUp = Duration.ofSeconds(Long.parseLong(value));
				case "--county-rows" -> o.countyRows = Integer.parseInt(value);
				case "--url" -> o.url = value;
				case "--token" -> o.token = value;
				case "--skip" -> {
					for (String s : value.split(",")) {
						o.skip.add(s.trim());
					}
				}
				case "--report" -> o.report = Path.of(value);
				default -> throw new IllegalArgumentException("unknown option " + name);
			}
		}
		if (o.iterations < 1 || o.warmup < 0 || o.sizes.isEmpty() || o.quarters < 1) {
			throw new IllegalArgumentException("--iterations ≥ 1, --warmup ≥ 0, --quarters ≥ 1 and at least one size");
		}
		if (o.e2eSize < 0) {
			o.e2eSize = o.sizes.contains(100_000) ? 100_000 : o.sizes.get(o.sizes.size() - 1);
		}
		if (!o.sizes.contains(o.e2eSize)) {
			throw new IllegalArgumentException("--e2e-size must be one of --sizes");
		}
		return o;
	}

	@Override
	public String toString() {
		return "sizes=" + this.sizes + " e2e-size=" + this.e2eSize + " iterations=" + this.iterations + " warmup=" + this.warmup
				+ " quarters=" + this.quarters + " last=" + this.lastQuarter + " seed=" + this.seed + " clients=" + this.clients
				+ " duration=" + this.loadDuration.toSeconds() + "s postgres=" + (this.postgres != null ? "yes" : "no")
				+ " token=" + (this.token != null && !this.token.isBlank() ? "given" : "none") + " skip=" + this.skip;
	}

}

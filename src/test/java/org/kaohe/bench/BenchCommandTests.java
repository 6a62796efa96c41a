package org.kaohe.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kaohe.cli.KaoheCli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code bench} at the smallest size so the command cannot rot: every section runs (the
 * PostgreSQL one when {@code KAOHE_TEST_POSTGRES_URL} names a server), and the engine and the
 * hand-written evaluator agree. No timing is asserted.
 */
class BenchCommandTests {

	@Test
	void theBenchmarkRunsEverySectionAtTheSmallestSize(@TempDir Path dir) throws Exception {
		Path report = dir.resolve("bench.md");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = new KaoheCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
			.run(List.of("bench", "--sizes", "3000", "--iterations", "1", "--warmup", "0", "--quarters", "2", "--clients", "4",
					"--duration", "4", "--load-warmup", "2", "--county-rows", "300", "--report", report.toString())
				.toArray(String[]::new));

		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(Files.readString(report)).isEqualTo(text);
		assertThat(text).contains("## Ruleset compile, warm-up, activation", "## Evaluation at 3,000 rows per quarter",
				"**a. Full catalogue**", "**identical**", "## What-if replay", "| H2 (in memory) |",
				"## Stateless `POST /api/v1/evaluate`", "## Targets");
		assertThat(text).doesNotContain("DIFFERENT").containsPattern("requests \\(errors\\) \\| [1-9][0-9,]* \\(0\\)");
		if (System.getenv("KAOHE_TEST_POSTGRES_URL") != null) {
			assertThat(text).contains("| PostgreSQL (");
		}
	}

}

package org.kaohe.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.kaohe.KaoheApplication;
import org.kaohe.rules.RuleSource;
import org.kaohe.rules.RulesetInvalidException;
import org.kaohe.system.Paging;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code rules/} folder as a source of versions, across restarts of the service on one database:
 * stored and put in force at the first start, a changed folder goes live at the next start (or waits
 * for an approver under the two-person rule), an unchanged folder never undoes an activation made
 * since, a broken folder never stops a service that has a version in force, and a watched folder goes
 * live seconds after it changes. A small real ruleset (the road rules) keeps each start quick.
 */
class RulesFolderPickupIntegrationTests {

	@TempDir
	Path rules;

	private final String database = "jdbc:h2:mem:kaohe-pickup-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000";

	private void writeRoadRules() throws IOException {
		for (String file : List.of("parameters.yaml", "checklists.yaml", "basis.yaml", "roads.drl", "README.md")) {
			Files.copy(RuleHarness.RULES.resolve(file), this.rules.resolve(file));
		}
	}

	private String changeParameters(String validFrom, String value) throws IOException {
		Files.writeString(this.rules.resolve("parameters.yaml"), "  - validFrom: " + validFrom + "\n    comment: 改\n    values:\n"
				+ "      roadFailSharePct: " + value + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
		return RuleSource.fromDirectory(this.rules).version();
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + this.database,
				"--kaohe.rules.location=" + this.rules, "--kaohe.rules.scenarios=target/no-scenarios", "--kaohe.demo.enabled=false",
				"--kaohe.rules.poll-interval=0s"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(KaoheApplication.class).web(WebApplicationType.NONE).run(args.toArray(String[]::new));
	}

	private static String inForce(ConfigurableApplicationContext context) {
		return context.getBean(ActiveRuleset.class).current().version();
	}

	@Test
	void aChangedFolderGoesLiveAtTheNextStartUnlessTheTwoPersonRuleHoldsItForAnApprover() throws IOException {
		writeRoadRules();
		String v0 = RuleSource.fromDirectory(this.rules).version();
		try (ConfigurableApplicationContext first = start()) {
			assertThat(inForce(first)).isEqualTo(v0);
		}
		String v1 = changeParameters("2026-01-01", "25");

		try (ConfigurableApplicationContext second = start()) {
			assertThat(inForce(second)).isEqualTo(v1);
			Activation latest = second.getBean(RulesetCatalogue.class).activations(new Paging(0, 1)).content().get(0);
			assertThat(latest.actor()).isEqualTo("system");
			assertThat(latest.previousVersion()).isEqualTo(v0);
			assertThat(latest.reason()).contains("the rules folder changed");
			// someone puts the first version back through the API
			second.getBean(RulesetActivations.class).activate(v0, "退回原标准", null, false);
		}
		try (ConfigurableApplicationContext third = start()) {
			assertThat(inForce(third)).as("an unchanged folder does not undo the activation").isEqualTo(v0);
		}
		String v2 = changeParameters("2026-04-01", "30");

		try (ConfigurableApplicationContext fourth = start("--kaohe.rules.two-person-rule=true")) {
			assertThat(inForce(fourth)).isEqualTo(v0);
			RulesetCatalogue catalogue = fourth.getBean(RulesetCatalogue.class);
			RulesetCatalogue.Detail stored = catalogue.detail(v2);
			assertThat(stored.state()).isEqualTo(RulesetCatalogue.State.CANDIDATE);
			assertThat(stored.version().origin()).isEqualTo("DIRECTORY");
			assertThat(stored.version().parentVersion()).isEqualTo(v0);
			assertThat(stored.diff()).extracting(FileDiff::path).containsExactly("parameters.yaml");
			assertThat(catalogue.active().awaitingApproval()).extracting(StoredVersion::version).contains(v2);
		}
	}

	@Test
	void aBrokenFolderStopsOnlyAFirstStartAndIsKeptForTheRecordAfterwards() throws IOException {
		writeRoadRules();
		Files.writeString(this.rules.resolve("broken.drl"), "package kaohe\nrule \"坏\"\nwhen\n  County(\nthen\nend\n");

		Throwable refused = catchThrowable(this::start);

		assertThat(refused).hasRootCauseInstanceOf(RulesetInvalidException.class);
		assertThat(rootCause(refused).getMessage()).contains("broken.drl");
		Files.delete(this.rules.resolve("broken.drl"));
		String good = RuleSource.fromDirectory(this.rules).version();
		try (ConfigurableApplicationContext first = start()) {
			assertThat(inForce(first)).isEqualTo(good);
		}
		Files.writeString(this.rules.resolve("broken.drl"), "package kaohe\nrule \"坏\"\nwhen\n  County(\nthen\nend\n");
		String broken = RuleSource.fromDirectory(this.rules).version();
		try (ConfigurableApplicationContext later = start()) {
			assertThat(inForce(later)).isEqualTo(good);
			RulesetCatalogue.Detail rejected = later.getBean(RulesetCatalogue.class).detail(broken);
			assertThat(rejected.state()).isEqualTo(RulesetCatalogue.State.REJECTED);
			assertThat(rejected.checks().problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("broken.drl"));
		}
	}

	@Test
	void aWatchedFolderGoesLiveSecondsAfterItChanges() throws Exception {
		writeRoadRules();
		try (ConfigurableApplicationContext running = start("--kaohe.rules.watch=true", "--kaohe.rules.watch-debounce=300ms")) {
			String changed = changeParameters("2026-01-01", "25");

			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!inForce(running).equals(changed) && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}

			assertThat(inForce(running)).isEqualTo(changed);
			Activation latest = running.getBean(RulesetCatalogue.class).activations(new Paging(0, 1)).content().get(0);
			assertThat(latest.reason()).contains("watch");
		}
	}

	private static Throwable rootCause(Throwable t) {
		while (t.getCause() != null) {
			t = t.getCause();
		}
		return t;
	}

}

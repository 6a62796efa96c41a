package org.kaohe.ruleset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which version is in force for which periods, from the activation log. */
class RulesetScheduleTests {

	private final List<Activation> log = new ArrayList<>();

	private void activate(String version, String effectiveFrom) {
		this.log.add(new Activation(this.log.size() + 1, Activation.ACTIVATE, version, null,
				(effectiveFrom != null) ? LocalDate.parse(effectiveFrom) : null, "王审批", null, OffsetDateTime.now(), "理由", false, false,
				null, null));
	}

	private void rollBackLatest() {
		RulesetSchedule s = RulesetSchedule.of(this.log);
		Activation latest = s.latest().orElseThrow();
		long seq = this.log.size() + 1;
		this.log.replaceAll(a -> (a.seq() == latest.seq()) ? new Activation(a.seq(), a.action(), a.version(), a.previousVersion(),
				a.effectiveFrom(), a.actor(), a.actorAddress(), a.activatedAt(), a.reason(), a.forced(), a.rollback(), null, seq) : a);
		this.log.add(new Activation(seq, Activation.ROLLBACK, "?", latest.version(), latest.effectiveFrom(), "王审批", null,
				OffsetDateTime.now(), "回滚", false, true, latest.seq(), null));
	}

	/** V3 was scheduled from 2027, then V2 from mid-2026: the later activation covers 2027 too. */
	@ParameterizedTest
	@CsvSource(textBlock = """
			2026-01-01, V1
			2026-06-30, V1
			2026-07-01, V2
			2026-10-01, V2
			2027-01-01, V2
			2030-01-01, V2
			""")
	void theLatestActivationEffectiveOnThePeriodsFirstDayDecides(String periodStart, String version) {
		activate("V1", null);
		activate("V3", "2027-01-01");
		activate("V2", "2026-07-01");

		RulesetSchedule s = RulesetSchedule.of(this.log);

		assertThat(s.versionFor(LocalDate.parse(periodStart))).isEqualTo(version);
		assertThat(s.versionsInUse()).containsExactly("V1", "V2");
	}

	@Test
	void anUndatedActivationAppliesToEveryPeriodAndShadowsWhatCameBefore() {
		activate("V1", null);
		activate("V2", "2026-07-01");
		activate("V3", null);

		RulesetSchedule s = RulesetSchedule.of(this.log);

		assertThat(s.versionFor(LocalDate.parse("2020-01-01"))).isEqualTo("V3");
		assertThat(s.versionFor(LocalDate.parse("2027-01-01"))).isEqualTo("V3");
		assertThat(s.versionsInUse()).containsExactly("V3");
	}

	@Test
	void laterDatedActivationsLeaveTheEarlierPeriodsToTheVersionsBefore() {
		activate("V1", null);
		activate("V2", "2026-07-01");
		activate("V3", "2027-01-01");

		RulesetSchedule s = RulesetSchedule.of(this.log);

		assertThat(s.versionsInUse()).containsExactly("V1", "V2", "V3");
		assertThat(s.versionFor(LocalDate.parse("2026-04-01"))).isEqualTo("V1");
		assertThat(s.versionFor(LocalDate.parse("2026-07-01"))).isEqualTo("V2");
		assertThat(s.versionFor(LocalDate.parse("2027-01-01"))).isEqualTo("V3");
		activate("V4", "2026-01-01");
		assertThat(RulesetSchedule.of(this.log).versionsInUse()).containsExactly("V1", "V4");
	}

	@Test
	void aRollbackUndoesExactlyTheLatestActivation() {
		activate("V1", null);
		activate("V2", "2026-07-01");
		activate("V3", null);

		rollBackLatest();
		RulesetSchedule afterOne = RulesetSchedule.of(this.log);
		rollBackLatest();
		RulesetSchedule afterTwo = RulesetSchedule.of(this.log);

		assertThat(afterOne.versionFor(LocalDate.parse("2026-04-01"))).isEqualTo("V1");
		assertThat(afterOne.versionFor(LocalDate.parse("2026-07-01"))).isEqualTo("V2");
		assertThat(afterTwo.versionsInUse()).containsExactly("V1");
		assertThat(afterTwo.seq()).isEqualTo(5);
		assertThat(afterTwo.coversEveryPeriod()).isTrue();
		assertThat(afterTwo.without(1).coversEveryPeriod()).isFalse();
	}

}

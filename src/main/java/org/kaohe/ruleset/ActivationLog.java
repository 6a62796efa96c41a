package org.kaohe.ruleset;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.kaohe.system.Actor;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * Appends activations and rollbacks to the log in the database — the audit trail and the schedule every
 * instance follows — each in one transaction that holds the ruleset lock, so concurrent activations on
 * several instances are serialised and each records the version it really replaced.
 * {@link RulesetActivated} is published inside that transaction.
 */
@Component
class ActivationLog {

	private final RulesetStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemDefaultZone();

	ActivationLog(RulesetStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	/** The schedule as the database has it now. */
	RulesetSchedule schedule() {
		return RulesetSchedule.of(this.store.activations());
	}

	/**
	 * Puts a version in force for the periods from {@code effectiveFrom} (or all).
	 *
	 * @param today the day "now" means when {@code effectiveFrom} is null (for the version it replaces)
	 */
	Activation activate(String version, LocalDate effectiveFrom, Actor actor, String reason, boolean forced, LocalDate today) {
		return activateIf(s -> true, version, effectiveFrom, actor, reason, forced, today);
	}

	/**
	 * Puts a version in force only if the schedule, read under the lock, still satisfies
	 * {@code precondition} (automatic activations: another instance may have done it already).
	 *
	 * @return the activation, or null when the precondition no longer held
	 */
	Activation activateIf(Predicate<RulesetSchedule> precondition, String version, LocalDate effectiveFrom,
			Actor actor, String reason, boolean forced, LocalDate today) {
		return this.store.locked(() -> {
			RulesetSchedule before = schedule();
			if (!precondition.test(before)) {
				return null;
			}
			String previous = before.versionFor((effectiveFrom != null) ? effectiveFrom : today);
			boolean rollback = previous != null && !previous.equals(version) && this.store.everActivated(version);
			OffsetDateTime now = now();
			Activation saved = this.store.insert(new Activation(0, Activation.ACTIVATE, version, previous, effectiveFrom, actor.name(),
					actor.address(), now, reason, forced, rollback, null, null));
			// inside the transaction on purpose: see RunFinished
			this.events.publishEvent(new RulesetActivated(version, previous, rollback, actor, reason, now));
			return saved;
		});
	}

	/**
	 * Undoes the latest activation in force, if it is still the one the caller saw.
	 *
	 * @param expectedSeq the activation the caller means to undo
	 * @throws ProblemException (409) when the schedule changed meanwhile
	 */
	Activation rollback(long expectedSeq, Actor actor, String reason, LocalDate today) {
		return this.store.locked(() -> {
			RulesetSchedule before = schedule();
			Activation latest = before.latest().orElse(null);
			if (latest == null || latest.seq() != expectedSeq) {
				throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "启用记录已变化 / The schedule changed",
						"回滚期间有人启用了其他版本，请查看后重试 / another activation happened meanwhile; look and try again");
			}
			RulesetSchedule after = before.without(latest.seq());
			LocalDate from = (latest.effectiveFrom() != null) ? latest.effectiveFrom() : today;
			String restored = after.versionFor(from);
			OffsetDateTime now = now();
			Activation saved = this.store.insert(new Activation(0, Activation.ROLLBACK, restored, latest.version(),
					latest.effectiveFrom(), actor.name(), actor.address(), now, reason, false, true, latest.seq(), null));
			this.store.revoke(latest.seq(), saved.seq());
			this.events.publishEvent(new RulesetActivated(restored, latest.version(), true, actor, reason, now));
			return saved;
		});
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
	}

}

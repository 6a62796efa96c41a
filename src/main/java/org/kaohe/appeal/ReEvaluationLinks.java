package org.kaohe.appeal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.kaohe.evaluation.RunFinished;
import org.kaohe.evaluation.StoredOutcome;
import org.kaohe.evaluation.StoredOutcomes;

/**
 * When a period is evaluated again (after corrected facts, typically because of an appeal), links each
 * appealed outcome of the period's earlier runs to what the new run decided for the same rule and
 * subject, so both show the other. Runs inside the evaluation's transaction (a synchronous listener of
 * {@link RunFinished}): the links exist exactly when the run does.
 *
 * <p>The best match wins: the same outcome key (the same facts), else the same measure, else the same
 * rule and subject; when the new run decides nothing for the rule and subject, the appealed outcome
 * records that too.
 */
@Component
class ReEvaluationLinks {

	private final AppealRepository repository;

	private final StoredOutcomes outcomes;

	private final Clock clock = Clock.systemDefaultZone();

	ReEvaluationLinks(AppealRepository repository, StoredOutcomes outcomes) {
		this.repository = repository;
		this.outcomes = outcomes;
	}

	@EventListener
	void on(RunFinished run) {
		Map<String, Appeal> appealed = this.repository.appealedIn(run.period(), run.runId());
		if (appealed.isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		for (Map.Entry<String, Appeal> e : appealed.entrySet()) {
			String appealedId = e.getKey();
			Appeal appeal = e.getValue();
			if (this.repository.linked(appealedId, run.runId())) {
				continue;
			}
			StoredOutcome old = this.outcomes.find(appealedId).orElse(null);
			if (old == null) {
				continue;
			}
			List<StoredOutcome> candidates = this.outcomes.of(run.runId(), appeal.subjectId(), appeal.ruleId());
			List<StoredOutcome> sameFacts = candidates.stream().filter(c -> c.key().equals(old.key())).toList();
			List<StoredOutcome> sameMeasure = candidates.stream()
				.filter(c -> c.outcome().getMeasure() == old.outcome().getMeasure())
				.toList();
			String match;
			List<StoredOutcome> chosen;
			if (!sameFacts.isEmpty()) {
				match = "SAME_FACTS";
				chosen = sameFacts;
			}
			else if (!sameMeasure.isEmpty()) {
				match = "SAME_MEASURE";
				chosen = sameMeasure;
			}
			else {
				match = candidates.isEmpty() ? "NONE" : "SAME_RULE";
				chosen = candidates;
			}
			if (chosen.isEmpty()) {
				this.repository.insertLink(appealedId, run.runId(), null, appeal.id(), match, now);
			}
			for (StoredOutcome c : chosen) {
				this.repository.insertLink(appealedId, run.runId(), c.outcome().getId(), appeal.id(), match, now);
			}
		}
	}

}

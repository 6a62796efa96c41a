package org.kaohe.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.kaohe.appeal.Appeal;
import org.kaohe.appeal.AppealDecided;
import org.kaohe.appeal.AppealDecision;
import org.kaohe.appeal.AppealFiled;
import org.kaohe.evaluation.RunFinished;
import org.kaohe.outcome.Outcome;
import org.kaohe.ruleset.RulesetActivated;

/**
 * The transactional outbox: synchronous listeners of the events Kaohe publishes inside its transactions
 * (a run stored, an appeal filed or decided, a ruleset activated) write the event and one pending
 * delivery per subscribed endpoint in that same transaction. A rolled-back run leaves no event; a
 * committed one always has its deliveries, whatever happens to the OA system or this process later.
 *
 * <p>The body is the event as sent: {@code {id, type, time, payload}}; the dispatcher sends it as stored,
 * so every attempt and every redelivery carries the same bytes and the same event id.
 */
@Component
class WebhookOutbox {

	static final String RUN_FINISHED = "run.finished";

	static final String APPEAL_FILED = "appeal.filed";

	static final String APPEAL_DECIDED = "appeal.decided";

	static final String RULESET_ACTIVATED = "ruleset.activated";

	static final String PING = "webhook.ping";

	static final List<String> TYPES = List.of(RUN_FINISHED, APPEAL_FILED, APPEAL_DECIDED, RULESET_ACTIVATED, PING);

	private final WebhookRepository repository;

	private final ObjectMapper mapper;

	private final Clock clock = Clock.systemUTC();

	WebhookOutbox(WebhookRepository repository, ObjectMapper mapper) {
		this.repository = repository;
		this.mapper = mapper;
	}

	@EventListener
	void on(RunFinished e) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("runId", e.runId());
		payload.put("period", e.period().toString());
		payload.put("rulesetVersion", e.rulesetVersion());
		payload.put("factsHash", e.factsHash());
		payload.put("outcomes", e.outcomes());
		payload.put("evaluatedAt", e.evaluatedAt());
		payload.put("links", Map.of("run", "/api/v1/evaluations/" + e.runId(), "outcomes", "/api/v1/evaluations/" + e.runId() + "/outcomes",
				"notice", "/api/v1/evaluations/" + e.runId() + "/notice?format=pdf"));
		publish(RUN_FINISHED, payload, null);
	}

	@EventListener
	void on(AppealFiled e) {
		Map<String, Object> payload = appeal(e.appeal(), e.outcome());
		payload.put("filedBy", e.appeal().filedBy());
		payload.put("filedAt", e.appeal().filedAt());
		payload.put("reason", e.appeal().reason());
		payload.put("attachment", e.appeal().attachment());
		publish(APPEAL_FILED, payload, null);
	}

	@EventListener
	void on(AppealDecided e) {
		Map<String, Object> payload = appeal(e.appeal(), e.outcome());
		AppealDecision d = e.appeal().decisions().get(e.appeal().decisions().size() - 1);
		payload.put("decision", d.decision().name());
		payload.put("decisionLabel", d.decision().getLabel());
		payload.put("reason", d.reason());
		payload.put("decidedBy", d.decidedBy());
		payload.put("decidedAt", d.decidedAt());
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("kind", e.outcome().getKind());
		machine.put("measure", e.outcome().getMeasure());
		machine.put("amountYuan", e.outcome().getAmountYuan());
		machine.put("durationDays", e.outcome().getDurationDays());
		machine.put("durationHours", e.outcome().getDurationHours());
		payload.put("machine", machine);
		payload.put("effective", e.effective());
		publish(APPEAL_DECIDED, payload, null);
	}

	@EventListener
	void on(RulesetActivated e) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("version", e.version());
		payload.put("previousVersion", e.previousVersion());
		payload.put("rollback", e.rollback());
		payload.put("by", (e.by() != null) ? e.by().name() : null);
		payload.put("reason", e.reason());
		payload.put("activatedAt", e.activatedAt());
		publish(RULESET_ACTIVATED, payload, null);
	}

	private static Map<String, Object> appeal(Appeal a, Outcome o) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("appealId", a.id());
		payload.put("outcomeId", a.outcomeId());
		payload.put("runId", a.runId());
		payload.put("period", a.period().toString());
		payload.put("subject", o.getSubject());
		payload.put("ruleId", o.getRuleId());
		payload.put("ruleName", o.getRuleName());
		payload.put("links", Map.of("appeal", "/api/v1/appeals/" + a.id(), "outcome", "/api/v1/outcomes/" + a.outcomeId(), "explanation",
				"/api/v1/outcomes/" + a.outcomeId() + "/explanation"));
		return payload;
	}

	/**
	 * Stores an event and a delivery for every enabled endpoint that receives its type, or for one
	 * endpoint only. Nothing is stored when no endpoint wants it.
	 *
	 * @return the event id, or null when nobody receives it
	 */
	String publish(String type, Map<String, Object> payload, String onlyEndpoint) {
		List<WebhookRepository.Stored> to = this.repository.endpoints()
			.stream()
			.filter(s -> (onlyEndpoint != null) ? s.endpoint().id().equals(onlyEndpoint)
					: s.endpoint().enabled() && s.endpoint().receives(type))
			.toList();
		if (to.isEmpty()) {
			return null;
		}
		String id = UUID.randomUUID().toString();
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("type", type);
		body.put("time", now);
		body.put("payload", payload);
		try {
			this.repository.insertEvent(id, type, now, this.mapper.writeValueAsString(body));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		for (WebhookRepository.Stored s : to) {
			this.repository.insertDelivery(UUID.randomUUID().toString(), id, s.endpoint().id(), now, null);
		}
		return id;
	}

}

package org.kaohe.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One event to one endpoint, with every attempt: the delivery log.
 *
 * @param id the delivery
 * @param eventId the event (the {@code X-Kaohe-Event-Id} the receiver deduplicates by)
 * @param eventType its type
 * @param status {@code PENDING}, {@code DELIVERED} or {@code GAVE_UP}
 * @param attempts attempts so far
 * @param createdAt when the event was stored
 * @param nextAttemptAt when it is due (pending)
 * @param deliveredAt when a 2xx answered it
 * @param lastStatus the HTTP status of the last attempt, or null when it got none
 * @param lastError what went wrong last, or null
 * @param redeliveryOf the delivery this one sends again by hand, or null
 * @param log every attempt, first first
 */
@JsonPropertyOrder({ "id", "eventId", "eventType", "status", "attempts", "createdAt", "nextAttemptAt", "deliveredAt", "lastStatus",
		"lastError", "redeliveryOf", "log" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDelivery(String id, String eventId, String eventType, String status, int attempts, OffsetDateTime createdAt,
		OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, Integer lastStatus, String lastError, String redeliveryOf,
		List<Attempt> log) {

	/**
	 * One attempt.
	 *
	 * @param attempt 1, 2, 3 …
	 * @param at when
	 * @param statusCode the HTTP status, or null (connection refused, timeout)
	 * @param error what went wrong, or null on success
	 * @param durationMillis how long it took
	 * @param instance which instance sent it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Attempt(int attempt, OffsetDateTime at, Integer statusCode, String error, long durationMillis, String instance) {
	}

}

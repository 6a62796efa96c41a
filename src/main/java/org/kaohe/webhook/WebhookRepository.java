package org.kaohe.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * Webhook endpoints, the outbox of events, deliveries and their attempts. The same SQL serves H2 and
 * PostgreSQL (both know {@code FOR UPDATE SKIP LOCKED}).
 */
@Repository
class WebhookRepository {

	private static final String ENDPOINT_COLUMNS = "endpoint_id, name, url, secret, events, enabled, created_by, created_at, updated_at";

	private static final String DELIVERY_COLUMNS = "d.delivery_id, d.event_id, e.event_type, d.status, d.attempts, d.created_at, "
			+ "d.next_attempt_at, d.delivered_at, d.last_status, d.last_error, d.redelivery_of";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- endpoints ----

	void insertEndpoint(String id, String name, String url, String secret, List<String> events, boolean enabled, String by,
			OffsetDateTime at) {
		this.jdbc.sql("INSERT INTO webhook_endpoint (" + ENDPOINT_COLUMNS + ", deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)")
			.params(id, name, url, secret, String.join(",", events), enabled, by, at, at)
			.update();
	}

	void updateEndpoint(String id, String name, String url, String secret, List<String> events, boolean enabled, OffsetDateTime at) {
		this.jdbc.sql("UPDATE webhook_endpoint SET name = ?, url = ?, secret = ?, events = ?, enabled = ?, updated_at = ? "
				+ "WHERE endpoint_id = ? AND deleted = FALSE")
			.params(name, url, secret, String.join(",", events), enabled, at, id)
			.update();
	}

	/** Deletion keeps the row (and so the delivery log) but stops all sending. */
	void deleteEndpoint(String id, OffsetDateTime at) {
		this.jdbc.sql("UPDATE webhook_endpoint SET deleted = TRUE, enabled = FALSE, updated_at = ? WHERE endpoint_id = ?").params(at, id).update();
	}

	Optional<Stored> endpoint(String id) {
		return this.jdbc.sql("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE endpoint_id = ? AND deleted = FALSE")
			.param(id)
			.query(this::stored)
			.optional();
	}

	List<Stored> endpoints() {
		return this.jdbc.sql("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE deleted = FALSE ORDER BY created_at, endpoint_id")
			.query(this::stored)
			.list();
	}

	private Stored stored(ResultSet rs, int n) throws SQLException {
		String secret = rs.getString("secret");
		List<String> events = Arrays.stream(rs.getString("events").split(",")).filter(s -> !s.isBlank()).toList();
		return new Stored(new WebhookEndpoint(rs.getString("endpoint_id"), rs.getString("name"), rs.getString("url"), events,
				rs.getBoolean("enabled"), null, hint(secret), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class)), secret);
	}

	static String hint(String secret) {
		return "…" + secret.substring(Math.max(0, secret.length() - 4));
	}

	/** An endpoint with its secret (never served). */
	record Stored(WebhookEndpoint endpoint, String secret) {
	}

	// ---- the outbox ----

	void insertEvent(String eventId, String type, OffsetDateTime at, String body) {
		this.jdbc.sql("INSERT INTO webhook_event (event_id, event_type, occurred_at, body) VALUES (?, ?, ?, ?)")
			.params(eventId, type, at, body)
			.update();
	}

	void insertDelivery(String deliveryId, String eventId, String endpointId, OffsetDateTime at, String redeliveryOf) {
		this.jdbc.sql("INSERT INTO webhook_delivery (delivery_id, event_id, endpoint_id, status, attempts, created_at, next_attempt_at, "
				+ "redelivery_of) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?)")
			.params(deliveryId, eventId, endpointId, at, at, redeliveryOf)
			.update();
	}

	/**
	 * Claims up to {@code limit} due deliveries of enabled endpoints for this instance until
	 * {@code leaseUntil}: the rows are locked with {@code FOR UPDATE SKIP LOCKED} (another instance
	 * claiming at the same moment skips them instead of waiting) and the claim is written only where no
	 * live claim exists. Call inside a transaction.
	 */
	List<Claimed> claim(String instance, OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
		List<String> ids = this.jdbc
			.sql("SELECT d.delivery_id FROM webhook_delivery d WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? "
					+ "AND (d.claimed_until IS NULL OR d.claimed_until < ?) "
					+ "AND d.endpoint_id IN (SELECT endpoint_id FROM webhook_endpoint WHERE enabled = TRUE AND deleted = FALSE) "
					+ "ORDER BY d.next_attempt_at, d.delivery_id LIMIT ? FOR UPDATE SKIP LOCKED")
			.params(now, now, limit)
			.query(String.class)
			.list();
		List<String> claimed = new ArrayList<>();
		for (String id : ids) {
			int n = this.jdbc.sql("UPDATE webhook_delivery SET claimed_by = ?, claimed_until = ? WHERE delivery_id = ? AND status = 'PENDING' "
					+ "AND (claimed_until IS NULL OR claimed_until < ?)")
				.params(instance, leaseUntil, id, now)
				.update();
			if (n == 1) {
				claimed.add(id);
			}
		}
		if (claimed.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT d.delivery_id, d.event_id, d.attempts, d.created_at, e.event_type, e.body, w.url, w.secret "
				+ "FROM webhook_delivery d JOIN webhook_event e ON e.event_id = d.event_id JOIN webhook_endpoint w ON w.endpoint_id = d.endpoint_id "
				+ "WHERE d.delivery_id IN (:ids) ORDER BY d.next_attempt_at, d.delivery_id")
			.param("ids", claimed)
			.query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	/**
	 * A delivery this instance holds.
	 *
	 * @param deliveryId the delivery
	 * @param eventId the event
	 * @param attempts attempts before this one
	 * @param createdAt when the event was stored
	 * @param eventType the event's type
	 * @param body the JSON body
	 * @param url the endpoint's URL
	 * @param secret the endpoint's secret
	 */
	record Claimed(String deliveryId, String eventId, int attempts, OffsetDateTime createdAt, String eventType, String body, String url,
			String secret) {
	}

	void insertAttempt(String deliveryId, int attempt, OffsetDateTime at, Integer status, String error, long millis, String instance) {
		this.jdbc.sql("INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms, instance) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(deliveryId, attempt, at, status, truncate(error), millis, instance)
			.update();
	}

	/** Records a result if this instance still holds the delivery; false when the lease was lost. */
	boolean finish(String deliveryId, String instance, String status, int attempts, OffsetDateTime at, Integer httpStatus, String error,
			OffsetDateTime next) {
		return this.jdbc.sql("UPDATE webhook_delivery SET status = ?, attempts = ?, last_attempt_at = ?, last_status = ?, last_error = ?, "
				+ "next_attempt_at = ?, delivered_at = ?, claimed_by = NULL, claimed_until = NULL WHERE delivery_id = ? AND claimed_by = ?")
			.params(status, attempts, at, httpStatus, truncate(error), (next != null) ? next : at, "DELIVERED".equals(status) ? at : null,
					deliveryId, instance)
			.update() == 1;
	}

	private static String truncate(String s) {
		return (s == null || s.length() <= 2000) ? s : s.substring(0, 2000);
	}

	// ---- the delivery log ----

	Page<WebhookDelivery> deliveries(String endpointId, String status, Paging paging) {
		String where = " WHERE d.endpoint_id = :endpoint" + ((status != null) ? " AND d.status = :status" : "");
		Map<String, Object> params = new HashMap<>();
		params.put("endpoint", endpointId);
		if (status != null) {
			params.put("status", status);
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM webhook_delivery d" + where).params(params).query(Long.class).single();
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<WebhookDelivery> rows = this.jdbc
			.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery d JOIN webhook_event e ON e.event_id = d.event_id" + where
					+ " ORDER BY d.created_at DESC, d.delivery_id LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> delivery(rs, List.of()))
			.list();
		return Page.of(withAttempts(rows), paging, total);
	}

	Optional<WebhookDelivery> delivery(String endpointId, String deliveryId) {
		return this.jdbc
			.sql("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery d JOIN webhook_event e ON e.event_id = d.event_id "
					+ "WHERE d.endpoint_id = ? AND d.delivery_id = ?")
			.params(endpointId, deliveryId)
			.query((rs, n) -> delivery(rs, List.of()))
			.optional()
			.map(d -> withAttempts(List.of(d)).get(0));
	}

	private List<WebhookDelivery> withAttempts(List<WebhookDelivery> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<String, List<WebhookDelivery.Attempt>> log = new HashMap<>();
		this.jdbc.sql("SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms, instance FROM webhook_attempt "
				+ "WHERE delivery_id IN (:ids) ORDER BY delivery_id, attempt")
			.param("ids", rows.stream().map(WebhookDelivery::id).toList())
			.query((rs, n) -> log.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(new WebhookDelivery.Attempt(rs.getInt(2), rs.getObject(3, OffsetDateTime.class), rs.getObject(4, Integer.class),
						rs.getString(5), rs.getLong(6), rs.getString(7))))
			.list();
		return rows.stream()
			.map(d -> new WebhookDelivery(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.createdAt(), d.nextAttemptAt(),
					d.deliveredAt(), d.lastStatus(), d.lastError(), d.redeliveryOf(), List.copyOf(log.getOrDefault(d.id(), List.of()))))
			.toList();
	}

	private static WebhookDelivery delivery(ResultSet rs, List<WebhookDelivery.Attempt> log) throws SQLException {
		String status = rs.getString("status");
		return new WebhookDelivery(rs.getString("delivery_id"), rs.getString("event_id"), rs.getString("event_type"), status,
				rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class),
				"PENDING".equals(status) ? rs.getObject("next_attempt_at", OffsetDateTime.class) : null,
				rs.getObject("delivered_at", OffsetDateTime.class), rs.getObject("last_status", Integer.class), rs.getString("last_error"),
				rs.getString("redelivery_of"), log);
	}

}

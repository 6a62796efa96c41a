package org.kaohe.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: every {@code poll-interval} it claims a batch (a short transaction, rows locked
 * with {@code SKIP LOCKED} and leased to this instance), sends each outside any transaction, and
 * records the attempt. A 2xx marks the delivery delivered and it is never sent again by itself; anything
 * else (an error status, a refused connection, a timeout) schedules a retry after an exponential
 * backoff, until the delivery is older than {@code max-age} and is given up.
 *
 * <p>Two instances on one database never send the same delivery at once: a claim holds for
 * {@code lease}, longer than an attempt can take. Should an instance die between sending and recording,
 * the lease runs out and another sends again; receivers deduplicate by {@code X-Kaohe-Event-Id}.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookRepository repository;

	private final WebhookProperties properties;

	private final TransactionTemplate transaction;

	private final HttpClient http;

	private final String instance = "kaohe-" + UUID.randomUUID().toString().substring(0, 8);

	private final Clock clock = Clock.systemUTC();

	private ScheduledExecutorService timer;

	WebhookDispatcher(WebhookRepository repository, WebhookProperties properties, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The name this instance records in claims and attempts. */
	String instance() {
		return this.instance;
	}

	/**
	 * Claims and sends what is due now, in batches until nothing due is left.
	 *
	 * @return deliveries attempted
	 */
	int dispatchDue() {
		int sent = 0;
		while (true) {
			OffsetDateTime now = now();
			List<WebhookRepository.Claimed> batch = this.transaction.execute(
					status -> this.repository.claim(this.instance, now, now.plus(this.properties.lease()), this.properties.batchSize()));
			if (batch == null || batch.isEmpty()) {
				return sent;
			}
			for (WebhookRepository.Claimed c : batch) {
				send(c);
				sent++;
			}
		}
	}

	private void send(WebhookRepository.Claimed c) {
		int attempt = c.attempts() + 1;
		byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
		OffsetDateTime at = now();
		long start = System.nanoTime();
		Integer status = null;
		String error = null;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
				.timeout(this.properties.timeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "Kaohe-Webhooks/1")
				.header("X-Kaohe-Event-Id", c.eventId())
				.header("X-Kaohe-Event-Type", c.eventType())
				.header("X-Kaohe-Delivery-Id", c.deliveryId())
				.header("X-Kaohe-Attempt", String.valueOf(attempt))
				.header("X-Kaohe-Timestamp", String.valueOf(at.toEpochSecond()))
				.header(WebhookSignature.HEADER, WebhookSignature.sign(c.secret(), body))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
			if (status < 200 || status >= 300) {
				error = "HTTP " + status;
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			error = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		record(c, attempt, at, status, error, millis);
	}

	private void record(WebhookRepository.Claimed c, int attempt, OffsetDateTime at, Integer status, String error, long millis) {
		OffsetDateTime done = now();
		String next;
		OffsetDateTime nextAt = null;
		if (error == null) {
			next = "DELIVERED";
		}
		else if (!done.isBefore(c.createdAt().plus(this.properties.maxAge()))) {
			next = "GAVE_UP";
			log.warn("webhook 投递放弃 / delivery {} of event {} given up after {} attempts: {}", c.deliveryId(), c.eventId(), attempt, error);
		}
		else {
			next = "PENDING";
			nextAt = done.plus(this.properties.backoffAfter(attempt));
		}
		String state = next;
		OffsetDateTime retryAt = nextAt;
		String problem = error;
		this.transaction.executeWithoutResult(s -> {
			if (this.repository.finish(c.deliveryId(), this.instance, state, attempt, at, status, problem, retryAt)) {
				this.repository.insertAttempt(c.deliveryId(), attempt, at, status, problem, millis, this.instance);
			}
			else {
				log.warn("webhook 投递的租约已失效 / lost the lease on delivery {} before recording attempt {}", c.deliveryId(), attempt);
			}
		});
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
	}

	// ---- lifecycle: a timer thread of its own, stopped with the context ----

	@Override
	public synchronized void start() {
		if (!this.properties.dispatch() || this.timer != null) {
			return;
		}
		this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "kaohe-webhooks");
			t.setDaemon(true);
			return t;
		});
		long every = Math.max(10, this.properties.pollInterval().toMillis());
		this.timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
	}

	private void tick() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			// the database may be briefly away; the next tick tries again
			log.warn("webhook 投递轮询失败 / webhook dispatch failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

}

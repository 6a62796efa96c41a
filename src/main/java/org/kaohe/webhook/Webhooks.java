package org.kaohe.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.kaohe.system.Actors;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.NotFoundException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * Webhook endpoints and their delivery logs: {@code /api/v1/webhooks}. A new endpoint gets a random
 * signing secret unless one is given; the secret is shown once, when created or rotated.
 */
@Service
public class Webhooks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebhookRepository repository;

	private final WebhookOutbox outbox;

	private final Actors actors;

	private final TransactionTemplate transaction;

	private final Clock clock = Clock.systemUTC();

	Webhooks(WebhookRepository repository, WebhookOutbox outbox, Actors actors, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.outbox = outbox;
		this.actors = actors;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * What an endpoint should be; on update, null fields keep their value.
	 *
	 * @param name what it is
	 * @param url where events go (http or https)
	 * @param events event types, or {@code *}
	 * @param secret the signing secret (at least 16 characters), or null to generate one (on create) or keep
	 * it (on update)
	 * @param enabled whether to send; true when absent on create
	 */
	public record EndpointRequest(String name, String url, List<String> events, String secret, Boolean enabled) {
	}

	public List<WebhookEndpoint> endpoints() {
		return this.repository.endpoints().stream().map(WebhookRepository.Stored::endpoint).toList();
	}

	public WebhookEndpoint endpoint(String id) {
		return stored(id).endpoint();
	}

	/** Creates an endpoint; the answer carries its secret, the only time it is shown. */
	public WebhookEndpoint create(EndpointRequest r) {
		String name = required(r.name(), "name");
		String url = url(required(r.url(), "url"));
		List<String> events = events(r.events());
		String secret = (r.secret() != null) ? secret(r.secret()) : generated();
		String id = UUID.randomUUID().toString();
		this.repository.insertEndpoint(id, name, url, secret, events, (r.enabled() == null) || r.enabled(), this.actors.current().name(),
				now());
		return endpoint(id).withSecretShown(secret);
	}

	/** Changes an endpoint; a new secret, when given, is shown in the answer. */
	public WebhookEndpoint update(String id, EndpointRequest r) {
		WebhookRepository.Stored s = stored(id);
		WebhookEndpoint e = s.endpoint();
		String secret = (r.secret() != null) ? secret(r.secret()) : s.secret();
		this.repository.updateEndpoint(id, (r.name() != null) ? required(r.name(), "name") : e.name(), (r.url() != null) ? url(r.url()) : e.url(),
				secret, (r.events() != null) ? events(r.events()) : e.events(), (r.enabled() != null) ? r.enabled() : e.enabled(), now());
		WebhookEndpoint updated = endpoint(id);
		return (r.secret() != null) ? updated.withSecretShown(secret) : updated;
	}

	/** Stops sending to an endpoint; its delivery log stays readable. */
	public void delete(String id) {
		stored(id);
		this.repository.deleteEndpoint(id, now());
	}

	/** An endpoint's deliveries, newest first, with every attempt. */
	public Page<WebhookDelivery> deliveries(String id, String status, Paging paging) {
		stored(id);
		if (status != null && !List.of("PENDING", "DELIVERED", "GAVE_UP").contains(status)) {
			throw new BadRequestException("status 须为 PENDING、DELIVERED 或 GAVE_UP / status must be PENDING, DELIVERED or GAVE_UP: " + status);
		}
		return this.repository.deliveries(id, status, paging);
	}

	/** Sends a delivery's event again (same event id, new delivery), whatever became of it. */
	public WebhookDelivery redeliver(String id, String deliveryId) {
		stored(id);
		WebhookDelivery original = this.repository.delivery(id, deliveryId)
			.orElseThrow(() -> new NotFoundException("投递 " + deliveryId + " 不存在 / delivery " + deliveryId + " does not exist"));
		String fresh = UUID.randomUUID().toString();
		this.repository.insertDelivery(fresh, original.eventId(), id, now(), deliveryId);
		return this.repository.delivery(id, fresh).orElseThrow();
	}

	/** Sends a {@code webhook.ping} event to one endpoint, to test it. */
	public WebhookDelivery ping(String id) {
		stored(id);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("endpointId", id);
		payload.put("message", "考核系统 webhook 连通测试 / Kaohe webhook test");
		String eventId = this.transaction.execute(s -> this.outbox.publish(WebhookOutbox.PING, payload, id));
		return this.repository.deliveries(id, null, Paging.of(0, Paging.MAX_SIZE))
			.content()
			.stream()
			.filter(d -> d.eventId().equals(eventId))
			.findFirst()
			.orElseThrow();
	}

	private WebhookRepository.Stored stored(String id) {
		return this.repository.endpoint(id)
			.orElseThrow(() -> new NotFoundException("webhook " + id + " 不存在 / webhook endpoint " + id + " does not exist"));
	}

	private static String required(String v, String field) {
		if (v == null || v.isBlank()) {
			throw new BadRequestException("缺少 " + field + " / " + field + " is required");
		}
		if (v.length() > 2000) {
			throw new BadRequestException(field + " 过长 / " + field + " is too long");
		}
		return v.strip();
	}

	private static String url(String url) {
		try {
			URI u = new URI(url.strip());
			String scheme = (u.getScheme() != null) ? u.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
				throw new BadRequestException("url 须为 http 或 https 地址 / url must be an http or https URL: " + url);
			}
			return u.toString();
		}
		catch (URISyntaxException ex) {
			throw new BadRequestException("url 无法读取 / url cannot be read: " + url);
		}
	}

	private static List<String> events(List<String> events) {
		if (events == null || events.isEmpty()) {
			throw new BadRequestException("events 须列出要接收的事件 / events must name the event types to receive: " + WebhookOutbox.TYPES + " or *");
		}
		LinkedHashSet<String> set = new LinkedHashSet<>();
		for (String e : events) {
			String t = (e != null) ? e.strip() : "";
			if (!t.equals("*") && !WebhookOutbox.TYPES.contains(t)) {
				throw new BadRequestException("未知的事件类型 / unknown event type: " + e + "（可用 / allowed: " + WebhookOutbox.TYPES + ", *）");
			}
			set.add(t);
		}
		return List.copyOf(set);
	}

	private static String secret(String secret) {
		if (secret.strip().length() < 16 || secret.length() > 200) {
			throw new BadRequestException("secret 须为16到200个字符 / secret must be 16 to 200 characters");
		}
		return secret.strip();
	}

	private static String generated() {
		byte[] b = new byte[32];
		RANDOM.nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
	}

}

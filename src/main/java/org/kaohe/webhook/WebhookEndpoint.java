package org.kaohe.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An endpoint of the OA system that receives events.
 *
 * @param id the endpoint
 * @param name what it is (OA 待办, 督查系统 …)
 * @param url where events are POSTed (http or https)
 * @param events the event types it receives ({@code run.finished}, {@code appeal.filed},
 * {@code appeal.decided}, {@code ruleset.activated}, {@code webhook.ping}, or {@code *} for all)
 * @param enabled whether deliveries are sent; disabled endpoints keep theirs pending
 * @param secret the signing secret: shown only in the answer that creates or rotates it, else null
 * @param secretHint the secret's last four characters, to tell secrets apart
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when last changed
 */
@JsonPropertyOrder({ "id", "name", "url", "events", "enabled", "secret", "secretHint", "createdBy", "createdAt", "updatedAt" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpoint(String id, String name, String url, List<String> events, boolean enabled, String secret,
		String secretHint, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	WebhookEndpoint withSecretShown(String shown) {
		return new WebhookEndpoint(this.id, this.name, this.url, this.events, this.enabled, shown, this.secretHint, this.createdBy,
				this.createdAt, this.updatedAt);
	}

	boolean receives(String type) {
		return this.events.contains("*") || this.events.contains(type);
	}

}

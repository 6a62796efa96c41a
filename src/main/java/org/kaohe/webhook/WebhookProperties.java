package org.kaohe.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhook deliveries are sent and retried ({@code kaohe.webhooks.*}).
 *
 * @param dispatch whether this instance sends deliveries. Defaults to true; several instances may all
 * send (they claim deliveries with a lease, see {@link WebhookRepository#claim}).
 * @param pollInterval how often due deliveries are looked for. Defaults to 5s.
 * @param initialBackoff the wait before the first retry. Defaults to 10s.
 * @param multiplier each further retry waits this many times longer. Defaults to 2.
 * @param maxBackoff the longest wait between retries. Defaults to 1h.
 * @param maxAge a delivery not delivered this long after its event is given up (it can still be sent
 * again by hand). Defaults to 72h.
 * @param timeout connect and response timeout of one attempt. Defaults to 10s.
 * @param batchSize deliveries claimed at once. Defaults to 20.
 * @param lease how long a claimed delivery is reserved for the instance that claimed it; it must exceed
 * {@code timeout}. Defaults to 60s.
 */
@ConfigurationProperties("kaohe.webhooks")
public record WebhookProperties(@DefaultValue("true") boolean dispatch, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("10s") Duration initialBackoff, @DefaultValue("2") double multiplier, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("72h") Duration maxAge, @DefaultValue("10s") Duration timeout, @DefaultValue("20") int batchSize,
		@DefaultValue("60s") Duration lease) {

	/** The wait after {@code attempts} failed attempts: initial × multiplier^(attempts−1), at most the maximum. */
	Duration backoffAfter(int attempts) {
		double millis = this.initialBackoff.toMillis() * Math.pow(this.multiplier, Math.max(0, attempts - 1));
		return Duration.ofMillis((long) Math.min(millis, this.maxBackoff.toMillis()));
	}

}

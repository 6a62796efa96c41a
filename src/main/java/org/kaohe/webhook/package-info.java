/**
 * Notifications to the OA system: webhook endpoints, a transactional outbox (events written by
 * synchronous listeners in the transaction that produced them), a dispatcher that claims due
 * deliveries safely across instances, signs and sends them, retries with exponential backoff up to a
 * maximum age, and keeps a log of every attempt.
 */
package org.kaohe.webhook;

package org.kaohe.security;

/**
 * A token just issued: {@code token} is the secret, shown this once and never again.
 *
 * @param token the bearer token ({@code Authorization: Bearer …})
 * @param details what is stored about it
 */
public record IssuedToken(String token, ApiToken details) {
}

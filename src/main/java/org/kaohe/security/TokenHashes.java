package org.kaohe.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: 32 random bytes, and the SHA-256 under which they are stored. A plain hash (not
 * bcrypt) is enough because the token is random, not chosen by a person, and it must be looked up
 * on every request.
 */
final class TokenHashes {

	/** Every Kaohe token starts so, which makes a leaked one easy to find in logs and repositories. */
	static final String PREFIX = "kh_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenHashes() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}

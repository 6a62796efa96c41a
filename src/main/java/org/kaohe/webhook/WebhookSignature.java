package org.kaohe.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Kaohe-Signature: sha256=<hex HMAC-SHA256 of the request body with the endpoint's secret>}. The
 * receiver computes the same over the raw body it received and compares in constant time.
 */
public final class WebhookSignature {

	public static final String HEADER = "X-Kaohe-Signature";

	private WebhookSignature() {
	}

	/** {@code sha256=…} for a body. */
	public static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a signature header matches the body (constant-time comparison). */
	public static boolean verify(String secret, byte[] body, String header) {
		if (header == null) {
			return false;
		}
		return java.security.MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
				header.trim().getBytes(StandardCharsets.US_ASCII));
	}

}

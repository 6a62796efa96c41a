package org.kaohe.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fingerprint of the facts an evaluation used: {@code sha256:} over the documents' JSON in period
 * order. With the ruleset version it identifies an evaluation well enough to replay it. One stored
 * upload's hash is the same function over its one document.
 */
public final class FactsHash {

	private FactsHash() {
	}

	public static String of(List<JsonNode> documents) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (JsonNode d : documents) {
				digest.update(FactJson.mapper().writeValueAsString(d).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return "sha256:" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException | JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

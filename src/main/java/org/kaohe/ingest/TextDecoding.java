package org.kaohe.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes an uploaded CSV file whatever produced it: UTF-8 with a byte-order mark (Excel's "CSV UTF-8"),
 * UTF-8 without one (OA exports, scripts), or GB18030 (what Chinese Excel writes for plain "CSV").
 *
 * <p>A mark decides; otherwise the bytes are decoded as strict UTF-8, and only when that fails as
 * GB18030. The order matters: Chinese text in GB18030 is almost never valid UTF-8, while UTF-8 text
 * would decode as GB18030 into mojibake without any error.
 */
public final class TextDecoding {

	/** GB18030 is a superset of GBK and GB2312, so one charset covers every Chinese Windows locale. */
	public static final Charset GB18030 = Charset.forName("GB18030");

	private TextDecoding() {
	}

	/**
	 * Decodes the bytes.
	 *
	 * @return the text (without a byte-order mark) and the encoding found, or empty when the bytes are
	 * neither UTF-8 nor GB18030
	 */
	public static Optional<Decoded> decode(byte[] bytes) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return strict(bytes, 3, StandardCharsets.UTF_8).map(t -> new Decoded(t, "UTF-8 (BOM)"));
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return strict(bytes, 2, StandardCharsets.UTF_16LE).map(t -> new Decoded(t, "UTF-16LE (BOM)"));
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return strict(bytes, 2, StandardCharsets.UTF_16BE).map(t -> new Decoded(t, "UTF-16BE (BOM)"));
		}
		Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
		if (utf8.isPresent()) {
			return utf8.map(t -> new Decoded(t, "UTF-8"));
		}
		return strict(bytes, 0, GB18030).map(t -> new Decoded(t, "GB18030"));
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
		try {
			return Optional.of(charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Decoded text.
	 *
	 * @param text the content
	 * @param encoding what was found, for the upload receipt ({@code UTF-8}, {@code UTF-8 (BOM)},
	 * {@code GB18030})
	 */
	public record Decoded(String text, String encoding) {
	}

}

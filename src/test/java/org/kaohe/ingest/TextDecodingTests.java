package org.kaohe.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextDecodingTests {

	private static final String TEXT = "id,name\nC01,河东区\nC02,城南区（含高新片区）\n";

	@Test
	void gb18030AsChineseExcelWritesItIsDetected() {
		byte[] bytes = TEXT.getBytes(TextDecoding.GB18030);
		// the bytes really are not UTF-8, or the test would prove nothing
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isNotEqualTo(TEXT);

		TextDecoding.Decoded decoded = TextDecoding.decode(bytes).orElseThrow();

		assertThat(decoded.text()).isEqualTo(TEXT);
		assertThat(decoded.encoding()).isEqualTo("GB18030");
	}

	@Test
	void utf8WithoutMarkIsUtf8() {
		TextDecoding.Decoded decoded = TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_8)).orElseThrow();

		assertThat(decoded.text()).isEqualTo(TEXT);
		assertThat(decoded.encoding()).isEqualTo("UTF-8");
	}

	@Test
	void byteOrderMarkIsDroppedAndDecides() {
		byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[body.length + 3];
		bytes[0] = (byte) 0xEF;
		bytes[1] = (byte) 0xBB;
		bytes[2] = (byte) 0xBF;
		System.arraycopy(body, 0, bytes, 3, body.length);

		TextDecoding.Decoded decoded = TextDecoding.decode(bytes).orElseThrow();

		assertThat(decoded.text()).isEqualTo(TEXT);
		assertThat(decoded.encoding()).isEqualTo("UTF-8 (BOM)");
	}

	@Test
	void asciiIsUtf8() {
		assertThat(TextDecoding.decode("id,name\n".getBytes(StandardCharsets.US_ASCII)).orElseThrow().encoding())
			.isEqualTo("UTF-8");
	}

	@Test
	void bytesThatAreNeitherAreRefused() {
		// 0x80 is not a lead byte in GB18030 and not valid alone in UTF-8
		assertThat(TextDecoding.decode(new byte[] { 'a', (byte) 0x80, 'b' })).isEmpty();
	}

}

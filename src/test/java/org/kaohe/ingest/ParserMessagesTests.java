package org.kaohe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a parser's exception says reaches the client without Java class names. */
class ParserMessagesTests {

	@Test
	void theInnermostMessageWithoutTheClassNamesOfWrappingExceptions() {
		IOException csv = new IOException("(startline 2) EOF reached before encapsulated token finished");
		UncheckedIOException wrapped = new UncheckedIOException("org.apache.commons.csv.CSVException: " + csv.getMessage(), csv);

		assertThat(ParserMessages.of(wrapped)).isEqualTo("(startline 2) EOF reached before encapsulated token finished");
	}

	@Test
	void classNamesInsideAMessageAreTakenOut() {
		RuntimeException poi = new RuntimeException(
				"org.apache.xmlbeans.XmlException: error: An invalid XML character (Unicode: 0x1) was found");

		assertThat(ParserMessages.of(poi)).isEqualTo("error: An invalid XML character (Unicode: 0x1) was found");
	}

	@Test
	void anExceptionWithoutAMessageStillSaysSomething() {
		assertThat(ParserMessages.of(new IllegalStateException())).isNotBlank().doesNotContain("IllegalStateException");
	}

}

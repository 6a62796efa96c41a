package org.kaohe.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson configuration for fact documents and outcomes, shared by the CLI (which runs without
 * Spring) and the service: ISO dates, duplicate keys refused, big documents allowed.
 */
public final class FactJson {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(JsonParser.Feature.ALLOW_COMMENTS)
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
		.build();

	private FactJson() {
	}

	/** The shared mapper; thread-safe, do not reconfigure. */
	public static ObjectMapper mapper() {
		return MAPPER;
	}

}

package org.kaohe.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import org.kaohe.ingest.FactJson;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Kaohe's REST API as a test calls it: requests in, status and JSON out. */
final class KaoheApi {

	private final MockMvc mvc;

	KaoheApi(MockMvc mvc) {
		this.mvc = mvc;
	}

	/** A response: status, headers and the body as JSON (null when empty or not JSON). */
	record Response(int status, JsonNode body, MvcResult result) {

		String header(String name) {
			return this.result.getResponse().getHeader(name);
		}

		byte[] bytes() {
			return this.result.getResponse().getContentAsByteArray();
		}

		String contentType() {
			return this.result.getResponse().getContentType();
		}

	}

	Response uploadJson(JsonNode document, String idempotencyKey) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/v1/facts").contentType(MediaType.APPLICATION_JSON)
			.content(FactJson.mapper().valueToTree(document).toString().getBytes(StandardCharsets.UTF_8));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return perform(request);
	}

	Response uploadFiles(Map<String, byte[]> files, String period, String idempotencyKey) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/facts");
		files.forEach((name, bytes) -> request.file(new MockMultipartFile("files", name,
				name.endsWith(".csv") ? "text/csv" : "application/octet-stream", bytes)));
		if (period != null) {
			request.param("period", period);
		}
		request.param("submittedBy", "市攻坚办");
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return perform(request);
	}

	Response evaluate(String body) {
		return perform(MockMvcRequestBuilders.post("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	Response evaluate(String period, String asOf) {
		return evaluate((asOf == null) ? "{\"period\": \"" + period + "\"}"
				: "{\"period\": \"" + period + "\", \"asOf\": \"" + asOf + "\"}");
	}

	Response post(String path) {
		return perform(MockMvcRequestBuilders.post(path));
	}

	Response get(String path, Object... variables) {
		return perform(MockMvcRequestBuilders.get(path, variables));
	}

	private Response perform(MockHttpServletRequestBuilder request) {
		try {
			MvcResult result = this.mvc.perform(request).andReturn();
			String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			String type = result.getResponse().getContentType();
			JsonNode body = (!text.isEmpty() && type != null && type.contains("json")) ? FactJson.mapper().readTree(text)
					: null;
			return new Response(result.getResponse().getStatus(), body, result);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

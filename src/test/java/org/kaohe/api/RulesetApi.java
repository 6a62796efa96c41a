package org.kaohe.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.kaohe.ingest.FactJson;
import org.kaohe.system.Role;
import org.kaohe.testing.RuleHarness;
import org.kaohe.testing.TestActors;

/** The ruleset endpoints as a test calls them, acting as a named person through {@link TestActors}. */
final class RulesetApi {

	static final RequestPostProcessor EDITOR = TestActors.as("李编辑", Role.RULE_EDITOR);

	static final RequestPostProcessor OTHER_EDITOR = TestActors.as("赵编辑", Role.RULE_EDITOR);

	static final RequestPostProcessor APPROVER = TestActors.as("王审批", Role.APPROVER);

	private final MockMvc mvc;

	RulesetApi(MockMvc mvc) {
		this.mvc = mvc;
	}

	/** The real {@code rules/} files as text, to change one and upload the lot. */
	static Map<String, String> realFiles() {
		Map<String, String> files = new HashMap<>();
		RuleHarness.ruleset().source().files().forEach((path, bytes) -> {
			if (!path.endsWith(".xlsx")) {
				files.put(path, new String(bytes, StandardCharsets.UTF_8));
			}
		});
		return files;
	}

	/** The real files with a dated parameter version appended to {@code parameters.yaml}. */
	static Map<String, String> withParameterVersion(String validFrom, String comment, String values) {
		Map<String, String> files = realFiles();
		files.put("parameters.yaml", files.get("parameters.yaml") + "  - validFrom: " + validFrom + "\n    comment: " + comment
				+ "\n    values:\n" + values.stripTrailing().lines().map(l -> "      " + l.strip() + "\n").reduce("", String::concat));
		return files;
	}

	static String scenarioFile(String scenario, String file) {
		try {
			return Files.readString(Path.of("fixtures", "scenarios", scenario, file));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	KaoheApi.Response upload(Map<String, String> files, String comment, RequestPostProcessor actor) {
		ObjectNode body = FactJson.mapper().createObjectNode();
		body.put("comment", comment);
		ObjectNode f = body.putObject("files");
		files.forEach(f::put);
		return post("/api/v1/rulesets", body, actor);
	}

	KaoheApi.Response uploadZip(byte[] zip, String comment, RequestPostProcessor actor) {
		return perform(MockMvcRequestBuilders.multipart("/api/v1/rulesets")
			.file(new MockMultipartFile("file", "rules.zip", "application/zip", zip))
			.param("comment", comment)
			.with(actor));
	}

	KaoheApi.Response uploadRawZip(byte[] zip, String comment, RequestPostProcessor actor) {
		return perform(MockMvcRequestBuilders.post("/api/v1/rulesets")
			.contentType("application/zip")
			.param("comment", comment)
			.content(zip)
			.with(actor));
	}

	KaoheApi.Response activate(String version, String json, RequestPostProcessor actor) {
		return perform(MockMvcRequestBuilders.post("/api/v1/rulesets/" + version + "/activate")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(actor));
	}

	KaoheApi.Response activate(String version, String reason) {
		return activate(version, "{\"reason\": \"" + reason + "\"}", APPROVER);
	}

	KaoheApi.Response rollback(String reason, RequestPostProcessor actor) {
		return perform(MockMvcRequestBuilders.post("/api/v1/rulesets/rollback")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"" + reason + "\"}")
			.with(actor));
	}

	KaoheApi.Response simulate(String version, String json, RequestPostProcessor actor) {
		return perform(MockMvcRequestBuilders.post("/api/v1/rulesets/" + version + "/simulate")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(actor));
	}

	KaoheApi.Response post(String path, JsonNode body, RequestPostProcessor actor) {
		return perform(MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.toString().getBytes(StandardCharsets.UTF_8))
			.with(actor));
	}

	KaoheApi.Response postJson(String path, String json) {
		return perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json.getBytes(StandardCharsets.UTF_8)));
	}

	KaoheApi.Response get(String path, RequestPostProcessor actor) {
		return perform(MockMvcRequestBuilders.get(path).with(actor));
	}

	String activeVersion() {
		return get("/api/v1/rulesets/active", APPROVER).body().get("version").asText();
	}

	private KaoheApi.Response perform(MockHttpServletRequestBuilder request) {
		try {
			MvcResult result = this.mvc.perform(request).andReturn();
			String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			String type = result.getResponse().getContentType();
			JsonNode body = (!text.isEmpty() && type != null && type.contains("json")) ? FactJson.mapper().readTree(text) : null;
			return new KaoheApi.Response(result.getResponse().getStatus(), body, result);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.kaohe.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kaohe over real HTTP, every exchange checked against the served OpenAPI document: the request (when
 * it should be valid) and always the response — status declared, media type declared, body matching the
 * schema. Records which documented operations were exercised.
 *
 * <p>All requests are built in {@link #request(URI)}; that is the one place to add credentials.
 */
final class ContractClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private final OpenApiInteractionValidator validator;

	private final JsonNode document;

	private final List<Template> templates = new ArrayList<>();

	private final Set<String> covered = new TreeSet<>();

	private final List<String> violations = new ArrayList<>();

	/** The bearer token every request carries; null: none (the call is anonymous). */
	private String token;

	/** A documented path as a pattern; {@code {path}} of a ruleset file may span segments. */
	private record Template(String path, Pattern pattern, int variables) {
	}

	/** An answer: status, media type, body. */
	record Exchange(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("not JSON: " + text(), ex);
			}
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	ContractClient(String base) {
		this.base = base;
		String spec = new String(raw("GET", "/v3/api-docs", null, null).body(), StandardCharsets.UTF_8);
		try {
			this.document = JSON.readTree(spec);
			// kept for reading and for client generators: the document this run checked against
			java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), spec);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
		for (Iterator<String> it = this.document.get("paths").fieldNames(); it.hasNext();) {
			String path = it.next();
			int variables = (int) path.chars().filter(c -> c == '{').count();
			String regex = Pattern.quote(path).replace("{path}", "\\E.+\\Q").replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
			this.templates.add(new Template(path, Pattern.compile(regex), variables));
		}
		this.templates.sort(Comparator.comparingInt(Template::variables));
	}

	/** Signs the following requests in with {@code token} (null: anonymous); returns this client. */
	ContractClient token(String token) {
		this.token = token;
		return this;
	}

	String token() {
		return this.token;
	}

	JsonNode document() {
		return this.document;
	}

	/** Every documented operation as {@code METHOD /path}. */
	Set<String> documentedOperations() {
		Set<String> ops = new TreeSet<>();
		this.document.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
			.forEachRemaining(m -> ops.add(m.toUpperCase() + " " + p.getKey())));
		return ops;
	}

	/** Every way an exchange differed from the document (collected, so one run shows them all). */
	List<String> violations() {
		return this.violations;
	}

	Set<String> covered() {
		return this.covered;
	}

	Exchange get(String path) {
		return send("GET", path, null, null, true);
	}

	Exchange json(String method, String path, String body) {
		return send(method, path, "application/json", (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null, true);
	}

	/** A request the document should refuse (an invalid body): only the answer is checked. */
	Exchange invalid(String method, String path, String contentType, byte[] body) {
		return send(method, path, contentType, body, false);
	}

	/** A multipart upload (the validator does not read multipart bodies: the answer is checked). */
	Exchange multipart(String path, Map<String, String> fields, Map<String, byte[]> files, String fileField) {
		String boundary = "kaohe-" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v
				+ "\r\n").getBytes(StandardCharsets.UTF_8)));
		files.forEach((name, bytes) -> {
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.writeBytes(bytes);
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray(), false);
	}

	Exchange send(String method, String path, String contentType, byte[] body, boolean validateRequest) {
		Exchange exchange = raw(method, path, contentType, body);
		URI uri = URI.create(this.base + path);
		String rawPath = uri.getRawPath();
		Template template = this.templates.stream().filter(t -> t.pattern().matcher(rawPath).matches()).findFirst().orElse(null);
		assertThat(template).as("%s %s is not in the document", method, path).isNotNull();
		this.covered.add(method + " " + template.path());
		SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
		if (exchange.contentType() != null) {
			response.withContentType(exchange.contentType());
		}
		if (exchange.body().length > 0) {
			response.withBody(isText(exchange.contentType()) ? exchange.text() : new String(exchange.body(), StandardCharsets.ISO_8859_1));
		}
		Request.Method m = Request.Method.valueOf(method);
		ValidationReport report;
		if (validateRequest) {
			SimpleRequest.Builder request = new SimpleRequest.Builder(method, URLDecoder.decode(rawPath, StandardCharsets.UTF_8));
			if (uri.getRawQuery() != null) {
				for (String pair : uri.getRawQuery().split("&")) {
					String[] kv = pair.split("=", 2);
					request.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
							(kv.length > 1) ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
				}
			}
			if (this.token != null) {
				request.withHeader("Authorization", "Bearer " + this.token);
			}
			if (contentType != null) {
				request.withContentType(contentType);
			}
			if (body != null) {
				request.withBody(new String(body, StandardCharsets.UTF_8));
			}
			report = this.validator.validate(request.build(), response.build());
		}
		else {
			report = this.validator.validateResponse(URLDecoder.decode(rawPath, StandardCharsets.UTF_8), m, response.build());
		}
		report.getMessages()
			.forEach(msg -> this.violations.add(method + " " + path + " → " + exchange.status() + ": " + msg.getKey() + " " + msg.getContext().flatMap(c -> c.getPointers()).map(Object::toString).orElse("") + " " + msg.getMessage()
					+ " [" + abbreviate(exchange) + "]"));
		return exchange;
	}

	/** Sends without checking the exchange (for addresses outside the API: unknown paths, the UI). */
	Exchange raw(String method, String path, String contentType, byte[] body) {
		HttpRequest.Builder request = request(URI.create(this.base + path));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<byte[]> r = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Exchange(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Every request starts here, with the client's bearer token when it has one. */
	private HttpRequest.Builder request(URI uri) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return request;
	}

	private static boolean isText(String contentType) {
		return contentType != null && (contentType.contains("json") || contentType.startsWith("text/"));
	}

	private static String abbreviate(Exchange e) {
		String t = isText(e.contentType()) ? e.text() : "(" + e.body().length + " bytes " + e.contentType() + ")";
		return (t.length() > 300) ? t.substring(0, 300) + "…" : t;
	}

}

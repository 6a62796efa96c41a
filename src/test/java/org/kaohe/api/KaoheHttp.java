package org.kaohe.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.kaohe.ingest.FactJson;

/**
 * Kaohe's REST API over real HTTP, as the tests that start the service (a packaged process or an
 * embedded server) call it. Every request is built by {@link #request(String)}, which adds the bearer
 * token given with {@link #token(String)}.
 */
final class KaoheHttp {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private volatile String token;

	/** @param base for example {@code http://localhost:8080} */
	KaoheHttp(String base) {
		this.base = base;
	}

	String base() {
		return this.base;
	}

	/** Signs every later request in with {@code token} (an API token, e.g. from {@link KaoheProcess#issueToken}). */
	KaoheHttp token(String token) {
		this.token = token;
		return this;
	}

	/** A response: status, content type and body (as JSON when it is JSON). */
	record Response(int status, String contentType, String text) {

		JsonNode json() {
			try {
				return FactJson.mapper().readTree(this.text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("not JSON (" + this.status + "): " + this.text, ex);
			}
		}

		boolean isProblem() {
			return this.contentType != null && this.contentType.startsWith("application/problem+json");
		}

	}

	/** Every request starts here: with the bearer token, when one was given. */
	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofMinutes(5));
		String bearer = this.token;
		return (bearer != null) ? request.header("Authorization", "Bearer " + bearer) : request;
	}

	Response get(String path) {
		return send(request(path).GET().build());
	}

	Response postJson(String path, String json) {
		return postJson(path, json.getBytes(StandardCharsets.UTF_8), null);
	}

	/** A JSON body, with an {@code Idempotency-Key} when {@code key} is not null. */
	Response postJson(String path, byte[] json, String key) {
		HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json));
		if (key != null) {
			b.header("Idempotency-Key", key);
		}
		return send(b.build());
	}

	/** A bare body of any content type (for fuzzing the media types too). */
	Response postRaw(String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
	}

	/**
	 * A multipart upload: {@code files} as parts named {@code files} with their file names, {@code fields}
	 * as form fields.
	 */
	Response postFiles(String path, Map<String, byte[]> files, Map<String, String> fields, String key) {
		String boundary = "kaohe-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
			write(body, value + "\r\n");
		});
		files.forEach((name, bytes) -> {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			body.writeBytes(bytes);
			write(body, "\r\n");
		});
		write(body, "--" + boundary + "--\r\n");
		HttpRequest.Builder b = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (key != null) {
			b.header("Idempotency-Key", key);
		}
		return send(b.build());
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> r = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

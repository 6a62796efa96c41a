package org.kaohe.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal that has its own problem type (a reused idempotency key, an unknown ruleset version …);
 * answered as {@code application/problem+json} with that status, type and bilingual title.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final URI type;

	private final String title;

	private final List<?> errors;

	private final Map<String, Object> properties;

	public ProblemException(HttpStatus status, URI type, String title, String detail) {
		this(status, type, title, detail, List.of(), Map.of());
	}

	/**
	 * A refusal listing located problems ({@code errors[]}) and further named properties of the
	 * response (e.g. the version a ruleset upload was stored as).
	 */
	public ProblemException(HttpStatus status, URI type, String title, String detail, List<?> errors,
			Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = List.copyOf(errors);
		this.properties = new LinkedHashMap<>(properties);
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public URI getType() {
		return this.type;
	}

	public String getTitle() {
		return this.title;
	}

	/** The located problems, answered as {@code errors[]}; empty when there are none. */
	public List<?> getErrors() {
		return this.errors;
	}

	/** Further properties of the problem response. */
	public Map<String, Object> getProperties() {
		return java.util.Collections.unmodifiableMap(this.properties);
	}

}

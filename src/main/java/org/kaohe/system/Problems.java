package org.kaohe.system;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds Kaohe's problem responses. */
public final class Problems {

	private Problems() {
	}

	/**
	 * A problem with {@code errors} (possibly empty), which clients can rely on being present.
	 */
	public static ProblemDetail of(HttpStatus status, URI type, String title, String detail, List<?> errors) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setType(type);
		p.setTitle(title);
		p.setProperty("errors", errors);
		return p;
	}

}

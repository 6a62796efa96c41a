package org.kaohe.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): whatever failed outside Spring MVC (a filter
 * refusing a body as too large, an exception before a handler was chosen, a later security filter's
 * {@code sendError}) is answered like every other error, as {@code application/problem+json} with a
 * stable type, never Spring Boot's default JSON or HTML.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer c && HttpStatus.resolve(c) != null) ? HttpStatus.valueOf(c)
				: HttpStatus.INTERNAL_SERVER_ERROR;
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		String detail = (message instanceof String m && !m.isBlank() && status.is4xxClientError()) ? m : null;
		ProblemDetail problem = ProblemStatuses.problem(status, detail);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String u) {
			try {
				problem.setInstance(java.net.URI.create(u));
			}
			catch (IllegalArgumentException ex) {
				// a path that is not a valid URI reference is simply not echoed
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

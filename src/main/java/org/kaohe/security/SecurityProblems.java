package org.kaohe.security;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import org.kaohe.system.ProblemTypes;
import org.kaohe.system.Problems;

/**
 * The 401 and 403 of the role matrix as {@code application/problem+json}, like every other error of
 * the API. They are written by the security filters, before any controller, so the controllers'
 * exception handler never sees them.
 */
@Component
class SecurityProblems {

	private final ObjectMapper json;

	SecurityProblems(ObjectMapper json) {
		this.json = json;
	}

	/** No credentials, or a refused token: 401 with {@code WWW-Authenticate: Bearer} (RFC 6750). */
	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) throws IOException {
		boolean refused = request.getAttribute(BearerTokenFilter.REFUSED) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, refused ? "Bearer error=\"invalid_token\"" : "Bearer");
		write(response, Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "未登录或令牌无效 / Not signed in",
				refused ? "令牌无效、已过期或已撤销，请重新登录 / the bearer token is unknown, expired or revoked; sign in again"
						: "请先登录：Authorization: Bearer <令牌> / sign in first: send Authorization: Bearer <token>",
				List.of()));
	}

	/** Signed in, but without a role the role matrix asks for this call. */
	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) throws IOException {
		write(response, Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.ROLE_REQUIRED, "没有权限 / Role required",
				"当前用户的角色不能进行此操作（" + request.getMethod() + " " + request.getRequestURI() + "）；需要的角色见 README 的权限表 / "
						+ "the signed-in account does not hold a role this call needs; see the role matrix in the README",
				List.of()));
	}

	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}

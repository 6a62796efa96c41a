package org.kaohe.system;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem answered for a bare HTTP status, when the framework or the servlet container refused a
 * request and no Kaohe exception says more: a stable type and a Chinese and English title per status.
 */
final class ProblemStatuses {

	private ProblemStatuses() {
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		return Problems.of(status, type(status), title(status), (detail != null) ? detail : defaultDetail(status), List.of());
	}

	static URI type(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> ProblemTypes.NOT_FOUND;
			case METHOD_NOT_ALLOWED -> ProblemTypes.METHOD_NOT_ALLOWED;
			case NOT_ACCEPTABLE -> ProblemTypes.NOT_ACCEPTABLE;
			case PAYLOAD_TOO_LARGE -> ProblemTypes.PAYLOAD_TOO_LARGE;
			case UNSUPPORTED_MEDIA_TYPE -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
			case UNAUTHORIZED -> ProblemTypes.UNAUTHORIZED;
			case FORBIDDEN -> ProblemTypes.FORBIDDEN;
			case CONFLICT -> ProblemTypes.CONFLICT;
			default -> status.is5xxServerError() ? ProblemTypes.INTERNAL : ProblemTypes.INVALID_REQUEST;
		};
	}

	static String title(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "未找到 / Not found";
			case METHOD_NOT_ALLOWED -> "不支持的请求方法 / Method not allowed";
			case NOT_ACCEPTABLE -> "无法提供所需的格式 / Not acceptable";
			case PAYLOAD_TOO_LARGE -> "请求体过大 / Payload too large";
			case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型 / Unsupported media type";
			case UNAUTHORIZED -> "未登录 / Not authenticated";
			case FORBIDDEN -> "无权执行 / Forbidden";
			case CONFLICT -> "冲突 / Conflict";
			case BAD_REQUEST -> "请求无效 / Invalid request";
			default -> status.is5xxServerError() ? "内部错误 / Internal error" : "请求无效 / " + status.getReasonPhrase();
		};
	}

	private static String defaultDetail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "没有这个地址 / there is nothing at this address";
			case PAYLOAD_TOO_LARGE -> "请求体超过允许的大小 / the request body exceeds the allowed size";
			default -> status.is5xxServerError()
					? "服务内部出错，未作任何更改；请联系管理员 / an internal error occurred and nothing was changed; please contact the administrator"
					: status.getReasonPhrase();
		};
	}

}

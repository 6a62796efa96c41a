package org.kaohe.system;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import org.kaohe.engine.RuleFailureException;
import org.kaohe.engine.RunawayRulesException;
import org.kaohe.ingest.InvalidFactsException;
import org.kaohe.outcome.RuleContractException;
import org.kaohe.rules.RulesetInvalidException;

/**
 * Turns failures into {@code application/problem+json} with a stable {@code type}, a Chinese and English
 * {@code title}, and {@code errors[]} listing every located problem. Never a stack trace.
 *
 * <p>It runs before Spring's own problem-details handler, which would answer the framework's errors
 * (unreadable body, wrong parameter type …) without {@code errors[]} and with an English title.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(InvalidFactsException.class)
	ProblemDetail invalidFacts(InvalidFactsException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_FACTS, "事实文档无效 / Invalid fact document",
				"文档中有 " + ex.getProblems().size() + " 个问题，均已列出，未作任何处理 / the document has "
						+ ex.getProblems().size() + " problem(s), all listed; nothing was done",
				ex.getProblems());
	}

	@ExceptionHandler(RulesetInvalidException.class)
	ProblemDetail invalidRules(RulesetInvalidException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.INVALID_RULES, "规则集无效 / Invalid ruleset",
				"规则集有 " + ex.getProblems().size() + " 个问题 / the ruleset has " + ex.getProblems().size() + " problem(s)",
				ex.getProblems());
	}

	@ExceptionHandler(RunawayRulesException.class)
	ProblemDetail runaway(RunawayRulesException ex) {
		log.warn("runaway rules: {}", ex.getMessage());
		return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.RUNAWAY_RULES, "规则失控已中止 / Runaway rules stopped",
				ex.getMessage(), List.of());
	}

	@ExceptionHandler({ RuleFailureException.class, RuleContractException.class })
	ProblemDetail ruleFailure(RuntimeException ex) {
		log.warn("rule failure: {}", ex.getMessage());
		return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.RULE_FAILURE, "规则运行失败 / A rule failed",
				ex.getMessage(), List.of());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, BadRequestException.class })
	ProblemDetail badRequest(Exception ex) {
		// says what is wrong in the client's terms; Java class names are internals and stay out
		String detail;
		if (ex instanceof BadRequestException) {
			detail = ex.getMessage();
		}
		else if (ex instanceof MissingServletRequestParameterException m) {
			detail = "缺少参数 " + m.getParameterName() + " / parameter " + m.getParameterName() + " is missing";
		}
		else if (ex instanceof MethodArgumentTypeMismatchException m) {
			detail = "参数 " + m.getName() + " 的值无法识别 / parameter " + m.getName() + " has a value of the wrong type";
		}
		else {
			detail = "请求体缺失或无法读取 / the request body is missing or could not be read";
		}
		return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "请求无效 / Invalid request", detail,
				List.of());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "未找到 / Not found", ex.getMessage(), List.of());
	}

	@ExceptionHandler(ProblemException.class)
	ProblemDetail problem(ProblemException ex) {
		ProblemDetail p = Problems.of(ex.getStatus(), ex.getType(), ex.getTitle(), ex.getMessage(), ex.getErrors());
		ex.getProperties().forEach(p::setProperty);
		return p;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "上传文件过大 / Upload too large",
				"上传超过了允许的大小，请分批上传 / the upload exceeds the allowed size; split it", List.of());
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail multipart(MultipartException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "请求无效 / Invalid request",
				"无法读取 multipart 上传 / the multipart upload could not be read", List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException ex) {
		return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
				"不支持的内容类型 / Unsupported media type",
				"不支持 " + ex.getContentType() + "；可用 / supported: " + ex.getSupportedMediaTypes(), List.of());
	}

	/**
	 * Anything else: the framework's own errors (unknown path, wrong method …) keep their status; an
	 * unexpected failure is logged and answered 500 without internals.
	 */
	@ExceptionHandler(Exception.class)
	ProblemDetail other(Exception ex) {
		if (ex instanceof ErrorResponse framework) {
			HttpStatus status = HttpStatus.resolve(framework.getStatusCode().value());
			if (status == null) {
				status = HttpStatus.INTERNAL_SERVER_ERROR;
			}
			URI type = (status == HttpStatus.NOT_FOUND) ? ProblemTypes.NOT_FOUND : ProblemTypes.INVALID_REQUEST;
			String title = switch (status) {
				case NOT_FOUND -> "未找到 / Not found";
				case METHOD_NOT_ALLOWED -> "不支持的请求方法 / Method not allowed";
				case NOT_ACCEPTABLE -> "无法提供所需的格式 / Not acceptable";
				default -> "请求无效 / " + status.getReasonPhrase();
			};
			return Problems.of(status, type, title, framework.getBody().getDetail(), List.of());
		}
		log.error("unexpected failure", ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "内部错误 / Internal error",
				"服务内部出错，未作任何更改；请联系管理员 / an internal error occurred and nothing was changed; "
						+ "please contact the administrator",
				List.of());
	}

}

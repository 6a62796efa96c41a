package org.kaohe.system;

import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds Kaohe's error responses to every operation of the OpenAPI document in one place, instead of
 * annotating each handler: each is {@code application/problem+json} with the {@code Problem} schema.
 *
 * <p>Which statuses an operation declares follows from its shape: 400 when it takes parameters or a
 * body, 404 when it names a resource in its path, 413 and 415 when it takes a body, 401 and 500 always,
 * 403 unless the operation is open ({@code security: []}, signing in); anything only a service raises (409, 422, 503)
 * the handler names with {@link Refusals}.
 */
class ProblemResponses implements OperationCustomizer {

	static final String PROBLEM = "application/problem+json";

	private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
			Map.entry(400, "请求无效（参数、字段或文档有误，errors[] 逐项列出）/ Invalid request; errors[] lists every problem"),
			Map.entry(401, "未登录或令牌无效 / Not authenticated: missing, expired or revoked credentials"),
			Map.entry(403, "无权执行 / Not allowed for the caller's roles"),
			Map.entry(404, "未找到 / Not found"),
			Map.entry(409, "与现有状态冲突 / Conflicts with the stored state"),
			Map.entry(413, "请求体过大 / Request body or upload too large"),
			Map.entry(415, "不支持的内容类型 / Unsupported media type"),
			Map.entry(422, "无法处理（规则、版本或数据状态不允许）/ Understood but not possible"),
			Map.entry(429, "请求过于频繁，见 Retry-After / Too many requests; see Retry-After"),
			Map.entry(500, "内部错误，未作任何更改 / Internal error; nothing was changed"),
			Map.entry(503, "暂不可用 / Temporarily unavailable"));

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		Map<Integer, Boolean> statuses = new TreeMap<>();
		boolean body = operation.getRequestBody() != null;
		boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
		boolean pathVariable = parameters && operation.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals);
		if (body || parameters) {
			statuses.put(400, true);
		}
		statuses.put(401, true);
		// an open operation (security: [], e.g. signing in) has no role to lack; it may still answer 401
		boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
		if (!open) {
			statuses.put(403, true);
		}
		if (pathVariable) {
			statuses.put(404, true);
		}
		if (body) {
			statuses.put(413, true);
			statuses.put(415, true);
		}
		statuses.put(500, true);
		Refusals refusals = handler.getMethodAnnotation(Refusals.class);
		if (refusals != null) {
			for (int s : refusals.value()) {
				statuses.put(s, true);
			}
		}
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			responses = new ApiResponses();
			operation.setResponses(responses);
		}
		for (Integer status : statuses.keySet()) {
			String key = String.valueOf(status);
			if (!responses.containsKey(key)) {
				responses.addApiResponse(key, problem(DESCRIPTIONS.getOrDefault(status, "错误 / Error")));
			}
		}
		return operation;
	}

	static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + OpenApiConfiguration.PROBLEM_SCHEMA))));
	}

}

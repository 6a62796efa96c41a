package org.kaohe.system;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The OpenAPI 3 document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui}): the document's
 * header, the {@code bearerAuth} scheme every call needs, and the problem schema every error response
 * uses. Operations describe themselves in the controllers; their error responses are added by
 * {@link ProblemResponses}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration implements WebMvcConfigurer {

	static final String PROBLEM_SCHEMA = "Problem";

	static final String PROBLEM_ITEM_SCHEMA = "ProblemItem";

	static final String BEARER = "bearerAuth";

	@Bean
	OpenAPI kaoheOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Kaohe 考核 API")
				.version("v1")
				.description("""
						大气污染防治攻坚考核与问责引擎的 REST 接口。/ REST API of Kaohe, the assessment and accountability engine.

						* 所有接口在 `/api/v1` 下 / every call is under `/api/v1`.
						* 错误一律为 `application/problem+json`：稳定的 `type`、中英文 `title`、`errors[]`（逐项列出字段问题，始终存在）。
						  / Every error is `application/problem+json` with a stable `type`, a Chinese and English `title` and `errors[]`.
						* 列表一律为 `{content, page, size, total}`，`page` 从 0 起，`size` 默认 50、最多 500。
						  / Lists are `{content, page, size, total}`; `page` from 0, `size` 50 by default, at most 500.
						* 日期为 ISO 8601（`2026-08-31`），时刻为 UTC ISO 8601（`2026-09-01T08:00:00Z`）。/ Dates and instants are ISO 8601.
						* 请求体和上传有大小上限，超出时答 413。/ Bodies and uploads are limited; over the limit the answer is 413.
						"""))
			.components(new Components()
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("系统（OA）用 API 令牌，控制台用登录所得令牌 / API token of a system, or the console's session token"))
				.addSchemas(PROBLEM_SCHEMA, problemSchema())
				.addSchemas(PROBLEM_ITEM_SCHEMA, problemItemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OperationCustomizer problemResponses() {
		return new ProblemResponses();
	}

	@Bean
	org.springdoc.core.customizers.OpenApiCustomizer schemaNullability() {
		return new SchemaNullability();
	}

	/** The old springdoc address still finds the UI. */
	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/swagger-ui.html", "/swagger-ui");
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		Schema type = new StringSchema().format("uri")
			.description("稳定的问题类型，客户端据此分支 / stable problem type; clients switch on it")
			.example(ProblemTypes.INVALID_FACTS.toString());
		type.setEnum(problemTypes());
		return new ObjectSchema().description("RFC 9457 问题详情 / problem details (application/problem+json)")
			.addProperty("type", type)
			.addProperty("title", new StringSchema().description("中文 / English 标题").example("事实文档无效 / Invalid fact document"))
			.addProperty("status", new IntegerSchema().format("int32").example(400))
			.addProperty("detail", new StringSchema().description("这一次出了什么问题 / what went wrong this time"))
			.addProperty("instance", new StringSchema().description("请求的路径 / the request path").example("/api/v1/facts"))
			.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + PROBLEM_ITEM_SCHEMA))
				.description("逐项列出的问题（无则为空数组）/ every located problem; empty when there are none"))
			.required(List.of("type", "title", "status", "errors"))
			// extension members, e.g. the version a refused ruleset was kept as
			.additionalProperties(true);
	}

	/**
	 * One located problem: a field of a request, a cell of an upload or a line of a rule file. Which
	 * properties are present depends on what was wrong; {@code code} and {@code message} always are.
	 */
	private static Schema<?> problemItemSchema() {
		// column is a string for uploads ("done (F)") and a number for rule files: left undeclared (any value)
		return new ObjectSchema().description("一处问题：请求字段、上传的单元格或规则文件的行；column 为列（表格：表头和列字母，如 done (F)；"
				+ "规则文件：列号）/ one located problem; column is the spreadsheet column (text) or the rule file column (number)")
			.addProperty("code", new StringSchema().description("稳定的机器可读代码 / stable code").example("DONE_EXCEEDS_PLANNED"))
			.addProperty("message", new StringSchema().description("中文说明（请求字段问题为中英文）/ the problem in Chinese"))
			.addProperty("messageEn", new StringSchema().description("English"))
			.addProperty("field", new StringSchema().description("字段或参数名 / field or parameter").example("period"))
			.addProperty("document", new IntegerSchema().description("多期间请求中的文档序号（从 0 起）/ document index"))
			.addProperty("source", new StringSchema().description("CSV 文件或 XLSX 工作表 / CSV file or XLSX sheet"))
			.addProperty("table", new StringSchema().description("事实表 / fact table").example("tasks"))
			.addProperty("row", new IntegerSchema().description("行号（表头为第 1 行）/ row"))
			.addProperty("path", new StringSchema().description("JSON 路径 / JSON path").example("$.tasks[2].done"))
			.addProperty("file", new StringSchema().description("规则文件 / rule file"))
			.addProperty("line", new IntegerSchema().description("规则文件的行 / line of the rule file"))
			.addProperty("ruleId", new StringSchema().description("规则编号 / rule").example("R-ENT-02"))
			.required(List.of("code", "message"))
			.additionalProperties(true);
	}

	/** Every published problem type, read from {@link ProblemTypes} so the document cannot lag behind. */
	private static List<String> problemTypes() {
		List<String> types = new ArrayList<>();
		for (Field f : ProblemTypes.class.getFields()) {
			if (Modifier.isStatic(f.getModifiers()) && f.getType() == URI.class) {
				try {
					types.add(f.get(null).toString());
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return types;
	}

}

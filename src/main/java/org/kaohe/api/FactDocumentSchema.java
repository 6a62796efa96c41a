package org.kaohe.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.kaohe.ingest.Column;
import org.kaohe.ingest.FactJson;
import org.kaohe.ingest.FactSchema;
import org.kaohe.ingest.FactTable;

/**
 * The fact document (SPEC §4) in the OpenAPI document, built from {@link FactSchema}, the one
 * description that validation, CSV and XLSX reading and the templates also use, so the published schema
 * cannot drift from what is accepted. Its example is a real scenario fixture (a coking plant with leaking
 * ovens). Types and enumerations are given; what needs the whole document (references between rows,
 * which columns apply to which subject type, checklist items in force) is checked by Kaohe and answered
 * with located problems.
 */
@Component
class FactDocumentSchema implements OpenApiCustomizer {

	static final String FACT_DOCUMENT = "FactDocument";

	static final String EVALUATE_REQUEST = "EvaluateRequest";

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(FACT_DOCUMENT, document());
		openApi.getComponents().addSchemas(EVALUATE_REQUEST, evaluateRequest());
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> document() {
		ObjectSchema doc = new ObjectSchema();
		doc.description("一个期间的事实数据（各表为对象数组）/ one period's facts, one array per table");
		doc.addProperty("schemaVersion", new IntegerSchema().description("文档格式版本 / schema version").example(1));
		doc.addProperty("period", new StringSchema().description("期间：2026、2026-Q3、2026-09、2026-W37 / period").example("2026-Q3"));
		doc.addProperty("submittedBy", new StringSchema().description("上报单位 / submitted by").example("市攻坚办"));
		for (FactTable table : FactSchema.tables()) {
			ObjectSchema row = new ObjectSchema();
			row.description(table.label());
			for (Column c : table.columns()) {
				row.addProperty(c.name(), column(c));
			}
			doc.addProperty(table.name(), new ArraySchema().items(row).description(table.label() + " / " + table.name()));
		}
		doc.required(List.of("period"));
		doc.setExample(example());
		return doc;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> column(Column c) {
		Schema s = switch (c.type()) {
			case INTEGER -> new IntegerSchema().format("int64");
			case NUMBER -> new NumberSchema();
			case BOOLEAN -> new BooleanSchema();
			case DATE -> new DateSchema();
			case CHECKLIST -> new ObjectSchema().additionalProperties(new BooleanSchema())
				.description("检查项代码 → 是否达标 / checklist item → met");
			case ENUM -> {
				StringSchema e = new StringSchema();
				c.enumValues().forEach(e::addEnumItem);
				yield e;
			}
			default -> new StringSchema();
		};
		String label = c.label() + (c.required() ? "（必填 / required）" : "");
		if (!c.required()) {
			s.setNullable(true);
		}
		s.setDescription((s.getDescription() != null) ? label + "：" + s.getDescription() : label);
		return s;
	}

	/** Either one document, or several periods of which the last is evaluated. */
	private static Schema<?> evaluateRequest() {
		ObjectSchema periods = new ObjectSchema();
		periods.description("多个期间：前面的为历史，最后一个为评估期间 / several periods, the last one evaluated");
		periods.addProperty("periods", new ArraySchema().items(ref(FACT_DOCUMENT)).minItems(1));
		periods.addProperty("asOf", new DateSchema().description("评估基准日 / as-of date"));
		periods.addProperty("rulesetVersion", new StringSchema().description("规则集版本 / ruleset version"));
		periods.required(List.of("periods"));
		ComposedSchema either = new ComposedSchema();
		either.anyOf(List.of(ref(FACT_DOCUMENT), periods));
		either.description("一个事实文档，或多个期间 / one fact document, or several periods");
		return either;
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	private static JsonNode example() {
		try (InputStream in = new ClassPathResource("openapi/fact-document-example.json").getInputStream()) {
			return FactJson.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

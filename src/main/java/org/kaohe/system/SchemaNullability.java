package org.kaohe.system;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the generated schemas say what the JSON really does. Java references may be null, and several
 * response records write nulls on purpose ({@code "amountYuan": null}, {@code "latestRun": null}), so
 * every property that is not required is {@code nullable} (a reference through {@code allOf}, as
 * OpenAPI 3.0 wants); and a {@code Map<String, Object>} (an outcome's evidence) holds any JSON value,
 * not only objects.
 */
class SchemaNullability implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		Map<String, Schema> components = openApi.getComponents().getSchemas();
		components.values().forEach(s -> visit(s, seen, components));
	}

	/** What springdoc makes of {@code Object}: an object without properties. */
	private static boolean isAnything(Schema<?> s) {
		return "object".equals(s.getType()) && s.getProperties() == null && s.getAdditionalProperties() == null && s.get$ref() == null;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void visit(Schema<?> schema, Set<Schema<?>> seen, Map<String, Schema> components) {
		if (schema == null || !seen.add(schema)) {
			return;
		}
		if (schema.getAdditionalProperties() instanceof Schema extra) {
			if ("object".equals(extra.getType()) && extra.getProperties() == null && extra.get$ref() == null
					&& extra.getAdditionalProperties() == null) {
				schema.setAdditionalProperties(true);
			}
			else {
				visit(extra, seen, components);
			}
		}
		if (schema.getItems() != null) {
			visit(schema.getItems(), seen, components);
		}
		if (schema.getProperties() != null) {
			Set<String> required = new HashSet<>((schema.getRequired() != null) ? schema.getRequired() : List.of());
			for (Map.Entry<String, Schema> p : schema.getProperties().entrySet()) {
				Schema property = p.getValue();
				if (!required.contains(p.getKey())) {
					if (property.get$ref() != null) {
						// OpenAPI 3.0 ignores nullable beside a $ref: the property gets its own copy of the schema
						Schema target = components.get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
						if (target != null) {
							Schema copy = new Schema<>().type(target.getType())
								.properties(target.getProperties())
								.required(target.getRequired())
								.additionalProperties(target.getAdditionalProperties())
								.description((property.getDescription() != null) ? property.getDescription() : target.getDescription())
								.nullable(true);
							copy.setEnum(target.getEnum());
							copy.setFormat(target.getFormat());
							p.setValue(copy);
						}
						continue;
					}
					if (isAnything(property)) {
						// a Java Object (a compared value, a JSON tree): any JSON value
						p.setValue(new Schema<>().description(property.getDescription()));
						continue;
					}
					if (property.getType() != null) {
						// a schema without a type already admits null
						property.setNullable(true);
					}
				}
				visit(property, seen, components);
			}
		}
		for (List<Schema> composed : new List[] { schema.getAllOf(), schema.getAnyOf(), schema.getOneOf() }) {
			if (composed != null) {
				composed.forEach(s -> visit(s, seen, components));
			}
		}
	}

}

package org.kaohe.rules;

import java.util.List;
import java.util.Map;

/**
 * One declared parameter: its type and constraints, and what a policy officer needs to know to change
 * it (label, unit, source of the default).
 *
 * @param name key used in rule files ({@code params.integer("weeklyBottomK")})
 * @param type value type
 * @param label Chinese name
 * @param unit unit of the value (位, 周, 万元 …), may be empty
 * @param source where the default comes from (document, [INV] for invented defaults)
 * @param min lower bound for numbers, or null
 * @param max upper bound for numbers, or null
 * @param values allowed values of an ENUM
 * @param fields field name → field type of a LADDER band (integer, number, string, boolean, measure,
 * role)
 * @param line where the definition starts in the file
 */
public record ParameterDefinition(String name, ParameterType type, String label, String unit, String source,
		Double min, Double max, List<String> values, Map<String, String> fields, int line) {
}

package org.kaohe.api;

import com.fasterxml.jackson.databind.JsonNode;

import org.kaohe.system.BadRequestException;

/** Reads fields of small JSON request bodies, answering 400 with what was expected. */
final class JsonFields {

	private JsonFields() {
	}

	/** A text field, or null when absent or null. */
	static String text(JsonNode body, String field) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isTextual()) {
			throw BadRequestException.invalid(field, field + " 须为文本 / " + field + " must be a string");
		}
		return v.textValue();
	}

	/** A whole number, or null when absent or null. */
	static Long number(JsonNode body, String field) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isIntegralNumber()) {
			throw BadRequestException.invalid(field, field + " 须为整数 / " + field + " must be a whole number");
		}
		return v.longValue();
	}

	/** A boolean, or null when absent or null. */
	static Boolean bool(JsonNode body, String field) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isBoolean()) {
			throw BadRequestException.invalid(field, field + " 须为 true 或 false / " + field + " must be true or false");
		}
		return v.booleanValue();
	}

}

package org.kaohe.system;

/**
 * A request that is well-formed but not what the endpoint takes; answered 400. When one field or
 * parameter is to blame it is named, and the answer lists it in {@code errors[]}.
 */
public class BadRequestException extends RuntimeException {

	private final String field;

	private final String code;

	public BadRequestException(String message) {
		this(null, null, message);
	}

	/**
	 * @param field the field or parameter at fault
	 * @param code a stable code, e.g. {@code UNKNOWN_FIELD}, {@code INVALID_VALUE}
	 * @param message what is wrong, in Chinese and English
	 */
	public BadRequestException(String field, String code, String message) {
		super(message);
		this.field = field;
		this.code = code;
	}

	/** A value of {@code field} that is not acceptable. */
	public static BadRequestException invalid(String field, String message) {
		return new BadRequestException(field, "INVALID_VALUE", message);
	}

	/** A field the body may not have. */
	public static BadRequestException unknownField(String field, Iterable<String> allowed) {
		return new BadRequestException(field, "UNKNOWN_FIELD",
				"未知的字段 / unknown field: " + field + "（可用 / allowed: " + String.join(", ", allowed) + "）");
	}

	/** The field or parameter at fault, or null. */
	public String getField() {
		return this.field;
	}

	/** The stable code of the problem, or null. */
	public String getCode() {
		return this.code;
	}

}

package org.kaohe.system;

/**
 * One field or parameter of a request that is wrong, as listed in a problem's {@code errors[]}.
 *
 * @param field the field of the body or the query or path parameter
 * @param code stable code: {@code INVALID_VALUE}, {@code UNKNOWN_FIELD}, {@code MISSING}, {@code MALFORMED}
 * @param message what is wrong, in Chinese and English
 */
public record FieldProblem(String field, String code, String message) {
}

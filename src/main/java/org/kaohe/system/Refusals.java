package org.kaohe.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals of a handler that the OpenAPI document cannot infer from its signature: statuses such as
 * 409 (conflict), 422 (understood but not possible) or 503 that only its services raise. The statuses
 * every handler of a kind can answer (400, 401, 403, 404 with a path variable, 413 and 415 with a body,
 * 500) are added by {@link ProblemResponses} without this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Refusals {

	/** The further HTTP statuses answered with a problem. */
	int[] value();

}

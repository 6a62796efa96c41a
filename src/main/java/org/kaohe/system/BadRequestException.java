package org.kaohe.system;

/** A request that is well-formed JSON but not what the endpoint takes; answered 400. */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}

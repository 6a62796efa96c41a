package org.kaohe.system;

import java.io.IOException;

/**
 * A request body that grew past the configured limit while being read (a body without a
 * {@code Content-Length}); an {@link IOException} so it travels through the message converters, and
 * answered 413 wherever it surfaces.
 */
public class BodyTooLargeException extends IOException {

	public BodyTooLargeException(long limit) {
		super("请求体超过 " + limit + " 字节的上限 / the request body exceeds the limit of " + limit + " bytes");
	}

}

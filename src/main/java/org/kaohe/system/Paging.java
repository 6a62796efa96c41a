package org.kaohe.system;

/**
 * A page request: {@code page} counts from 0, {@code size} defaults to 50 and may not exceed 500.
 *
 * @param page the page, 0-based
 * @param size rows per page
 */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	/**
	 * Checks the request parameters.
	 *
	 * @throws BadRequestException if page is negative or size is outside 1…500
	 */
	public static Paging of(Integer page, Integer size) {
		int p = (page != null) ? page : 0;
		int s = (size != null) ? size : DEFAULT_SIZE;
		if (p < 0) {
			throw BadRequestException.invalid("page", "page 须为 0 或正整数 / page must be 0 or more: " + p);
		}
		if (s < 1 || s > MAX_SIZE) {
			throw BadRequestException.invalid("size", "size 须在 1 到 " + MAX_SIZE + " 之间 / size must be 1 to " + MAX_SIZE + ": " + s);
		}
		return new Paging(p, s);
	}

	/** Rows to skip. */
	public long offset() {
		return (long) this.page * this.size;
	}

}

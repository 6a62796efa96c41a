package org.kaohe.system;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the shape of every list Kaohe serves: {@code {content, page, size, total}}.
 *
 * @param content the rows of this page
 * @param page the page, 0-based
 * @param size the page size asked for
 * @param total rows over all pages
 */
public record Page<T>(List<T> content, int page, int size, long total) {

	public static <T> Page<T> of(List<T> content, Paging paging, long total) {
		return new Page<>(List.copyOf(content), paging.page(), paging.size(), total);
	}

	/** A page of an in-memory list. */
	public static <T> Page<T> slice(List<T> all, Paging paging) {
		int from = (int) Math.min(all.size(), paging.offset());
		int to = (int) Math.min(all.size(), paging.offset() + paging.size());
		return of(all.subList(from, to), paging, all.size());
	}

	public <R> Page<R> map(Function<T, R> f) {
		return new Page<>(this.content.stream().map(f).toList(), this.page, this.size, this.total);
	}

}

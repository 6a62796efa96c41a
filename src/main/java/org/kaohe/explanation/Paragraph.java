package org.kaohe.explanation;

import java.util.ArrayList;
import java.util.List;

/** Writes a paragraph and remembers what each cited piece of it is. */
final class Paragraph {

	private final StringBuilder text = new StringBuilder();

	private final List<Citation> citations = new ArrayList<>();

	Paragraph append(String plain) {
		this.text.append(plain);
		return this;
	}

	/** Appends {@code shown} and cites it. */
	Paragraph cite(String shown, String source, String field, Integer row, Object value) {
		this.text.append(shown);
		this.citations.add(new Citation(shown, source, field, row, value));
		return this;
	}

	int length() {
		return this.text.length();
	}

	char lastChar() {
		return (this.text.length() == 0) ? 0 : this.text.charAt(this.text.length() - 1);
	}

	String text() {
		return this.text.toString();
	}

	List<Citation> citations() {
		return List.copyOf(this.citations);
	}

}

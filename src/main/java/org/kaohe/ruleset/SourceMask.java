package org.kaohe.ruleset;

/**
 * Blanks out comments (and optionally string literals) of DRL/MVEL/Java text, keeping every line break
 * and column, so scans of the remaining code report true positions.
 */
final class SourceMask {

	private SourceMask() {
	}

	static String mask(String text, boolean strings) {
		char[] out = text.toCharArray();
		int i = 0;
		int n = out.length;
		while (i < n) {
			char c = out[i];
			char next = (i + 1 < n) ? out[i + 1] : '\0';
			if (c == '/' && next == '/') {
				while (i < n && out[i] != '\n') {
					out[i++] = ' ';
				}
			}
			else if (c == '/' && next == '*') {
				out[i++] = ' ';
				out[i++] = ' ';
				while (i < n && !(out[i] == '*' && i + 1 < n && out[i + 1] == '/')) {
					if (out[i] != '\n') {
						out[i] = ' ';
					}
					i++;
				}
				if (i < n) {
					out[i++] = ' ';
					out[i++] = ' ';
				}
			}
			else if (c == '"' || c == '\'') {
				char quote = c;
				i++;
				while (i < n && out[i] != quote && out[i] != '\n') {
					if (out[i] == '\\' && i + 1 < n) {
						if (strings) {
							out[i] = ' ';
						}
						i++;
					}
					if (strings) {
						out[i] = ' ';
					}
					i++;
				}
				i++;
			}
			else {
				i++;
			}
		}
		return new String(out);
	}

}

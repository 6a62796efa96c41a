package org.kaohe.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Parsed command-line options: {@code FILE… [--rules DIR] [--as-of DATE] [--format table|json]}. */
final class Options {

	final List<Path> files = new ArrayList<>();

	Path rules = Path.of("rules");

	Path scenarios = Path.of("fixtures", "scenarios");

	LocalDate asOf;

	String format = "table";

	static Options parse(List<String> args) {
		Options o = new Options();
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			String value = null;
			String name = a;
			if (a.startsWith("--") && a.contains("=")) {
				name = a.substring(0, a.indexOf('='));
				value = a.substring(a.indexOf('=') + 1);
			}
			switch (name) {
				case "--rules" -> o.rules = Path.of(value != null ? value : next(args, ++i, name));
				case "--scenarios" -> o.scenarios = Path.of(value != null ? value : next(args, ++i, name));
				case "--as-of" -> {
					String d = (value != null) ? value : next(args, ++i, name);
					try {
						o.asOf = LocalDate.parse(d);
					}
					catch (DateTimeParseException ex) {
						throw new UsageException("--as-of 须为日期 YYYY-MM-DD / --as-of must be a date: " + d);
					}
				}
				case "--format" -> {
					o.format = (value != null) ? value : next(args, ++i, name);
					if (!o.format.equals("table") && !o.format.equals("json")) {
						throw new UsageException("--format 须为 table 或 json / --format must be table or json: " + o.format);
					}
				}
				default -> {
					if (a.startsWith("--")) {
						throw new UsageException("未知选项 / unknown option: " + a);
					}
					o.files.add(Path.of(a));
				}
			}
		}
		return o;
	}

	private static String next(List<String> args, int i, String option) {
		if (i >= args.size()) {
			throw new UsageException(option + " 缺少取值 / " + option + " needs a value");
		}
		return args.get(i);
	}

	/** A mistake in the command line itself. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}

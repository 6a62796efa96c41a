package org.kaohe.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar target/kaohe.jar admin …} as the tests that start packaged processes run it: accounts and
 * tokens made on the database a service will use, before it starts (an embedded H2 file admits one
 * process at a time).
 */
final class AdminCli {

	private AdminCli() {
	}

	/**
	 * Runs one admin command and returns its standard output (a token, for {@code issue-token}).
	 * @param settings the Spring arguments naming the database ({@code --spring.datasource.url=…}, profile)
	 * @param stdin what to type (a password), or null
	 * @param errors where its standard error goes
	 * @param command the admin command and its arguments
	 */
	static String run(List<String> settings, String stdin, ProcessBuilder.Redirect errors, String... command) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> line = new ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8", "-jar", Path.of("target", "kaohe.jar").toString(),
				"admin"));
		line.addAll(List.of(command));
		line.addAll(settings);
		try {
			Process p = new ProcessBuilder(line).redirectError(errors).start();
			try (OutputStream in = p.getOutputStream()) {
				if (stdin != null) {
					in.write((stdin + "\n").getBytes(StandardCharsets.UTF_8));
				}
			}
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			assertThat(p.waitFor()).as("kaohe.jar admin %s", List.of(command)).isZero();
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

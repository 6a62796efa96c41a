package org.kaohe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged service ({@code target/kaohe.jar}) as a real process on a free port, with its output in
 * a log file under {@code target/}: started, awaited, watched through its log, stopped or killed.
 */
final class KaoheProcess {

	private final List<String> arguments;

	private final Path log;

	private final String heap;

	private final int port;

	private Process process;

	/**
	 * @param name names the log file {@code target/<name>.log} (appended to over restarts)
	 * @param heap the {@code -Xmx} value
	 * @param arguments Spring arguments ({@code --name=value}) besides the port
	 */
	KaoheProcess(String name, String heap, List<String> arguments) {
		this.arguments = List.copyOf(arguments);
		this.log = Path.of("target", name + ".log");
		this.heap = heap;
		this.port = freePort();
	}

	String base() {
		return "http://localhost:" + this.port;
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	/**
	 * Issues an API token for a system account {@code name} holding {@code roles} (comma-separated), with
	 * the admin command line on this instance's database — while the instance is stopped, since an
	 * embedded H2 file admits one process at a time. Returns the token.
	 */
	String issueToken(String name, String roles) {
		return AdminCli.run(this.arguments, null, ProcessBuilder.Redirect.appendTo(this.log.toFile()), "issue-token", name, "--roles",
				roles, "--days", "1", "--create-system-account");
	}

	/** Starts the process and waits until it answers HTTP; returns the log's length before the start. */
	long start() {
		Path jar = Path.of("target", "kaohe.jar");
		assertThat(jar).as("the packaged service (run after mvn package)").exists();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + this.heap, "-Dfile.encoding=UTF-8", "-jar", jar.toString(),
				"--server.port=" + this.port));
		command.addAll(this.arguments);
		try {
			Files.createDirectories(this.log.getParent());
			long mark = Files.exists(this.log) ? Files.size(this.log) : 0;
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
			awaitUp();
			return mark;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitUp() {
		KaoheHttp http = new KaoheHttp(base());
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				fail("the service exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				// the server answers only once the application has started; without a token that answer is 401
				int status = http.get("/api/v1/rulesets/active").status();
				if (status == 200 || status == 401) {
					return;
				}
			}
			catch (UncheckedIOException ex) {
				// not listening yet
			}
			sleep(250);
		}
		fail("the service did not start within 3 minutes; see " + this.log);
	}

	/**
	 * Waits until the log, after {@code mark}, has a line containing {@code text}.
	 *
	 * @return whether it appeared within the timeout
	 */
	boolean awaitLog(long mark, String text, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (logSince(mark).contains(text)) {
				return true;
			}
			if (!this.process.isAlive()) {
				return logSince(mark).contains(text);
			}
			sleep(5);
		}
		return false;
	}

	/** The log written after {@code mark} (a length returned by {@link #start()} or {@link #logLength()}). */
	String logSince(long mark) {
		try {
			byte[] all = Files.readAllBytes(this.log);
			return new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long logLength() {
		try {
			return Files.size(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SIGKILL on Linux: no shutdown hook, no connection closed in order, no transaction committed. */
	void kill() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			waitFor();
		}
	}

	/** An orderly stop (SIGTERM), killed after 30 seconds. */
	void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					kill();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill();
			}
		}
	}

	private void waitFor() {
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

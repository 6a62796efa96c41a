package org.kaohe.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator that stops by itself: {@code clients} threads each POST the same
 * body again and again until the duration is over (a warm-up stretch first, not recorded). Sends
 * {@code Authorization: Bearer} when a token is given (the API requires one once authentication is
 * on). Every non-2xx answer and every I/O failure counts as an error.
 */
final class LoadTool {

	/** What a load run measured. */
	record Result(int clients, double seconds, long requests, long errors, Samples latenciesMs, String firstError) {

		double throughput() {
			return this.requests / this.seconds;
		}

	}

	private LoadTool() {
	}

	static Result run(URI url, byte[] body, String token, int clients, Duration warmUp, Duration duration) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		HttpRequest.Builder b = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (token != null && !token.isBlank()) {
			b.header("Authorization", "Bearer " + token.trim());
		}
		HttpRequest request = b.build();
		long warmEnd = System.nanoTime() + warmUp.toNanos();
		long end = warmEnd + duration.toNanos();
		AtomicLong errors = new AtomicLong();
		List<long[]> perThread = new ArrayList<>();
		String[] firstError = new String[1];
		List<Thread> threads = new ArrayList<>();
		long[] counts = new long[clients];
		for (int t = 0; t < clients; t++) {
			long[] lat = new long[2_000_000 / clients + 1000];
			perThread.add(lat);
			int index = t;
			Thread th = new Thread(() -> {
				int n = 0;
				while (true) {
					long s = System.nanoTime();
					if (s >= end) {
						break;
					}
					boolean ok;
					String failure = null;
					try {
						HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
						ok = r.statusCode() / 100 == 2;
						if (!ok) {
							failure = r.statusCode() + " " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
						}
					}
					catch (Exception ex) {
						ok = false;
						failure = ex.toString();
					}
					long e = System.nanoTime();
					if (s >= warmEnd) {
						if (!ok) {
							errors.incrementAndGet();
							synchronized (firstError) {
								if (firstError[0] == null) {
									firstError[0] = failure.length() > 300 ? failure.substring(0, 300) : failure;
								}
							}
						}
						else if (n < lat.length) {
							lat[n++] = e - s;
						}
					}
				}
				counts[index] = n;
			}, "bench-load-" + t);
			th.setDaemon(true);
			threads.add(th);
			th.start();
		}
		for (Thread th : threads) {
			th.join();
		}
		Samples latencies = new Samples();
		long requests = 0;
		for (int t = 0; t < clients; t++) {
			for (int i = 0; i < counts[t]; i++) {
				latencies.add(perThread.get(t)[i] / 1_000_000.0);
			}
			requests += counts[t];
		}
		double seconds = duration.toNanos() / 1e9;
		return new Result(clients, seconds, requests + errors.get(), errors.get(), latencies, firstError[0]);
	}

}

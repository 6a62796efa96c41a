package org.kaohe.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two dispatchers (two instances of the service) on one database send the same outbox at once: every
 * event reaches the endpoint exactly once, on H2 and on a real PostgreSQL server (when
 * {@code KAOHE_TEST_POSTGRES_URL} names one, as in CI), each in a database or schema of its own.
 */
class WebhookClaimTests {

	private static final int EVENTS = 60;

	@Test
	void twoInstancesOnH2NeverSendTheSameDeliveryTwice() throws Exception {
		try (HikariDataSource ds = new HikariDataSource()) {
			ds.setJdbcUrl("jdbc:h2:mem:webhook-claims-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
			ds.setMaximumPoolSize(6);
			Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
			race(ds);
		}
	}

	@Test
	void twoInstancesOnPostgresNeverSendTheSameDeliveryTwice() throws Exception {
		String url = System.getenv("KAOHE_TEST_POSTGRES_URL");
		if (url == null || url.isBlank()) {
			assertThat(System.getenv("KAOHE_TEST_POSTGRES_REQUIRED")).as("a PostgreSQL server is required").isNotEqualToIgnoringCase("true");
			org.junit.jupiter.api.Assumptions.abort("no PostgreSQL server configured (KAOHE_TEST_POSTGRES_URL)");
		}
		String user = System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_USER", "postgres");
		String password = System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_PASSWORD", "");
		String schema = "kaohe_webhooks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + schema);
		}
		try (HikariDataSource ds = new HikariDataSource()) {
			ds.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			ds.setUsername(user);
			ds.setPassword(password);
			ds.setMaximumPoolSize(6);
			Flyway.configure().dataSource(ds).schemas(schema).locations("classpath:db/migration").load().migrate();
			race(ds);
		}
		finally {
			try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA " + schema + " CASCADE");
			}
			catch (SQLException ex) {
				// left for the next clean-up; the name is unique
			}
		}
	}

	private static void race(HikariDataSource ds) throws Exception {
		Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/oa", exchange -> {
			exchange.getRequestBody().readAllBytes();
			received.computeIfAbsent(exchange.getRequestHeaders().getFirst("X-Kaohe-Event-Id"), k -> new AtomicInteger()).incrementAndGet();
			try {
				Thread.sleep(3);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			JdbcClient jdbc = JdbcClient.create(ds);
			DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
			WebhookRepository repository = new WebhookRepository(jdbc);
			WebhookOutbox outbox = new WebhookOutbox(repository, new ObjectMapper().registerModule(new JavaTimeModule()));
			repository.insertEndpoint("e1", "OA", "http://127.0.0.1:" + server.getAddress().getPort() + "/oa", "secret-secret-secret", List.of("*"),
					true, "test", OffsetDateTime.now());
			TransactionTemplate tx = new TransactionTemplate(transactions);
			for (int i = 0; i < EVENTS; i++) {
				int n = i;
				tx.executeWithoutResult(s -> outbox.publish(WebhookOutbox.PING, Map.of("n", n), null));
			}
			WebhookProperties properties = new WebhookProperties(false, Duration.ofMillis(50), Duration.ofMillis(100), 2, Duration.ofSeconds(1),
					Duration.ofHours(1), Duration.ofSeconds(5), 4, Duration.ofSeconds(30));
			List<WebhookDispatcher> instances = List.of(new WebhookDispatcher(repository, properties, transactions),
					new WebhookDispatcher(repository, properties, transactions));
			List<Future<Integer>> sent = new ArrayList<>();
			for (WebhookDispatcher d : instances) {
				sent.add(pool.submit(() -> {
					int total = 0;
					while (pending(jdbc) > 0) {
						total += d.dispatchDue();
					}
					return total;
				}));
			}
			int attempts = 0;
			for (Future<Integer> f : sent) {
				attempts += f.get();
			}

			assertThat(received).hasSize(EVENTS);
			assertThat(received.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
			assertThat(attempts).isEqualTo(EVENTS);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'DELIVERED'").query(Long.class).single())
				.isEqualTo(EVENTS);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_attempt").query(Long.class).single()).isEqualTo(EVENTS);
		}
		finally {
			pool.shutdownNow();
			server.stop(0);
		}
	}

	private static long pending(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING'").query(Long.class).single();
	}

}

package org.kaohe.history;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.kaohe.facts.Period;

/**
 * Runs work on a period in a transaction that holds the period's lock, so uploads of a period get
 * revisions 1, 2, 3 … without gaps or duplicates and two evaluations of the same period run one after
 * the other, each seeing what the other stored.
 *
 * <p>The lock is the period's row in {@code period_lock}, taken with {@code SELECT … FOR UPDATE}: it
 * holds across instances sharing a PostgreSQL database, and on H2 alike. Within one process a Java
 * lock is taken first, so threads queue in the JVM instead of waiting on (and timing out in) the
 * database.
 */
@Component
public class PeriodLocks {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separate;

	private final ConcurrentHashMap<String, ReentrantLock> local = new ConcurrentHashMap<>();

	PeriodLocks(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Runs {@code work} in one transaction holding the period's lock; commits when it returns. */
	public <T> T inTransaction(Period period, Supplier<T> work) {
		ReentrantLock lock = this.local.computeIfAbsent(period.toString(), p -> new ReentrantLock());
		lock.lock();
		try {
			ensureRow(period);
			return this.transaction.execute(status -> {
				this.jdbc.sql("SELECT period FROM period_lock WHERE period = ? FOR UPDATE")
					.param(period.toString())
					.query(String.class)
					.single();
				return work.get();
			});
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Creates the lock row in a transaction of its own: a failed insert inside the main transaction
	 * would abort it on PostgreSQL.
	 */
	private void ensureRow(Period period) {
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM period_lock WHERE period = ?")
			.param(period.toString())
			.query(Long.class)
			.single() > 0;
		if (exists) {
			return;
		}
		try {
			this.separate.executeWithoutResult(status -> this.jdbc.sql("INSERT INTO period_lock (period) VALUES (?)")
				.param(period.toString())
				.update());
		}
		catch (DuplicateKeyException ex) {
			// another instance created it first: fine
		}
	}

}

package org.kaohe.security;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code kaohe.security.max-failed-logins} failed sign-ins of
 * one user name (or five times as many from one address, which a whole office may share) within
 * {@code kaohe.security.lockout}, further attempts are refused until the window has passed. It counts names that do not exist as well, so the refusal
 * tells nothing about which names do. Per instance and in memory: a restart forgets.
 */
@Component
public class LoginThrottle {

	/** Bounds the memory an attacker trying many names can take; the oldest windows go first. */
	private static final int MAX_KEYS = 10_000;

	private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

	private final int max;

	private final int maxPerAddress;

	private final long window;

	LoginThrottle(SecurityProperties properties) {
		this.max = properties.maxFailedLogins();
		this.maxPerAddress = 5 * properties.maxFailedLogins();
		this.window = properties.lockout().toNanos();
	}

	/** How long until the next attempt of this name from this address may be tried; zero when now. */
	public Duration wait(String username, String address) {
		long now = System.nanoTime();
		return max(waitFor(user(username), this.max, now), waitFor(address(address), this.maxPerAddress, now));
	}

	public void failed(String username, String address) {
		long now = System.nanoTime();
		if (this.failures.size() > MAX_KEYS) {
			this.failures.entrySet().removeIf(e -> expired(e.getValue(), now));
		}
		add(user(username), this.max, now);
		add(address(address), this.maxPerAddress, now);
	}

	/** A successful sign-in clears the name's count (not the address's: one office may share it). */
	public void succeeded(String username) {
		this.failures.remove(user(username));
	}

	private void add(String key, int max, long now) {
		Deque<Long> times = this.failures.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(now);
			while (times.size() > max) {
				times.removeFirst();
			}
		}
	}

	private Duration waitFor(String key, int max, long now) {
		Deque<Long> times = this.failures.get(key);
		if (times == null) {
			return Duration.ZERO;
		}
		synchronized (times) {
			while (!times.isEmpty() && now - times.peekFirst() >= this.window) {
				times.removeFirst();
			}
			if (times.size() < max) {
				return Duration.ZERO;
			}
			return Duration.ofNanos(this.window - (now - times.peekFirst()));
		}
	}

	private boolean expired(Deque<Long> times, long now) {
		synchronized (times) {
			return times.isEmpty() || now - times.peekLast() >= this.window;
		}
	}

	private static String user(String username) {
		return "u:" + ((username != null) ? username.strip().toLowerCase(Locale.ROOT) : "");
	}

	private static String address(String address) {
		return "a:" + address;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}

package org.kaohe.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Peak heap in use and GC time over one measured stretch. The heap is sampled every 2 ms by a daemon
 * thread (used = committed − free, so garbage not yet collected counts: what the process needs, not
 * what is live); GC time is the collectors' accumulated time.
 */
final class HeapWatch implements AutoCloseable {

	private final Thread sampler;

	private volatile boolean running = true;

	private volatile long peak;

	private final long gcBefore;

	private long gcMillis;

	HeapWatch() {
		this.gcBefore = gcTime();
		Runtime rt = Runtime.getRuntime();
		this.peak = rt.totalMemory() - rt.freeMemory();
		this.sampler = new Thread(() -> {
			while (this.running) {
				long used = rt.totalMemory() - rt.freeMemory();
				if (used > this.peak) {
					this.peak = used;
				}
				try {
					Thread.sleep(2);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "bench-heap-sampler");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	static long gcTime() {
		long t = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			t += Math.max(0, gc.getCollectionTime());
		}
		return t;
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.sampler.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.gcMillis = gcTime() - this.gcBefore;
	}

	double peakMb() {
		return this.peak / 1024.0 / 1024.0;
	}

	long gcMillis() {
		return this.gcMillis;
	}

}

package org.kaohe.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Peak heap in use and GC time over one measured stretch. The heap is sampled every 2 ms by a daemon
 * thread (used = committed − free, so garbage not yet collected counts: what the process needs, not
 * what is live); GC time is the collectors' accumulated time; CPU time is the process's, which on a
 * shared machine shows how much of the wall time the process actually ran.
 */
final class HeapWatch implements AutoCloseable {

	private final Thread sampler;

	private volatile boolean running = true;

	private volatile long peak;

	private final long gcBefore;

	private long gcMillis;

	private final long cpuBefore = processCpuNanos();

	private long cpuMillis;

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
		this.cpuMillis = (processCpuNanos() - this.cpuBefore) / 1_000_000;
	}

	/** CPU time of the whole process (all threads, GC and JIT included), or 0 where unknown. */
	static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return Math.max(0, os.getProcessCpuTime());
		}
		return 0;
	}

	/** The machine's load average over the last minute (other processes included), or -1. */
	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	long cpuMillis() {
		return this.cpuMillis;
	}

	double peakMb() {
		return this.peak / 1024.0 / 1024.0;
	}

	long gcMillis() {
		return this.gcMillis;
	}

}

package org.kaohe.ruleset;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import org.kaohe.system.KaoheProperties;

/**
 * With {@code kaohe.rules.watch=true}, picks the {@code rules/} folder up again when its files change,
 * as at start ({@link DirectoryPickup}): stored as a version, checked, and put in force only when the
 * two-person rule is off and every check passes. Changes are debounced
 * ({@code kaohe.rules.watch-debounce}): an editor saving several files makes one version, picked up
 * once the folder has been quiet that long.
 */
@Component
class RulesDirectoryWatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RulesDirectoryWatch.class);

	private final DirectoryPickup pickup;

	private final RulesetActivations activations;

	private final ActiveRuleset active;

	private final KaoheProperties.Rules properties;

	private volatile WatchService watcher;

	private volatile Thread thread;

	RulesDirectoryWatch(DirectoryPickup pickup, RulesetActivations activations, ActiveRuleset active, KaoheProperties properties) {
		this.pickup = pickup;
		this.activations = activations;
		this.active = active;
		this.properties = properties.rules();
	}

	@Override
	public void start() {
		if (!this.properties.watch()) {
			return;
		}
		Path dir = this.properties.location();
		try {
			this.watcher = FileSystems.getDefault().newWatchService();
			registerTree(dir);
		}
		catch (IOException ex) {
			log.warn("无法监视规则目录 / cannot watch the rules folder {}: {}", dir.toAbsolutePath(), ex.toString());
			return;
		}
		this.thread = new Thread(this::watch, "kaohe-rules-watch");
		this.thread.setDaemon(true);
		this.thread.start();
		log.info("正在监视规则目录 / watching the rules folder {} (debounce {})", dir.toAbsolutePath(), this.properties.watchDebounce());
	}

	private void watch() {
		Duration debounce = this.properties.watchDebounce();
		long lastChange = 0;
		while (this.watcher != null) {
			try {
				WatchKey key = this.watcher.poll(200, TimeUnit.MILLISECONDS);
				if (key != null) {
					Path base = (Path) key.watchable();
					for (WatchEvent<?> event : key.pollEvents()) {
						lastChange = System.nanoTime();
						if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path p
								&& Files.isDirectory(base.resolve(p))) {
							registerTree(base.resolve(p));
						}
					}
					key.reset();
				}
				if (lastChange != 0 && System.nanoTime() - lastChange >= debounce.toNanos()) {
					lastChange = 0;
					pickUp();
				}
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				return;
			}
			catch (IOException | RuntimeException ex) {
				log.warn("规则目录变化处理失败 / picking up the changed rules folder failed: {}", ex.toString());
			}
		}
	}

	private void pickUp() {
		LocalDate today = this.active.today();
		if (this.pickup.pickUp("监视 / watch", today)) {
			this.activations.refresh();
		}
	}

	private void registerTree(Path dir) throws IOException {
		try (Stream<Path> dirs = Files.walk(dir)) {
			for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
				d.register(this.watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
						StandardWatchEventKinds.ENTRY_MODIFY);
			}
		}
	}

	@Override
	public void stop() {
		WatchService w = this.watcher;
		this.watcher = null;
		if (w != null) {
			try {
				w.close();
			}
			catch (IOException ex) {
				// closing on shutdown: nothing left to do
			}
		}
		Thread t = this.thread;
		if (t != null) {
			t.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.watcher != null;
	}

}

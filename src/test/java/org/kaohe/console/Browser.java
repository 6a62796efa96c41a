package org.kaohe.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's headless Chromium driven through its chromedriver, at an office screen's 1366×768, with
 * every browser console message collected so a test can fail on any error.
 *
 * <p>Chromium and chromedriver are Debian's ({@code apt-get install chromium chromium-driver}); other
 * places can be named with {@code KAOHE_CHROMIUM} and {@code KAOHE_CHROMEDRIVER}. Selenium Manager is
 * never asked to download a driver (CI and the intranet have no internet): without both programs a
 * test class marked {@code @ExtendWith(Browser.Required.class)} is skipped with a message saying what to
 * install, or fails when {@code KAOHE_BROWSER_REQUIRED=true} (set by {@code .ci/run}, so CI can never
 * pass by skipping).
 */
final class Browser implements AutoCloseable {

	static final int WIDTH = 1366;

	static final int HEIGHT = 768;

	private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

	private static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser", "google-chrome");

	private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
			"/usr/lib/chromium-browser/chromedriver");

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Path screenshots;

	private final Path downloads;

	private final WebDriverWait wait;

	/** Console messages seen since the last {@link #checkConsole}, kept for the failure message. */
	private final List<String> seen = new ArrayList<>();

	private Browser(ChromeDriver driver, String baseUrl, Path screenshots, Path downloads) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.screenshots = screenshots;
		this.downloads = downloads;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	/**
	 * The installed Chromium and chromedriver, or empty with a message saying what to install.
	 */
	static Installation installed() {
		Optional<Path> chromium = find("KAOHE_CHROMIUM", null, CHROMIUM, CHROMIUM_NAMES);
		Optional<Path> chromedriver = find("KAOHE_CHROMEDRIVER", "webdriver.chrome.driver", DRIVER, List.of("chromedriver"));
		if (chromium.isEmpty() || chromedriver.isEmpty()) {
			return new Installation(null, null, "浏览器测试需要 Chromium 和 chromedriver / the browser tests need Chromium and "
					+ "chromedriver: " + (chromium.isEmpty() ? "chromium not found; " : "")
					+ (chromedriver.isEmpty() ? "chromedriver not found; " : "")
					+ "install them (Debian: apt-get install chromium chromium-driver) or name them with KAOHE_CHROMIUM and "
					+ "KAOHE_CHROMEDRIVER");
		}
		return new Installation(chromium.get(), chromedriver.get(), null);
	}

	/**
	 * Runs a test class only where Chromium is installed, decided before Spring starts the app for it: a
	 * clean skip with what to install, or a failure when {@code KAOHE_BROWSER_REQUIRED=true} (CI).
	 */
	static final class Required implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			Installation installed = installed();
			if (installed.missing() == null) {
				return ConditionEvaluationResult.enabled("Chromium " + installed.chromium() + ", " + installed.chromedriver());
			}
			if (Boolean.parseBoolean(System.getenv("KAOHE_BROWSER_REQUIRED"))) {
				throw new IllegalStateException(installed.missing() + " (KAOHE_BROWSER_REQUIRED=true: a failure, not a skip)");
			}
			return ConditionEvaluationResult.disabled(installed.missing());
		}

	}

	/**
	 * Where Chromium and its driver are.
	 *
	 * @param chromium the browser, or null
	 * @param chromedriver its WebDriver server, of the same version, or null
	 * @param missing what is missing and how to install it, or null
	 */
	record Installation(Path chromium, Path chromedriver, String missing) {
	}

	/** Starts the installed Chromium against the app at {@code baseUrl}. */
	static Browser start(String baseUrl, Path screenshots) {
		Installation installed = installed();
		try {
			Files.createDirectories(screenshots);
			Path downloads = Files.createTempDirectory("kaohe-downloads-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(installed.chromium().toFile());
			// --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start;
			// --disable-dev-shm-usage: containers often have a tiny /dev/shm
			options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--window-size=" + WIDTH + "," + HEIGHT, "--lang=zh-CN", "--no-first-run", "--no-default-browser-check",
					"--disable-extensions", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--disable-features=Translate,MediaRouter,OptimizationHints");
			options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
					"download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			// the driver is named, so Selenium Manager never tries to download one
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(installed.chromedriver().toFile())
				.usingAnyFreePort()
				.withLogOutput(java.io.OutputStream.nullOutputStream())
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			return new Browser(driver, baseUrl, screenshots, downloads);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An executable named by the environment or system property, else the first of the known places or on PATH. */
	private static Optional<Path> find(String env, String property, List<String> places, List<String> names) {
		String named = (property != null) ? System.getProperty(property, System.getenv(env)) : System.getenv(env);
		if (named != null && !named.isBlank()) {
			Path p = Path.of(named);
			return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
		}
		Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.flatMap(dir -> names.stream().map(n -> Path.of(dir, n)));
		return Stream.concat(places.stream().map(Path::of), onPath)
			.filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
			.findFirst();
	}

	WebDriver driver() {
		return this.driver;
	}

	Path downloads() {
		return this.downloads;
	}

	/** Opens a page of the app. */
	void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/** Waits until the element is displayed and returns it. */
	WebElement waitFor(String css) {
		return this.wait.until(d -> {
			List<WebElement> found = d.findElements(By.cssSelector(css));
			return (!found.isEmpty() && found.get(0).isDisplayed()) ? found.get(0) : null;
		});
	}

	<T> T waitUntil(Function<WebDriver, T> condition) {
		return this.wait.until(condition);
	}

	@SuppressWarnings("unchecked")
	<T> T script(String script, Object... args) {
		return (T) ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Waits for a finished download whose name ends with {@code suffix} (Chromium writes {@code .crdownload}
	 * until it is complete) and returns its bytes.
	 */
	byte[] downloaded(String suffix) {
		Path file = this.wait.until(d -> {
			try (Stream<Path> files = Files.list(this.downloads)) {
				return files.filter(f -> f.getFileName().toString().endsWith(suffix) && sizeOf(f) > 0).findFirst().orElse(null);
			}
			catch (IOException ex) {
				return null;
			}
		});
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long sizeOf(Path p) {
		try {
			return Files.size(p);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Saves a PNG of the window as {@code name}.png. */
	Path screenshot(String name) {
		try {
			Path file = this.screenshots.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fails when the browser logged an error since the last check — a script error, a console.error, a
	 * request that failed or answered 4xx/5xx — other than the {@code expected} ones (each a pattern of
	 * the message, for an error the step provokes on purpose, such as an upload that must be refused);
	 * every expected one must have been logged.
	 */
	void checkConsole(String step, Pattern... expected) {
		List<String> errors = new ArrayList<>();
		boolean[] matched = new boolean[expected.length];
		for (LogEntry e : this.driver.manage().logs().get(LogType.BROWSER)) {
			String line = e.getLevel() + " " + e.getMessage();
			this.seen.add(line);
			if (e.getLevel().intValue() < Level.SEVERE.intValue()) {
				continue;
			}
			boolean allowed = false;
			for (int i = 0; i < expected.length; i++) {
				if (expected[i].matcher(e.getMessage()).find()) {
					matched[i] = true;
					allowed = true;
				}
			}
			if (!allowed) {
				errors.add(e.getMessage());
			}
		}
		assertThat(errors).as("browser console errors after step \"%s\"", step).isEmpty();
		for (int i = 0; i < expected.length; i++) {
			assertThat(matched[i]).as("step \"%s\" should have logged %s; the console had %s", step, expected[i], this.seen)
				.isTrue();
		}
		this.seen.clear();
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}

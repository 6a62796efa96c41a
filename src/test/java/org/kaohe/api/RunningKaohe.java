package org.kaohe.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Kaohe on a random port for tests that talk to it over real HTTP, with one set of settings so they
 * share one running app: a database of their own (they activate and roll back rulesets, which other
 * tests' apps would follow), and small request limits, so a test can cross them cheaply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:mem:kaohe-http;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000",
				"kaohe.limits.max-body-bytes=2000000", "spring.servlet.multipart.max-file-size=3MB",
				"spring.servlet.multipart.max-request-size=4MB", "kaohe.upload.max-columns-per-sheet=60",
				"kaohe.upload.max-rows-per-sheet=5000" })
@interface RunningKaohe {

}

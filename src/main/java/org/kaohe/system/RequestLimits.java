package org.kaohe.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Size limits of requests ({@code kaohe.limits.*}). Multipart uploads have Spring's own limits
 * ({@code spring.servlet.multipart.max-file-size}, {@code max-request-size}); both are answered 413.
 *
 * @param maxBodyBytes bytes a request body other than a multipart upload may have (a JSON fact
 * document, a ruleset as JSON or zip). Defaults to 104857600 (100 MB); larger periods go as XLSX or CSV.
 */
@ConfigurationProperties("kaohe.limits")
public record RequestLimits(@DefaultValue("104857600") long maxBodyBytes) {
}

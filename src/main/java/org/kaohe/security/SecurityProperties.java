package org.kaohe.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings ({@code kaohe.security.*}).
 *
 * @param demoAccounts whether the documented demo accounts ({@link DemoAccounts}) are created on a
 * start that finds no account at all. Defaults to false; {@code application.properties} turns it on
 * for the default (H2) profile, the {@code postgres} profile turns it off.
 * @param refuseDefaultCredentials whether the service refuses to start while demo accounts are
 * configured or any account still has the demo password. Defaults to false; the {@code postgres}
 * profile turns it on.
 * @param loginValidity how long a console sign-in ({@code POST /api/v1/auth/login}) is valid.
 * Defaults to 12h (an office day).
 * @param maxTokenValidity the longest validity an administrator may give an API token. Defaults to
 * 730d.
 * @param maxFailedLogins failed sign-ins of one user name (from any address) allowed within
 * {@code lockout} before further attempts are refused with 429; five times as many from one address.
 * Defaults to 5.
 * @param lockout the window of {@code maxFailedLogins}. Defaults to 15m.
 */
@ConfigurationProperties("kaohe.security")
public record SecurityProperties(@DefaultValue("false") boolean demoAccounts,
		@DefaultValue("false") boolean refuseDefaultCredentials, @DefaultValue("12h") Duration loginValidity,
		@DefaultValue("730d") Duration maxTokenValidity, @DefaultValue("5") int maxFailedLogins,
		@DefaultValue("15m") Duration lockout) {
}

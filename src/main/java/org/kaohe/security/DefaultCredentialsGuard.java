package org.kaohe.security;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Refuses to start ({@code kaohe.security.refuse-default-credentials}, on in the postgres profile)
 * while the demo accounts are configured or any account still has the demo password. It runs while
 * the context starts, before the web server takes a request.
 */
@Component
@ConditionalOnProperty(name = "kaohe.security.refuse-default-credentials", havingValue = "true")
class DefaultCredentialsGuard implements InitializingBean {

	private final Accounts accounts;

	private final SecurityProperties properties;

	DefaultCredentialsGuard(Accounts accounts, SecurityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.properties.demoAccounts()) {
			throw new DefaultCredentialsException("演示账号已启用（kaohe.security.demo-accounts=true），生产配置拒绝启动 / demo accounts are "
					+ "enabled (kaohe.security.demo-accounts=true); refusing to start with default credentials");
		}
		List<String> demo = this.accounts.withDemoPassword();
		if (!demo.isEmpty()) {
			throw new DefaultCredentialsException("以下账号仍使用演示密码，生产配置拒绝启动 / these accounts still have the demo password; "
					+ "refusing to start: " + demo + " — 用 java -jar kaohe.jar admin reset-password NAME 修改 / change them with "
					+ "java -jar kaohe.jar admin reset-password NAME");
		}
	}

	/** Why the service did not start. */
	static final class DefaultCredentialsException extends IllegalStateException {

		DefaultCredentialsException(String message) {
			super(message);
		}

	}

}

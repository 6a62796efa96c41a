package org.kaohe.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import org.kaohe.system.Actor;
import org.kaohe.system.ProblemException;
import org.kaohe.system.Role;

/**
 * The documented demo accounts ({@code kaohe.security.demo-accounts}, on in the default H2 profile),
 * created on a start that finds no account at all, each with the password {@value Accounts#DEMO_PASSWORD}.
 * The postgres profile refuses to start with them ({@link DefaultCredentialsGuard}).
 */
@Component
@ConditionalOnProperty(name = "kaohe.security.demo-accounts", havingValue = "true")
class DemoAccounts implements org.springframework.beans.factory.SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/** Name → roles, as the README lists them. */
	static final Map<String, Set<Role>> ACCOUNTS = accounts();

	private final Accounts accounts;

	private final AuditLog audit;

	DemoAccounts(Accounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	/** Before the web server takes requests, so the demo can be signed in to at once. */
	@Override
	public void afterSingletonsInstantiated() {
		if (!this.accounts.none()) {
			return;
		}
		try {
			ACCOUNTS.forEach((name, roles) -> {
				this.accounts.create(name, Accounts.DEMO_PASSWORD, roles, Actor.SYSTEM);
				this.audit.system("demo account " + name, "roles " + RoleSets.format(roles));
			});
			log.warn("已创建演示账号 / demo accounts created: {} (密码 / password {}); 生产环境请使用 postgres 配置 / use the postgres profile "
					+ "in production", ACCOUNTS.keySet(), Accounts.DEMO_PASSWORD);
		}
		catch (DataIntegrityViolationException | ProblemException ex) {
			// another instance on the same database created them at the same moment
			log.info("演示账号已由另一实例创建 / demo accounts created by another instance");
		}
	}

	private static Map<String, Set<Role>> accounts() {
		Map<String, Set<Role>> m = new LinkedHashMap<>();
		m.put("office", EnumSet.of(Role.UPLOADER, Role.VIEWER));
		m.put("viewer", EnumSet.of(Role.VIEWER));
		m.put("editor", EnumSet.of(Role.RULE_EDITOR, Role.VIEWER));
		m.put("approver", EnumSet.of(Role.APPROVER, Role.VIEWER));
		m.put("admin", EnumSet.of(Role.ADMIN));
		return m;
	}

}

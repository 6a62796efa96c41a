package org.kaohe.ruleset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.system.KaoheProperties;

/**
 * The rulesets in force at start: the {@code rules/} folder is picked up (stored, and put in force on a
 * first start or when it changed and may go live without approval), then every version the schedule in
 * the database uses is compiled and warmed up before the service takes requests. Rules that cannot go
 * live on a first start stop it with every problem listed: the service never serves rules it could
 * not check.
 */
@Configuration(proxyBeanMethods = false)
class RulesetConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RulesetConfiguration.class);

	@Bean
	RulesetChecks rulesetChecks(RuleEngine engine, KaoheProperties properties) {
		return new RulesetChecks(engine, properties.rules().scenarios());
	}

	@Bean
	ActiveRuleset activeRuleset(DirectoryPickup pickup, ActivationLog activations, CompiledRulesets compiled) {
		Clock clock = Clock.systemDefaultZone();
		LocalDate today = LocalDate.now(clock);
		pickup.pickUp("启动 / start", today);
		RulesetSchedule schedule = activations.schedule();
		Map<String, Ruleset> rulesets = compiled.forSchedule(schedule, Map.of());
		ActiveRuleset active = new ActiveRuleset(new ActiveRuleset.Snapshot(schedule, rulesets), clock);
		Ruleset now = active.current();
		log.info("规则集已加载 / ruleset in force: {} ({} rules); versions in use {}", now.version(), now.rules().size(),
				schedule.versionsInUse());
		return active;
	}

}

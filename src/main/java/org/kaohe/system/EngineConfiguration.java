package org.kaohe.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.kaohe.engine.EngineLimits;
import org.kaohe.engine.RuleEngine;

/**
 * The engine. The rulesets it evaluates with are the ruleset module's ({@code org.kaohe.ruleset}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KaoheProperties.class)
class EngineConfiguration {

	@Bean(destroyMethod = "close")
	RuleEngine ruleEngine(KaoheProperties properties) {
		KaoheProperties.Engine e = properties.engine();
		int parallelism = (e.parallelism() > 0) ? e.parallelism() : Runtime.getRuntime().availableProcessors();
		return new RuleEngine(new EngineLimits(e.firingsPerFact(), e.minFirings(), e.timeLimit(), parallelism));
	}

}

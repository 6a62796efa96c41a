package org.kaohe.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request body limit ({@code kaohe.limits.max-body-bytes}) as a servlet filter on every path. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class RequestLimitsConfiguration {

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestLimits limits) {
		RequestSizeFilter filter = new RequestSizeFilter(limits);
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(filter.getOrder());
		return registration;
	}

}

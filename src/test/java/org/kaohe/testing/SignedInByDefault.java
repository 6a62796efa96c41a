package org.kaohe.testing;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.testSecurityContext;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every MockMvc request of the tests acts as {@link TestActors#office()} unless it names someone else
 * with {@code .with(TestActors.as(…))} (applied after this default) or {@code .with(anonymous())}. A
 * test-only bean (component scan finds it on the test class path), so the tests of features other than
 * security need not repeat who signs in; the security tests check the real sign-in over HTTP.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SignedInByDefault implements MockMvcBuilderCustomizer {

	@Override
	public void customize(ConfigurableMockMvcBuilder<?> builder) {
		// replaces Spring Boot's default request, which only carried testSecurityContext()
		builder.defaultRequest(get("/").with(testSecurityContext()).with(TestActors.office()));
	}

}

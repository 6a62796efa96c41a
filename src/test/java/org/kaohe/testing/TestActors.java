package org.kaohe.testing;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.kaohe.system.Role;

/**
 * The one way a MockMvc test acts as a named person with roles ({@code .with(TestActors.as("张三",
 * Role.APPROVER))}). Every test that cares who acts goes through here, so how people are signed in
 * (a request principal today, the security filter chain later) changes in this file only.
 */
public final class TestActors {

	private TestActors() {
	}

	/** Acts as {@code name} holding {@code roles}. */
	public static RequestPostProcessor as(String name, Role... roles) {
		return request -> {
			request.setUserPrincipal(() -> name);
			for (Role role : roles) {
				request.addUserRole(role.name());
			}
			return request;
		};
	}

}

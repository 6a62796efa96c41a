package org.kaohe.testing;

import java.util.Arrays;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.kaohe.system.Role;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * The one way a MockMvc test acts as a named person with roles ({@code .with(TestActors.as("张三",
 * Role.APPROVER))}): the request goes through the real security filter chain (role matrix, audit)
 * signed in as that account, as a bearer token would sign it in. Without it a MockMvc request acts as
 * {@link #OFFICE} ({@link SignedInByDefault}).
 */
public final class TestActors {

	/** Who a MockMvc request acts as unless it says otherwise: the office that uploads and reads. */
	public static final String OFFICE = "测试上报员";

	private TestActors() {
	}

	/** Acts as {@code name} holding {@code roles}. */
	public static RequestPostProcessor as(String name, Role... roles) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
				Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList()));
	}

	/** The default: {@link #OFFICE} with VIEWER and UPLOADER. */
	public static RequestPostProcessor office() {
		return as(OFFICE, Role.VIEWER, Role.UPLOADER);
	}

}

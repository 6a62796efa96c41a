package org.kaohe.system;

import java.net.URI;

/**
 * The stable {@code type} URIs of Kaohe's problem responses; clients switch on them, so they never
 * change once published.
 */
public final class ProblemTypes {

	private static final String BASE = "https://kaohe.org/problems/";

	public static final URI INVALID_FACTS = URI.create(BASE + "invalid-facts");

	public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");

	public static final URI INVALID_RULES = URI.create(BASE + "invalid-rules");

	public static final URI RULE_FAILURE = URI.create(BASE + "rule-failure");

	public static final URI RUNAWAY_RULES = URI.create(BASE + "runaway-rules");

	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	public static final URI CONFLICT = URI.create(BASE + "conflict");

	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	public static final URI INTERNAL = URI.create(BASE + "internal-error");

	/** The same {@code Idempotency-Key} was sent with different content. */
	public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");

	/** A ruleset version that is not (or no longer) available. */
	public static final URI UNKNOWN_RULESET_VERSION = URI.create(BASE + "unknown-ruleset-version");

	/** The request is understood but the stored state does not allow it (no facts for the period …). */
	public static final URI NOT_EVALUABLE = URI.create(BASE + "not-evaluable");

	/** The request's media type is not one the endpoint takes. */
	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");

	/** The actor may not do this (a reviewer deciding their own appeal, a decision without the approver role). */
	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	/** A notice cannot be rendered as PDF because the fonts it embeds are not installed. */
	public static final URI FONTS_MISSING = URI.create(BASE + "fonts-missing");

	/** An uploaded ruleset archive or file set that is unsafe or unreadable (path traversal, zip bomb, not UTF-8 …). */
	public static final URI INVALID_RULE_ARCHIVE = URI.create(BASE + "invalid-rule-archive");

	/** A ruleset version that failed its checks, or whose scenarios fail and no one forced it, cannot go live. */
	public static final URI RULESET_NOT_ACTIVATABLE = URI.create(BASE + "ruleset-not-activatable");

	/** The two-person rule: whoever stored a version may not activate it. */
	public static final URI TWO_PERSON_RULE = URI.create(BASE + "two-person-rule");

	/** The action needs a role the actor does not hold (e.g. APPROVER to activate). */
	public static final URI ROLE_REQUIRED = URI.create(BASE + "role-required");

	/** The path exists but not with this HTTP method. */
	public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");

	/** None of the media types the client accepts can be produced. */
	public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");

	/** No credentials, or a bearer token that is unknown, expired or revoked, or a wrong user name or password. */
	public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	/** Too many failed sign-ins of one user name or from one address; try again later. */
	public static final URI TOO_MANY_ATTEMPTS = URI.create(BASE + "too-many-attempts");

	private ProblemTypes() {
	}

}

package org.kaohe.security;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar kaohe.jar admin …} against a database of its own (an empty in-memory H2 database
 * that the command migrates), without the web server: the first administrator, a token for the OA
 * system, refusals, and the audit trail of each.
 */
class AdminCommandTests {

	private final String url = "jdbc:h2:mem:kaohe-admin-" + UUID.randomUUID()
			+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	record Run(int exit, String out, String err) {
	}

	private Run admin(String stdin, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String[] all = new String[args.length + 2];
		all[0] = "admin";
		System.arraycopy(args, 0, all, 1, args.length);
		all[all.length - 1] = "--spring.datasource.url=" + this.url;
		int exit = new AdminCommand(new BufferedReader(new StringReader(stdin)), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)).run(all);
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void createsTheFirstAdministratorOnAnEmptyDatabaseAndIssuesATokenStoredOnlyAsItsHash() throws SQLException {
		Run created = admin("correct-horse-battery\n", "create-user", "root-admin", "--roles", "ADMIN");
		Run issued = admin("", "issue-token", "oa-system", "--roles", "UPLOADER,VIEWER", "--days", "30", "--create-system-account",
				"--description", "OA 接口");
		Run listed = admin("", "list-users");

		assertThat(created.exit()).as(created.err()).isZero();
		assertThat(issued.exit()).as(issued.err()).isZero();
		String token = issued.out().strip();
		assertThat(token).startsWith("kh_").hasSizeGreaterThan(40).doesNotContain("\n");
		assertThat(listed.out()).contains("root-admin\tPERSON\tADMIN\tenabled", "oa-system\tSYSTEM\tVIEWER,UPLOADER\tenabled");
		try (Connection c = DriverManager.getConnection(this.url, "sa", "")) {
			assertThat(single(c, "SELECT password_hash FROM app_user WHERE username = 'root-admin'")).startsWith("$2a$10$")
				.doesNotContain("correct-horse-battery");
			assertThat(single(c, "SELECT token_hash FROM api_token WHERE username = 'oa-system'")).isEqualTo(TokenHashes.sha256(token));
			assertThat(single(c, "SELECT COUNT(*) FROM api_token WHERE token_hash LIKE 'kh_%'")).isEqualTo("0");
			assertThat(single(c, "SELECT COUNT(*) FROM audit_log WHERE actor = 'cli' AND method = 'CLI' AND status = 200")).isEqualTo("2");
		}
	}

	@Test
	void refusesAShortPasswordAnUnknownRoleAndATokenBeyondTheAccountsRolesAndAuditsTheRefusals() throws SQLException {
		Run shortPassword = admin("short\n", "create-user", "root-admin", "--roles", "ADMIN");
		Run unknownRole = admin("correct-horse-battery\n", "create-user", "root-admin", "--roles", "SUPERUSER");
		admin("correct-horse-battery\n", "create-user", "editor-li", "--roles", "RULE_EDITOR");
		Run beyond = admin("", "issue-token", "editor-li", "--roles", "APPROVER");
		Run unknownCommand = admin("", "drop-everything");

		assertThat(shortPassword.exit()).isEqualTo(2);
		assertThat(shortPassword.err()).contains("密码须至少 10 个字符");
		assertThat(unknownRole.exit()).isEqualTo(2);
		assertThat(unknownRole.err()).contains("SUPERUSER");
		assertThat(beyond.exit()).isEqualTo(2);
		assertThat(beyond.out()).isEmpty();
		assertThat(unknownCommand.exit()).isEqualTo(2);
		try (Connection c = DriverManager.getConnection(this.url, "sa", "")) {
			assertThat(single(c, "SELECT COUNT(*) FROM app_user")).isEqualTo("1");
			assertThat(single(c, "SELECT COUNT(*) FROM api_token")).isEqualTo("0");
			assertThat(single(c, "SELECT COUNT(*) FROM audit_log WHERE actor = 'cli' AND status = 400")).isEqualTo("4");
		}
	}

	private static String single(Connection c, String sql) throws SQLException {
		try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}

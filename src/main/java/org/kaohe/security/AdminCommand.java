package org.kaohe.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import org.kaohe.system.Actor;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.NotFoundException;
import org.kaohe.system.Paging;
import org.kaohe.system.ProblemException;
import org.kaohe.system.Role;

/**
 * {@code java -jar kaohe.jar admin …}: the first administrator and API tokens from the command line,
 * on the configured database (the same {@code --spring.profiles.active=postgres} and
 * {@code KAOHE_DB_*} variables as the service), without the web server. It migrates the database
 * first, so it works on an empty one. Passwords are read from standard input, never from the command
 * line (which other users of the machine can see). A token is printed alone on standard output, so a
 * script can capture it; everything else goes to standard error. Every command is audited as "cli".
 */
public final class AdminCommand {

	private static final String USAGE = """
			用法 / usage:
			  java -jar kaohe.jar admin create-user NAME --roles ROLE[,ROLE…] [--system]
			      创建用户；密码从标准输入读取（--system：无密码的系统账号，只用令牌）
			      creates an account; the password is read from standard input (--system: no password, tokens only)
			  java -jar kaohe.jar admin reset-password NAME        新密码从标准输入读取 / new password from standard input
			  java -jar kaohe.jar admin issue-token NAME [--roles ROLE,…] [--days N] [--description TEXT] [--create-system-account]
			      签发 API 令牌，令牌单独一行输出 / issues an API token, printed alone on standard output
			  java -jar kaohe.jar admin revoke-token TOKEN_ID
			  java -jar kaohe.jar admin list-users
			  数据库选项同服务 / database options as for the service: --spring.profiles.active=postgres, KAOHE_DB_URL …
			角色 / roles: VIEWER, UPLOADER, RULE_EDITOR, APPROVER, ADMIN
			退出码 / exit codes: 0 正常 ok, 2 输入无效或被拒绝 invalid or refused""";

	private static final Actor CLI = new Actor("cli", Set.of(), null);

	private final BufferedReader in;

	private final PrintStream out;

	private final PrintStream err;

	public AdminCommand(BufferedReader in, PrintStream out, PrintStream err) {
		this.in = in;
		this.out = out;
		this.err = err;
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && args[0].equals("admin");
	}

	/** Runs {@code admin …} and returns the exit code. */
	public int run(String[] args) {
		List<String> spring = new ArrayList<>();
		List<String> own = new ArrayList<>();
		for (String a : Arrays.asList(args).subList(1, args.length)) {
			(a.startsWith("--spring.") || a.startsWith("--kaohe.") || a.startsWith("--logging.") ? spring : own).add(a);
		}
		if (own.isEmpty() || own.get(0).equals("help") || own.get(0).equals("--help")) {
			this.err.println(USAGE);
			return own.isEmpty() ? 2 : 0;
		}
		// standard output carries the token alone: whatever libraries print there while the context runs
		// (log lines, notices) goes to standard error; this.out does not go through System.out
		PrintStream stdout = System.out;
		System.setOut(System.err);
		try (ConfigurableApplicationContext context = context(spring)) {
			return execute(own, context);
		}
		finally {
			System.setOut(stdout);
		}
	}

	private int execute(List<String> args, ConfigurableApplicationContext context) {
		Accounts accounts = context.getBean(Accounts.class);
		Tokens tokens = context.getBean(Tokens.class);
		AuditLog audit = context.getBean(AuditLog.class);
		String command = args.get(0);
		String what = "admin " + String.join(" ", args);
		try {
			Options o = Options.parse(args.subList(1, args.size()));
			String detail = switch (command) {
				case "create-user" -> {
					String name = o.name();
					Set<Role> roles = RoleSets.required(o.list("--roles"));
					String password = o.flag("--system") ? null : readPassword("密码 / password for " + name + ": ");
					Account a = accounts.create(name, password, roles, CLI);
					this.err.println("已创建 / created " + a.kind() + " " + a.username() + " " + a.roles());
					yield "created " + a.username() + " " + RoleSets.format(a.roles());
				}
				case "reset-password" -> {
					Account a = accounts.resetPassword(o.name(), readPassword("新密码 / new password for " + o.name() + ": "), CLI);
					this.err.println("已修改密码 / password changed: " + a.username());
					yield "password of " + a.username();
				}
				case "issue-token" -> {
					String name = o.name();
					List<String> named = o.list("--roles");
					Set<Role> roles = named.isEmpty() ? Set.of() : RoleSets.required(named);
					if (o.flag("--create-system-account") && accounts.find(name).isEmpty()) {
						accounts.create(name, null, roles, CLI);
					}
					int days = o.integer("--days", 90);
					IssuedToken t = tokens.issue(name, roles, Duration.ofDays(days), o.value("--description"), CLI);
					this.out.println(t.token());
					this.err.println("令牌仅显示这一次 / the token is shown this once: id " + t.details().id() + ", " + t.details().username() + " "
							+ t.details().roles() + ", expires " + t.details().expiresAt());
					yield "token " + t.details().id() + " for " + name;
				}
				case "revoke-token" -> {
					ApiToken t = tokens.revoke(o.name(), CLI);
					this.err.println("已撤销 / revoked " + t.id() + " (" + t.username() + ")");
					yield "revoked " + t.id();
				}
				case "list-users" -> {
					for (Account a : accounts.list(Paging.of(0, Paging.MAX_SIZE)).content()) {
						this.out.println(a.username() + "\t" + a.kind() + "\t" + RoleSets.format(a.roles()) + "\t"
								+ (a.enabled() ? "enabled" : "disabled"));
					}
					yield null;
				}
				default -> throw new BadRequestException("未知命令 / unknown command: " + command);
			};
			if (!command.equals("list-users")) {
				audit.record(CLI, "CLI", what, detail, 200);
			}
			return 0;
		}
		catch (BadRequestException | NotFoundException | ProblemException ex) {
			int status = (ex instanceof ProblemException p) ? p.getStatus().value() : (ex instanceof NotFoundException) ? 404 : 400;
			audit.record(CLI, "CLI", what, ex.getMessage(), status);
			this.err.println(ex.getMessage());
			if (ex instanceof BadRequestException && ex.getMessage().startsWith("未知")) {
				this.err.println(USAGE);
			}
			return 2;
		}
	}

	private String readPassword(String prompt) {
		this.err.print(prompt);
		this.err.flush();
		try {
			String line = this.in.readLine();
			if (line == null || line.isEmpty()) {
				throw new BadRequestException("标准输入中没有密码 / no password on standard input");
			}
			return line;
		}
		catch (IOException ex) {
			throw new BadRequestException("无法读取密码 / cannot read the password: " + ex.getMessage());
		}
	}

	private static ConfigurableApplicationContext context(List<String> springArgs) {
		return new SpringApplicationBuilder(Context.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// standard output carries the token: only errors are logged
			.properties(Map.of("logging.level.root", "ERROR", "logging.level.org.kaohe", "WARN"))
			.run(springArgs.toArray(String[]::new));
	}

	/**
	 * The database, its migrations and the account services; nothing of the web service. Not a
	 * {@code @Configuration}, so the service's component scan does not pick it up.
	 */
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
			DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class })
	@Import({ PasswordConfiguration.class, AccountRepository.class, TokenRepository.class, Accounts.class, Tokens.class, AuditLog.class })
	static class Context {

	}

	/** {@code NAME [--option value …] [--flag]}. */
	private record Options(List<String> positional, Map<String, String> values) {

		private static final Set<String> FLAGS = Set.of("--system", "--create-system-account");

		static Options parse(List<String> args) {
			List<String> positional = new ArrayList<>();
			Map<String, String> values = new java.util.HashMap<>();
			for (int i = 0; i < args.size(); i++) {
				String a = args.get(i);
				if (FLAGS.contains(a)) {
					values.put(a, "true");
				}
				else if (a.startsWith("--") && a.contains("=")) {
					values.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
				}
				else if (a.startsWith("--")) {
					if (i + 1 >= args.size()) {
						throw new BadRequestException(a + " 缺少取值 / " + a + " needs a value");
					}
					values.put(a, args.get(++i));
				}
				else {
					positional.add(a);
				}
			}
			return new Options(positional, values);
		}

		String name() {
			if (this.positional.size() != 1) {
				throw new BadRequestException("须给出一个名称 / exactly one name is required");
			}
			return this.positional.get(0);
		}

		boolean flag(String name) {
			return this.values.containsKey(name);
		}

		String value(String name) {
			return this.values.get(name);
		}

		List<String> list(String name) {
			String v = this.values.get(name);
			return (v == null || v.isBlank()) ? List.of() : Arrays.stream(v.split(",")).map(String::strip).toList();
		}

		int integer(String name, int fallback) {
			String v = this.values.get(name);
			try {
				return (v != null) ? Integer.parseInt(v) : fallback;
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException(name + " 须为整数 / " + name + " must be a whole number: " + v);
			}
		}

	}

}

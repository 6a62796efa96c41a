package org.kaohe;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import org.kaohe.cli.KaoheCli;
import org.kaohe.security.AdminCommand;

/**
 * One jar, four commands: {@code evaluate} and {@code test-rules} run in memory without Spring;
 * {@code admin} manages accounts and tokens on the database without the web server; {@code serve}
 * (the default) starts the service.
 */
@SpringBootApplication
public class KaoheApplication {

	public static void main(String[] args) {
		if (KaoheCli.handles(args)) {
			// the report is Chinese: write UTF-8 whatever the platform's default encoding
			java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
					java.nio.charset.StandardCharsets.UTF_8);
			java.io.PrintStream err = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
					java.nio.charset.StandardCharsets.UTF_8);
			System.exit(new KaoheCli(out, err).run(args));
		}
		if (AdminCommand.handles(args)) {
			java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
					java.nio.charset.StandardCharsets.UTF_8);
			java.io.PrintStream err = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
					java.nio.charset.StandardCharsets.UTF_8);
			java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
					java.nio.charset.StandardCharsets.UTF_8));
			System.exit(new AdminCommand(in, out, err).run(args));
		}
		String[] rest = (args.length > 0 && args[0].equals("serve")) ? Arrays.copyOfRange(args, 1, args.length) : args;
		SpringApplication.run(KaoheApplication.class, rest);
	}

}

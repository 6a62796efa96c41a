package org.kaohe;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import org.kaohe.cli.KaoheCli;

/**
 * One jar, three commands: {@code evaluate} and {@code test-rules} run in memory without Spring;
 * {@code serve} (the default) starts the service.
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
		String[] rest = (args.length > 0 && args[0].equals("serve")) ? Arrays.copyOfRange(args, 1, args.length) : args;
		SpringApplication.run(KaoheApplication.class, rest);
	}

}

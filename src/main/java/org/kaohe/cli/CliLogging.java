package org.kaohe.cli;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;

/**
 * Keeps standard output clean for the command line: {@code --format json} must be parseable, so log
 * lines go to standard error, and only warnings from Kaohe and errors from libraries.
 */
final class CliLogging {

	private CliLogging() {
	}

	static void configure() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		context.reset();
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%level %logger{20} - %msg%n");
		encoder.start();
		ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ConsoleAppender<>();
		appender.setContext(context);
		appender.setTarget("System.err");
		appender.setEncoder(encoder);
		appender.start();
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.addAppender(appender);
		root.setLevel(Level.ERROR);
		context.getLogger("org.kaohe").setLevel(Level.WARN);
	}

}

/**
 * The command line of the same jar (SPEC §8): {@code evaluate} fact documents in memory,
 * {@code test-rules} to run the scenarios, {@code serve} (the default) to start the service. Runs
 * without starting Spring.
 */
package org.kaohe.cli;

/**
 * The evaluation use case: run a period with its history through the engine, in memory (CLI,
 * stateless REST, scenarios) or from the database (stored runs).
 */
package org.kaohe.evaluation;

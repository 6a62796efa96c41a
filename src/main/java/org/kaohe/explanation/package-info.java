/**
 * Why an outcome happened and why one did not: the explanation of a stored outcome (rule, clause text,
 * facts and thresholds compared, history chain, parameter values in force, provenance) as JSON and as a
 * Chinese paragraph whose every figure is cited; and "why not", which re-runs a subject's territory
 * with one threshold moved at a time to find the rules it narrowly escaped.
 */
package org.kaohe.explanation;

/**
 * Ranks per period, indicator and ranking group, computed from measurements (competition ranking:
 * ties share a rank) with official ranks from the document taking precedence. Plain Java: the REST
 * rankings view and the engine use the same calculation.
 */
package org.kaohe.ranking;

/**
 * Appeals and overrides (申诉/复核): an assessed unit appeals a stored outcome, a reviewer upholds,
 * amends or revokes it. The machine outcome is never overwritten; decisions are appended and the
 * effective outcome (machine outcome with the latest decision applied) is computed from them, so
 * notices and histories can show both. A re-evaluation of the period links its new outcome to the
 * appealed one.
 */
package org.kaohe.appeal;

/**
 * The vocabulary rule files import: one class per table of the fact document (SPEC §4), the
 * subject types, periods and the derived facts the engine adds (ranks, context, prior outcomes).
 *
 * <p>DRL reads these classes through their bean getters, so renaming a getter breaks rules; run the
 * rule tests after any change here. No Spring, no Drools: this package must stay plain Java.
 */
package org.kaohe.facts;

/**
 * The rule files as data, without Drools: the set of files and its version hash, the parameter file
 * with its dated versions, the site checklist profiles, and the problems found in them.
 *
 * <p>{@link org.kaohe.rules.Parameters} is part of the vocabulary rule files import (the
 * {@code params} global).
 */
package org.kaohe.rules;

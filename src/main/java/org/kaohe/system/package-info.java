/** Configuration and cross-cutting wiring only: beans, properties, error responses. */
package org.kaohe.system;

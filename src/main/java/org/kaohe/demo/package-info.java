/**
 * The demo city on first start: with an empty database the service uploads and evaluates the period
 * documents of {@code fixtures/demo-city}, so a newcomer sees rankings and outcomes at once.
 */
package org.kaohe.demo;

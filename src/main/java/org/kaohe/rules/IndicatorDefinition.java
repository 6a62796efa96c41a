package org.kaohe.rules;

/**
 * An indicator measured and ranked: its Chinese label, unit and which direction is better.
 *
 * @param code the code used in measurements ({@code PM25})
 * @param label Chinese name for reasons ({@code PM2.5})
 * @param unit unit of the value ({@code µg/m³}), may be empty
 * @param lowerIsBetter whether a lower value ranks better (concentrations) or a higher one (good days)
 */
public record IndicatorDefinition(String code, String label, String unit, boolean lowerIsBetter) {
}

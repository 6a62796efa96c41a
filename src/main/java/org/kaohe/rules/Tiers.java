package org.kaohe.rules;

import java.util.List;
import java.util.stream.Collectors;

import org.kaohe.facts.Narration;

/**
 * Piecewise rates over a quantity: with tiers {@code (upTo 5, rate 10), (open, rate 20)} an excess of
 * 7 gives 5×10 + 2×20 = 90. Used for the eco-compensation deduction (10万 per µg/m³ for the first 5,
 * 20万 beyond).
 */
public final class Tiers {

	private final List<Tier> tiers;

	Tiers(List<Tier> tiers) {
		this.tiers = List.copyOf(tiers);
	}

	public List<Tier> getTiers() {
		return this.tiers;
	}

	/** Σ rate × the part of {@code quantity} inside each tier; 0 for quantities ≤ 0. */
	public double apply(double quantity) {
		double total = 0;
		double lower = 0;
		for (Tier t : this.tiers) {
			if (quantity <= lower) {
				break;
			}
			double upper = (t.upTo() == null) ? quantity : Math.min(quantity, t.upTo());
			total += (upper - lower) * t.rate();
			lower = (t.upTo() == null) ? quantity : t.upTo();
		}
		return total;
	}

	/**
	 * The tiers in words, e.g. with unit "µg/m³" and rate unit "万元": "超出不超过5µg/m³的部分每µg/m³ 10万元，超出5µg/m³以上的部分每µg/m³ 20万元".
	 */
	public String describe(String unit, String rateUnit) {
		StringBuilder sb = new StringBuilder();
		double lower = 0;
		for (Tier t : this.tiers) {
			if (sb.length() > 0) {
				sb.append("，");
			}
			if (t.upTo() == null) {
				sb.append(lower == 0 ? "每" + unit : Narration.number(lower) + unit + "以上的部分每" + unit);
			}
			else {
				sb.append(lower == 0 ? "不超过" + Narration.number(t.upTo()) + unit + "的部分每" + unit
						: Narration.number(lower) + "至" + Narration.number(t.upTo()) + unit + "的部分每" + unit);
				lower = t.upTo();
			}
			sb.append(Narration.number(t.rate())).append(rateUnit);
		}
		return sb.toString();
	}

	@Override
	public String toString() {
		return this.tiers.stream().map(Tier::toString).collect(Collectors.joining(", ", "[", "]"));
	}

	/** A tier: applies up to {@code upTo} (null = no limit) at {@code rate} per unit. */
	public record Tier(Double upTo, double rate) {
	}

}

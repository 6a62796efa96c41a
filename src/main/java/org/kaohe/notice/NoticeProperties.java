package org.kaohe.notice;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices are headed and which fonts the PDF embeds ({@code kaohe.notice.*}).
 *
 * @param issuer the issuing office, printed as the signature and in the title. Defaults to
 * 市大气污染防治攻坚战领导小组办公室.
 * @param numberPrefix the office's abbreviation in the document number, printed as
 * {@code 攻坚办〔2026〕　号} with the number left blank for the registry to fill in. Defaults to 攻坚办.
 * @param fonts the TrueType fonts the PDF embeds
 */
@ConfigurationProperties("kaohe.notice")
public record NoticeProperties(@DefaultValue("市大气污染防治攻坚战领导小组办公室") String issuer,
		@DefaultValue("攻坚办") String numberPrefix, @DefaultValue Fonts fonts) {

	/**
	 * Font files for the PDF, each a TrueType file or a face of a TrueType collection written
	 * {@code path#PostScriptName}. CFF-based OpenType fonts (Noto CJK) are not used: PDFBox embeds
	 * TrueType outlines well, CFF ones poorly. The defaults are the Debian packages {@code .ci/run}
	 * installs: {@code fonts-wqy-zenhei} (黑体-like, titles and headings), {@code fonts-arphic-uming}
	 * (宋/明体, body), {@code fonts-arphic-ukai} (楷体, second-level headings), {@code fonts-dejavu-core}
	 * (Latin symbols the CJK fonts lack).
	 *
	 * @param hei titles and first-level headings. Defaults to {@code /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei}.
	 * @param song body text. Defaults to {@code /usr/share/fonts/truetype/arphic/uming.ttc#UMingCN}.
	 * @param kai second-level headings. Defaults to {@code /usr/share/fonts/truetype/arphic/ukai.ttc#UKaiCN}.
	 * @param fallback glyphs the others lack. Defaults to {@code /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}.
	 */
	public record Fonts(@DefaultValue("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei") String hei,
			@DefaultValue("/usr/share/fonts/truetype/arphic/uming.ttc#UMingCN") String song,
			@DefaultValue("/usr/share/fonts/truetype/arphic/ukai.ttc#UKaiCN") String kai,
			@DefaultValue("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") String fallback) {

		/** The file part of a font reference. */
		static Path file(String reference) {
			int hash = reference.indexOf('#');
			return Path.of((hash >= 0) ? reference.substring(0, hash) : reference);
		}

		/** The face name of a collection reference, or null for a single font file. */
		static String face(String reference) {
			int hash = reference.indexOf('#');
			return (hash >= 0) ? reference.substring(hash + 1) : null;
		}

	}

}

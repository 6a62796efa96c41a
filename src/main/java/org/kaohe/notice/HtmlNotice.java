package org.kaohe.notice;

import java.util.List;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The notice as HTML, from {@code notice/notice.html} (a Thymeleaf template that is itself a readable
 * sample notice). The output is well-formed XHTML, so the PDF renderer reads the same document.
 */
final class HtmlNotice {

	private static final TemplateEngine ENGINE = engine();

	private HtmlNotice() {
	}

	private static TemplateEngine engine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlNotice.class.getClassLoader());
		resolver.setPrefix("notice/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		TemplateEngine engine = new TemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	/**
	 * @param screen true for a browser (the page centred at the width of the type area), false for the
	 * PDF (the page is the paper)
	 */
	static String render(NoticeDocument notice, boolean screen) {
		int next = notice.sections().size() + 2;
		Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, Map.of("notice", notice, "screen", screen, "rankingsHeading",
				Notices.ordinal(next) + "、排名情况", "requirementsHeading", Notices.ordinal(next + 1) + "、有关要求", "ordinals",
				List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")));
		return ENGINE.process("notice", context);
	}

}

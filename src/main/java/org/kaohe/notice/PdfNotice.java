package org.kaohe.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.http.HttpStatus;

import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * The notice as PDF: the HTML laid out by openhtmltopdf with CSS paged media (A4, GB/T 9704 margins,
 * page numbers "— 1 —" right on odd pages and left on even ones), the CJK fonts embedded as TrueType
 * subsets so the file shows the same on any machine.
 */
final class PdfNotice {

	private PdfNotice() {
	}

	/**
	 * @throws ProblemException (503, {@link ProblemTypes#FONTS_MISSING}) when a configured font is not
	 * installed
	 */
	static byte[] render(NoticeDocument notice, NoticeProperties.Fonts fonts) {
		List<Face> faces = List.of(new Face(fonts.hei(), "WenQuanYi Zen Hei"), new Face(fonts.song(), "AR PL UMing CN"),
				new Face(fonts.kai(), "AR PL UKai CN"), new Face(fonts.fallback(), "DejaVu Sans"));
		List<String> missing = faces.stream().map(Face::reference).filter(r -> !Files.isRegularFile(NoticeProperties.Fonts.file(r))).toList();
		if (!missing.isEmpty()) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.FONTS_MISSING, "缺少PDF字体 / Fonts missing",
					"生成PDF所需的字体未安装：" + missing + "（Debian：apt-get install fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai "
							+ "fonts-dejavu-core；或设置 kaohe.notice.fonts.*）/ the fonts the PDF embeds are not installed: " + missing);
		}
		String html = HtmlNotice.render(notice, false);
		List<AutoCloseable> open = new ArrayList<>();
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(notice.title());
			info.setAuthor(notice.issuer());
			info.setSubject(notice.documentNumber());
			info.setKeywords("run " + notice.runId() + "; " + notice.rulesetVersion());
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(document);
			for (Face face : faces) {
				TrueTypeFont ttf = load(face.reference(), open);
				builder.useFont(new PDFontSupplier(PDType0Font.load(document, ttf, true)), face.family(), 400,
						BaseRendererBuilder.FontStyle.NORMAL, true);
			}
			builder.withHtmlContent(html, null);
			builder.withProducer("Kaohe");
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (AutoCloseable c : open) {
				try {
					c.close();
				}
				catch (Exception ex) {
					// nothing to do: the document is written
				}
			}
		}
	}

	/** A TrueType font or a face of a collection; what it opened is closed after the document is saved. */
	private static TrueTypeFont load(String reference, List<AutoCloseable> open) throws IOException {
		Path file = NoticeProperties.Fonts.file(reference);
		String face = NoticeProperties.Fonts.face(reference);
		if (face == null) {
			TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
			open.add(ttf);
			return ttf;
		}
		TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
		open.add(collection);
		TrueTypeFont ttf = collection.getFontByName(face);
		if (ttf == null) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.FONTS_MISSING, "缺少PDF字体 / Fonts missing",
					"字体集 " + file + " 中没有 " + face + " / the collection " + file + " has no face " + face);
		}
		return ttf;
	}

	private record Face(String reference, String family) {
	}

}

package org.kaohe.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a rendered document really shows: its PDF's text lines with where they sit, the glyphs drawn
 * with the .notdef glyph (tofu) or with fonts not embedded, page images read back by OCR (Debian
 * {@code tesseract-ocr} with {@code tesseract-ocr-chi-sim}), and DOCX converted to PDF by LibreOffice
 * ({@code libreoffice-writer-nogui}). The tools are real processes; {@code .ci/run} installs them.
 */
public final class RenderedPages implements AutoCloseable {

	private final PDDocument document;

	private final PDFRenderer renderer;

	private RenderedPages(byte[] pdf) {
		try {
			this.document = Loader.loadPDF(pdf);
			this.renderer = new PDFRenderer(this.document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static RenderedPages of(byte[] pdf) {
		return new RenderedPages(pdf);
	}

	public int pages() {
		return this.document.getNumberOfPages();
	}

	/**
	 * A line of text on a page.
	 *
	 * @param page 0-based page
	 * @param text the line as extracted
	 * @param top top of the line in points from the page's top
	 * @param bottom bottom of the line in points from the page's top
	 */
	public record Line(int page, String text, float top, float bottom) {
	}

	/** Every line of text, page by page, top to bottom. */
	public List<Line> lines() {
		List<Line> lines = new ArrayList<>();
		try {
			PDFTextStripper stripper = new PDFTextStripper() {

				@Override
				protected void writeString(String text, List<TextPosition> positions) throws IOException {
					if (positions.isEmpty()) {
						return;
					}
					float top = Float.MAX_VALUE;
					float bottom = 0;
					for (TextPosition p : positions) {
						top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
						bottom = Math.max(bottom, p.getYDirAdj());
					}
					lines.add(new Line(getCurrentPageNo() - 1, text, top, bottom));
				}

			};
			stripper.setSortByPosition(true);
			stripper.getText(this.document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines;
	}

	/**
	 * Characters drawn with the .notdef glyph (a box: tofu) or with a font that is not embedded, as
	 * "page N: 'x' in Font" strings; empty when every glyph exists in an embedded font.
	 */
	public List<String> glyphProblems() {
		List<String> problems = new ArrayList<>();
		Map<PDFont, Set<Integer>> checked = new java.util.IdentityHashMap<>();
		try {
			PDFTextStripper stripper = new PDFTextStripper() {

				@Override
				protected void processTextPosition(TextPosition p) {
					PDFont font = p.getFont();
					String name = (font != null) ? font.getName() : "?";
					if (font == null || !font.isEmbedded()) {
						problems.add("page " + getCurrentPageNo() + ": '" + p.getUnicode() + "' in non-embedded font " + name);
						return;
					}
					if (font instanceof PDType0Font t0) {
						for (int code : p.getCharacterCodes()) {
							if (!checked.computeIfAbsent(font, f -> new java.util.HashSet<>()).add(code)) {
								continue;
							}
							try {
								if (t0.codeToGID(code) == 0) {
									problems.add("page " + getCurrentPageNo() + ": '" + p.getUnicode() + "' has no glyph in " + name);
								}
							}
							catch (IOException ex) {
								problems.add("page " + getCurrentPageNo() + ": '" + p.getUnicode() + "' unreadable in " + name);
							}
						}
					}
					super.processTextPosition(p);
				}

			};
			stripper.getText(this.document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return problems;
	}

	/** Names of the fonts used on the pages, with whether each is embedded ("UMingCN (embedded)"). */
	public Set<String> fonts() {
		Set<String> fonts = new LinkedHashSet<>();
		try {
			for (PDPage page : this.document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName n : resources.getFontNames()) {
					PDFont f = resources.getFont(n);
					fonts.add(f.getName() + (f.isEmbedded() ? " (embedded)" : " (not embedded)"));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return fonts;
	}

	/**
	 * Reads lines of the pages with tesseract (simplified Chinese, 300 dpi): their bands are cut from the
	 * rendered pages and stacked into one image, read in one run (loading the Chinese model once).
	 *
	 * @return the text lines tesseract read, whitespace removed, in order
	 */
	public List<String> read(List<Line> lines) {
		float dpi = 300;
		Map<Integer, BufferedImage> pages = new HashMap<>();
		List<BufferedImage> bands = new ArrayList<>();
		int width = 0;
		int height = 0;
		for (Line l : lines) {
			BufferedImage band = band(pages.computeIfAbsent(l.page(), p -> render(p, dpi)), l, dpi);
			bands.add(band);
			width = Math.max(width, band.getWidth());
			height += band.getHeight() + 60;
		}
		BufferedImage stack = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_BYTE_GRAY);
		var g = stack.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, stack.getWidth(), stack.getHeight());
		int y = 30;
		for (BufferedImage band : bands) {
			g.drawImage(band, 0, y, null);
			y += band.getHeight() + 60;
		}
		g.dispose();
		return tesseract(stack, "6").lines().map(t -> t.replaceAll("\\s+", "")).filter(t -> !t.isEmpty()).toList();
	}

	/** One line read on its own (as a single line, and as a block): the second chance for a noisy heading. */
	public List<String> readings(Line line) {
		float dpi = 300;
		BufferedImage band = band(render(line.page(), dpi), line, dpi);
		return List.of(tesseract(band, "7").replaceAll("\\s+", ""), tesseract(band, "6").replaceAll("\\s+", ""));
	}

	private static BufferedImage band(BufferedImage page, Line l, float dpi) {
		int y0 = Math.max(0, (int) ((l.top() - 6) * dpi / 72));
		int y1 = Math.min(page.getHeight(), (int) ((l.bottom() + 6) * dpi / 72));
		return page.getSubimage(0, y0, page.getWidth(), Math.max(1, y1 - y0));
	}

	private BufferedImage render(int page, float dpi) {
		try {
			return this.renderer.renderImageWithDPI(page, dpi, ImageType.GRAY);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String tesseract(BufferedImage image, String pageSegmentation) {
		try {
			Path png = Files.createTempFile("kaohe-ocr-", ".png");
			try {
				ImageIO.write(image, "png", png.toFile());
				return run(List.of("tesseract", png.toString(), "stdout", "-l", "chi_sim", "--psm", pageSegmentation), 120);
			}
			finally {
				Files.deleteIfExists(png);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How much of {@code expected} a reading shows, in order (longest common subsequence over the length
	 * of {@code expected}): 1 for a perfect reading, near 0 for boxes (tofu) or another text.
	 */
	public static double match(String expected, String reading) {
		int[][] lcs = new int[expected.length() + 1][reading.length() + 1];
		for (int i = 1; i <= expected.length(); i++) {
			for (int j = 1; j <= reading.length(); j++) {
				lcs[i][j] = (expected.charAt(i - 1) == reading.charAt(j - 1)) ? lcs[i - 1][j - 1] + 1
						: Math.max(lcs[i - 1][j], lcs[i][j - 1]);
			}
		}
		return expected.isEmpty() ? 1 : (double) lcs[expected.length()][reading.length()] / expected.length();
	}

	/** The page as an image, to look at when a test fails. */
	public void save(int page, Path png) {
		try {
			ImageIO.write(this.renderer.renderImageWithDPI(page, 100, ImageType.RGB), "png", png.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A DOCX converted to PDF by LibreOffice (headless, with a profile of its own). */
	public static byte[] docxToPdf(byte[] docx) {
		try {
			Path dir = Files.createTempDirectory("kaohe-docx-");
			try {
				Path in = dir.resolve("notice.docx");
				Files.write(in, docx);
				run(List.of("soffice", "--headless", "--norestore", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
						"--convert-to", "pdf", "--outdir", dir.toString(), in.toString()), 300);
				Path out = dir.resolve("notice.pdf");
				if (!Files.isRegularFile(out)) {
					throw new IllegalStateException("LibreOffice wrote no PDF for the DOCX");
				}
				return Files.readAllBytes(out);
			}
			finally {
				try (Stream<Path> all = Files.walk(dir)) {
					all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String run(List<String> command, int timeoutSeconds) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Thread reader = new Thread(() -> {
				try {
					p.getInputStream().transferTo(out);
				}
				catch (IOException ex) {
					// the process ended
				}
			});
			reader.start();
			String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
			}
			reader.join();
			if (p.exitValue() != 0) {
				throw new IllegalStateException(command.get(0) + " failed (" + p.exitValue() + "): " + errors);
			}
			return out.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(command.get(0) + " could not be started (is it installed? see .ci/run)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

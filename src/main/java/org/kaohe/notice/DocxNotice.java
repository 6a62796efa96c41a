package org.kaohe.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;

/**
 * The notice as DOCX (Apache POI), laid out as GB/T 9704 asks: A4 with margins 37/35/28/26 mm, 22 lines
 * of 28.95 pt, title 2号方正小标宋简体, first-level headings 3号黑体, second-level 3号楷体_GB2312, body 3号仿宋_GB2312,
 * tables 小四, page numbers 4号宋体 "— 1 —" right on odd pages and left on even ones.
 *
 * <p>The fonts named are those installed on government office machines; the font table gives each an
 * alternative Windows ships with (仿宋, 楷体, 黑体, 宋体) so Word substitutes sensibly elsewhere, and
 * LibreOffice falls back through fontconfig to an installed CJK font.
 */
final class DocxNotice {

	static final String TITLE = "方正小标宋简体";

	static final String HEI = "黑体";

	static final String KAI = "楷体_GB2312";

	static final String FANG = "仿宋_GB2312";

	static final String SONG = "宋体";

	/** 1 mm in twentieths of a point. */
	private static final double MM = 56.6929;

	/** 28.95 pt: 22 lines in the 225 mm type area. */
	private static final int LINE = 579;

	private static final String RED = "D00000";

	private DocxNotice() {
	}

	static byte[] render(NoticeDocument notice) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			page(doc);
			fontTable(doc);
			defaults(doc);
			footers(doc);

			XWPFParagraph red = paragraph(doc, ParagraphAlignment.CENTER, 0);
			run(red, notice.issuer(), TITLE, 22, RED);
			exact(red, 720);
			XWPFParagraph number = paragraph(doc, ParagraphAlignment.CENTER, 0);
			run(number, notice.documentNumber(), FANG, 16, null);
			number.setBorderBottom(Borders.SINGLE);
			red(number);
			XWPFParagraph gap = paragraph(doc, ParagraphAlignment.LEFT, 0);
			run(gap, "", FANG, 16, null);

			XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, 0);
			run(title, notice.title(), TITLE, 22, null);
			exact(title, 680);
			title.setSpacingAfter(LINE);

			body(doc, notice.addressee(), false);
			body(doc, notice.introduction(), true);
			heading(doc, "一、总体情况", HEI);
			notice.overview().forEach(p -> body(doc, p, true));
			for (NoticeDocument.Section s : notice.sections()) {
				heading(doc, s.heading(), HEI);
				body(doc, s.summary(), true);
				for (NoticeDocument.RuleGroup g : s.groups()) {
					heading(doc, g.heading(), KAI);
					XWPFParagraph basis = paragraph(doc, ParagraphAlignment.BOTH, 640);
					run(basis, "依据：" + g.basis(), FANG, 14, null);
					exact(basis, 480);
					entries(doc, g.entries());
				}
			}
			int next = notice.sections().size() + 2;
			heading(doc, Notices.ordinal(next) + "、排名情况", HEI);
			if (notice.rankings().isEmpty()) {
				body(doc, "本期无排名。", true);
			}
			for (NoticeDocument.RankTable t : notice.rankings()) {
				heading(doc, t.title(), KAI);
				table(doc, t.columns(), t.rows(), null);
			}
			heading(doc, Notices.ordinal(next + 1) + "、有关要求", HEI);
			for (int i = 0; i < notice.requirements().size(); i++) {
				body(doc, "（" + Notices.ordinal(i + 1) + "）" + notice.requirements().get(i), true);
			}
			body(doc, "", false);
			signature(doc, notice.issuer());
			signature(doc, notice.date());
			XWPFParagraph provenance = paragraph(doc, ParagraphAlignment.LEFT, 0);
			run(provenance, "评估运行 " + notice.runId() + "；规则集版本 " + notice.rulesetVersion() + "；事实哈希 " + notice.factsHash(), FANG,
					10.5, "444444");
			exact(provenance, 320);

			doc.getProperties().getCoreProperties().setTitle(notice.title());
			doc.getProperties().getCoreProperties().setCreator(notice.issuer());
			doc.getProperties().getCoreProperties().setSubjectProperty(notice.documentNumber());
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void page(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
				: doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margin = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
		margin.setTop(BigInteger.valueOf(Math.round(37 * MM)));
		margin.setBottom(BigInteger.valueOf(Math.round(35 * MM)));
		margin.setLeft(BigInteger.valueOf(Math.round(28 * MM)));
		margin.setRight(BigInteger.valueOf(Math.round(26 * MM)));
		margin.setHeader(BigInteger.valueOf(Math.round(15 * MM)));
		margin.setFooter(BigInteger.valueOf(Math.round(28 * MM)));
		CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
		grid.setType(STDocGrid.LINES_AND_CHARS);
		grid.setLinePitch(BigInteger.valueOf(LINE));
	}

	/** Default run fonts: 仿宋_GB2312 for Chinese, Times New Roman for Latin and digits (runs set their size). */
	private static void defaults(XWPFDocument doc) {
		var fonts = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts.Factory.newInstance();
		fonts.setEastAsia(FANG);
		fonts.setAscii("Times New Roman");
		fonts.setHAnsi("Times New Roman");
		doc.createStyles().setDefaultFonts(fonts);
	}

	/**
	 * The font table: each government font with the alternative Word uses where it is not installed
	 * ({@code w:altName}), and the GB2312 character set so a substitute covers Chinese.
	 */
	private static void fontTable(XWPFDocument doc) {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
				+ font(TITLE, "小标宋", "script") + font(FANG, "仿宋", "modern") + font(KAI, "楷体", "modern") + font(HEI, "SimHei", "modern")
				+ font(SONG, "SimSun", "auto") + "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>"
				+ "<w:pitch w:val=\"variable\"/></w:font></w:fonts>";
		try {
			PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
			PackagePart part = doc.getPackage()
				.createPart(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
			try (OutputStream os = part.getOutputStream()) {
				os.write(xml.getBytes(StandardCharsets.UTF_8));
			}
			doc.getPackagePart()
				.addRelationship(name, TargetMode.INTERNAL,
						"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot write the DOCX font table", ex);
		}
	}

	private static String font(String name, String alternative, String family) {
		return "<w:font w:name=\"" + name + "\"><w:altName w:val=\"" + alternative + "\"/><w:charset w:val=\"86\"/>"
				+ "<w:family w:val=\"" + family + "\"/><w:pitch w:val=\"variable\"/></w:font>";
	}

	/** "— PAGE —" in 4号宋体: right on odd pages, left on even ones. */
	private static void footers(XWPFDocument doc) {
		footer(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
		footer(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
		doc.setEvenAndOddHeadings(true);
	}

	private static void footer(XWPFFooter footer, ParagraphAlignment alignment) {
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(alignment);
		if (alignment == ParagraphAlignment.RIGHT) {
			p.setIndentationRight(280);
		}
		else {
			p.setIndentationLeft(280);
		}
		run(p, "— ", SONG, 14, null);
		CTSimpleField page = p.getCTP().addNewFldSimple();
		page.setInstr("PAGE");
		var r = page.addNewR();
		var rpr = r.addNewRPr();
		var fonts = rpr.addNewRFonts();
		fonts.setAscii(SONG);
		fonts.setHAnsi(SONG);
		fonts.setEastAsia(SONG);
		rpr.addNewSz().setVal(BigInteger.valueOf(28));
		r.addNewT().setStringValue("1");
		run(p, " —", SONG, 14, null);
	}

	private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment, int firstLineIndent) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(alignment);
		if (firstLineIndent > 0) {
			p.setFirstLineIndent(firstLineIndent);
		}
		exact(p, LINE);
		p.setSpacingAfter(0);
		p.setSpacingBefore(0);
		return p;
	}

	/**
	 * Exact line spacing; a paragraph whose lines are not the grid's 28.95 pt leaves the grid, or each of its
	 * lines would take up whole grid lines (a 22 pt title line two of them).
	 */
	private static void exact(XWPFParagraph p, int twips) {
		p.setSpacingBetween(twips / 20.0, LineSpacingRule.EXACT);
		if (twips != LINE) {
			var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
			(ppr.isSetSnapToGrid() ? ppr.getSnapToGrid() : ppr.addNewSnapToGrid()).setVal("false");
		}
	}

	private static void red(XWPFParagraph p) {
		var border = p.getCTP().getPPr().getPBdr().getBottom();
		border.setColor(RED);
		border.setSz(BigInteger.valueOf(18));
	}

	private static XWPFRun run(XWPFParagraph p, String text, String font, double size, String color) {
		XWPFRun r = p.createRun();
		r.setText(text);
		r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
		r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
		r.setFontSize(size);
		if (color != null) {
			r.setColor(color);
		}
		return r;
	}

	private static void body(XWPFDocument doc, String text, boolean indent) {
		XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH, indent ? 640 : 0);
		run(p, text, FANG, 16, null);
	}

	private static void heading(XWPFDocument doc, String text, String font) {
		XWPFParagraph p = paragraph(doc, ParagraphAlignment.LEFT, 640);
		p.setKeepNext(true);
		run(p, text, font, 16, null);
	}

	private static void signature(XWPFDocument doc, String text) {
		XWPFParagraph p = paragraph(doc, ParagraphAlignment.RIGHT, 0);
		p.setIndentationRight(640);
		run(p, text, FANG, 16, null);
	}

	private static void entries(XWPFDocument doc, List<NoticeDocument.Entry> entries) {
		List<List<String>> rows = entries.stream()
			.map(e -> List.of(String.valueOf(e.number()), e.unit(), e.measure(),
					e.reason() + ((e.review() != null) ? "（" + e.review() + "）" : "")))
			.toList();
		table(doc, List.of("序号", "单位（个人）", "处理", "事由"), rows, new int[] { 700, 1900, 2100, 4100 });
	}

	private static void table(XWPFDocument doc, List<String> columns, List<List<String>> rows, int[] widths) {
		XWPFTable t = doc.createTable(rows.size() + 1, columns.size());
		t.setTableAlignment(TableRowAlign.CENTER);
		t.setWidth("100%");
		for (int r = 0; r <= rows.size(); r++) {
			XWPFTableRow row = t.getRow(r);
			if (r == 0) {
				row.setRepeatHeader(true);
			}
			List<String> cells = (r == 0) ? columns : rows.get(r - 1);
			for (int c = 0; c < columns.size(); c++) {
				XWPFTableCell cell = row.getCell(c);
				if (widths != null) {
					cell.setWidth(String.valueOf(widths[c]));
				}
				XWPFParagraph p = cell.getParagraphs().get(0);
				p.setAlignment((r == 0 || c == 0) ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
				exact(p, 360);
				p.setSpacingAfter(0);
				run(p, (c < cells.size()) ? cells.get(c) : "", (r == 0) ? HEI : FANG, 12, null);
			}
		}
		XWPFParagraph after = doc.createParagraph();
		after.setSpacingAfter(0);
		exact(after, 240);
	}

}

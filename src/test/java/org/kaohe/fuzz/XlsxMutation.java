package org.kaohe.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One change to an XLSX workbook: through POI, a cell given another type (text in a number column, a
 * huge or negative number, a boolean, a formula, an error, a date before 1900 or after 9999), a row or
 * sheet removed, a sheet renamed or added, a header cleared; or inside the zip, a part removed or
 * replaced by garbage. Sheet, row and cell are picked modulo their counts.
 */
public record XlsxMutation(Op op, int sheet, int row, int cell, String text, double number) {

	public enum Op {
		SET_TEXT, SET_NUMBER, SET_BOOLEAN, SET_FORMULA, SET_ERROR, CLEAR_CELL, REMOVE_ROW, REMOVE_SHEET, RENAME_SHEET,
		ADD_SHEET, CLEAR_HEADER, DROP_ZIP_PART, GARBLE_ZIP_PART
	}

	public static Arbitrary<XlsxMutation> any() {
		Arbitrary<Integer> index = Arbitraries.integers().between(0, 1_000);
		Arbitrary<String> text = Arbitraries.oneOf(JsonMutation.Values.text(),
				Arbitraries.of("1/0", "A1+", "SUM(A:A)", "NOW()", "INDIRECT(\"A\"&1)", "HYPERLINK(\"http://x\")", "subjects", "考核主体"));
		Arbitrary<Double> number = Arbitraries.oneOf(Arbitraries.of(1e308, -1e308, Double.NaN, Double.POSITIVE_INFINITY, -1.0,
				0.5, 2958466.0, -700000.0, 1e15, 45000.75), Arbitraries.doubles());
		return Combinators.combine(Arbitraries.of(Op.class), index, index, index, text, number).as(XlsxMutation::new);
	}

	public byte[] applyTo(byte[] xlsx) {
		if (this.op == Op.DROP_ZIP_PART || this.op == Op.GARBLE_ZIP_PART) {
			return changeZip(xlsx);
		}
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			changeWorkbook(wb);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			// an earlier mutation left bytes POI cannot open: they go out as they are
			return xlsx;
		}
	}

	private void changeWorkbook(XSSFWorkbook wb) {
		if (this.op == Op.ADD_SHEET) {
			Sheet s = wb.createSheet("extra" + this.sheet);
			s.createRow(0).createCell(0).setCellValue(this.text);
			return;
		}
		if (wb.getNumberOfSheets() == 0) {
			return;
		}
		int si = this.sheet % wb.getNumberOfSheets();
		Sheet s = wb.getSheetAt(si);
		switch (this.op) {
			case REMOVE_SHEET -> {
				wb.removeSheetAt(si);
				return;
			}
			case RENAME_SHEET -> {
				String name = this.text.replaceAll("[\\\\/?*\\[\\]:\\p{Cntrl}]", "").strip();
				if (!name.isEmpty() && name.length() <= 31 && wb.getSheet(name) == null) {
					wb.setSheetName(si, name);
				}
				return;
			}
			case CLEAR_HEADER -> {
				Row header = s.getRow(0);
				if (header != null && header.getLastCellNum() > 0) {
					Cell c = header.getCell(this.cell % header.getLastCellNum());
					if (c != null) {
						header.removeCell(c);
					}
				}
				return;
			}
			default -> {
			}
		}
		if (s.getLastRowNum() < 1) {
			return;
		}
		int ri = 1 + this.row % s.getLastRowNum();
		Row r = s.getRow(ri);
		if (r == null) {
			return;
		}
		if (this.op == Op.REMOVE_ROW) {
			s.removeRow(r);
			return;
		}
		int width = Math.max(1, r.getLastCellNum());
		int ci = this.cell % width;
		Cell c = (r.getCell(ci) != null) ? r.getCell(ci) : r.createCell(ci);
		switch (this.op) {
			case SET_TEXT -> c.setCellValue(this.text.length() > 32_767 ? this.text.substring(0, 32_767) : this.text);
			case SET_NUMBER -> c.setCellValue(this.number);
			case SET_BOOLEAN -> c.setCellValue(this.number > 0);
			case SET_FORMULA -> {
				try {
					c.setCellFormula(this.text);
				}
				catch (RuntimeException ex) {
					// not a formula POI can parse: leave the cell as it was
				}
			}
			case SET_ERROR -> c.setCellErrorValue(FormulaError.DIV0.getCode());
			case CLEAR_CELL -> r.removeCell(c);
			default -> {
			}
		}
	}

	private byte[] changeZip(byte[] xlsx) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream();
				ZipOutputStream zip = new ZipOutputStream(out)) {
			List<String> names = new ArrayList<>();
			List<byte[]> bodies = new ArrayList<>();
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				names.add(e.getName());
				bodies.add(in.readAllBytes());
			}
			int target = names.isEmpty() ? -1 : this.sheet % names.size();
			for (int i = 0; i < names.size(); i++) {
				if (i == target && this.op == Op.DROP_ZIP_PART) {
					continue;
				}
				zip.putNextEntry(new ZipEntry(names.get(i)));
				zip.write((i == target) ? ("<x>" + this.text).getBytes(java.nio.charset.StandardCharsets.UTF_8) : bodies.get(i));
				zip.closeEntry();
			}
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

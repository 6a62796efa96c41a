package org.kaohe.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.kaohe.ingest.CellText;
import org.kaohe.outcome.Outcome;

/**
 * A run's outcomes as a table for the office: CSV (UTF-8 with a byte-order mark, so Excel reads the
 * Chinese) or XLSX, with Chinese headers. Unit names and reasons come from uploads, so every text cell
 * is made inert for spreadsheet programs ({@link CellText}): the CSV gets a leading apostrophe, the
 * workbook writes text cells only, with Excel's own quote prefix on any that look like a formula.
 */
public final class OutcomeExport {

	private record ColumnDef(String header, Function<Outcome, Object> value) {
	}

	private static final List<ColumnDef> COLUMNS = List.of(new ColumnDef("结论编号", Outcome::getId),
			new ColumnDef("期间", o -> String.valueOf(o.getPeriod())), new ColumnDef("单位编号", o -> o.getSubject().getId()),
			new ColumnDef("单位名称", o -> o.getSubject().getName()),
			new ColumnDef("单位类型", o -> o.getSubject().getType().getLabel()), new ColumnDef("结论种类", o -> o.getKind().getLabel()),
			new ColumnDef("措施", Outcome::getMeasureLabel), new ColumnDef("金额（元）", Outcome::getAmountYuan),
			new ColumnDef("罚款下限（元）", o -> (o.getFineRangeYuan() != null) ? o.getFineRangeYuan().minYuan() : null),
			new ColumnDef("罚款上限（元）", o -> (o.getFineRangeYuan() != null) ? o.getFineRangeYuan().maxYuan() : null),
			new ColumnDef("天数", Outcome::getDurationDays), new ColumnDef("规则", Outcome::getRuleId),
			new ColumnDef("规则名称", Outcome::getRuleName), new ColumnDef("理由", Outcome::getReason),
			new ColumnDef("依据", Outcome::getBasis), new ColumnDef("规则集版本", Outcome::getRulesetVersion));

	private OutcomeExport() {
	}

	public static byte[] csv(List<Outcome> outcomes) {
		StringWriter text = new StringWriter();
		text.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
			printer.printRecord(COLUMNS.stream().map(ColumnDef::header).toList());
			for (Outcome o : outcomes) {
				List<String> cells = new ArrayList<>(COLUMNS.size());
				for (ColumnDef c : COLUMNS) {
					Object v = c.value().apply(o);
					cells.add((v == null) ? "" : (v instanceof Number) ? v.toString() : CellText.neutralise(v.toString()));
				}
				printer.printRecord(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] xlsx(List<Outcome> outcomes) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			Sheet sheet = wb.createSheet("结论");
			CellStyle header = wb.createCellStyle();
			Font bold = wb.createFont();
			bold.setBold(true);
			header.setFont(bold);
			CellStyle quoted = wb.createCellStyle();
			quoted.setQuotePrefixed(true);
			Row top = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				Cell cell = top.createCell(i);
				cell.setCellValue(COLUMNS.get(i).header());
				cell.setCellStyle(header);
			}
			int r = 1;
			for (Outcome o : outcomes) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < COLUMNS.size(); i++) {
					Object v = COLUMNS.get(i).value().apply(o);
					if (v == null) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else {
						// a string cell is never a formula; the quote prefix keeps it text when edited
						cell.setCellValue(v.toString());
						if (CellText.isRisky(v.toString())) {
							cell.setCellStyle(quoted);
						}
					}
				}
			}
			sheet.createFreezePane(0, 1);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			wb.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

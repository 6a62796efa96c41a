package org.kaohe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.kaohe.ingest.Column;
import org.kaohe.ingest.ColumnType;
import org.kaohe.ingest.FactSchema;
import org.kaohe.ingest.FactTable;

/**
 * Writes a fact document as the office would upload it: an XLSX workbook (one sheet per table, typed
 * cells, real Excel dates) or CSV files (one per table, in a given encoding, the way Chinese Excel
 * writes booleans and dates when asked).
 */
public final class SpreadsheetFixture {

	/** The seven-item checklist in force by default, with its Chinese item names. */
	public static final Map<String, String> ITEMS = new LinkedHashMap<>();

	static {
		ITEMS.put("FENCING", "周边围挡");
		ITEMS.put("MATERIAL_COVER", "物料堆放覆盖");
		ITEMS.put("VEHICLE_WASH", "出入车辆冲洗");
		ITEMS.put("GROUND_HARDEN", "场内道路硬化");
		ITEMS.put("WET_OPERATION", "土方开挖（拆迁）湿法作业");
		ITEMS.put("SEALED_TRANSPORT", "渣土车辆密闭运输");
		ITEMS.put("MONITORING", "扬尘在线监测和视频监控联网");
	}

	/** How header cells are written. */
	public enum Headers {

		/** {@code 完成量 / done}, as the template. */
		TEMPLATE,

		/** {@code done}. */
		ENGLISH,

		/** {@code 完成量}. */
		CHINESE

	}

	private SpreadsheetFixture() {
	}

	/** The tables of the document that have rows, with their columns. */
	private static List<FactTable> tables(JsonNode doc) {
		return FactSchema.tables().stream().filter(t -> doc.has(t.name()) && doc.get(t.name()).size() > 0).toList();
	}

	/** Columns of a table: the checklist becomes one column per item. */
	private static List<String[]> columns(FactTable table, Headers headers) {
		List<String[]> columns = new ArrayList<>();
		for (Column c : table.columns()) {
			if (c.type() == ColumnType.CHECKLIST) {
				ITEMS.forEach((code, label) -> columns.add(new String[] { "items." + code, switch (headers) {
					case TEMPLATE -> label + " / items." + code;
					case ENGLISH -> "items." + code;
					case CHINESE -> label;
				} }));
				continue;
			}
			columns.add(new String[] { c.name(), switch (headers) {
				case TEMPLATE -> c.label() + " / " + c.name();
				case ENGLISH -> c.name();
				case CHINESE -> c.label();
			} });
		}
		return columns;
	}

	private static JsonNode value(JsonNode row, String field) {
		if (field.startsWith("items.")) {
			return row.path("items").get(field.substring(6));
		}
		return row.get(field);
	}

	/** The document as an XLSX workbook; dates and date-times become Excel date cells. */
	public static byte[] xlsx(JsonNode doc, Headers headers) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
			CellStyle dateTime = wb.createCellStyle();
			dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm"));
			for (FactTable t : tables(doc)) {
				Sheet sheet = wb.createSheet(t.name());
				List<String[]> columns = columns(t, headers);
				Row header = sheet.createRow(0);
				for (int i = 0; i < columns.size(); i++) {
					header.createCell(i).setCellValue(columns.get(i)[1]);
				}
				int r = 1;
				for (JsonNode row : doc.get(t.name())) {
					Row xr = sheet.createRow(r++);
					for (int i = 0; i < columns.size(); i++) {
						JsonNode v = value(row, columns.get(i)[0]);
						if (v == null || v.isNull()) {
							continue;
						}
						Cell cell = xr.createCell(i);
						ColumnType type = columns.get(i)[0].startsWith("items.") ? ColumnType.BOOLEAN
								: t.column(columns.get(i)[0]).orElseThrow().type();
						if (v.isBoolean()) {
							cell.setCellValue(v.booleanValue());
						}
						else if (v.isNumber()) {
							cell.setCellValue(v.doubleValue());
						}
						else if (type == ColumnType.DATE) {
							cell.setCellValue(LocalDate.parse(v.textValue()));
							cell.setCellStyle(date);
						}
						else if (type == ColumnType.DATETIME) {
							cell.setCellValue(LocalDateTime.parse(v.textValue()));
							cell.setCellStyle(dateTime);
						}
						else {
							cell.setCellValue(v.asText());
						}
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The document as CSV files named after the tables.
	 *
	 * @param chineseExcel write booleans as 是/否 and dates as 2026/8/31, as Chinese Excel does
	 * @param bom whether to start each file with a UTF-8 byte-order mark
	 */
	public static Map<String, byte[]> csv(JsonNode doc, Headers headers, Charset charset, boolean chineseExcel, boolean bom) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (FactTable t : tables(doc)) {
			List<String[]> columns = columns(t, headers);
			StringWriter text = new StringWriter();
			try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
				printer.printRecord(columns.stream().map(c -> c[1]).toList());
				for (JsonNode row : doc.get(t.name())) {
					List<String> cells = new ArrayList<>();
					for (String[] c : columns) {
						JsonNode v = value(row, c[0]);
						cells.add(cell(v, chineseExcel));
					}
					printer.printRecord(cells);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			byte[] body = text.toString().getBytes(charset);
			if (bom) {
				byte[] withBom = new byte[body.length + 3];
				withBom[0] = (byte) 0xEF;
				withBom[1] = (byte) 0xBB;
				withBom[2] = (byte) 0xBF;
				System.arraycopy(body, 0, withBom, 3, body.length);
				body = withBom;
			}
			files.put(t.name() + ".csv", body);
		}
		return files;
	}

	private static String cell(JsonNode v, boolean chineseExcel) {
		if (v == null || v.isNull()) {
			return "";
		}
		if (v.isBoolean()) {
			return chineseExcel ? (v.booleanValue() ? "是" : "否") : String.valueOf(v.booleanValue()).toUpperCase();
		}
		String s = v.asText();
		if (chineseExcel && s.matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2})?")) {
			LocalDate d = LocalDate.parse(s.substring(0, 10));
			String date = d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
			return (s.length() > 10) ? date + " " + Integer.parseInt(s.substring(11, 13)) + ":" + s.substring(14, 16) : date;
		}
		return s;
	}

}

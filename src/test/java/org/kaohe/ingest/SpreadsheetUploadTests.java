package org.kaohe.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kaohe.CityFixture;
import org.kaohe.SpreadsheetFixture;
import org.kaohe.SpreadsheetFixture.Headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SpreadsheetUploadTests {

	@TempDir
	Path dir;

	private final FactDocumentReader reader = new FactDocumentReader(UploadFiles.CONTEXTS);

	/** Documents compared as facts: a spreadsheet has no way to tell 30 from 30.0. */
	private JsonNode facts(JsonNode tree) {
		return FactJson.mapper().valueToTree(this.reader.readStored(tree));
	}

	@Test
	void workbookWithTemplateHeadersReadsAsTheDocument() {
		ObjectNode q3 = CityFixture.quarter("2026-Q3");
		UploadFile xlsx = UploadFiles.file(this.dir, "2026-Q3.xlsx", SpreadsheetFixture.xlsx(q3, Headers.TEMPLATE));

		ParsedUpload parsed = UploadFiles.read(List.of(xlsx), "2026-Q3");

		assertThat(parsed.problems(UploadFiles.CONTEXTS)).isEmpty();
		assertThat(parsed.format()).isEqualTo(UploadFormat.XLSX);
		assertThat(facts(parsed.tree())).isEqualTo(facts(q3));
	}

	@Test
	void gb18030CsvWithChineseHeadersBooleansAndDatesReadsAsTheDocument() {
		ObjectNode q2 = CityFixture.quarter("2026-Q2");
		var csv = SpreadsheetFixture.csv(q2, Headers.CHINESE, TextDecoding.GB18030, true, false);

		ParsedUpload parsed = UploadFiles.read(UploadFiles.files(this.dir, csv), "2026-Q2");

		assertThat(parsed.problems(UploadFiles.CONTEXTS)).isEmpty();
		assertThat(parsed.source()).contains("subjects.csv (GB18030)");
		assertThat(facts(parsed.tree())).isEqualTo(facts(q2));
		assertThat(parsed.tree().at("/subjects/0/name").textValue()).isEqualTo("河东区");
	}

	@Test
	void utf8CsvWithEnglishHeadersAndByteOrderMarkReadsAsTheDocument() {
		ObjectNode q1 = CityFixture.quarter("2026-Q1");
		var csv = SpreadsheetFixture.csv(q1, Headers.ENGLISH, StandardCharsets.UTF_8, false, true);

		ParsedUpload parsed = UploadFiles.read(UploadFiles.files(this.dir, csv), "2026-Q1");

		assertThat(parsed.problems(UploadFiles.CONTEXTS)).isEmpty();
		assertThat(parsed.source()).contains("UTF-8 (BOM)");
		assertThat(facts(parsed.tree())).isEqualTo(facts(q1));
	}

	@Test
	void badRowsInSeveralSheetsAreAllReportedAtTheirCells() throws IOException {
		XSSFWorkbook wb = new XSSFWorkbook();
		sheet(wb, "subjects", new String[] { "id", "type", "name", "group" },
				new Object[] { "C01", "COUNTY", "河东区", "城区组" }, new Object[] { "C02", "VILLAGE", "河西区", "城区组" },
				new Object[] { "D-ZJ", "DEPARTMENT", "市住建局", null });
		sheet(wb, "tasks", new String[] { "任务编号", "责任主体", "任务名称", "时间节点", "计划量", "完成量" },
				new Object[] { "T-1", "D-ZJ", "锅炉改造", "2026-08-31", 15, 18 },
				new Object[] { "T-2", "D-ZJ", "道路保洁", "2026-02-30", 5, 1 });
		sheet(wb, "violations", new String[] { "id", "subjectId", "on", "type", "color" },
				new Object[] { "V-1", "E9999", "2026-08-03", "OVER_STANDARD", "red" });
		UploadFile file = UploadFiles.file(this.dir, "bad.xlsx", bytes(wb));

		List<FactProblem> problems = UploadFiles.read(List.of(file), "2026-Q3").problems(UploadFiles.CONTEXTS);

		assertThat(problems).extracting(FactProblem::source, FactProblem::row, FactProblem::column, FactProblem::code)
			.containsExactlyInAnyOrder(tuple("violations", 1, "color (E)", "UNKNOWN_COLUMN"),
					tuple("subjects", 3, "type (B)", "UNKNOWN_VALUE"), tuple("tasks", 2, "done (F)", "DONE_EXCEEDS_PLANNED"),
					tuple("tasks", 3, "due (D)", "MALFORMED_DATE"), tuple("violations", 2, "subjectId (B)", "UNKNOWN_SUBJECT"));
		assertThat(problems).allSatisfy(p -> {
			assertThat(p.message()).isNotBlank();
			assertThat(p.messageEn()).isNotBlank();
		});
	}

	@Test
	void commentAndBlankRowsAreSkippedAndRowNumbersStayThoseExcelShows() {
		String csv = "id,type,name\r\n#C00,COUNTY,示例\r\n\r\nC01,COUNTY,河东区\r\nC02,TOWN,河西区\r\n";
		UploadFile file = UploadFiles.file(this.dir, "subjects.csv", csv.getBytes(StandardCharsets.UTF_8));

		ParsedUpload parsed = UploadFiles.read(List.of(file), "2026-Q3");

		assertThat(parsed.tree().get("subjects")).hasSize(2);
		assertThat(parsed.problems(UploadFiles.CONTEXTS)).singleElement()
			.satisfies(p -> assertThat(p).extracting(FactProblem::source, FactProblem::row, FactProblem::column)
				.containsExactly("subjects.csv", 5, "type (B)"));
	}

	@Test
	void aMissingRequiredColumnIsReportedOnceNotOnEveryRow() {
		String csv = "id,name\r\nC01,河东区\r\nC02,河西区\r\nC03,城南区\r\n";
		UploadFile file = UploadFiles.file(this.dir, "subjects.csv", csv.getBytes(StandardCharsets.UTF_8));

		List<FactProblem> problems = UploadFiles.read(List.of(file), "2026-Q3").problems(UploadFiles.CONTEXTS);

		assertThat(problems).singleElement()
			.satisfies(p -> assertThat(p).extracting(FactProblem::row, FactProblem::column, FactProblem::code)
				.containsExactly(1, "type", "MISSING_COLUMN"));
	}

	@Test
	void aMissingChecklistColumnIsReportedOnceWhileABlankItemIsReportedOnItsRow() {
		String subjects = "id,type,name,parentId\r\nC01,COUNTY,河东区,\r\nS1,SITE,某工地,C01\r\n";
		String items = String.join(",", SpreadsheetFixture.ITEMS.keySet().stream().filter(c -> !c.equals("MONITORING"))
			.map(c -> "items." + c).toList());
		String inspections = "id,siteId,at," + items + "\r\n" + "IN-1,S1,2026-08-11 10:00,TRUE,TRUE,TRUE,TRUE,TRUE,TRUE\r\n"
				+ "IN-2,S1,2026-08-12 10:00,TRUE,,TRUE,TRUE,TRUE,TRUE\r\n";
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("subjects.csv", subjects.getBytes(StandardCharsets.UTF_8));
		files.put("inspections.csv", inspections.getBytes(StandardCharsets.UTF_8));

		List<FactProblem> problems = UploadFiles.read(UploadFiles.files(this.dir, files), "2026-Q3")
			.problems(UploadFiles.CONTEXTS);

		assertThat(problems).extracting(FactProblem::row, FactProblem::column, FactProblem::code)
			.containsExactlyInAnyOrder(tuple(1, "items.MONITORING", "MISSING_COLUMN"),
					tuple(3, "items (D–I)", "MISSING_CHECKLIST_ITEM"));
	}

	@Test
	void aMissingPeriodIsAFormFieldProblem() {
		String csv = "id,type,name\r\nC01,COUNTY,河东区\r\n";
		UploadFile file = UploadFiles.file(this.dir, "subjects.csv", csv.getBytes(StandardCharsets.UTF_8));

		List<FactProblem> problems = UploadFiles.read(List.of(file), null).problems(UploadFiles.CONTEXTS);

		assertThat(problems).extracting(FactProblem::source, FactProblem::field, FactProblem::code)
			.containsExactly(tuple(TabularDocument.FORM, "period", "MISSING_FIELD"));
	}

	@Test
	void filesThatCannotBeTablesAreRefusedByName() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("subjects.csv", "id,type,name\r\nC01,COUNTY,河东区\r\n".getBytes(StandardCharsets.UTF_8));
		files.put("people.csv", "id\r\n".getBytes(StandardCharsets.UTF_8));
		files.put("tasks.csv", new byte[] { 'i', 'd', (byte) 0x80, '\n' });

		List<FactProblem> problems = UploadFiles.read(UploadFiles.files(this.dir, files), "2026-Q3")
			.problems(UploadFiles.CONTEXTS);

		assertThat(problems).extracting(FactProblem::source, FactProblem::code)
			.containsExactlyInAnyOrder(tuple("people.csv", "UNKNOWN_TABLE"), tuple("tasks.csv", "UNKNOWN_ENCODING"));
	}

	@Test
	void macroWorkbooksAndOldExcelAreRefused() {
		UploadFile xlsm = UploadFiles.file(this.dir, "q3.xlsm", new byte[] { 'P', 'K', 3, 4 });
		UploadFile xls = UploadFiles.file(this.dir, "q3.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 });

		assertThat(UploadFiles.read(List.of(xlsm), "2026-Q3").problems(UploadFiles.CONTEXTS)).extracting(FactProblem::code)
			.containsExactly("MACROS_REFUSED");
		assertThat(UploadFiles.read(List.of(xls), "2026-Q3").problems(UploadFiles.CONTEXTS)).extracting(FactProblem::code)
			.containsExactly("XLS_NOT_SUPPORTED");
	}

	@Test
	void somethingThatIsNotAWorkbookIsRefusedWithAReason() {
		UploadFile fake = UploadFiles.file(this.dir, "q3.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8));

		assertThat(UploadFiles.read(List.of(fake), "2026-Q3").problems(UploadFiles.CONTEXTS)).extracting(FactProblem::code)
			.containsExactly("UNREADABLE_WORKBOOK");
	}

	@Test
	void aSheetLongerThanTheLimitIsRefused() {
		String csv = "id,type,name\r\nC01,COUNTY,a\r\nC02,COUNTY,b\r\nC03,COUNTY,c\r\n";
		UploadFile file = UploadFiles.file(this.dir, "subjects.csv", csv.getBytes(StandardCharsets.UTF_8));

		ParsedUpload parsed = SpreadsheetUpload.read(List.of(file), new DocumentFields("2026-Q3", null, null),
				UploadFiles.CONTEXTS, 2);

		assertThat(parsed.problems(UploadFiles.CONTEXTS)).extracting(FactProblem::code).containsExactly("TOO_MANY_ROWS");
		assertThat(parsed.tree()).isNull();
	}

	private static void sheet(XSSFWorkbook wb, String name, String[] header, Object[]... rows) {
		Sheet sheet = wb.createSheet(name);
		Row h = sheet.createRow(0);
		for (int i = 0; i < header.length; i++) {
			h.createCell(i).setCellValue(header[i]);
		}
		for (int r = 0; r < rows.length; r++) {
			Row row = sheet.createRow(r + 1);
			for (int i = 0; i < rows[r].length; i++) {
				Object v = rows[r][i];
				if (v instanceof Number n) {
					row.createCell(i).setCellValue(n.doubleValue());
				}
				else if (v != null) {
					row.createCell(i).setCellValue(v.toString());
				}
			}
		}
	}

	static byte[] bytes(XSSFWorkbook wb) throws IOException {
		try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			wb.write(out);
			return out.toByteArray();
		}
	}

}

package org.kaohe.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kaohe.CityFixture;

import static org.assertj.core.api.Assertions.assertThat;

class FactTemplatesTests {

	@TempDir
	Path dir;

	@Test
	void workbookHasInstructionsOneSheetPerTableBilingualHeadersAndDropDowns() throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(FactTemplates.workbook(UploadFiles.CHECKLIST)))) {
			assertThat(wb.getSheetName(0)).isEqualTo("说明");
			for (FactTable t : FactSchema.tables()) {
				assertThat(wb.getSheet(t.name())).as(t.name()).isNotNull();
			}
			Sheet subjects = wb.getSheet("subjects");
			assertThat(subjects.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号 / id");
			assertThat(subjects.getRow(0).getCell(1).getStringCellValue()).isEqualTo("主体类型 / type");
			assertThat(subjects.getRow(1).getCell(0).getStringCellValue()).startsWith("#");
			List<String> constraints = new ArrayList<>();
			for (DataValidation v : subjects.getDataValidations()) {
				constraints.add(v.getValidationConstraint().getFormula1() + "");
				constraints.add(String.join(",", v.getValidationConstraint().getExplicitListValues() != null
						? v.getValidationConstraint().getExplicitListValues() : new String[0]));
			}
			assertThat(constraints).contains("list_SubjectType", "TRUE,FALSE");
			Sheet inspections = wb.getSheet("inspections");
			List<String> headers = new ArrayList<>();
			inspections.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).contains("周边围挡 / items.FENCING", "扬尘在线监测和视频监控联网 / items.MONITORING");
			assertThat(wb.isSheetHidden(wb.getSheetIndex("_lists"))).isTrue();
		}
	}

	@Test
	void theUntouchedTemplateUploadsAsAnEmptyPeriod() {
		UploadFile file = UploadFiles.file(this.dir, "template.xlsx", FactTemplates.workbook(UploadFiles.CHECKLIST));

		ParsedUpload parsed = UploadFiles.read(List.of(file), "2026-Q3");

		assertThat(parsed.problems(UploadFiles.CONTEXTS)).isEmpty();
		assertThat(parsed.tree().get("subjects")).isEmpty();
	}

	@Test
	void aFilledInTemplateUploadsAsTheDocument() throws IOException {
		ObjectNode q3 = CityFixture.quarter("2026-Q3");
		byte[] filled;
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(FactTemplates.workbook(UploadFiles.CHECKLIST)))) {
			for (FactTable t : FactSchema.tables()) {
				fill(wb.getSheet(t.name()), t, q3.get(t.name()));
			}
			filled = SpreadsheetUploadTests.bytes(wb);
		}
		UploadFile file = UploadFiles.file(this.dir, "2026-Q3.xlsx", filled);

		ParsedUpload parsed = UploadFiles.read(List.of(file), "2026-Q3");

		assertThat(parsed.problems(UploadFiles.CONTEXTS)).isEmpty();
		FactDocumentReader reader = new FactDocumentReader(UploadFiles.CONTEXTS);
		assertThat((JsonNode) FactJson.mapper().valueToTree(reader.readStored(parsed.tree())))
			.isEqualTo(FactJson.mapper().valueToTree(reader.readStored(q3)));
	}

	/** Types the rows under the template's examples, as a person would: by the header's field name. */
	private static void fill(Sheet sheet, FactTable table, JsonNode rows) {
		if (rows == null) {
			return;
		}
		Row header = sheet.getRow(0);
		int r = sheet.getLastRowNum() + 1;
		for (JsonNode row : rows) {
			Row xr = sheet.createRow(r++);
			for (Cell h : header) {
				String field = h.getStringCellValue().substring(h.getStringCellValue().indexOf(" / ") + 3);
				JsonNode v = field.startsWith("items.") ? row.path("items").get(field.substring(6)) : row.get(field);
				if (v == null || v.isNull()) {
					continue;
				}
				Cell c = xr.createCell(h.getColumnIndex());
				ColumnType type = field.startsWith("items.") ? ColumnType.BOOLEAN : table.column(field).orElseThrow().type();
				if (v.isBoolean()) {
					c.setCellValue(v.booleanValue());
				}
				else if (v.isNumber()) {
					c.setCellValue(v.doubleValue());
				}
				else if (type == ColumnType.DATE) {
					c.setCellValue(LocalDate.parse(v.textValue()));
					c.setCellStyle(sheet.getColumnStyle(h.getColumnIndex()));
				}
				else if (type == ColumnType.DATETIME) {
					c.setCellValue(LocalDateTime.parse(v.textValue()));
					c.setCellStyle(sheet.getColumnStyle(h.getColumnIndex()));
				}
				else {
					c.setCellValue(v.textValue());
				}
			}
		}
	}

	@Test
	void csvTemplateIsUtf8WithAMarkSoExcelShowsTheChinese() {
		byte[] csv = FactTemplates.csv(FactSchema.table("tasks").orElseThrow(), UploadFiles.CHECKLIST);

		assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
		String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith("任务编号 / id,责任主体 / ownerId,");
		// an example row is a comment row: its first cell starts with #
		assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("\"#T-017\",D-GX,").contains(",15,3,台,");
	}

	@Test
	void csvTemplateUploadsBackWithoutProblems() {
		List<UploadFile> files = new ArrayList<>();
		for (String table : List.of("subjects", "tasks")) {
			files.add(UploadFiles.file(this.dir, table + ".csv",
					FactTemplates.csv(FactSchema.table(table).orElseThrow(), UploadFiles.CHECKLIST)));
		}

		ParsedUpload parsed = UploadFiles.read(files, "2026-Q3");

		assertThat(parsed.problems(UploadFiles.CONTEXTS)).isEmpty();
		assertThat(parsed.tree().get("tasks")).isEmpty();
	}

}

package org.kaohe.history;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of a stored document.
 *
 * @param batchId the upload it belongs to
 * @param table the fact table
 * @param index its position in the table (0-based)
 * @param row the row as uploaded (validated JSON)
 */
public record StoredRow(String batchId, String table, int index, JsonNode row) {
}

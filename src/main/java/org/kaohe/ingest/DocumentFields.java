package org.kaohe.ingest;

/**
 * The document-level fields of a CSV or XLSX upload, which have no table of their own: they come from
 * the multipart form fields {@code period} (required), {@code submittedBy} and {@code schemaVersion}
 * (default 1), as typed; the validator checks them like the JSON fields.
 *
 * @param period the period the upload covers ({@code 2026-Q3})
 * @param submittedBy who submitted it, or null
 * @param schemaVersion the schema version as text, or null for the current one
 */
public record DocumentFields(String period, String submittedBy, String schemaVersion) {
}

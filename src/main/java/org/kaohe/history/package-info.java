/**
 * What the office has stored: every accepted upload of a period's facts, kept as a numbered revision
 * (corrections add revisions, nothing is overwritten), its rows for per-subject queries, and the
 * ranks computed from them. Uploads are validated whole before anything is written and are written in
 * one transaction, in batches.
 */
package org.kaohe.history;

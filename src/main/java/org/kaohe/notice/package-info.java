/**
 * The notice (通报) of an evaluation run as DOCX, HTML and PDF: one content model composed from the
 * run's effective outcomes (after appeals) and ranks, rendered in the typography of government
 * documents (GB/T 9704: title 小标宋, headings 黑体/楷体, body 仿宋 3号, page numbers "— 1 —").
 */
package org.kaohe.notice;

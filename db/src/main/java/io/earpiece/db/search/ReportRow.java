package io.earpiece.db.search;

/** One call of a period report: the call and how many objections, action items and segments it has. */
public record ReportRow(CallHit call, long objections, long actionItems, long segments) {
}

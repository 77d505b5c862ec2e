/**
 * The export SPI: an {@link io.earpiece.plugins.export.Exporter} delivers a
 * {@link io.earpiece.plugins.export.CallExport} under an idempotency key, and the outbox
 * ({@code io.earpiece.plugins.export.outbox}) retries it until delivered or failed for good.
 *
 * <p>How each connector keeps a retry from duplicating anything:
 * <ul>
 *   <li>HubSpot: ledger of created ids per key and step, then a notes/tasks search for the step's marker token
 *       (written into hs_note_body / hs_task_body) before creating.</li>
 *   <li>Salesforce: ledger, then a SOQL query for the exact ContentNote title / Task subject, which end with the
 *       marker, and for an existing ContentDocumentLink.</li>
 *   <li>Pipedrive: ledger, then the person's notes and activities are paged through for the marker.</li>
 *   <li>Slack: ledger only (incoming webhooks cannot be searched); a crash between Slack's 200 and the ledger
 *       write can repeat one chat message, which carries the reference.</li>
 *   <li>Webhooks: the {@code Idempotency-Key} header and body {@code id} are stable, receivers deduplicate.</li>
 * </ul>
 */
package io.earpiece.plugins.export;

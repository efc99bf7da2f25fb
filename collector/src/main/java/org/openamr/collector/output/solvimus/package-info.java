/**
 * The collector's Solvimus-compatible XML push over HTTP(S)
 * ({@link org.openamr.collector.output.solvimus.SolvimusXmlOutput}), the "XML TCP" format of SonoCollect 110/111,
 * so that software built for installed SonoCollects can take the collector's data. Settings:
 *
 * <pre>
 * url: https://receiver.example.org/push   # the full URL (OpenAMR server: …/ingest/v1/solvimus)
 * token: oamr_push_…                      # optional: sent as "Authorization: Bearer …"
 * caFile: /etc/openamr/receiver-ca.pem    # optional
 * timeoutSeconds: 30                      # optional
 * </pre>
 *
 * <p>Any 2xx confirms a delivery (foreign receivers know no batch numbers); 4xx are refusals, 5xx and network
 * failures retryable. The document ({@link org.openamr.collector.output.solvimus.SolvimusXml}) carries values
 * exactly (SCALE 1, VAL the decimal as stored) but not tariffs, subunits, maxima/minima or qualified values:
 * those are left out.
 */
package org.openamr.collector.output.solvimus;

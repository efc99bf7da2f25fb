/**
 * The collector's output to an OpenAMR server ({@link org.openamr.collector.output.server.OpenAmrServerOutput}) and
 * the HTTP(S) transport it shares with the Solvimus XML output.
 *
 * <p>On the server: create a channel of kind {@code CONCENTRATOR} in the collector's building and issue its push
 * token ({@code POST /api/v1/channels}, {@code POST /api/v1/channels/{id}/token}); the collector names itself in
 * every delivery, so one channel may carry several collectors. In the collector's configuration the output's
 * settings are {@link org.openamr.collector.output.server.OpenAmrServerOutput.Settings}:
 *
 * <pre>
 * url: https://amr.example.org        # the server; the output posts to /ingest/v1/readouts
 * token: oamr_push_…                  # the channel's push token
 * caFile: /etc/openamr/server-ca.pem  # optional: trust this CA (PEM or DER) instead of the JDK's
 * timeoutSeconds: 30                  # optional
 * </pre>
 *
 * <p>Each batch goes as the readouts JSON with the headers {@code X-OpenAMR-Collector}, {@code X-OpenAMR-Batch},
 * {@code X-OpenAMR-Queue-Depth} and {@code X-OpenAMR-Version}; the server stores a batch once and names it in its
 * answer, which is the only confirmation the output accepts (server/INGEST.md, "OpenAMR collectors"). Answers map
 * to the delivery contract as follows: 2xx naming the batch, delivered; 4xx (401 bad token, 403 channel disabled,
 * 409 batch number reused with other readouts, 413 too large) and 3xx, and a 2xx not naming the batch,
 * {@code REFUSED}; 5xx, 408, 429, timeouts, refused connections and TLS failures, {@code RETRYABLE}.
 */
package org.openamr.collector.output.server;

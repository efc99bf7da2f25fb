package org.openamr.collector.delivery;

/**
 * A destination the collector delivers to: the OpenAMR server, a Solvimus-format receiver, an FTP or SFTP
 * server, a mailbox, an MQTT broker. One instance per configured output; called from one thread at a time.
 */
public interface Output extends AutoCloseable {

    /** The output's name from the configuration, for logs, the web page and the store's queue. */
    String name();

    /**
     * Delivers the batch and returns only once the destination has confirmed it (HTTP 2xx naming the batch,
     * the FTP rename done, SMTP 250, MQTT PUBACK for every message): the collector then marks the batch
     * delivered. The same batch may be delivered again after a crash; an output that can, makes that harmless
     * (the server stores a batch once; files have deterministic names).
     *
     * @throws DeliveryException when the destination refused or could not be reached, with its answer
     */
    void deliver(Batch batch) throws DeliveryException;

    @Override
    default void close() {
    }
}

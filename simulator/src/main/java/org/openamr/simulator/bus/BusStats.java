package org.openamr.simulator.bus;

/**
 * Counters of a bus since it was built: what the master sent and what happened to the answers.
 *
 * @param frames     valid master frames received
 * @param unanswered frames no slave answered (not addressed, broadcast 255, unknown or undecodable)
 * @param replies    replies put on the bus (normal, corrupted, late and collisions)
 * @param collisions replies where two or more slaves answered at once
 * @param lost       replies dropped by fault injection
 * @param corrupted  replies with a flipped bit
 * @param late       replies sent after the response window
 */
public record BusStats(long frames, long unanswered, long replies, long collisions, long lost, long corrupted,
                       long late) {
}

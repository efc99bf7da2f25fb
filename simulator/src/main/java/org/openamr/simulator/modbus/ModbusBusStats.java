package org.openamr.simulator.modbus;

/**
 * Counters of a virtual Modbus bus since it was built.
 *
 * @param requests      requests received (valid frames)
 * @param unanswered    requests nobody answered: to an absent unit, broadcast (unit 0), or to a
 *                      unit whose fault is to stay silent
 * @param replies       replies sent, exceptions included
 * @param exceptions    of the replies, exception replies
 * @param faulted       of the replies, those a fault changed (damaged, late, another unit id,
 *                      a forced exception)
 * @param droppedFrames frames thrown away unanswered: RTU frames with a wrong CRC, fragments ended
 *                      by silence and overruns; Modbus TCP frames of another protocol id
 */
public record ModbusBusStats(long requests, long unanswered, long replies, long exceptions, long faulted,
                             long droppedFrames) {
}

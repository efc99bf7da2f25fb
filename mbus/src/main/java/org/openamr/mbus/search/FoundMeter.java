package org.openamr.mbus.search;

import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.SecondaryAddress;

/**
 * A meter a search found.
 *
 * @param address  its full secondary address
 * @param telegram the first telegram it sent when identified (already a readout of its first page)
 */
public record FoundMeter(SecondaryAddress address, VariableDataResponse telegram) {
}

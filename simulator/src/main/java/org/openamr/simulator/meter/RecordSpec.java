package org.openamr.simulator.meter;

import java.util.List;
import org.openamr.mbus.record.DataField;

/**
 * How a meter codes one register: data field and VIF/VIFE bytes. Storage, tariff and subunit come
 * from the register.
 */
public record RecordSpec(Register register, DataField field, List<Integer> vif) {

    public RecordSpec {
        vif = List.copyOf(vif);
    }

    static RecordSpec of(Register register, DataField field, Integer... vif) {
        return new RecordSpec(register, field, List.of(vif));
    }
}
